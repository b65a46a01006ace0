"""`okrlint check`: lint files and directories, report in a format, fix, exit by severity."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from okrlint.cli.app import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    OUTPUT_FILE,
    PATHS,
    UsageProblem,
    config_option,
    guarded,
    main,
    profile_option,
    stdin_filename_option,
    today_option,
    today_value,
    use_colour,
    visible,
)
from okrlint.cli.fix_output import print_diff, write_fixes
from okrlint.cli.inputs import (
    config_groups,
    discover,
    has_stdin,
    read_stdin,
    run_config,
    settings_with,
    split_codes,
)

FORMAT_NAMES = ["text", "json", "jsonl", "github", "sarif", "rdjson"]


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
    "--output",
    "-o",
    "output_file",
    type=OUTPUT_FILE,
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
@profile_option
@config_option
@stdin_filename_option
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
@click.option(
    "--quiet", "-q", is_flag=True, help="Print findings only: no source, hint or summary."
)
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

    # No path: the folder here, or stdin when it is given a name (as ruff reads it).
    paths = paths or ((Path("-"),) if stdin_filename else (Path("."),))
    _check_options(output_format, statistics, diff)
    flags = {
        "select": split_codes(select),
        "extend_select": split_codes(extend_select),
        "fail_on": fail_on,
        "profile": profile,
        "today": today_value(today),
    }
    config = run_config(paths, config_path, stdin_filename)
    settings = settings_with(config, flags, ignore)
    stdin = sys.stdin.buffer.read(settings.max_file_size + 1) if has_stdin(paths) else None
    found = discover(paths, settings, skip_non_okr, sole_config=config_path is not None)
    from_stdin = read_stdin(paths, settings, stdin_filename, stdin)
    # Each file with its nearest config (--config: every file with that one); stdin with the
    # config nearest its --stdin-filename.
    stdin_config = run_config((Path(stdin_filename),), config_path) if stdin_filename and from_stdin else config
    groups = config_groups(
        found, config, settings, flags, ignore, explicit=config_path is not None,
        stdin=(stdin_config, from_stdin),
    )

    if not found.files and not from_stdin:
        if not found.errors and not found.warnings and found.excluded:
            pass  # every path named was excluded by the config (or is no OKR file): nothing to do
        else:
            # Nothing to lint: a report would read as a clean bill; print only why, as errors.
            for error in [*found.errors, *found.warnings] or ["no OKR files to check"]:
                click.echo(f"okrlint: error: {visible(error)}", err=True)
            sys.exit(EXIT_ERROR)

    context = _context(context_paths, settings)
    if fix or diff:
        from okrlint.api import read_all

        outcomes = [
            fix_results(
                read_all(part, part_settings) + list(extra),
                part_settings,
                unsafe=unsafe_fixes,
                context=context,
            )
            for part_settings, part, extra in groups
        ]
        parts = [(part_settings, o.report) for (part_settings, _p, _e), o in zip(groups, outcomes, strict=True)]
        outcome = _merged_fixes(outcomes)
        report = outcome.report
        if diff:
            print_diff(outcome, found, stdin)
            _warn(found)
            sys.exit(EXIT_FINDINGS if outcome.fixed else EXIT_OK)
        fixed_stdin = write_fixes(outcome, found, stdin)
        if fixed_stdin is not None:
            sys.stdout.buffer.write(fixed_stdin)
            sys.stdout.flush()
    else:
        from okrlint.api import lint_found
        from okrlint.projects import merge

        outcome = None
        with _progress(len(found.files), quiet) as advance:
            parts = [
                (
                    part_settings,
                    lint_found(
                        part, part_settings, extra=extra, context=context, jobs=jobs, progress=advance
                    ),
                )
                for part_settings, part, extra in groups
            ]
            report = merge([part_report for _s, part_report in parts])

    options = {
        "statistics": statistics,
        "quiet": quiet,
        "hints": not (no_hints or quiet),
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
    # each file's own config says which findings fail the run ("fail-on")
    sys.exit(max(_exit_code(part_report, part_settings.fail_on) for part_settings, part_report in parts))


PROGRESS_FILES = 50


def _check_options(output_format: str, statistics: bool, diff: bool) -> None:
    """Options that cannot work together are refused, not silently dropped."""
    if statistics and output_format not in ("text", "json"):
        raise UsageProblem(
            f"--statistics prints a table (text) or an array (json); it does not go with --format {output_format}"
        )
    if diff and output_format != "text":
        raise UsageProblem(f"--diff prints a unified diff; it does not go with --format {output_format}")


def _merged_fixes(outcomes: list[Any]) -> Any:
    """The fix outcomes of several groups as one."""
    from okrlint.api import FixOutcome
    from okrlint.projects import merge

    if len(outcomes) == 1:
        return outcomes[0]
    merged = FixOutcome(results=[], report=merge([o.report for o in outcomes]))
    for outcome in outcomes:
        merged.results.extend(outcome.results)
        merged.batches.update(outcome.batches)
        merged.fixed.update(outcome.fixed)
    return merged


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


def _warn(found: Any) -> None:
    for warning in found.warnings:
        click.echo(f"okrlint: warning: {visible(warning)}", err=True)
    for error in found.errors:
        click.echo(f"okrlint: error: {visible(error)}", err=True)


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

    coloured = output_format == "text" and output_file is None and use_colour(err)
    if output_format == "text":
        output = format_text(report, TextOptions(color=coloured, **options))
    elif output_format == "json" and options["statistics"]:
        from okrlint.formatters.text import format_statistics_json

        output = format_statistics_json(report, options["unsafe_fixes"])
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
    click.echo(output, nl=False, color=coloured, err=err)  # click would strip colour off a pipe


def _exit_code(report: Any, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    from okrlint.findings import Severity

    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in report.findings) else EXIT_OK
