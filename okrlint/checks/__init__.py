"""The check kinds: small pure generators that rules bind to by name in their `check` key.

A kind receives one node (key result, objective, document, the run's documents or a file's
load result), the rule's parameters and the run context, and yields `Hit`s. Kinds never read
files, print, or change their inputs; the engine turns hits into findings.
"""

from okrlint.checks import (
    ambition,
    balance,
    compensation,
    development,
    hygiene,
    individual,
    structure,
    suppression,
    wording,
)
from okrlint.checks.base import Check, Context, Hit

CHECKS: dict[str, Check] = {
    "input-diagnostic": structure.input_diagnostic,
    "duplicate-id": structure.duplicate_id,
    "objective-count": structure.objective_count,
    "key-result-count": structure.key_result_count,
    "document-key-result-count": structure.document_key_result_count,
    "text-length": structure.text_length,
    "contains-measure": structure.contains_measure,
    "duplicate-key-result": structure.duplicate_key_result,
    "task": wording.task,
    "input-metric": wording.input_metric,
    "binary": wording.binary,
    "not-measurable": wording.not_measurable,
    "vague": wording.vague,
    "missing-baseline": wording.missing_baseline,
    "not-time-bound": wording.not_time_bound,
    "ambiguous-metric": wording.ambiguous_metric,
    "business-as-usual": ambition.business_as_usual,
    "timid-target": ambition.timid_target,
    "unrealistic-target": ambition.unrealistic_target,
    "hedged-language": ambition.hedged_language,
    "sandbagging-scores": ambition.sandbagging_scores,
    "confidence-out-of-range": ambition.confidence_out_of_range,
    "untyped-objective": ambition.untyped_objective,
    "development-goal": development.development_goal,
    "compensation-link": compensation.compensation_link,
    "individual-scorecard": individual.individual_scorecard,
    "missing-counter-metric": balance.missing_counter_metric,
    "unknown-parent": balance.unknown_parent,
    "private-okr": balance.private_okr,
    "cascade-placeholder": balance.cascade_placeholder,
    "stale-check-in": hygiene.stale_check_in,
    "overdue-key-result": hygiene.overdue_key_result,
    "unused-suppression": suppression.unused_suppression,
}

__all__ = ["CHECKS", "Check", "Context", "Hit"]
