"""Turns rule examples and corpus items into lintable sources (shared by tests and evaluation)."""

from __future__ import annotations

import json
from typing import Any

from okrlint.config import Settings
from okrlint.loaders import load
from okrlint.models import LoadResult
from okrlint.rulebook import ExampleCase, RuleSpec

DEFAULT_OBJECTIVE = "Make our customers successful"


def snippet(
    key_results: list[str | dict[str, Any]],
    objective: str | dict[str, Any] | None = None,
    cycle: str | None = None,
    scope: str | None = None,
    scoring: str | None = None,
) -> str:
    """A YAML document (written as JSON, which is YAML) with one objective."""
    node: dict[str, Any] = (
        dict(objective)
        if isinstance(objective, dict)
        else {"title": objective or DEFAULT_OBJECTIVE}
    )
    node["key_results"] = key_results
    document: dict[str, Any] = {"objectives": [node]}
    if cycle:
        document["cycle"] = cycle
    if scope:
        document["scope"] = scope
    if scoring:
        document["scoring"] = scoring
    return json.dumps(document, ensure_ascii=False, indent=1, default=str)


def load_case(case: ExampleCase, name: str = "example") -> list[LoadResult]:
    """The loaded file(s) a rule example stands for."""
    if case.key_result is not None:
        return [
            load(snippet([case.key_result], case.objective, case.cycle), f"{name}.yaml", "yaml")
        ]
    if case.key_results is not None:
        return [load(snippet(case.key_results, case.objective, case.cycle), f"{name}.yaml", "yaml")]
    extension = {"yaml": "yaml", "markdown": "md", "text": "txt"}[case.format]
    texts = [case.document] if case.document is not None else list(case.documents or [])
    return [
        load(text, f"{name}-{index}.{extension}", case.format)
        for index, text in enumerate(texts, 1)
    ]


def settings_for(case: ExampleCase, rule: RuleSpec | None = None) -> Settings:
    """The settings an example runs with: the defaults, on the example's date if it gives one,
    with the example's rule selected when it is opt-in."""
    chosen = [rule.code] if rule is not None and rule.opt_in else []
    return Settings(today=case.today, extend_select=chosen)


def suggested_rewrites(rule: RuleSpec, limit: int = 2) -> list[tuple[str, str]]:
    """(example, suggestion) pairs from the rule's own bad examples, for `okrlint explain`."""
    from okrlint.api import lint_results  # the API lints; samples only builds inputs

    pairs = []
    for index, case in enumerate(rule.examples.bad):
        report = lint_results(load_case(case, f"{rule.code}-bad-{index}"), settings_for(case, rule))
        for finding in report.findings:
            if finding.code == rule.code and finding.suggestion:
                pairs.append((finding.node.text or case.describe(), finding.suggestion))
                break
        if len(pairs) == limit:
            break
    return pairs
