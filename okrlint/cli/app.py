"""The okrlint command group: exit codes, one-line errors, options shared by commands."""

from __future__ import annotations

import gc
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


class _OutputFile(click.ParamType):
    """A report's file name: a name ending in '/' or an existing folder is refused (Path() would
    drop the '/' and the report would become a file named like the folder)."""

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        text = os.fspath(value)
        if text.endswith(("/", os.sep)) or Path(text).is_dir():
            self.fail(f"{text}: is a folder; give a file name", param, ctx)
        return Path(text)


OUTPUT_FILE = _OutputFile()


class UsageProblem(Exception):
    """A problem the user can fix (bad path, config, rule name): one line, exit 2."""


def use_colour(err: bool = False) -> bool:
    """Colour on a terminal, never with NO_COLOR (no-color.org) or TERM=dumb; FORCE_COLOR
    for CI logs."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    forced = os.environ.get("FORCE_COLOR", "").strip().lower() not in ("", "0", "false", "no")
    return forced or (sys.stderr if err else sys.stdout).isatty()


def fail(message: str) -> NoReturn:
    click.echo(f"okrlint: error: {visible(message)}", err=True)
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
                fail(str(error))
            # A bug: still one line, with what to report.
            fail(f"internal error: {type(error).__name__}: {error} (please report this)")

    return wrapper


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


def visible(text: str) -> str:
    """Control characters (from file names, OKR text) shown as escapes, never sent raw."""
    from okrlint.formatters.common import visible

    return "\n".join(visible(line) for line in text.split("\n"))


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


def profile_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--profile NAME: the threshold profile, for `check` and `coach` alike."""
    return click.option(
        "--profile", default=None, help="Threshold profile: default, google, radical-focus, lenient."
    )(command)


def config_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--config FILE: the config to use instead of the one found from the first path."""
    return click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Config file (.okrlint.toml or pyproject.toml) instead of the one found.",
    )(command)


def stdin_filename_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--stdin-filename NAME: what '-' is called, which also sets its format."""
    return click.option(
        "--stdin-filename", default=None, help="Name (and so format) of the input read from '-'."
    )(command)


def today_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--today YYYY-MM-DD: the date the hygiene rules and the coach measure against."""
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Date to check progress against, YYYY-MM-DD [default: today's date].",
    )(command)


def today_value(value: Any) -> Any:
    """The --today value as a date; the clock is read here, never inside a check."""
    import datetime as dt

    return value.date() if value is not None else dt.date.today()
