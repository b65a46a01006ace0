"""Every budget of DESIGN §10 (issue 12's table), measured side by side in one run.

    python benchmarks/bench.py                 # the table, then the scaling run
    python benchmarks/bench.py --quick         # fewer runs, no 100k scaling step
    python benchmarks/bench.py --only cold,startup

Machines differ by 2x and more, so each figure is a ratio to spaCy's own start (the floor,
`python -c "import spacy; spacy.blank('en')"`) or to spaCy's bare tokenizer, timed in turn
with it (A B A B ...): the median of the pair-by-pair ratios holds when the machine's speed
drifts. Peak memory is the largest single process (as `/usr/bin/time -v` reports it) and,
for parallel runs, the whole process tree sampled every 20 ms. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
FORMATS = ["text", "json", "jsonl", "github", "sarif", "rdjson"]


# -- inputs -------------------------------------------------------------------------------------
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


def _variants(count: int, seed: int) -> list[str]:
    """Distinct key results (the analyzer caches by text, so repeats would flatter a figure)."""
    texts = _corpus_texts()
    rng = random.Random(seed)
    return [f"{rng.choice(texts)} (team {i})" for i in range(count)]


def _document(krs: list[str], owner: str, per_objective: int) -> str:
    objectives = [
        {"title": f"Objective {o + 1} for {owner}", "key_results": krs[i : i + per_objective]}
        for o, i in enumerate(range(0, len(krs), per_objective))
    ]
    return json.dumps({"cycle": "2026-Q2", "owner": owner, "objectives": objectives}, indent=1)


def five_objective_file(folder: Path) -> Path:
    rng = random.Random(3)
    texts = _corpus_texts()
    krs = [rng.choice(texts) for _ in range(15)]
    path = folder / "five-objectives.yaml"
    path.write_text(_document(krs, "Benchmark team", 3), encoding="utf-8")
    return path


def repository(folder: Path, key_results: int, per_file: int = 20, seed: int = 11) -> Path:
    """`key_results` distinct key results in files of `per_file` (5 objectives of 4 each)."""
    repo = folder / f"repo-{key_results}"
    repo.mkdir()
    texts = _variants(key_results, seed)
    for index in range(key_results // per_file):
        chunk = texts[index * per_file : (index + 1) * per_file]
        (repo / f"team-{index:05}.yaml").write_text(
            _document(chunk, f"team-{index}", 4), encoding="utf-8"
        )
    return repo


def big_file(folder: Path, key_results: int) -> Path:
    path = folder / f"one-file-{key_results}.yaml"
    path.write_text(_document(_variants(key_results, 5), "Big team", 10), encoding="utf-8")
    return path


# -- measuring ----------------------------------------------------------------------------------
@dataclass
class Run:
    wall: float
    peak_mb: float  # the largest single process
    tree_mb: float  # the whole process tree, sampled
    output: bytes = b""


def run(command: list[str], capture: bool = False) -> Run:
    """One whole-process run: wall time, the largest process's peak RSS (from the kernel's
    accounting of the reaped child) and the tree's sampled peak."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sampler = _TreeSampler(proc.pid)
    sampler.start()
    output = proc.stdout.read() if capture and proc.stdout else b""
    _pid, _status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4
    sampler.stop()
    return Run(wall, usage.ru_maxrss / 1024, sampler.peak_mb, output)


class _TreeSampler(threading.Thread):
    """The summed RSS of a process and its descendants, every 20 ms (Linux /proc only)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self._done = pid, 0.0, threading.Event()

    def stop(self) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        while not self._done.wait(0.02):
            total = sum(_rss_kb(pid) for pid in _tree(self.pid))
            self.peak_mb = max(self.peak_mb, total / 1024)


def _tree(root: int) -> list[int]:
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    queue.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Paired:
    """A command timed in turn with the floor: medians and the median pair-by-pair ratio."""

    ours: list[Run] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(r.wall / f for r, f in zip(self.ours, self.floor, strict=True))

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.ours)

    @property
    def floor_wall(self) -> float:
        return statistics.median(self.floor)

    @property
    def peak(self) -> float:
        return max(r.peak_mb for r in self.ours)

    @property
    def tree(self) -> float:
        return max(r.tree_mb for r in self.ours)


def paired(command: list[str], runs: int) -> Paired:
    run(FLOOR)
    run(command)  # warm the file cache for both
    result = Paired()
    for _ in range(runs):
        result.floor.append(run(FLOOR).wall)
        result.ours.append(run(command))
    return result


# -- the command under test ---------------------------------------------------------------------
def okrlint(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("okrlint")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "okrlint"]
    return [*base, *args]


def _supports(option: str) -> bool:
    help_text = subprocess.run(okrlint("check", "--help"), capture_output=True, text=True).stdout
    return option in help_text


def check(*args: str) -> list[str]:
    jobs = ["--jobs", str(os.cpu_count() or 1)] if _supports("--jobs") else []
    return okrlint("check", "--fail-on", "never", *jobs, *args)


def _verdict(value: float, budget: float, below: bool = True) -> str:
    met = value <= budget if below else value >= budget
    return "meets" if met else "OVER" if below else "UNDER"


# -- rows ---------------------------------------------------------------------------------------
def row_cold(folder: Path, runs: int) -> None:
    path = five_objective_file(folder)
    result = paired(okrlint("check", "--fail-on", "never", str(path)), runs)
    print(
        f"cold check, 5 objectives      {result.wall:6.3f} s vs floor {result.floor_wall:.3f} s"
        f"  ratio {result.ratio:.2f}x  (budget <= 1.10x: {_verdict(result.ratio, 1.10)})"
    )


_PROBE = (
    "import sys; from okrlint.cli import main\n"
    "sys.argv = ['okrlint', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "heavy = [m for m in ('spacy', 'pydantic', 'okrlint.nlp', 'ruamel.yaml') if m in sys.modules]\n"
    "print(','.join(heavy), file=sys.stderr)\n"
)


def row_startup(runs: int) -> None:
    for args in (["--version"], ["rules"], ["explain", "O101"]):
        times = []
        run(okrlint(*args))
        for _ in range(runs):
            times.append(run(okrlint(*args)).wall)
        probe = subprocess.run(
            [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True
        )
        heavy = probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else ""
        wall = statistics.median(times)
        spacy = "imports spaCy" if "spacy" in heavy.split(",") else "no spaCy"
        print(
            f"okrlint {' '.join(args):<21} {wall:6.3f} s  {spacy}"
            f" (loaded: {heavy or 'none of spacy, pydantic, ruamel'})"
            f"  (budget <= 0.15 s, no spaCy: "
            f"{'meets' if wall <= 0.15 and spacy == 'no spaCy' else 'OVER'})"
        )


_WARM = """
import json, sys, time
import spacy
from okrlint.api import lint_results
from okrlint.config import Settings
from okrlint.loaders import load
from okrlint.samples import snippet

texts = json.loads(sys.stdin.read())
warmup, measured = texts[:400], texts[400:]
docs = [snippet(measured[i : i + 4], cycle="2026-Q2") for i in range(0, len(measured), 4)]
warm_docs = [snippet(warmup[i : i + 4], cycle="2026-Q2") for i in range(0, len(warmup), 4)]
lint_results([load(d, f"w{i}.yaml", "yaml") for i, d in enumerate(warm_docs)], Settings())
spacy.blank("en")  # spaCy's own lazy set-up, once
rounds = []
for round in range(3):
    # Fresh texts each round: the analyzer caches by text.
    tagged = [f"{t} r{round}" for t in measured]
    tdocs = [snippet(tagged[i : i + 4], cycle="2026-Q2") for i in range(0, len(tagged), 4)]
    # spaCy's bare tokenizer meeting these texts for the first time, as okrlint's analyzer does.
    tokenizer = spacy.blank("en").tokenizer
    start = time.perf_counter()
    for _ in tokenizer.pipe(tagged):
        pass
    tok = time.perf_counter() - start
    start = time.perf_counter()
    results = [load(d, f"d{i}.yaml", "yaml") for i, d in enumerate(tdocs)]
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    lint_results(results, Settings())
    lint = time.perf_counter() - start
    rounds.append((tok, loaded, lint))
print(json.dumps({"count": len(measured), "rounds": rounds}))
"""


def row_warm(count: int) -> None:
    texts = _variants(count + 400, seed=7)
    done = subprocess.run(
        [sys.executable, "-c", _WARM], input=json.dumps(texts), capture_output=True, text=True
    )
    if done.returncode != 0:
        print(f"warm throughput: failed: {done.stderr.strip().splitlines()[-1:]}")
        return
    data = json.loads(done.stdout)
    n = data["count"]
    ratios = [tok / lint for tok, _loaded, lint in data["rounds"]]
    ratios_loaded = [tok / (lint + loaded) for tok, loaded, lint in data["rounds"]]
    tok_rate = statistics.median(n / tok for tok, _l, _x in data["rounds"])
    lint_rate = statistics.median(n / lint for _t, _l, lint in data["rounds"])
    full_rate = statistics.median(n / (lint + loaded) for _t, loaded, lint in data["rounds"])
    ratio = statistics.median(ratios)
    print(
        f"warm throughput, one core     {lint_rate:8,.0f} KR/s linting ({full_rate:,.0f} KR/s"
        f" with loading) vs tokenizer {tok_rate:,.0f} KR/s  ratio {ratio:.2f}x"
        f" ({statistics.median(ratios_loaded):.2f}x with loading)"
        f"  (budget >= 0.60x: {_verdict(ratio, 0.60, below=False)})"
    )


def _whole_run_row(label: str, target: Path, runs: int, budget: float, tree: bool) -> None:
    """One `okrlint check` of `target` timed against the floor, with its budget verdict."""
    result = paired(check(str(target)), runs)
    where = f" on {os.cpu_count()} cores" if tree else ""
    memory = f"peak {result.peak:.0f} MB" + (f" (tree {result.tree:.0f} MB)" if tree else "")
    print(
        f"{label:<30}{result.wall:6.2f} s vs floor {result.floor_wall:.3f} s"
        f"  ratio {result.ratio:.2f}x{where}, {memory}"
        f"  (budget <= {budget:g}x: {_verdict(result.ratio, budget)})"
    )


def row_repository(folder: Path, runs: int) -> None:
    _whole_run_row("10,000 KRs in 500 files", repository(folder, 10_000), runs, 5.0, tree=True)


def row_big_file(folder: Path, runs: int) -> None:
    _whole_run_row("one file with 4,000 KRs", big_file(folder, 4_000), runs, 2.0, tree=False)


def row_memory(folder: Path) -> None:
    repo = folder / "repo-10000"
    if not repo.exists():
        repo = repository(folder, 10_000)
    peaks = []
    for fmt in FORMATS:
        result = run(check("--format", fmt, str(repo)))
        peaks.append((fmt, result.peak_mb, result.tree_mb))
    worst = max(peak for _fmt, peak, _tree in peaks)
    shown = ", ".join(f"{fmt} {peak:.0f} (tree {tree:.0f})" for fmt, peak, tree in peaks)
    print(
        f"peak memory, 10,000 KRs (MB)  {shown}"
        f"  (budget < 300 MB in every format: {_verdict(worst, 299.99)})"
    )


def scaling(folder: Path, sizes: list[int]) -> None:
    print("\nscaling (whole run, text format, all cores):")
    floor = statistics.median(run(FLOOR).wall for _ in range(3))
    print(f"  floor {floor:.3f} s")
    for size in sizes:
        repo = folder / f"repo-{size}"
        if not repo.exists():
            repo = repository(folder, size)
        result = run(check(str(repo)))
        print(
            f"  {size:>7,} KRs in {size // 20:>5,} files: {result.wall:7.2f} s"
            f" ({result.wall / floor:5.1f}x floor), {size / result.wall:7,.0f} KR/s,"
            f" peak {result.peak_mb:.0f} MB (tree {result.tree_mb:.0f} MB)"
        )
    for size in (1_000, 2_000, 4_000):
        path = folder / f"one-file-{size}.yaml"
        if not path.exists():
            path = big_file(folder, size)
        result = run(check(str(path)))
        print(
            f"  {size:>7,} KRs in one file:   {result.wall:7.2f} s"
            f" ({result.wall / floor:5.1f}x floor), {size / result.wall:7,.0f} KR/s"
        )


def _byte_compiled() -> None:
    """Compile okrlint's modules to bytecode first, as `pip install .` does: an editable
    install under PYTHONDONTWRITEBYTECODE (as here) would otherwise recompile every module
    from source on every start while spaCy, installed by pip, starts from bytecode."""
    import compileall

    import okrlint

    package = Path(okrlint.__file__).parent
    compileall.compile_dir(str(package), quiet=1)
    print(f"okrlint modules byte-compiled in {package} (as a pip install leaves them)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs; scaling to 50k only")
    parser.add_argument(
        "--only",
        default="cold,startup,warm,repository,bigfile,memory,scaling",
        help="comma-separated rows",
    )
    args = parser.parse_args()
    rows = set(args.only.split(","))
    runs = 3 if args.quick else 7
    print(
        f"okrlint budgets, side by side ({os.cpu_count()} cores, Python"
        f" {sys.version.split()[0]}, {runs} paired runs; figures are medians)"
    )
    _byte_compiled()
    folder = Path(tempfile.mkdtemp(prefix="okrlint-bench-"))
    try:
        if "cold" in rows:
            row_cold(folder, runs)
        if "startup" in rows:
            row_startup(runs)
        if "warm" in rows:
            row_warm(6000)
        if "repository" in rows:
            row_repository(folder, max(3, runs // 2))
        if "bigfile" in rows:
            row_big_file(folder, 3)
        if "memory" in rows:
            row_memory(folder)
        if "scaling" in rows:
            scaling(folder, [10_000, 50_000] if args.quick else [10_000, 50_000, 100_000])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
