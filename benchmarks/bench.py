"""Figures for DESIGN §10's budgets: cold start, warm throughput, a 500-file repository.

    python benchmarks/bench.py            # prints the three figures and the budgets

Prints measurements; it asserts nothing (timings are not tests).
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def _corpus_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpora" / "labelled").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            kr = item.get("kr")
            if isinstance(kr, str):
                texts.append(kr)
            elif isinstance(kr, dict) and isinstance(kr.get("title"), str):
                texts.append(kr["title"])
    return texts


def _variants(texts: list[str], count: int, seed: int = 7) -> list[str]:
    """Distinct key results (the analyzer caches by text, so repeats would flatter the figure)."""
    rng = random.Random(seed)
    return [f"{rng.choice(texts)} (team {i})" for i in range(count)]


def _median_wall(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _five_objective_file(folder: Path) -> Path:
    texts = _corpus_texts()
    rng = random.Random(3)
    lines = ["cycle: 2026-Q2", "owner: Benchmark team", "objectives:"]
    for o in range(5):
        lines.append(f"  - title: Objective number {o + 1} for the team")
        lines.append("    key_results:")
        for _ in range(3):
            lines.append(f"      - {json.dumps(rng.choice(texts))}")
    path = folder / "five-objectives.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cold_start(folder: Path) -> None:
    path = _five_objective_file(folder)
    okrlint = [sys.executable, "-m", "okrlint", "check", "--fail-on", "never", str(path)]
    floor = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
    _median_wall(okrlint)  # warm the OS file cache for both
    base = _median_wall(floor)
    ours = _median_wall(okrlint)
    print(
        f"cold start: okrlint check (5 objectives) {ours:.3f} s;"
        f" import spacy + blank('en') {base:.3f} s;"
        f" ratio {ours / base:.2f} (budget <= 1.25), median of {RUNS}"
    )


def warm_throughput() -> None:
    from okrlint.api import lint_results
    from okrlint.config import Settings
    from okrlint.loaders import load
    from okrlint.samples import snippet

    texts = _variants(_corpus_texts(), 6000)
    documents = [snippet(texts[i : i + 4], cycle="2026-Q2") for i in range(0, len(texts), 4)]
    lint_results([load(documents[0], "warm.yaml", "yaml")], Settings())  # load spaCy and rules
    results = [load(doc, f"doc{i}.yaml", "yaml") for i, doc in enumerate(documents)]
    start = time.perf_counter()
    lint_results(results, Settings())
    elapsed = time.perf_counter() - start
    print(
        f"warm throughput: {len(texts) / elapsed:,.0f} key results/s on one core "
        f"({len(texts)} distinct KRs in {elapsed:.2f} s, loading excluded; budget >= 3,000/s)"
    )


def repository(folder: Path) -> None:
    texts = _variants(_corpus_texts(), 10_000, seed=11)
    repo = folder / "repo"
    repo.mkdir()
    for index in range(500):
        chunk = texts[index * 20 : (index + 1) * 20]
        objectives = [
            {"title": f"Objective {o}", "key_results": chunk[o * 4 : (o + 1) * 4]} for o in range(5)
        ]
        document = {"cycle": "2026-Q2", "owner": f"team-{index}", "objectives": objectives}
        (repo / f"team-{index:03}.yaml").write_text(
            json.dumps(document, indent=1), encoding="utf-8"
        )
    command = [
        sys.executable,
        "-m",
        "okrlint",
        "check",
        "--format",
        "json",
        "--fail-on",
        "never",
        str(repo),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = json.loads(done.stdout)["summary"]
    print(
        f"repository: {summary['key_results']:,} key results in {summary['files']} files: "
        f"{elapsed:.2f} s wall, peak RSS {peak_mb:.0f} MB (budget < 10 s on 2 cores, < 400 MB); "
        f"cores available: {os.cpu_count()}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold_start(folder)
        warm_throughput()
        repository(folder)


if __name__ == "__main__":
    main()
