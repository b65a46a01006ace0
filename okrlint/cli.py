"""The command line: click wiring, I/O and exit codes only."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn

import click

from okrlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Paths are checked by okrlint itself: an unreadable file is an E001 finding, not a usage error.
PATHS = click.Path(path_type=Path, allow_dash=True, readable=False)
FORMAT_NAMES = ["text", "json", "jsonl", "github", "sarif", "rdjson"]


class UsageProblem(Exception):
    """A problem the user can fix (bad path, config, rule name): one line, exit 2."""


def _colour(err: bool = False) -> bool:
    """Colour on a terminal, never with NO_COLOR (no-color.org) or TERM=dumb; FORCE_COLOR
    for CI logs."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    forced = os.environ.get("FORCE_COLOR", "").strip().lower() not in ("", "0", "false", "no")
    return forced or (sys.stderr if err else sys.stdout).isatty()


def _fail(message: str) -> NoReturn:
    click.echo(f"okrlint: error: {_visible(message)}", err=True)
    sys.exit(EXIT_ERROR)


def guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn known errors into one stderr line and exit 2; never show a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, SystemExit, BrokenPipeError):
            raise  # click exits quietly when the reader of stdout went away (`| head`)
        except Exception as error:
            if isinstance(error, UsageProblem) or _user_error(error):
                _fail(str(error))
            # A bug: still one line, with what to report.
            _fail(f"internal error: {type(error).__name__}: {error} (please report this)")

    return wrapper


# Errors the user can fix (a config, a rule file, a pipeline), looked up by module: a module
# never imported raised none of them, and `okrlint rules` need not import the analyzer.
_USER_ERRORS = (
    ("okrlint.config", "ConfigError"),
    ("okrlint.rulebook", "RuleError"),
    ("okrlint.nlp", "AnalyzerError"),
)


def _user_error(error: Exception) -> bool:
    for module, name in _USER_ERRORS:
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(error, getattr(loaded, name)):
            return True
    return False


def _settings(
    paths: tuple[Path, ...],
    config_path: Path | None,
    flags: dict[str, Any],
    stdin_filename: str | None = None,
) -> Any:
    """The settings of the nearest config (or --config), with command-line flags on top."""
    from okrlint.config import build_settings, find_config

    if config_path is not None and not config_path.is_file():
        raise UsageProblem(f"{config_path}: config file not found")
    settings, _origin = build_settings(
        config_path or find_config(_anchor(paths, stdin_filename)), flags
    )
    return settings


def _anchor(paths: tuple[Path, ...], stdin_filename: str | None) -> Path:
    """Where the config search starts: the first path, or for stdin its --stdin-filename."""
    for path in paths:
        if str(path) != "-" and _statable(path):
            return path
        if stdin_filename:
            return Path(stdin_filename)
    return Path.cwd()


def _gather(
    paths: tuple[Path, ...],
    settings: Any,
    stdin_filename: str | None,
    sniff_named: bool = False,
    stdin: bytes | None = None,
) -> tuple[Any, Any]:
    """Every file to read (directories walked, stdin last), loaded; and what discovery found."""
    from okrlint.api import read_all

    found = _discover(paths, settings, sniff_named)
    return read_all(found, settings) + _stdin(paths, settings, stdin_filename, stdin), found


def _discover(paths: tuple[Path, ...], settings: Any, sniff_named: bool = False) -> Any:
    from okrlint.api import collect

    return collect([p for p in paths if str(p) != "-"], settings, sniff_named=sniff_named)


def _stdin(
    paths: tuple[Path, ...], settings: Any, stdin_filename: str | None, stdin: bytes | None
) -> list[Any]:
    """Stdin loaded, when '-' is among the paths."""
    if not _has_stdin(paths):
        return []
    from okrlint.loaders import format_for
    from okrlint.sources import load_bytes

    name = stdin_filename or "-"
    if stdin is None:
        stdin = sys.stdin.buffer.read(settings.max_file_size + 1)  # enough to tell too big
    return [load_bytes(stdin, name, format_for(name) or "text", settings.max_file_size)]


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


def _split(values: tuple[str, ...]) -> list[str] | None:
    items = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return items or None


class _UsageLine(click.UsageError):
    def show(self, file: Any = None) -> None:
        hint = f"; see '{self.ctx.command_path} --help'" if self.ctx is not None else ""
        click.echo(f"okrlint: error: {self.format_message().rstrip('.')}{hint}", err=True)


@contextmanager
def _one_line_usage() -> Iterator[None]:
    """A usage error is one line on stderr, like every other error, not click's usage block."""
    try:
        yield
    except click.UsageError as error:
        if isinstance(error, _UsageLine | getattr(click.exceptions, "NoArgsIsHelpError", ())):
            raise  # already one line, or `okrlint` alone, which shows the help
        raise _UsageLine(error.format_message(), error.ctx) from None


class _Group(click.Group):
    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _one_line_usage():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with _one_line_usage():
            return super().invoke(ctx)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="okrlint", message="%(prog)s %(version)s")
def main() -> None:
    """okrlint: find the pitfalls in OKRs and coach their authors."""
    # A short-lived process: collect garbage rarely (imports and the run build many objects
    # that live to the end anyway); this saves about a tenth of a cold start.
    gc.set_threshold(100_000, 50, 100)


def today_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--today YYYY-MM-DD: the date the hygiene rules and the coach measure against."""
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Date to check progress against, YYYY-MM-DD [default: today's date].",
    )(command)


def _today(value: Any) -> Any:
    """The --today value as a date; the clock is read here, never inside a check."""
    import datetime as dt

    return value.date() if value is not None else dt.date.today()


@main.command()
@click.argument("paths", nargs=-1, type=PATHS)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMAT_NAMES),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the report to this file instead of stdout.",
)
@click.option(
    "--select", multiple=True, help="Rules to run: codes, names or prefixes (O1, task-not-outcome)."
)
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, names or prefixes.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: warning].",
)
@click.option(
    "--profile", default=None, help="Threshold profile: default, google, radical-focus, lenient."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Config file (.okrlint.toml or pyproject.toml) instead of the one found.",
)
@click.option(
    "--stdin-filename", default=None, help="Name (and so format) of the input read from '-'."
)
@click.option("--fix", is_flag=True, help="Apply the fixes okrlint is sure of, in place.")
@click.option(
    "--diff", is_flag=True, help="Print the fixes as a unified diff instead of applying them."
)
@click.option(
    "--unsafe-fixes", is_flag=True, help="Also apply (or show) fixes that may change the meaning."
)
@click.option(
    "--context",
    "context_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Also read the OKR files under this path for the cross-file rules (parents, totals"
    " per owner) without reporting on them; the pre-commit hook passes '.'.",
)
@click.option(
    "--skip-non-okr",
    is_flag=True,
    help="Skip named files that do not look like OKRs, as a directory walk does.",
)
@click.option("--statistics", is_flag=True, help="Count findings per rule, one row per code.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no source or summary.")
@click.option("--no-hints", is_flag=True, help="Do not print a hint under each finding.")
@today_option
@click.option("--no-source", is_flag=True, help="Do not print the source line of each finding.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=None,
    help="Processes that lint files at once; 1 lints in this process"
    " [default: one per CPU, for runs of many files].",
)
@guarded
def check(
    paths: tuple[Path, ...],
    output_format: str,
    output_file: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    profile: str | None,
    config_path: Path | None,
    stdin_filename: str | None,
    fix: bool,
    diff: bool,
    unsafe_fixes: bool,
    context_paths: tuple[Path, ...],
    skip_non_okr: bool,
    statistics: bool,
    quiet: bool,
    no_hints: bool,
    today: Any,
    no_source: bool,
    jobs: int | None,
) -> None:
    """Lint OKR files (YAML, Markdown, text) and directories; '-' reads stdin."""
    from okrlint.api import fix_results

    paths = paths or (Path("."),)
    flags = {
        "select": _split(select),
        "extend_select": _split(extend_select),
        "fail_on": fail_on,
        "profile": profile,
        "today": _today(today),
    }
    settings = _settings(paths, config_path, flags, stdin_filename)
    # --ignore adds to the configured ignores; --select replaces the configured selection.
    settings = settings.merged({"ignore": [*settings.ignore, *(_split(ignore) or [])]})
    stdin = sys.stdin.buffer.read(settings.max_file_size + 1) if _has_stdin(paths) else None
    found = _discover(paths, settings, skip_non_okr)
    from_stdin = _stdin(paths, settings, stdin_filename, stdin)

    if not found.files and not from_stdin:
        if not found.errors and not found.warnings and found.excluded:
            pass  # every path named was excluded by the config (or is no OKR file): nothing to do
        else:
            # Nothing to lint: a report would read as a clean bill; print only why, as errors.
            for error in [*found.errors, *found.warnings] or ["no OKR files to check"]:
                click.echo(f"okrlint: error: {_visible(error)}", err=True)
            sys.exit(EXIT_ERROR)

    context = _context(context_paths, settings)
    if fix or diff:
        from okrlint.api import read_all

        results = read_all(found, settings) + from_stdin
        outcome = fix_results(results, settings, unsafe=unsafe_fixes, context=context)
        report = outcome.report
        if diff:
            _print_diff(outcome, found, stdin)
            _warn(found)
            sys.exit(EXIT_FINDINGS if outcome.fixed else EXIT_OK)
        fixed_stdin = _write_fixes(outcome, found, stdin)
        if fixed_stdin is not None:
            sys.stdout.buffer.write(fixed_stdin)
            sys.stdout.flush()
    else:
        from okrlint.api import lint_found

        outcome = None
        with _progress(len(found.files), quiet) as advance:
            report = lint_found(
                found, settings, extra=from_stdin, context=context, jobs=jobs, progress=advance
            )

    options = {
        "statistics": statistics,
        "quiet": quiet,
        "hints": not no_hints,
        "source": not no_source,
        "unsafe_fixes": unsafe_fixes,
    }
    to_stderr = outcome is not None and stdin is not None  # stdout holds the fixed text
    _emit(report, output_format, output_file, options, to_stderr)
    if outcome is not None and outcome.fixed and output_format == "text" and output_file is None:
        total = sum(outcome.fixed.values())
        noun = "finding" if total == 1 else "findings"
        click.echo(f"Fixed {total} {noun} in {len(outcome.fixed)} file(s).", err=to_stderr)
    _warn(found)
    if found.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(_exit_code(report, settings.fail_on))


# A bar on stderr for runs this long (and only on a terminal: never in a log or a pipe).
PROGRESS_FILES = 50


@contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """`advance(n)` moves a progress bar on stderr by n files, when one is shown."""
    if quiet or total < PROGRESS_FILES or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(
        length=total, label="Checking", file=sys.stderr, show_pos=True, width=30
    ) as bar:
        yield bar.update


def _has_stdin(paths: tuple[Path, ...]) -> bool:
    return any(str(p) == "-" for p in paths)


def _visible(text: str) -> str:
    """Control characters (from file names, OKR text) shown as escapes, never sent raw."""
    from okrlint.formatters.common import visible

    return "\n".join(visible(line) for line in text.split("\n"))


def _warn(found: Any) -> None:
    for warning in found.warnings:
        click.echo(f"okrlint: warning: {_visible(warning)}", err=True)
    for error in found.errors:
        click.echo(f"okrlint: error: {_visible(error)}", err=True)


def _context(context_paths: tuple[Path, ...], settings: Any) -> list[Any]:
    """The other OKR files of the repository, read for the cross-file rules only."""
    if not context_paths:
        return []
    from okrlint.api import collect, read_all

    found = collect(context_paths, settings)
    if found.errors:
        raise UsageProblem(f"--context: {found.errors[0]}")
    return read_all(found, settings)


def _emit(
    report: Any, output_format: str, output_file: Path | None, options: dict[str, Any], err: bool
) -> None:
    """The report in its format, to --output-file or the terminal (colour only on one)."""
    from okrlint.formatters import FORMATTERS, TextOptions, format_text

    colour = output_format == "text" and output_file is None and _colour(err)
    if output_format == "text":
        output = format_text(report, TextOptions(color=colour, **options))
    else:
        output = FORMATTERS[output_format](report)
    if output_file is not None:
        try:
            output_file.parent.mkdir(parents=True, exist_ok=True)
            output_file.write_text(output, encoding="utf-8")
        except OSError as error:
            raise UsageProblem(
                f"{output_file}: cannot write ({error.strerror or error})"
            ) from error
        return
    click.echo(output, nl=False, color=colour, err=err)  # click would strip colour off a pipe


def _original(path: str, found: Any, stdin: bytes | None) -> tuple[Path | None, bytes]:
    """The bytes a fixed file had before (a linted file's, or stdin's)."""
    for file, _fmt in found.files:
        from okrlint.sources import display_path

        if display_path(file) == path:
            return file, file.read_bytes()
    return None, stdin or b""


def _fixed_bytes(data: bytes, batches: list[list[Any]]) -> bytes:
    from okrlint.fixes import apply_to_bytes

    for edits in batches:
        data = apply_to_bytes(data, edits)
    return data


def _write_fixes(outcome: Any, found: Any, stdin: bytes | None) -> bytes | None:
    """Write each fixed file (only the edited characters change); stdin's fixed text is
    returned for stdout instead."""
    fixed_stdin = None
    for path, batches in sorted(outcome.batches.items()):
        file, data = _original(path, found, stdin)
        fixed = _fixed_bytes(data, batches)
        if file is None:
            fixed_stdin = fixed
        elif fixed != data:
            file.write_bytes(fixed)
    if stdin is not None and fixed_stdin is None:
        fixed_stdin = stdin  # nothing to fix: the input, unchanged
    return fixed_stdin


def _print_diff(outcome: Any, found: Any, stdin: bytes | None) -> None:
    import difflib

    for path, batches in sorted(outcome.batches.items()):
        _file, data = _original(path, found, stdin)
        before = data.decode("utf-8-sig").splitlines(keepends=True)
        after = _fixed_bytes(data, batches).decode("utf-8-sig").splitlines(keepends=True)
        click.echo("".join(difflib.unified_diff(before, after, f"a/{path}", f"b/{path}")), nl=False)
    total = sum(outcome.fixed.values())
    if total:
        noun = "fix" if total == 1 else "fixes"
        click.echo(f"Would apply {total} {noun} in {len(outcome.fixed)} file(s).", err=True)


def _exit_code(report: Any, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    from okrlint.findings import Severity

    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in report.findings) else EXIT_OK


COACH_FORMATS = ["text", "markdown", "html", "json"]


@main.command()
@click.argument("paths", nargs=-1, type=PATHS)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(COACH_FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False, writable=True),
    default=None,
    help="Write the report to this file instead of stdout.",
)
@click.option("--explain-score", is_flag=True, help="Explain how the score is computed, and exit.")
@click.option(
    "--profile", default=None, help="Threshold profile: default, google, radical-focus, lenient."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Config file (.okrlint.toml or pyproject.toml) instead of the one found.",
)
@click.option(
    "--stdin-filename", default=None, help="Name (and so format) of the input read from '-'."
)
@today_option
@guarded
def coach(
    paths: tuple[Path, ...],
    output_format: str,
    output: Path | None,
    explain_score: bool,
    profile: str | None,
    config_path: Path | None,
    stdin_filename: str | None,
    today: Any,
) -> None:
    """A report card per objective: score, strengths, fixes, check-in questions, progress."""
    from okrlint.coach.run import explain_score as explain
    from okrlint.coach.run import render, run

    if explain_score:
        click.echo(explain(), nl=False)
        return
    if not paths:
        raise UsageProblem("give the OKR files or folders to coach (or '-' for stdin)")
    settings = _settings(paths, config_path, {"profile": profile, "today": _today(today)})
    results, found = _gather(paths, settings, stdin_filename)
    for error in found.errors:
        raise UsageProblem(error)
    if not results:
        raise UsageProblem("no OKR files to coach")
    text = render(run(results, settings), output_format, colour=_colour() and output is None)
    if output is None:
        click.echo(text, nl=False, color=output_format == "text" and _colour())
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageProblem(f"{output}: cannot write the report: {error.strerror}") from error
    click.echo(f"okrlint: wrote {output}", err=True)


@main.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@guarded
def rules(output_format: str) -> None:
    """List every rule: code, name, category, default severity and what it finds."""
    from okrlint.rulecache import rule_records  # plain data, cached: no pydantic, no spaCy

    book = rule_records()
    if output_format == "markdown":
        click.echo("| code | name | category | default | finds |\n|---|---|---|---|---|")
        for r in book:
            click.echo(
                f"| {r['code']} | {r['name']} | {r['category']} | {r['severity']} | {r['title']} |"
            )
        return
    if output_format == "json":
        keys = ("code", "name", "title", "category", "scope", "severity", "params", "coaching")
        data = [{key: r[key] for key in keys} for r in book]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    width = max(len(r["name"]) for r in book)
    for r in book:
        name, category, severity = r["name"], r["category"], r["severity"]
        click.echo(f"{r['code']}  {name:<{width}}  {category:<13} {severity:<8} {r['title']}")


@main.command()
@click.argument("rule")
@guarded
def explain(rule: str) -> None:
    """Show a rule's full coaching: why it matters, how to fix it, examples."""
    from okrlint.rulecache import find

    spec = find(rule)
    if spec is None:
        raise UsageProblem(f"unknown rule '{rule}'; `okrlint rules` lists them")
    coaching = spec["coaching"]
    params = ", ".join(f"{k} = {v}" for k, v in spec["params"].items() if k != "code")
    blocks = [
        f"{spec['code']} {spec['name']} ({spec['category']}, {spec['severity']})",
        spec["title"],
        "Why it matters\n" + _wrap(coaching["why"]),
        "How to fix it\n" + _wrap(coaching["fix"]),
        f"Example\n  before: {coaching['example']['before']}"
        f"\n  after:  {coaching['example']['after']}",
        *([_rewrites(spec)] if spec["suggestion"] else []),
        "Fires on\n" + "\n".join(_indent(text) for text in spec["bad"]),
        "Stays silent on\n" + "\n".join(_indent(text) for text in spec["good"]),
    ]
    if params:
        blocks.append(f"Thresholds\n  {params}")
    blocks.append("Sources\n" + "\n".join(f"  - {s}" for s in spec["sources"]))
    click.echo("\n\n".join(blocks))


def _rewrites(spec: dict[str, Any]) -> str:
    """Suggestions as a user sees them: filled in on the rule's own bad examples."""
    from okrlint.rulecache import rewrites

    pairs = rewrites().get(spec["code"], [])
    shown = [f"  {before}\n  try: {after}" for before, after in pairs]
    return "Suggested rewrite\n" + "\n\n".join(shown or [f"  {spec['suggestion'][-1]}"])


def _wrap(text: str) -> str:
    import textwrap

    return textwrap.fill(
        " ".join(text.split()), width=88, initial_indent="  ", subsequent_indent="  "
    )


def _indent(text: str) -> str:
    return "\n".join(
        "  " + ("- " if i == 0 else "  ") + line for i, line in enumerate(text.splitlines())
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=PATHS)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--stdin-filename", default=None, help="Name (and so format) of the input read from '-'."
)
@guarded
def inspect(paths: tuple[Path, ...], output_format: str, stdin_filename: str | None) -> None:
    """Show what okrlint understood of each key result: numbers, baseline, target, deadline."""
    from okrlint.api import analyzer_for
    from okrlint.inspection import format_inspection, inspect_results

    # The same config as `check` (lexicon extensions, nlp-model, excludes, size limit), so
    # inspect shows the reading the rules get.
    settings = _settings(paths, None, {}, stdin_filename)
    results, found = _gather(paths, settings, stdin_filename)
    for error in found.errors:
        raise UsageProblem(error)
    for result in results:
        for diagnostic in result.diagnostics:
            span = diagnostic.span
            click.echo(
                _visible(
                    f"{span.path}:{span.start.line}:{span.start.column}: {diagnostic.code} "
                    f"{diagnostic.message}"
                ),
                err=True,
            )
    records = inspect_results(results, analyzer_for(settings))
    if output_format == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    else:
        click.echo(_visible(format_inspection(records)), nl=False)


@main.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the schema to this file instead of stdout.",
)
@guarded
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the YAML format (for editors' YAML language servers)."""
    from okrlint.schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@main.command()
@guarded
def server() -> None:
    """Run the language server over stdio (diagnostics, hover coaching, code actions)."""
    from okrlint.server import serve

    serve()


if __name__ == "__main__":  # pragma: no cover
    main()
