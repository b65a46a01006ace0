"""Settings: profile -> config file ([tool.okrlint] or .okrlint.toml) -> command-line flags."""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import math
import os
import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from okrlint.findings import Severity
from okrlint.resources import data_dir
from okrlint.rulebook import Rulebook

FailOn = Literal["error", "warning", "info", "never"]
CONFIG_FILES = (".okrlint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
# Files are read whole into memory; past this a setting is a mistake, not a choice.
MAX_FILE_SIZE_LIMIT = 1024 * 1024 * 1024
_PROFILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ConfigError(Exception):
    """Bad configuration: the message names the file and key; the CLI exits 2."""


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the closest valid name (difflib), or "" when none is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


@cache
def profiles() -> tuple[str, ...]:
    """The names of the bundled profiles (default, google, lenient, radical-focus)."""
    folder = data_dir("rules") / "profiles"
    return tuple(sorted(path.stem for path in folder.glob("*.toml")))


class Settings(BaseModel):
    """Everything that changes what a run reports. Keys are kebab-case in TOML.

    `Settings()` is the default profile; `Settings.from_project(path)` reads the nearest
    `[tool.okrlint]` or `.okrlint.toml` as the command line does.
    """

    model_config = ConfigDict(
        extra="forbid", alias_generator=_kebab, populate_by_name=True, validate_assignment=True
    )

    # Another config file whose settings these build on (ruff's `extend`), relative to this
    # file's folder: its keys apply first, these override them (tables key by key).
    extend: str | None = None
    profile: str = "default"
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    severity: dict[str, Severity] = Field(default_factory=dict)
    thresholds: dict[str, float] = Field(default_factory=dict)
    lexicon: dict[str, list[str]] = Field(default_factory=dict)
    nlp_model: str | None = None
    fail_on: FailOn = "warning"
    # How to read "03/04/2026": day first (dmy), month first (mdy), or only when it shows (auto).
    date_order: Literal["auto", "dmy", "mdy"] = "auto"
    max_file_size: int = Field(default=DEFAULT_MAX_FILE_SIZE, gt=0, le=MAX_FILE_SIZE_LIMIT)
    # The date the hygiene rules (H7) measure against: `--today`, never a config-file key.
    # None (the library's default) keeps them silent rather than read the clock.
    today: dt.date | None = None

    # The folder that excludes and per-file-ignores are anchored at (the config file's).
    _root: Path | None = PrivateAttr(default=None)
    _resolved: bool = PrivateAttr(default=False)
    _origin: str = PrivateAttr(default="settings")  # the config file, for error messages

    @field_validator("profile")
    @classmethod
    def _known_profile(cls, name: str) -> str:
        # A profile is a bundled name, never a path: no absolute or '..' paths to any TOML.
        if not _PROFILE_NAME.match(name) or name not in profiles():
            hint = did_you_mean(name, profiles()) or f" (known: {', '.join(profiles())})"
            raise ValueError(f"unknown profile '{name}'{hint}")
        return name

    @field_validator("thresholds", mode="before")
    @classmethod
    def _real_numbers(cls, values: Any) -> Any:
        if not isinstance(values, dict):
            return values
        for key, value in values.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"threshold '{key}' must be a number, not {value!r}")
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"threshold '{key}' must be a finite number, 0 or more")
        return values

    @property
    def root(self) -> Path:
        """The folder `exclude` and `per-file-ignores` patterns are anchored at."""
        return self._root if self._root is not None else Path.cwd()

    def anchored_at(self, root: Path | None) -> Settings:
        """A copy whose patterns are anchored at `root` (the config file's folder)."""
        copy = self.model_copy()
        copy._root = root.resolve() if root is not None else None
        copy._resolved = self._resolved
        copy._origin = self._origin
        return copy

    def merged(self, overrides: dict[str, Any]) -> Settings:
        """A copy with `overrides` (snake_case keys) applied; None values are ignored."""
        # Only the keys set so far (and the overrides) count as set, so a profile beneath
        # still supplies the rest (see `resolved`).
        data = self.model_dump(exclude_unset=True)
        for key, value in overrides.items():
            if value is None:
                continue
            current = getattr(self, key, None)
            if isinstance(value, dict) and isinstance(current, dict):
                data[key] = {**current, **value}
            else:
                data[key] = value
        merged = Settings.model_validate(data)
        merged._root = self._root
        merged._resolved = self._resolved
        merged._origin = self._origin
        return merged

    def resolved(self) -> Settings:
        """These settings on top of their profile's (what a run uses); idempotent."""
        if self._resolved:
            return self
        base = Settings.model_validate(load_profile(self.profile))
        settings = base.merged(self.model_dump(exclude_unset=True))
        settings._root = self._root
        settings._resolved = True
        settings._origin = self._origin
        return settings

    @classmethod
    def from_project(
        cls, path: str | os.PathLike[str] = ".", *, config: str | os.PathLike[str] | None = None
    ) -> Settings:
        """The settings the command line uses for `path`: the nearest `.okrlint.toml` or
        `pyproject.toml` with `[tool.okrlint]` (or `config`), on top of its profile."""
        config_path = Path(config) if config is not None else find_config(Path(path))
        if config_path is not None and not config_path.is_file():
            raise ConfigError(f"{config_path}: config file not found")
        settings, _origin = build_settings(config_path, {})
        return settings


class PatternSet:
    """Gitignore-style patterns anchored at one folder (the config file's), one matcher."""

    def __init__(self, patterns: Iterable[str], root: Path, *, nearest: bool = True) -> None:
        """`nearest`: each file answers to its nearest config, so these patterns exclude
        nothing a config below their folder governs (False: they govern every file)."""
        from pathspec import GitIgnoreSpec

        self.patterns = list(patterns)
        self.root = root.resolve()
        self._spec = GitIgnoreSpec.from_lines(self.patterns) if self.patterns else None
        self._configs: dict[Path, bool] = {}  # folder -> holds a config of its own
        self._nearest = nearest

    def matches(self, path: str | Path, is_dir: bool = False) -> bool:
        """Whether `path` (absolute, or relative to the working directory) is matched."""
        if self._spec is None:
            return False
        relative = relative_to(Path(path), self.root)
        if relative is None:
            return False
        return bool(self._spec.match_file(relative + ("/" if is_dir else "")))

    def excludes(self, path: str | Path, is_dir: bool = False) -> bool:
        """Whether these patterns exclude `path`: they match it and it is theirs to decide, no
        config between their folder and it governing it instead (as ruff, each file's nearest
        config decides; a team's folder with its own config answers to that config alone)."""
        if not self.matches(path, is_dir):
            return False
        return not (self._nearest and self._governed_below(Path(os.path.abspath(path)), is_dir))

    def _governed_below(self, path: Path, is_dir: bool) -> bool:
        folder = path if is_dir else path.parent
        while folder != self.root and self.root in folder.parents:
            if folder not in self._configs:
                self._configs[folder] = config_in(folder) is not None
            if self._configs[folder]:
                return True
            folder = folder.parent
        return False


def relative_to(path: Path, root: Path) -> str | None:
    """`path` relative to `root` with '/' separators, or None when it is not below it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return None


def selector_prefix(rulebook: Rulebook, selector: str) -> str | None:
    """The code prefix a selector stands for (a code, a prefix, a name; "" for ALL), or None
    when it names no rule."""
    text = selector.strip()
    if text.upper() == "ALL":
        return ""
    rule = rulebook.rules.get(text.upper()) or rulebook.by_name.get(text.lower())
    if rule is not None:
        return rule.code
    prefix = text.upper()
    if prefix and any(code.startswith(prefix) for code in rulebook.rules):
        return prefix
    return None


class RuleSelection:
    """Which rules run, at what severity, with which thresholds — resolved against the rulebook."""

    def __init__(self, settings: Settings, rulebook: Rulebook, origin: str | None = None) -> None:
        self.settings = settings
        self.rulebook = rulebook
        self.origin = origin or settings._origin
        self._params: dict[str, dict[str, Any]] = {}
        select = settings.select if settings.select is not None else ["ALL"]
        self._select = [self._selector(s, "select") for s in [*select, *settings.extend_select]]
        self._ignore = [self._selector(s, "ignore") for s in settings.ignore]
        self._per_file = [
            (
                PatternSet([pattern], settings.root),
                [self._selector(s, "per-file-ignores") for s in codes],
            )
            for pattern, codes in settings.per_file_ignores.items()
        ]
        names = [*rulebook.rules, *rulebook.by_name]
        for code in settings.severity:
            if rulebook.get(code) is None:
                raise ConfigError(
                    f"{self.origin}: unknown rule '{code}' in 'severity'{did_you_mean(code, names)}"
                )
        known = thresholds(rulebook)
        for key in settings.thresholds:
            if key not in known:
                hint = did_you_mean(key, known) or f" (known: {', '.join(sorted(known))})"
                raise ConfigError(f"{self.origin}: unknown threshold '{key}' in 'thresholds'{hint}")

    def _selector(self, selector: str, key: str) -> str:
        prefix = selector_prefix(self.rulebook, selector)
        if prefix is None:
            hint = did_you_mean(selector.strip(), [*self.rulebook.rules, *self.rulebook.by_name])
            raise ConfigError(f"{self.origin}: unknown rule or prefix '{selector}' in '{key}'{hint}")
        return prefix

    def enabled(self, code: str, path: str | None = None) -> bool:
        """Whether findings of `code` are reported (for `path`, with its per-file-ignores)."""
        # Longest matching prefix wins between select and ignore; a tie goes to ignore (ruff).
        chosen = max((len(p) for p in self._select if code.startswith(p)), default=-1)
        ignores = list(self._ignore)
        if path is not None:
            ignores += [
                p for patterns, codes in self._per_file if patterns.matches(path) for p in codes
            ]
        dropped = max((len(p) for p in ignores if code.startswith(p)), default=-1)
        if code == "E001":
            # A file that cannot be parsed was not checked at all: only an explicit ignore hides it.
            return "E001" not in ignores
        rule = self.rulebook.rules.get(code)
        if rule is not None and rule.opt_in and code not in self._select:
            return False  # an opt-in rule runs only when its code is selected ("ALL" is not enough)
        return chosen > dropped

    def severity(self, code: str) -> Severity | None:
        """The configured severity of `code`, or None for the rule's own."""
        rule = self.rulebook.get(code)
        for key, level in self.settings.severity.items():
            if self.rulebook.get(key) is rule:
                return level
        return None

    def params(self, code: str) -> dict[str, Any]:
        """The rule's parameters with configured thresholds applied (computed once per rule)."""
        if code not in self._params:
            rule = self.rulebook.rules[code]
            thresholds = self.settings.thresholds
            self._params[code] = {
                key: _like(thresholds[key], value) if key in thresholds else value
                for key, value in rule.params.items()
            }
        return self._params[code]


def _like(configured: float, default: Any) -> Any:
    """A configured threshold in the type of the rule's own value: "2 or fewer", not "2.0"."""
    if isinstance(default, int) and not isinstance(default, bool) and float(configured).is_integer():
        return int(configured)
    return configured


def thresholds(rulebook: Rulebook) -> set[str]:
    """The configurable thresholds: the rules' numeric parameters (not `code` and the like)."""
    return {
        key
        for rule in rulebook
        for key, value in rule.params.items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    }


def load_profile(name: str) -> dict[str, Any]:
    """The settings of a bundled profile, by name."""
    if not _PROFILE_NAME.match(name) or name not in profiles():
        hint = did_you_mean(name, profiles()) or f" (known: {', '.join(profiles())})"
        raise ConfigError(f"unknown profile '{name}'{hint}")
    path = data_dir("rules") / "profiles" / f"{name}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def find_config(start: Path) -> Path | None:
    """The nearest .okrlint.toml, or pyproject.toml with [tool.okrlint], walking up from `start`."""
    start = Path(os.path.abspath(start))
    # os.path's tests, not Path's: in a folder that cannot be searched they answer False
    # where Path.is_dir raises; its files are reported unreadable (E001), the run goes on.
    folder = start if os.path.isdir(start) else start.parent
    for candidate in [folder, *folder.parents]:
        found = config_in(candidate)
        if found is not None:
            return found
    return None


def config_in(folder: Path) -> Path | None:
    """The config file in `folder` itself (its parents aside), if it holds one."""
    for name in CONFIG_FILES:
        path = folder / name
        if not os.path.isfile(path):
            continue
        if name == "pyproject.toml":
            tool = _read_toml(path).get("tool", {})
            if not isinstance(tool, dict) or "okrlint" not in tool:
                continue
        return path
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error


def read_config(path: Path) -> dict[str, Any]:
    """The okrlint table of a config file (whole file for .okrlint.toml)."""
    data = _read_toml(path)
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table, not {type(tool).__name__}")
    table = tool.get("okrlint", {})
    if not isinstance(table, dict):
        raise ConfigError(
            f"{path}: 'tool.okrlint' must be a table ([tool.okrlint]), not {type(table).__name__}"
        )
    return dict(table)


_KEYS = sorted(_kebab(name) for name in Settings.model_fields)


def _explain(error: ValidationError, origin: str) -> ConfigError:
    """One line naming the file and the key, with the closest valid key for a typo."""
    first = error.errors()[0]
    loc = [str(part) for part in first["loc"]]
    where = ".".join(loc)
    if first["type"] == "extra_forbidden":
        return ConfigError(f"{origin}: unknown key '{where}'{did_you_mean(where, _KEYS)}")
    message = str(first["msg"]).removeprefix("Value error, ")
    if where:
        return ConfigError(f"{origin}: '{where}': {message}")
    return ConfigError(f"{origin}: {message}")


def _check_lexicons(table: Any, origin: str) -> None:
    """A `[lexicon]` name that is no bundled lexicon, named with its file and the closest name."""
    if not isinstance(table, dict):
        return  # the model reports a value of the wrong type
    known = sorted(path.stem for path in (data_dir("corpora") / "lexicons").glob("*.txt"))
    for name in sorted(table):
        if name not in known:
            raise ConfigError(f"{origin}: unknown lexicon '{name}' in 'lexicon'{did_you_mean(name, known)}")


# Keys whose tables merge key by key when one config extends another (the rest are replaced).
_TABLE_KEYS = ("per-file-ignores", "severity", "thresholds", "lexicon")
_MAX_EXTENDS = 10


def _extended(config_path: Path, data: dict[str, Any], seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The config's keys on top of those of the file it extends (and that file's own base),
    the base's `exclude` and `per-file-ignores` patterns re-anchored at this file's folder."""
    target = data.pop("extend", None)
    if target is None:
        return data
    origin = str(config_path)
    if not isinstance(target, str) or not target.strip():
        raise ConfigError(f"{origin}: 'extend' must be the path of another config file")
    base_path = (config_path.parent / Path(target).expanduser()).resolve()
    if base_path in seen or base_path == config_path.resolve():
        chain = " -> ".join(str(p) for p in (*seen, config_path.resolve(), base_path))
        raise ConfigError(f"{origin}: 'extend' makes a loop: {chain}")
    if len(seen) >= _MAX_EXTENDS:
        raise ConfigError(f"{origin}: 'extend' goes more than {_MAX_EXTENDS} files deep")
    if not base_path.is_file():
        raise ConfigError(f"{origin}: 'extend': {target}: no such config file")
    base = _extended(base_path, read_config(base_path), (*seen, config_path.resolve()))
    _reanchor(base, base_path.parent.resolve(), config_path.parent.resolve())
    merged = {**base, **data}
    for key in _TABLE_KEYS:
        if isinstance(base.get(key), dict) and isinstance(data.get(key), dict):
            merged[key] = {**base[key], **data[key]}
    return merged


def _reanchor(data: dict[str, Any], base_root: Path, root: Path) -> None:
    """The base's gitignore-style patterns, rewritten to mean the same from `root` (a folder
    at or below the base's): a pattern with no inner "/" matches at any depth and stays; an
    anchored one keeps the part below `root`, or goes when it points elsewhere."""
    if isinstance(data.get("exclude"), list):
        data["exclude"] = [p for p in (_moved(p, base_root, root) for p in data["exclude"]) if p]
    if isinstance(data.get("per-file-ignores"), dict):
        moved = {_moved(k, base_root, root): v for k, v in data["per-file-ignores"].items()}
        data["per-file-ignores"] = {k: v for k, v in moved.items() if k}


def _moved(pattern: Any, base_root: Path, root: Path) -> Any:
    if not isinstance(pattern, str) or base_root == root:
        return pattern
    below = relative_to(root, base_root)
    if below is None:
        return None  # the base's folder is not above this one: its patterns reach none of it
    negated, body = (pattern.startswith("!"), pattern[1:] if pattern.startswith("!") else pattern)
    if "/" not in body.rstrip("/") or body.startswith("**/"):
        return pattern  # "drafts/", "*.bak", "**/old": at any depth, from here as from there
    parts, prefix = body.lstrip("/").split("/"), below.split("/")
    if len(parts) <= len(prefix) or not all(fnmatch.fnmatchcase(a, b) for a, b in zip(prefix, parts, strict=False)):
        return None  # "teams/b/old/" seen from teams/a: not ours
    return ("!" if negated else "") + "/" + "/".join(parts[len(prefix) :])


def build_settings(config_path: Path | None, flags: dict[str, Any]) -> tuple[Settings, str]:
    """Merge profile, config file and flags; returns the settings and where they came from."""
    file_data = read_config(config_path) if config_path else {}
    origin = str(config_path) if config_path else "command line"
    if config_path is not None:
        file_data = _extended(config_path, file_data)
    if "today" in file_data:
        raise ConfigError(f"{origin}: unknown key 'today' (it is the --today option)")
    if config_path is not None and config_path.name != "pyproject.toml" and "tool" in file_data:
        raise ConfigError(
            f"{origin}: unknown key 'tool'; [tool.okrlint] belongs in pyproject.toml,"
            " in .okrlint.toml write its keys at the top level"
        )
    _check_lexicons(file_data.get("lexicon"), origin)
    try:
        from_file = Settings.model_validate(file_data)
    except ValidationError as error:
        raise _explain(error, origin) from error
    root = config_path.parent if config_path else None
    from_file._origin = origin
    try:
        settings = from_file.anchored_at(root).merged(flags)
    except ValidationError as error:
        raise _explain(error, "command line") from error
    try:
        settings = settings.resolved()
    except ValidationError as error:
        raise _explain(error, origin) from error
    if settings.nlp_model and not _looks_like_pipeline(settings.nlp_model):
        raise ConfigError(
            f"{origin}: 'nlp-model': '{settings.nlp_model}' is not an installed spaCy pipeline"
            " (a package such as en_core_web_sm, or a folder with config.cfg)"
        )
    return settings, origin


def _looks_like_pipeline(name: str) -> bool:
    """A spaCy pipeline package (it ships meta.json) or folder (config.cfg), checked without
    importing spaCy or the package."""
    import importlib.util

    folder = Path(name).expanduser()
    if os.sep in name or "/" in name or folder.is_dir():
        return (folder / "config.cfg").is_file()
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    if spec is None or not spec.submodule_search_locations:
        return False
    return any((Path(p) / "meta.json").is_file() for p in spec.submodule_search_locations)
