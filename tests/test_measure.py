"""The quantity, baseline/target and deadline parser."""

from __future__ import annotations

import datetime as dt

import pytest

from okrlint.measure import measure


@pytest.mark.parametrize(
    ("text", "baseline", "target", "unit", "direction"),
    [
        ("Grow NPS from 30 to 45 by end of Q2", 30, 45, None, "increase"),
        ("Cut p95 latency from 900 ms to 400 ms", 900, 400, "ms", "decrease"),
        ("Raise ARR from $2M to $3.5M", 2e6, 3.5e6, None, "increase"),
        ("Lift conversion 30% → 45%", 30, 45, "%", "increase"),
        ("Serve 12,000 households per month (currently 9,500)", 9500, 12000, None, "increase"),
        ("Increase unit test coverage to 75% from current 45%", 45, 75, "%", "increase"),
        ("Reduce time to hire from 45 to 30 days", 45, 30, "days", "decrease"),
        ("Keep churn from 2% to 2%", 2, 2, "%", "maintain"),
        # Units differ: 4 hours is 240 minutes, so this is a decrease.
        ("Reduce ER wait times from 4 hours to 90 minutes", 4, 90, "min", "decrease"),
    ],
)
def test_baseline_and_target(
    text: str, baseline: float, target: float, unit: str | None, direction: str
) -> None:
    m = measure(text)
    assert m.baseline is not None and m.target is not None
    assert (m.baseline.value, m.target.value) == (baseline, target)
    assert m.target.unit == unit
    assert m.direction == direction


def test_currency_and_magnitudes() -> None:
    m = measure("Grow pipeline from €400k to €1.2M")
    assert m.baseline and m.baseline.currency == "EUR" and m.baseline.value == 400_000
    assert m.target and m.target.value == 1_200_000


@pytest.mark.parametrize(
    ("text", "change", "direction"),
    [
        ("Grow revenue by 20%", "20%", None),
        ("Double weekly active users", "Double", "increase"),
        ("Halve onboarding time", "Halve", "decrease"),
        ("Grow MRR 3x", "3x", None),
    ],
)
def test_relative_changes(text: str, change: str, direction: str | None) -> None:
    m = measure(text)
    assert m.relative_change == change
    assert m.direction == direction


@pytest.mark.parametrize(
    "text",
    [
        "Ship v2 of the API",
        "Achieve SOC 2 Type II certification",
        "Get ISO 27001 certified",
        "Win 2026's top award",
        "Be in the top 3 of G2 rankings in Q3",
        "Cut Sev-1 pages",
        "Answer 24/7",
    ],
)
def test_numbers_that_are_names_are_not_quantities(text: str) -> None:
    assert measure(text).quantities == []


def test_comparators() -> None:
    assert measure("Keep uptime at or above 99.9%").comparator == "at-least"
    assert measure("Hold p95 latency under 300 ms").comparator == "at-most"


@pytest.mark.parametrize(
    ("text", "phrase", "date"),
    [
        ("Grow NPS from 30 to 45 by end of Q2", "by end of Q2", dt.date(2026, 6, 30)),
        ("Raise ARR to $3M by March 31", "by March 31", dt.date(2026, 3, 31)),
        ("Cut churn to 2% by 2026-06-30", "by 2026-06-30", dt.date(2026, 6, 30)),
        ("Reach 10k paying customers this quarter", "this quarter", None),
        ("Cut cost per lead to €40 by 31 March 2027", "by 31 March 2027", dt.date(2027, 3, 31)),
        ("Double trial sign-ups within 90 days", "within 90 days", None),
        ("Close 40 deals by the end of the fiscal year", "by the end of the fiscal year", None),
    ],
)
def test_deadlines(text: str, phrase: str, date: dt.date | None) -> None:
    deadline = measure(text, cycle_year=2026).deadline
    assert deadline is not None
    assert deadline.text == phrase
    assert deadline.date == date


@pytest.mark.parametrize(
    "text", ["Grow revenue per week from $10k to $14k", "Resolve 90% of tickets within 4 hours"]
)
def test_rates_and_metric_windows_are_not_deadlines(text: str) -> None:
    assert measure(text).deadline is None


@pytest.mark.parametrize(
    "text",
    ["Grow revenue from EUR 140k to EUR 220k a month", "Grow revenue from 140k EUR to 220k EUR"],
)
def test_iso_currency_codes(text: str) -> None:
    m = measure(text)
    assert m.baseline and m.target
    assert (m.baseline.value, m.target.value, m.target.currency) == (140_000, 220_000, "EUR")


def test_a_relative_change_from_a_baseline_is_not_a_target() -> None:
    m = measure("Improve total reply time by 50% from avg. 2 minutes using templates")
    assert m.baseline is not None and m.baseline.value == 2
    assert m.target is None
    assert m.relative_change == "50%"
