"""How many common OKR layouts the loaders read: each file in benchmarks/layout-probes/ is a
small self-written OKR set in one layout (outliner bullets, outline numbers, labelled
checkboxes, KR columns, YAML objectives as keys, …), two objectives over four key results.

    python benchmarks/layout_probes.py

A coverage figure, not evidence of accuracy on real files (benchmarks/real_files.py measures
that): it prints how many probes read as two objectives over four key results, with no error.
"""

from __future__ import annotations

from pathlib import Path

from okrlint.loaders import format_for, load

PROBES = Path(__file__).parent / "layout-probes"


def main() -> None:
    read, missed = 0, []
    names = sorted(p.name for p in PROBES.iterdir() if format_for(p.name))
    for name in names:
        result = load((PROBES / name).read_text("utf-8"), name, format_for(name) or "text")
        objectives = result.document.objectives if result.document else []
        krs = sum(len(o.key_results) for o in objectives)
        errors = [d for d in result.diagnostics if d.code.startswith("E")]
        if len(objectives) == 2 and krs == 4 and not errors:
            read += 1
        else:
            missed.append(name)
    print(f"{read} of {len(names)} probe layouts read as 2 objectives over 4 key results")
    for name in missed:
        print(f"    not read: {name}")


if __name__ == "__main__":
    main()
