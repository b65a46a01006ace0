"""`okrlint rules` and `okrlint explain`: the rule catalogue and one rule's coaching."""

from __future__ import annotations

import json
from typing import Any

import click

from okrlint.cli.app import UsageProblem, guarded, main


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
            default = f"{r['severity']}, opt-in" if r.get("opt_in") else r["severity"]
            click.echo(f"| {r['code']} | {r['name']} | {r['category']} | {default} | {r['title']} |")
        return
    if output_format == "json":
        keys = ("code", "name", "title", "category", "scope", "severity", "params", "coaching")
        data = [{**{key: r[key] for key in keys}, "opt_in": bool(r.get("opt_in"))} for r in book]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    width = max(len(r["name"]) for r in book)
    for r in book:
        name, category, severity = r["name"], r["category"], r["severity"]
        opt_in = " (opt-in: select it by code)" if r.get("opt_in") else ""
        click.echo(f"{r['code']}  {name:<{width}}  {category:<13} {severity:<8} {r['title']}{opt_in}")


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
