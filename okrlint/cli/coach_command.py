"""`okrlint coach`: a report card per objective, in text, Markdown, HTML or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from okrlint.cli.app import (
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
)
from okrlint.cli.inputs import config_groups, discover, read_stdin, run_config, settings_with

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
    "--output-file",
    "-o",
    "output",
    type=OUTPUT_FILE,
    default=None,
    help="Write the report to this file instead of stdout.",
)
@click.option("--explain-score", is_flag=True, help="Explain how the score is computed, and exit.")
@profile_option
@config_option
@stdin_filename_option
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
    from okrlint.coach.run import render, run_groups

    if explain_score:
        click.echo(explain(), nl=False)
        return
    if not paths and stdin_filename:
        paths = (Path("-"),)  # a name for stdin and no path: stdin, as check reads it
    if not paths:
        raise UsageProblem("give the OKR files or folders to coach (or '-' for stdin)")
    from okrlint.api import read_all

    flags = {"profile": profile, "today": today_value(today)}
    config = run_config(paths, config_path, stdin_filename)
    settings = settings_with(config, flags, ())
    found = discover(paths, settings, sole_config=config_path is not None)
    for error in found.errors:
        raise UsageProblem(error)
    from_stdin = read_stdin(paths, settings, stdin_filename, None)
    # Each file with its nearest config, as `check` lints it: the same findings, the same scores.
    stdin_config = run_config((Path(stdin_filename),), config_path) if stdin_filename and from_stdin else config
    groups = config_groups(
        found, config, settings, flags, (), explicit=config_path is not None, stdin=(stdin_config, from_stdin)
    )
    parts = [(own, read_all(part, own) + list(extra)) for own, part, extra in groups]
    if not any(results for _own, results in parts):
        raise UsageProblem("no OKR files to coach")
    text = render(run_groups(parts, settings), output_format, colour=use_colour() and output is None)
    if output is None:
        click.echo(text, nl=False, color=output_format == "text" and use_colour())
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageProblem(f"{output}: cannot write the report: {error.strerror}") from error
    click.echo(f"okrlint: wrote {output}", err=True)
