"""The 0-100 score of one objective's writing, from its findings and the weights kept as data.

Each dimension (outcome focus, measurability, …) has a weight; its findings take a share of
it, priced by severity (rules/profiles/coach.yaml). Findings of categories in no dimension
(input, hygiene) do not change the score: it rates how OKRs are written, not how they are kept.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from okrlint.coach.attribution import Placed
from okrlint.coach.data import Dimension, ScoreWeights
from okrlint.coach.model import DimensionScore


def breakdown(
    placed: Sequence[Placed], key_results: int, weights: ScoreWeights
) -> list[DimensionScore]:
    """Points per dimension, in the order of the weights file."""
    return [
        DimensionScore(
            key=dimension.key,
            label=dimension.label,
            points=round(_points(dimension, placed, key_results, weights), 1),
            max=dimension.weight,
            findings=sum(1 for p in placed if _counts(weights, dimension, p)),
        )
        for dimension in weights.dimensions
    ]


def total(placed: Sequence[Placed], key_results: int, weights: ScoreWeights) -> float:
    """The unrounded score."""
    return sum(_points(d, placed, key_results, weights) for d in weights.dimensions)


def score(parts: Sequence[DimensionScore]) -> int:
    """The card's score: the sum of its breakdown as shown (each part to one decimal), rounded.

    Rounding the unrounded total instead can disagree with the breakdown the reader adds up
    (parts 22.1 + 22.0 + 13.2 + 2.3 + 5.0 = 64.6 shown beside a score of 64).
    """
    return rounded(round(sum(part.points for part in parts), 1))


def rounded(value: float) -> int:
    """Half up, the way a person rounds (Python's round() goes to the even neighbour)."""
    return math.floor(value + 0.5)


def impact(
    finding: Placed, placed: Sequence[Placed], key_results: int, weights: ScoreWeights
) -> float:
    """Points the objective gains for this finding: its share of what fixing every finding of
    its rule on the objective gains. Alone, a finding's own gain; beside others of its rule,
    an equal share of theirs together (two P503 findings that empty Separation each show half
    of its 15 points, where one fixed alone would show almost nothing while the other still
    empties it)."""
    same = [p for p in placed if p.finding.code == finding.finding.code]
    rest = [p for p in placed if p.finding.code != finding.finding.code]
    return (total(rest, key_results, weights) - total(placed, key_results, weights)) / len(same)


def _points(
    dimension: Dimension, placed: Sequence[Placed], key_results: int, weights: ScoreWeights
) -> float:
    if dimension.needs_key_results and key_results == 0:
        return 0.0  # nothing here can be judged: no key result shows the objective was reached
    mine = [p for p in placed if _counts(weights, dimension, p)]
    if dimension.mode == "share":
        worst: dict[int, float] = {}
        on_objective = 0.0
        for p in mine:
            price = weights.cost(p.finding.severity.value, p.finding.code)
            if p.key_result is None:
                on_objective += price * dimension.each
            else:
                worst[p.key_result] = max(worst.get(p.key_result, 0.0), price)
        penalty = sum(worst.values()) / key_results if key_results else 0.0
        penalty += on_objective
    else:
        penalty = sum(
            weights.cost(p.finding.severity.value, p.finding.code) * dimension.each for p in mine
        )
    return dimension.weight * (1.0 - min(1.0, penalty))


def _counts(weights: ScoreWeights, dimension: Dimension, p: Placed) -> bool:
    return weights.counts_in(dimension, p.finding.category, p.finding.code)
