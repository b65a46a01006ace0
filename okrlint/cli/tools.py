"""Commands for editors and debugging: `inspect`, `schema` and the language `server`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from okrlint.cli.app import (
    OUTPUT_FILE,
    PATHS,
    UsageProblem,
    guarded,
    main,
    stdin_filename_option,
    visible,
)
from okrlint.cli.inputs import gather, settings_for


@main.command()
@click.argument("paths", nargs=-1, required=True, type=PATHS)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@stdin_filename_option
@guarded
def inspect(paths: tuple[Path, ...], output_format: str, stdin_filename: str | None) -> None:
    """Show what okrlint understood of each key result: numbers, baseline, target, deadline."""
    from okrlint.api import analyzer_for
    from okrlint.inspection import format_inspection, inspect_results

    # The same config as `check` (lexicon extensions, nlp-model, excludes, size limit), so
    # inspect shows the reading the rules get.
    settings = settings_for(paths, None, {}, stdin_filename)
    results, found = gather(paths, settings, stdin_filename)
    for error in found.errors:
        raise UsageProblem(error)
    for result in results:
        for diagnostic in result.diagnostics:
            span = diagnostic.span
            click.echo(
                visible(
                    f"{span.path}:{span.start.line}:{span.start.column}: {diagnostic.code} "
                    f"{diagnostic.message}"
                ),
                err=True,
            )
    records = inspect_results(results, analyzer_for(settings))
    if output_format == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    else:
        click.echo(visible(format_inspection(records)), nl=False)
    for result in results:
        document = result.document
        if document is not None and document.objectives and not any(o.key_results for o in document.objectives):
            # said, not left silent: the reader found objectives and no key result under any
            count = len(document.objectives)
            noun = "objective" if count == 1 else "objectives"
            click.echo(visible(f"{document.path}: {count} {noun} read, no key results under them"), err=True)


@main.command()
@click.option(
    "--output",
    "--output-file",
    "-o",
    "output",
    type=OUTPUT_FILE,
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
