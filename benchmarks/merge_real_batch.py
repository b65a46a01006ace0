"""Add a double-annotated batch of real key results to the real corpus.

    python benchmarks/merge_real_batch.py batch2 okrlint-blind-2 blind-2
    python benchmarks/merge_real_batch.py batch3 - blind-3
    python benchmarks/merge_real_batch.py batch4 - blind-4
    python benchmarks/merge_real_batch.py batch5 - blind-5
    python benchmarks/merge_real_batch.py batch6 - blind-6
    python benchmarks/merge_real_batch.py batch7 - blind-7
    python benchmarks/merge_real_batch.py batch8 - blind-8
    python benchmarks/merge_real_batch.py batch9 - blind-9
    python benchmarks/merge_real_batch.py batch10 - blind-10
    python benchmarks/merge_real_batch.py batch11 - blind-11
    python benchmarks/merge_real_batch.py batch12 - blind-12
    python benchmarks/merge_real_batch.py batch13 - blind-13
    python benchmarks/merge_real_batch.py batch14 okrlint-blind-14 blind-14 study-14
    python benchmarks/merge_real_batch.py batch15 - blind-15

Reads corpora/real/BATCH/key_results.jsonl, first-annotator.jsonl and second-annotator.jsonl;
each label is the annotators' shared value, or null where they disagree (scored nowhere, as
the first batch). A third of the batch's publishers, chosen by sha256(SALT + publisher), form
the batch's blind split (named SPLIT); the rest join the tuning split, or the split named by a
fourth argument (REST: a batch's studied part, scored on its own before it is studied). SALT "-" puts the whole
batch in the blind split (a small batch, kept whole to be scored once). Items already in the
corpus (by id) are replaced, so the script can be re-run.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "corpora" / "real"


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main(batch: str, salt: str, split: str, rest: str = "tune") -> int:
    folder = REAL / batch
    first = {item["id"]: item["labels"] for item in _read(folder / "first-annotator.jsonl")}
    second = {item["id"]: item["labels"] for item in _read(folder / "second-annotator.jsonl")}
    added = []
    for item in _read(folder / "key_results.jsonl"):
        a, b = first[item["id"]], second[item["id"]]
        item["labels"] = {label: (a[label] if a[label] == b[label] else None) for label in a}
        digest = hashlib.sha256((salt + item["publisher"]).encode("utf-8")).hexdigest()
        item["split"] = split if salt == "-" or int(digest, 16) % 3 == 0 else rest
        item["batch"] = batch
        added.append(item)
    corpus = REAL / "key_results.jsonl"
    ids = {item["id"] for item in added}
    kept = [item for item in _read(corpus) if item["id"] not in ids]
    lines = [json.dumps(item, ensure_ascii=False) for item in kept + added]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    blind = sum(item["split"] == split for item in added)
    print(f"{len(added)} key results from {batch}: {len(added) - blind} {rest}, {blind} {split}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
