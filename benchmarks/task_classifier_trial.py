"""Would a small statistical model earn a place beside the rules for "task or input metric"?

Issue 9, item 9: a spaCy text classifier (bag of words and word pairs, lowercased, digits
folded to 0), trained by a seeded script on the real corpus, used as a second opinion on
task-versus-outcome, shipped only if it beats the rules alone on the sealed blind split.

    python benchmarks/task_classifier_trial.py            # grouped cross-validation
    python benchmarks/task_classifier_trial.py --sealed   # figures only, on the sealed split

Cross-validation holds out whole publishers (five folds), so a publisher's house style never
helps predict itself. The rules were tuned on those same studied items, so their row there is
flattering; only the sealed split compares the two fairly. `--sealed` trains on every studied
item and prints figures only, never an item. The result and the decision are recorded in
benchmarks/results/task-classifier-trial.txt.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from typing import Any

import spacy
from spacy.training import Example

from okrlint.eval import SEALED, _truth, read_real, real_findings

LABELS = "task_not_outcome|input_metric"
TASK_CODES = {"O101", "O102", "O103"}
FOLDS, EPOCHS, SEED = 5, 12, 0


def _normal(text: str) -> str:
    """Lowercase, digits folded: "Hire 3 engineers" and "hire 4 engineers" are one pattern."""
    return re.sub(r"\d+", "0", text.lower())


def train(rows: list[tuple[str, bool]], seed: int = SEED) -> Any:
    """A blank English pipeline with one exclusive TASK/OUTCOME text classifier."""
    nlp = spacy.blank("en")
    model = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2}
    model |= {"no_output_layer": False, "length": 262144}
    classifier: Any = nlp.add_pipe("textcat", config={"model": model})
    for label in ("TASK", "OUTCOME"):
        classifier.add_label(label)
    examples = [
        Example.from_dict(nlp.make_doc(_normal(text)), {"cats": {"TASK": float(y), "OUTCOME": float(not y)}})
        for text, y in rows
    ]
    spacy.util.fix_random_seed(seed)
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(seed)
    for _ in range(EPOCHS):
        order.shuffle(examples)
        for batch in spacy.util.minibatch(examples, 16):
            nlp.update(batch, sgd=optimizer, drop=0.0)
    return nlp


def _labelled(items: list[dict[str, Any]]) -> list[tuple[dict[str, Any], bool]]:
    """Items with an agreed task-or-input label (the annotators' disagreements left out)."""
    pairs = [(item, _truth(item, LABELS)) for item in items]
    return [(item, truth) for item, truth in pairs if truth is not None]


def _row(name: str, data: list[tuple[dict[str, Any], bool]], predict: Callable[[dict[str, Any]], bool]) -> str:
    tp = sum(1 for item, truth in data if truth and predict(item))
    fp = sum(1 for item, truth in data if not truth and predict(item))
    fn = sum(1 for item, truth in data if truth and not predict(item))
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return f"{name:<30} P {precision:.2f}  R {recall:.2f}  (tp {tp}, fp {fp}, fn {fn})"


def _report(data: list[tuple[dict[str, Any], bool]], task: dict[str, float]) -> None:
    found = real_findings([item for item, _ in data])

    def rules(item: dict[str, Any]) -> bool:
        return bool(found[item["id"]] & TASK_CODES)

    print(_row("rules alone", data, rules))
    for threshold in (0.5, 0.7, 0.9):
        print(_row(f"classifier >= {threshold}", data, _above(task, threshold)))
    print(_row("rules or classifier >= 0.9", data, lambda i: rules(i) or task[i["id"]] >= 0.9))
    print(_row("rules unless classifier < 0.1", data, lambda i: rules(i) and task[i["id"]] >= 0.1))


def _above(task: dict[str, float], threshold: float) -> Callable[[dict[str, Any]], bool]:
    return lambda item: task[item["id"]] >= threshold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sealed", action="store_true", help="Train on all studied items; figures on the sealed split.")
    args = parser.parse_args()
    items = read_real()
    studied = _labelled([item for item in items if item.get("split") not in SEALED])
    task: dict[str, float] = {}
    if args.sealed:
        nlp = train([(item["kr"], truth) for item, truth in studied])
        data = _labelled([item for item in items if item.get("split") == "blind"])
        task = {item["id"]: nlp(_normal(item["kr"])).cats["TASK"] for item, _ in data}
        print(f"sealed blind split: {len(data)} key results with an agreed label; trained on {len(studied)}")
    else:
        publishers = sorted({item["publisher"] for item, _ in studied})
        random.Random(7).shuffle(publishers)
        fold = {publisher: n % FOLDS for n, publisher in enumerate(publishers)}
        for k in range(FOLDS):
            nlp = train([(item["kr"], truth) for item, truth in studied if fold[item["publisher"]] != k])
            for item, _ in studied:
                if fold[item["publisher"]] == k:
                    task[item["id"]] = nlp(_normal(item["kr"])).cats["TASK"]
        data = studied
        print(f"{FOLDS}-fold cross-validation by publisher: {len(data)} studied key results, {len(publishers)} publishers")
    _report(data, task)


if __name__ == "__main__":
    main()
