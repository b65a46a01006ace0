"""What a command reads: the settings of the nearest config, the files found, and stdin."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from okrlint.cli.app import UsageProblem


def settings_for(
    paths: tuple[Path, ...],
    config_path: Path | None,
    flags: dict[str, Any],
    stdin_filename: str | None = None,
) -> Any:
    """The settings of the nearest config (or --config), with command-line flags on top."""
    from okrlint.config import build_settings

    settings, _origin = build_settings(run_config(paths, config_path, stdin_filename), flags)
    return settings


def run_config(paths: tuple[Path, ...], config_path: Path | None, stdin_filename: str | None = None) -> Path | None:
    """The config of the run: --config, else the nearest one to the first path (or to the
    working directory): it governs the walk, stdin and the files no nearer config governs."""
    from okrlint.config import find_config

    if config_path is not None and not config_path.is_file():
        raise UsageProblem(f"{config_path}: config file not found")
    return config_path or find_config(_anchor(paths, stdin_filename))


def _anchor(paths: tuple[Path, ...], stdin_filename: str | None) -> Path:
    """Where the config search starts: the folder all the paths share (so that the order they
    are named in changes nothing), or for stdin alone its --stdin-filename."""
    named = [Path(os.path.abspath(p)) for p in paths if str(p) != "-" and _statable(p)]
    if len(named) == 1:
        return named[0]
    if named:
        try:
            return Path(os.path.commonpath(named))
        except ValueError:  # paths on different drives share no folder
            return min(named)
    if stdin_filename and has_stdin(paths):
        return Path(stdin_filename)
    return Path.cwd()


def gather(
    paths: tuple[Path, ...],
    settings: Any,
    stdin_filename: str | None,
    sniff_named: bool = False,
    stdin: bytes | None = None,
) -> tuple[Any, Any]:
    """Every file to read (directories walked, stdin last), loaded; and what discovery found."""
    from okrlint.api import read_all

    found = discover(paths, settings, sniff_named)
    return read_all(found, settings) + read_stdin(paths, settings, stdin_filename, stdin), found


def discover(paths: tuple[Path, ...], settings: Any, sniff_named: bool = False, *, sole_config: bool = False) -> Any:
    from okrlint.api import collect

    return collect([p for p in paths if str(p) != "-"], settings, sniff_named=sniff_named, sole_config=sole_config)


def read_stdin(
    paths: tuple[Path, ...], settings: Any, stdin_filename: str | None, stdin: bytes | None
) -> list[Any]:
    """Stdin loaded, when '-' is among the paths."""
    if not has_stdin(paths):
        return []
    from okrlint.loaders import format_for
    from okrlint.sources import load_bytes

    name = stdin_filename or "-"
    if stdin is None:
        stdin = sys.stdin.buffer.read(settings.max_file_size + 1)  # enough to tell too big
    fmt = format_for(name)
    if fmt is None:
        from okrlint.loaders.sniff import stdin_format

        # no name to go by: okrlint's YAML is told by its `objectives:` key, as a walk tells it
        fmt = stdin_format(stdin[:65536].decode("utf-8", errors="replace"))
    return [load_bytes(stdin, name, fmt, settings.max_file_size)]


def has_stdin(paths: tuple[Path, ...]) -> bool:
    return any(str(p) == "-" for p in paths)


def _statable(path: Path) -> bool:
    """Whether the config search can start at `path` (a name too long for the system cannot:
    discovery reports it as one line, like a missing file)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return True  # reported as missing later; its folder may still hold the config
    except (OSError, ValueError):
        return False
    return True


def settings_with(config: Path | None, flags: dict[str, Any], ignore: tuple[str, ...]) -> Any:
    """A config's settings with the command line on top, as ruff layers them: --select
    replaces the configured selection (its extend-select too), --extend-select adds to it, and
    --ignore comes last, so it also drops what the config (or its profile) selected."""
    from okrlint.config import build_settings

    cli_select, cli_extend = flags.get("select"), flags.get("extend_select") or []
    cli_ignore = split_codes(ignore) or []
    _check_codes("--select", cli_select or [])
    _check_codes("--extend-select", cli_extend)
    _check_codes("--ignore", cli_ignore)
    rest = {key: value for key, value in flags.items() if key not in ("select", "extend_select")}
    settings, _origin = build_settings(config, rest)
    # The config's selection is a layer below the command line: an --ignore drops what it
    # selected; what the command line itself selects weighs against its --ignore by the
    # longest prefix, as ruff weighs one layer's select and ignore.
    from_config = settings.select if cli_select is None else None
    config_extend = settings.extend_select if cli_select is None else []
    return settings.merged(
        {
            "select": _kept(from_config, cli_ignore) if from_config is not None else cli_select,
            "extend_select": [*_kept(config_extend, cli_ignore), *cli_extend],
            "ignore": [*settings.ignore, *cli_ignore],
        }
    )


def _kept(selected: list[str], ignored: list[str]) -> list[str]:
    """The selectors (codes, prefixes or names) an ignore on the command line leaves."""
    if not ignored:
        return list(selected)
    from okrlint.api import default_rulebook
    from okrlint.config import selector_prefix

    rulebook = default_rulebook()
    covered = [selector_prefix(rulebook, i) or "" for i in ignored]  # (checked: each names rules)
    return [s for s in selected if not any((selector_prefix(rulebook, s) or s).startswith(c) for c in covered)]


def _check_codes(option: str, codes: list[str]) -> None:
    """A code or name on the command line that names no rule is the command line's error."""
    from okrlint.api import default_rulebook
    from okrlint.config import did_you_mean, selector_prefix

    rulebook = default_rulebook()
    for code in codes:
        if selector_prefix(rulebook, code) is None:
            hint = did_you_mean(code.strip(), [*rulebook.rules, *rulebook.by_name])
            raise UsageProblem(f"{option}: unknown rule or prefix '{code}'{hint}")


def config_groups(
    found: Any,
    config: Path | None,
    settings: Any,
    flags: dict[str, Any],
    ignore: tuple[str, ...],
    *,
    explicit: bool,
    stdin: tuple[Path | None, list[Any]],
) -> list[tuple[Any, Any, list[Any]]]:
    """(settings, the files they govern, stdin if it is theirs) per config."""
    from okrlint.projects import governed
    from okrlint.sources import Discovery

    stdin_config, from_stdin = stdin
    if explicit:
        return [(settings, found, from_stdin)]
    parts = governed(found.files, config, settings, lambda c: settings_with(c, flags, ignore))
    groups: list[tuple[Any, Any, list[Any]]] = [
        (own, Discovery(files=files), from_stdin if governing == stdin_config else [])
        for governing, own, files in parts
    ]
    if from_stdin and all(governing != stdin_config for governing, _own, _files in parts):
        own = settings if stdin_config == config else settings_with(stdin_config, flags, ignore)
        groups.append((own, Discovery(), from_stdin))
    return groups or [(settings, Discovery(), [])]


def split_codes(values: tuple[str, ...]) -> list[str] | None:
    """Codes given to --select/--ignore, comma-separated or repeated; None when none were."""
    items = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return items or None
