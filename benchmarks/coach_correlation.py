"""Does the coach's score fall as an objective's share of defective key results rises?

Reads labelled real key results (JSON Lines: one object per key result with "kr", "objective",
"source" and "labels": {task_not_outcome: bool, …}), groups them into objectives (same source,
cycle and objective text), builds each objective as a one-objective YAML document, coaches them
all in one run, and prints Spearman's rank correlation between each objective's score and the
share of its key results that carry any defect label. The goal is -0.6 or lower.

    python benchmarks/coach_correlation.py corpora/real/key_results.jsonl --split tune

Tune on the studied splits (`--show` lists their objectives; never those of the sealed splits,
okrlint.eval.SEALED, which are scored at the end of a piece of work).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from okrlint.coach.run import run as coach
from okrlint.eval import SEALED, real_splits
from okrlint.config import Settings
from okrlint.loaders import load
from okrlint.samples import snippet

GOAL = -0.6


def read(paths: list[Path]) -> list[dict[str, Any]]:
    items = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: skipped, not JSON: {error}", file=sys.stderr)
                continue
            if isinstance(item, dict) and item.get("kr") and isinstance(item.get("labels"), dict):
                items.append(item)
    return items


def group(items: list[dict[str, Any]]) -> list[tuple[tuple[str, str, str], list[dict[str, Any]]]]:
    """Key results by (source, cycle, objective), in a stable order."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        key = (
            str(item.get("source") or item.get("publisher") or ""),
            str(item.get("cycle") or ""),
            " ".join(str(item.get("objective") or "").split()),
        )
        groups[key].append(item)
    return sorted(groups.items())


def defective(item: dict[str, Any]) -> bool:
    return any(bool(value) for value in item["labels"].values())


def ranks(values: list[float]) -> list[float]:
    """1-based ranks, ties sharing the average of their positions."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            result[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return result


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho: Pearson's correlation of the ranks (handles ties)."""
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="JSON Lines files of labelled KRs")
    parser.add_argument("--min-krs", type=int, default=1, help="skip smaller objectives")
    parser.add_argument("--show", action="store_true", help="print every objective's figures")
    parser.add_argument(
        "--split",
        default="all",
        help="only the key results of this split (their \"split\" field: tune, blind-open, blind-2 ...)",
    )
    args = parser.parse_args(argv)
    if args.show and args.split in (*SEALED, "all"):
        # A sealed split is never listed (nor "all", which holds them).
        parser.error("--show lists objectives of a studied split only (tune, blind-open, blind-2 ...)")

    missing = [str(p) for p in args.paths if not p.is_file()]
    if missing:
        parser.error(f"not found: {', '.join(missing)}")
    every = read(args.paths)
    splits = real_splits(every)  # the splits of the files given, not of the bundled corpus
    if args.split not in (*splits, "all"):
        parser.error(f"no split {args.split!r} in those files (they hold: {', '.join(splits) or 'none'})")
    items = [i for i in every if args.split in ("all", i.get("split"))]
    groups = [g for g in group(items) if len(g[1]) >= args.min_krs]
    if len(groups) < 3:
        parser.error(f"only {len(groups)} objectives: too few for a rank correlation")
    results = []
    for index, ((_source, cycle, objective), items) in enumerate(groups):
        text = snippet([item["kr"] for item in items], objective or "Objective", cycle or None)
        results.append(load(text, f"objective-{index:04d}.yaml", "yaml"))
    # A fixed date: the corpus carries no check-ins, so the date changes nothing but stays fixed.
    report = coach(results, Settings(today=dt.date(2026, 1, 1)))
    score_of = {card.path: card.score for card in report.objectives}
    scores, shares = [], []
    unrated = 0
    for index, (key, items) in enumerate(groups):
        share = sum(defective(item) for item in items) / len(items)
        score = score_of[f"objective-{index:04d}.yaml"]
        if score is None:
            unrated += 1  # written in a language the rules do not read: the coach gives no score
            continue
        scores.append(float(score))
        shares.append(share)
        if args.show:
            print(f"{score:>3}  {share:4.0%}  {len(items):>2} KRs  {key[2][:60]}  ({key[0][-50:]})")
    rho = spearman(scores, shares)
    key_results = sum(len(items) for _key, items in groups)
    clean = [s for s, share in zip(scores, shares, strict=True) if share == 0]
    flawed = [s for s, share in zip(scores, shares, strict=True) if share == 1]
    print(
        f"objectives: {len(groups)}  key results: {key_results}  files: {len(args.paths)}"
        f"  split: {args.split}" + (f"  not rated (not English): {unrated}" if unrated else "")
    )
    if clean and flawed:
        print(
            f"mean score: {sum(clean) / len(clean):.1f} with no defective KR ({len(clean)}), "
            f"{sum(flawed) / len(flawed):.1f} with all KRs defective ({len(flawed)})"
        )
    verdict = "meets" if rho <= GOAL else "misses"
    print(f"Spearman rho(score, share of defective KRs) = {rho:.3f} ({verdict} the goal of {GOAL})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
