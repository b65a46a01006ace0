"""How well the loaders read real OKR files: objective and key-result precision and recall.

    python benchmarks/real_files.py [FOLDER] [--verbose]

FOLDER holds real OKR files and a `truth.yaml` (default: ../shared/real-okr-files beside the
checkout, when present). The truth gives the line and text of every objective and key result
(see the header of that file). A reported node matches a true one on the same line when their
texts agree (one contains the other, or they are >= 60% alike), so a loader that reads the right
line but the wrong words does not score. The truth's `alt_lines` are other lines a loader may
reasonably report for the same node (a wrapped line's continuation, or an objective stated twice:
a short heading and a longer statement below it); a node reported on one of them matches when
its text agrees with the true text or with the words written on that line. Also prints how many of
the files a directory walk picks up. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from okrlint.loaders import format_for
from okrlint.models import OKRDocument
from okrlint.sources import discover, read_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "real-okr-files"
_MARKUP = re.compile(r"[*_`~]|<[^>]+>|\[(.*?)\]\([^)]*\)")


@dataclass
class Tally:
    reported: int = 0
    true: int = 0
    matched_reported: int = 0
    matched_true: int = 0

    def add(self, other: Tally) -> None:
        self.reported += other.reported
        self.true += other.true
        self.matched_reported += other.matched_reported
        self.matched_true += other.matched_true

    @property
    def precision(self) -> float:
        return self.matched_reported / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.matched_true / self.true if self.true else 1.0

    def shown(self) -> str:
        return (
            f"P {self.precision:.2f} ({self.matched_reported}/{self.reported})"
            f"  R {self.recall:.2f} ({self.matched_true}/{self.true})"
        )


@dataclass
class FileScore:
    name: str
    latin: bool
    objectives: Tally = field(default_factory=Tally)
    key_results: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", _MARKUP.sub(r"\1", text))
    return " ".join(text.lower().split())


def _alike(reported: str, true: str) -> bool:
    a, b = _normal(reported), _normal(true)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.6


def _latin(entry: dict) -> bool:
    """Whether the file's OKRs are written in a Latin script (the issue's measure)."""
    texts = [o["text"] for o in entry.get("objectives") or []]
    texts += [k["text"] for o in entry.get("objectives") or [] for k in o.get("key_results") or []]
    letters = [c for t in texts for c in t if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters) >= 0.8


Reported = list[tuple[set[int], str]]
# A true node: the (line, text) pairs a loader may report for it.
TrueNode = list[tuple[int, str]]


def _true_node(item: dict, file_lines: list[str]) -> TrueNode:
    pairs = [(item["line"], item["text"])]
    for line in item.get("alt_lines") or []:
        pairs.append((line, item["text"]))
        if 0 < line <= len(file_lines):
            pairs.append((line, file_lines[line - 1]))
    return pairs


def _agrees(lines: set[int], text: str, node: TrueNode) -> bool:
    return any(line in lines and _alike(text, true_text) for line, true_text in node)


def _match(reported: Reported, true: list[TrueNode]) -> Tally:
    """Pair reported and true nodes one to one: same line, texts alike."""
    tally = Tally(reported=len(reported), true=len(true))
    used: set[int] = set()
    for node in true:
        for index, (rlines, rtext) in enumerate(reported):
            if index not in used and _agrees(rlines, rtext, node):
                used.add(index)
                tally.matched_true += 1
                break
    tally.matched_reported = len(used)
    return tally


def score_file(folder: Path, entry: dict) -> FileScore:
    name = entry["file"]
    score = FileScore(name, _latin(entry))
    path = folder / name if (folder / name).exists() else folder / "files" / name
    fmt = format_for(name) or "text"
    result = read_file(path, fmt, 50 * 1024 * 1024)
    document = result.document or OKRDocument(path=name, format=fmt)
    got_objectives = [({o.span.start.line} if o.span else set(), o.title) for o in document.objectives]
    got_krs = [
        ({kr.span.start.line} if kr.span else set(), kr.title)
        for o in document.objectives
        for kr in o.key_results
    ]
    file_lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    true_objectives = [_true_node(o, file_lines) for o in entry.get("objectives") or []]
    true_krs = [
        _true_node(k, file_lines)
        for o in entry.get("objectives") or []
        for k in o.get("key_results") or []
    ]
    score.objectives = _match(got_objectives, true_objectives)
    score.key_results = _match(got_krs, true_krs)
    score.misses = _misses(got_krs, true_krs)
    return score


def _misses(got: Reported, true: list[TrueNode]) -> list[str]:
    lines = []
    for lines_, text in got:
        if not any(_agrees(lines_, text, node) for node in true):
            lines.append(f"    + {min(lines_, default=0)}: {text[:90]}")
    for node in true:
        if not any(_agrees(lines_, text, node) for lines_, text in got):
            line, text = node[0]
            lines.append(f"    - {line}: {text[:90]}")
    return lines


def walk_count(folder: Path, names: list[str]) -> tuple[int, int, list[str]]:
    """How many of the files `names` a walk of the folder picks up, and those it missed."""
    files = folder / "files" if (folder / "files").is_dir() else folder
    found = {path.name for path, _fmt in discover([files]).files}
    missed = [name for name in names if name not in found]
    return len(names) - len(missed), len(names), missed


def walk_repositories(folder: Path) -> tuple[int, int, list[str], list[str], list[str]]:
    """Walk each repository in walk.yaml: OKR files found of those listed, and the pages that
    only explain OKRs (or other files) that the walk picked up."""
    entries = YAML(typ="safe").load((folder / "walk.yaml").read_text(encoding="utf-8")) or []
    found_okr, total, explainers, others, missed = 0, 0, [], [], []
    for entry in entries:
        root = folder / entry["folder"]
        if not root.is_dir():
            continue
        picked = {path.relative_to(root).as_posix() for path, _fmt in discover([root]).files}
        okr = set(entry.get("okr_files") or [])
        about = set(entry.get("about_okr_pages") or [])
        borderline = set(entry.get("borderline_files") or []) | {
            b["path"] if isinstance(b, dict) else b for b in entry.get("borderline") or []
        }
        # Borderline entries may name several files ("data/blog/sprint-*.md and …").
        patterns = [re.sub(r"\s*\(.*?\)", "", part).strip() for b in borderline for part in str(b).split(" and ")]
        unsure = {p for p in picked if any(fnmatch.fnmatch(p, pattern) for pattern in patterns)}
        found_okr += len(okr & picked)
        total += len(okr)
        missed += [f"{entry['folder']}/{p}" for p in sorted(okr - picked)]
        explainers += [f"{entry['folder']}/{p}" for p in sorted(picked & about)]
        others += [f"{entry['folder']}/{p}" for p in sorted(picked - okr - about - unsure)]
    pages = folder / "pages_about_okrs"
    if pages.is_dir():
        # Walked from a neutral folder: the set's own folder name says "okrs".
        with tempfile.TemporaryDirectory() as tmp:
            neutral = Path(tmp) / "pages"
            shutil.copytree(pages, neutral)
            explainers += [f"pages_about_okrs/{p.name}" for p, _fmt in discover([neutral]).files]
    return found_okr, total, explainers, others, missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses per file")
    args = parser.parse_args()
    truth_path = args.folder / "truth.yaml"
    if not truth_path.is_file():
        print(f"no truth.yaml in {args.folder}: nothing to measure", file=sys.stderr)
        return 0
    entries = YAML(typ="safe").load(truth_path.read_text(encoding="utf-8"))
    scores = [score_file(args.folder, entry) for entry in entries]
    print(f"{'file':44} {'objectives':28} key results")
    for score in scores:
        mark = "" if score.latin else " (non-latin)"
        print(f"{score.name[:44]:44} {score.objectives.shown():28} {score.key_results.shown()}{mark}")
        if args.verbose:
            print("\n".join(score.misses))
    # A truth entry with no objectives is a file that holds no OKR set (a page about OKRs, a
    # roadmap): the walk should pass it over.
    found, total, walk_missed = walk_count(args.folder, [e["file"] for e in entries if e.get("objectives")])
    not_okr = [e["file"] for e in entries if not e.get("objectives")]
    wrongly, _pages, passed_over = walk_count(args.folder, not_okr)
    if (args.folder / "walk.yaml").is_file():
        okr, listed, explainers, others, missed = walk_repositories(args.folder)
        print(f"repository walks: {okr} of {listed} OKR files picked up; "
              f"{len(explainers)} pages about OKRs and {len(others)} other files picked up")
        if args.verbose:
            print("\n".join(f"    explainer: {p}" for p in explainers))
            print("\n".join(f"    other: {p}" for p in others))
            print("\n".join(f"    missed: {p}" for p in missed))
    for label, chosen in (("all files", scores), ("latin-script", [s for s in scores if s.latin])):
        objectives, key_results = Tally(), Tally()
        for score in chosen:
            objectives.add(score.objectives)
            key_results.add(score.key_results)
        print(f"{label} ({len(chosen)}): objectives {objectives.shown()}; "
              f"key results {key_results.shown()}")
    print(f"directory walk: {found} of {total} OKR files picked up"
          + (f"; {wrongly} of {len(not_okr)} files holding no OKR set picked up" if not_okr else ""))
    if args.verbose:
        print("\n".join(f"    missed: {name}" for name in walk_missed))
        print("\n".join(f"    picked up, holds no OKR set: {name}" for name in not_okr if name not in passed_over))
    return 0


if __name__ == "__main__":
    sys.exit(main())
