"""Exact rewrites offered as suggestions: a hedge or a pay clause cut, or no rewrite at all."""

from __future__ import annotations

import pytest

from okrlint.rewrite import gerund, with_baseline, without_pay_clause, without_span


@pytest.mark.parametrize(
    ("text", "pay_word", "kept"),
    [
        (
            "Hit 110% of quota so the team qualifies for the Q4 payout",
            "payout",
            "Hit 110% of quota",
        ),
        (
            "Reduce churn from 6% to 4%, which counts for 30% of the annual bonus pool",
            "bonus",
            "Reduce churn from 6% to 4%",
        ),
        (
            "Raise NPS from 35 to 50 to unlock the support team's quarterly incentive",
            "incentive",
            "Raise NPS from 35 to 50",
        ),
        (
            "Cut delivery time from 5 days to 3 days; staff earn a $500 bonus if met",
            "bonus",
            "Cut delivery time from 5 days to 3 days",
        ),
        (
            "Grow ARR to $3M (counts toward the annual bonus) by Q4",
            "bonus",
            "Grow ARR to $3M by Q4",
        ),
        # A bracket closed before the pay word is part of the result, not the pay clause.
        (
            "Grow new ARR (currently $2M) to $3M so the team earns its bonus",
            "bonus",
            "Grow new ARR (currently $2M) to $3M",
        ),
        # A dash inside a range is not a clause break.
        ("Grow ARR $2M–$3M and unlock the Q4 bonus", "bonus", "Grow ARR $2M–$3M"),
    ],
)
def test_pay_clause_is_cut_and_the_result_kept(text: str, pay_word: str, kept: str) -> None:
    assert without_pay_clause(text, text.index(pay_word)) == kept


@pytest.mark.parametrize(
    ("text", "pay_word"),
    [
        ("Tie 20% of each manager's bonus to the engagement score", "bonus"),
        ("Bonus paid if NPS reaches 50", "Bonus"),
        ("Hit quota for the bonus", "bonus"),  # "Hit quota" alone is a stub, not a result
    ],
)
def test_no_rewrite_when_no_clean_cut_exists(text: str, pay_word: str) -> None:
    assert without_pay_clause(text, text.index(pay_word)) is None


@pytest.mark.parametrize(
    ("text", "hedge", "plain"),
    [
        ("Hopefully double weekly active users", "Hopefully", "Double weekly active users"),
        ("Cut churn from 4% to 3% if possible", "if possible", "Cut churn from 4% to 3%"),
        ("Try to reach $3M in pipeline", "Try to", "Reach $3M in pipeline"),
        ("We hope to lift win rate from 18% to 25%", "hope", "Lift win rate from 18% to 25%"),
        ("We aim to raise eNPS from 10 to 25", "aim to", "Raise eNPS from 10 to 25"),
        ("Reach 30% share (ideally) of signups", "ideally", None),  # "()" left: no rewrite
    ],
)
def test_hedge_is_cut(text: str, hedge: str, plain: str | None) -> None:
    start = text.index(hedge)
    assert without_span(text, start, start + len(hedge)) == plain


@pytest.mark.parametrize(
    ("text", "target", "rewritten"),
    [
        ("Grow users to 50k", "50k", "Grow users from <current value> to 50k"),
        ("Cut churn down to 2%.", "2%", "Cut churn from <current value> down to 2%"),
        (
            "Reach 1,000 paying customers",
            "1,000",
            "Reach 1,000 paying customers (currently <value>)",
        ),
        ("Double weekly signups", None, "Double weekly signups (currently <value>)"),
    ],
)
def test_baseline_slot(text: str, target: str | None, rewritten: str) -> None:
    assert with_baseline(text, text.index(target) if target else None) == rewritten


@pytest.mark.parametrize(
    ("verb", "means"),
    [
        ("launch", "launching"),
        ("ship", "shipping"),  # one syllable ending consonant-vowel-consonant: doubled
        ("open", "opening"),  # two syllables: not doubled
        ("make", "making"),
        ("tie", "tying"),
        ("roll out", "rolling out"),
        ("onboarding", "onboarding"),  # already a gerund
        ("bring", "bringing"),
    ],
)
def test_gerund(verb: str, means: str) -> None:
    assert gerund(verb) == means


@pytest.mark.parametrize(
    ("key_result", "hint_tail"),
    [
        # a label before the statement is not part of it: the verb's offsets are the reading's
        ("Recruitment: Implement our new hiring approach", "by implementing our new hiring approach"),
        ("P1: Communicate fetch performance improvements", "by communicating fetch performance improvements"),
        # the verb's base form takes the -ing, not the form written
        ("We have documented lead maintainers for all repos", "by documenting lead maintainers for all repos"),
        # two subjects first: the first is no imperative ("by triaging and QA each have…")
        ("Triage and QA each have a written runbook", "by getting this done: Triage and QA each have a written runbook"),
        # the statement as written, not the tokenizer's copy (a long run of marks blanked)
        ("Implement SSO " + "=" * 50 + " for all apps", "by implementing SSO " + "=" * 50 + " for all apps"),
    ],
)
def test_the_task_hint_rewrites_the_statement_as_the_means(key_result: str, hint_tail: str) -> None:
    from okrlint.api import lint_text

    text = f"cycle: 2026-Q1\nobjectives:\n  - title: Hire well\n    key_results:\n      - \"{key_result}\"\n"
    hints = [f.suggestion or "" for f in lint_text(text).findings if f.code == "O101"]
    assert hints and hints[0].endswith(hint_tail)


def test_suggestions_read_as_english() -> None:
    from okrlint import lint_text

    text = (
        "cycle: 2026-Q2\nobjectives:\n  - title: Sell more\n    key_results:\n"
        "      - Design and ship both pricing pages\n      - Try to reach 40% week-one activation\n"
    )
    hints = {f.code: f.suggestion for f in lint_text(text).findings}
    assert hints["O101"].endswith("by designing and shipping both pricing pages")
    # the target's rewrite drops the hedge A404 reports on the same key result
    assert hints["M203"] == "Reach 40% week-one activation (currently <value>)"
