"""Every rule's bad examples must fire it and its good examples must not.

Rule files are complete.
"""

from __future__ import annotations

import re

import pytest

from okrlint.api import default_rulebook, lint_results
from okrlint.checks import CHECKS
from okrlint.resources import data_dir
from okrlint.rulebook import RuleSpec
from okrlint.samples import load_case, settings_for, suggested_rewrites

RULES = list(default_rulebook())
CASES = [
    pytest.param(rule, kind, index, id=f"{rule.code}-{kind}-{index}")
    for rule in RULES
    for kind in ("bad", "good")
    for index in range(len(getattr(rule.examples, kind)))
]


@pytest.mark.parametrize(("rule", "kind", "index"), CASES)
def test_rule_example(rule: RuleSpec, kind: str, index: int) -> None:
    case = getattr(rule.examples, kind)[index]
    report = lint_results(load_case(case, f"{rule.code}-{kind}"), settings_for(case, rule))
    fired = [f for f in report.findings if f.code == rule.code]
    if kind == "bad":
        assert fired, f"{rule.code} should fire on: {case.describe()}"
        for finding in fired:
            assert "{" not in finding.message, "message template left unfilled"
    else:
        assert not fired, f"{rule.code} fired on a good example: {fired[0].message}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_complete(rule: RuleSpec) -> None:
    assert rule.check in CHECKS, f"unknown check kind {rule.check}"
    coaching = rule.coaching
    assert len(coaching.why.split()) >= 25, "why should explain the reasoning"
    assert len(coaching.fix.split()) >= 10
    assert coaching.example.before != coaching.example.after
    assert rule.title[0].isupper() and not rule.title.endswith(".")
    assert rule.hint.endswith((".", "…")) and len(rule.hint) <= 200
    for code in rule.supersedes:
        assert code in default_rulebook().rules, f"supersedes unknown rule {code}"
    placeholders = set(re.findall(r"{(\w+)", rule.message))
    assert placeholders, "messages quote the offending words or figures"


def test_rule_files_are_named_after_their_rule() -> None:
    names = sorted(p.stem for p in data_dir("rules").glob("*.yaml"))
    assert names == sorted(f"{r.code}-{r.name}" for r in RULES)


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len({r.name for r in RULES}) == len(RULES)


def test_design_catalogue_rules_keep_their_codes() -> None:
    expected = {
        "E001": "parse-error",
        "E002": "invalid-field",
        "E003": "duplicate-id",
        "F301": "too-many-objectives",
        "F302": "too-many-key-results",
        "F303": "too-few-key-results",
        "F304": "too-many-key-results-total",
        "F305": "objective-is-metric",
        "F306": "objective-too-long",
        "F307": "duplicate-key-result",
    }
    book = default_rulebook()
    for code, name in expected.items():
        assert book.rules[code].name == name


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.suggestion], ids=[r.code for r in RULES if r.suggestion]
)
def test_suggestion_templates_fill_on_the_bad_examples(rule: RuleSpec) -> None:
    # A placeholder the check never fills (a typo) would silently drop the suggestion.
    pairs = suggested_rewrites(rule, limit=len(rule.examples.bad))
    assert pairs, f"{rule.code}: no bad example gets a suggestion"
    assert all("{" not in after for _before, after in pairs)


def test_the_counter_metric_the_coaching_shows_draws_no_other_finding() -> None:
    # C601's better draft adds a quality key result; one that only kept a level would be
    # A401's business as usual, so following the advice would trade one finding for another.
    from okrlint.api import lint_text

    after = default_rulebook().rules["C601"].coaching.example.after
    krs = "".join(f"      - {kr.strip()!r}\n" for kr in after.split(";"))
    text = f"cycle: 2026-Q3\nobjectives:\n  - title: Sell to accounts that stay\n    key_results:\n{krs}"
    codes = {f.code for f in lint_text(text, path="okrs.yaml").findings}
    assert not codes & {"C601", "A401", "A402"}, codes
