"""Every hostile or odd input of issue 12: a located finding or one clear line and exit 2,
never a traceback, a hang or an answer that depends on file order or process count.

Time bounds here are hang detectors (generous, a few seconds); budgets are measured by
benchmarks/bench.py.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import GOOD_YAML, ONE_KR_YAML, Run

import okrlint
from okrlint import nlp
from okrlint.api import analyzer_for
from okrlint.config import Settings
from okrlint.loaders import load
from okrlint.loaders.sniff import looks_like_okrs
from okrlint.measure import measure
from okrlint.models import MAX_TEXT_CHARS

BOUND = 5.0  # seconds: far above any honest run of these inputs, far below a hang
OKRLINT = shutil.which("okrlint") or str(Path(sys.executable).with_name("okrlint"))


def _timed(call: Callable[[], Any], bound: float = BOUND) -> Any:
    started = time.perf_counter()
    result = call()
    assert time.perf_counter() - started < bound, "took too long: a hang or a blow-up"
    return result


def _codes(report: okrlint.Report) -> list[str]:
    return [finding.code for finding in report.findings]


def _at(run: Run, code: str) -> list[tuple[str, int, int]]:
    return [
        (f["path"], f["range"]["start"]["line"], f["range"]["start"]["column"])
        for f in run.json()["findings"]
        if f["code"] == code
    ]


def _check(cli: Callable[..., Run], *args: str) -> Run:
    return cli("check", "--format", "json", "--no-hints", "--jobs", "1", *args)


def _process(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [OKRLINT, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd
    )


# -- crashes that must be findings ---------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["yaml", "markdown", "text"])
def test_a_lone_surrogate_is_e001_at_its_place(fmt: str) -> None:
    text = "objectives:\n  - title: Grow revenue\n    key_results: [Raise ARR \ud800 to $3M]\n"
    report = okrlint.lint_text(text, format=fmt)
    assert _codes(report) == ["E001"]
    finding = report.findings[0]
    assert (finding.range.start.line, finding.range.start.column) == (3, 29)
    assert "surrogate" in finding.message
    report.to_json()  # and the output can be written


def test_punctuation_runs_do_not_slow_the_tokenizer() -> None:
    # spaCy's tokenizer is quadratic on punctuation runs: 0.6 s for each of these texts
    analyzer = analyzer_for(Settings())
    texts = ["!?." * 660 + "!" * n for n in range(12)]
    _timed(lambda: analyzer.analyze(texts))
    assert [len(analyzer(text).text) for text in texts] == [len(text) for text in texts]


def test_the_analyzer_reads_a_lone_surrogate() -> None:
    analysis = analyzer_for(Settings())("Raise ARR \udfff from $2M to $3M")
    assert [w.text for w in analysis.words][:2] == ["raise", "arr"]
    assert analysis.measurement.target is not None


@pytest.mark.parametrize(
    "text",
    [
        "span: 5\n" + GOOD_YAML,
        "defaults: &d {span: 5, cycle_source: 3, path: x}\n<<: *d\n" + GOOD_YAML,
        GOOD_YAML.replace(
            "  - title: Make deploys boring", "  - span: [1]\n    title: Make deploys boring"
        ),
        GOOD_YAML.replace(
            "      - Cut failed deploys from 12% to 3%",
            "      - {title: Cut failed deploys from 12% to 3%, span: 2}",
        ),
    ],
    ids=["top-level", "merge-key", "objective", "key-result"],
)
def test_span_keys_do_not_crash_the_model_builder(text: str) -> None:
    report = okrlint.lint_text(text, format="yaml")
    assert report.objectives == 2 and report.key_results == 4
    assert "E002" not in _codes(report)  # an unknown key to the author, never an error


def test_span_in_front_matter_does_not_crash() -> None:
    text = (
        "---\nspan: 5\ncycle: 2026-Q2\n---\n# Objective: Grow revenue\n"
        "- Raise ARR from $2M to $3M\n- Lift NRR from 98% to 110%\n"
    )
    report = okrlint.lint_text(text, format="markdown")
    assert report.objectives == 1 and "E001" not in _codes(report)


def test_a_document_field_of_the_wrong_type_is_e002_at_its_value() -> None:
    report = okrlint.lint_text("language: 7\n" + GOOD_YAML, format="yaml")
    e002 = [f for f in report.findings if f.code == "E002"]
    assert [(f.range.start.line, f.range.start.column) for f in e002] == [(1, 11)]
    assert report.objectives == 2


def test_a_symlink_loop_in_a_folder_is_skipped_with_a_warning(write, cli, workdir) -> None:
    write("okrs/team.yaml", ONE_KR_YAML)
    os.symlink("b.yaml", workdir / "okrs" / "a.yaml")
    os.symlink("a.yaml", workdir / "okrs" / "b.yaml")
    run = _timed(lambda: _check(cli, "okrs"))
    assert _at(run, "F303") == [("okrs/team.yaml", 4, 12)]
    assert run.exit_code == 1
    assert "okrs/a.yaml: symlink loop; skipped" in run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr


def test_a_named_symlink_loop_is_one_line_and_exit_2(workdir: Path, cli) -> None:
    os.symlink("loop.yaml", workdir / "loop.yaml")
    run = cli("check", "loop.yaml")
    assert run.exit_code == 2
    assert run.stderr_lines == ["okrlint: error: loop.yaml: symlink loop"]


def test_a_name_longer_than_the_system_allows_is_one_line_and_exit_2(workdir: Path, cli) -> None:
    name = "o" * 5000 + ".yaml"
    run = cli("check", name)
    assert run.exit_code == 2
    assert len(run.stderr_lines) == 1
    assert "file name too long" in run.stderr and len(run.stderr) < 400


# -- devices, FIFOs and bounded reading ----------------------------------------------------------
def test_a_symlink_to_dev_zero_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "team.yaml").write_text(ONE_KR_YAML, encoding="utf-8")
    os.symlink("/dev/zero", tmp_path / "okrs" / "zero.yaml")
    named = _timed(lambda: _process("check", "--no-hints", "okrs/zero.yaml", cwd=tmp_path))
    assert named.returncode == 2
    assert (
        named.stderr == "okrlint: error: okrs/zero.yaml: not a regular file (a character device)\n"
    )
    walked = _timed(lambda: _process("check", "--no-hints", "okrs", cwd=tmp_path), bound=60)
    assert walked.returncode == 1
    assert walked.stdout.startswith("okrs/team.yaml:4:12: F303 ")
    # In a walk it is skipped before its kind is even looked at: it points out of the folder.
    assert "okrs/zero.yaml: a symlink to a file outside the folder checked; skipped" in (
        walked.stderr
    )


def test_a_fifo_never_blocks_the_run(tmp_path: Path) -> None:
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "team.yaml").write_text(ONE_KR_YAML, encoding="utf-8")
    os.mkfifo(tmp_path / "okrs" / "pipe.yaml")  # no writer: reading it would wait forever
    named = _process("check", "okrs/pipe.yaml", cwd=tmp_path, timeout=60)
    assert named.returncode == 2
    assert named.stderr == "okrlint: error: okrs/pipe.yaml: not a regular file (a FIFO)\n"
    walked = _process("check", "--no-hints", "okrs", cwd=tmp_path, timeout=60)
    assert walked.returncode == 1
    assert walked.stdout.startswith("okrs/team.yaml:4:12: F303 ")
    assert "okrs/pipe.yaml: not a regular file (a FIFO); skipped" in walked.stderr


def test_the_size_limit_holds_when_stat_says_zero(write, cli, workdir) -> None:
    # Files in /proc report a size of 0 whatever they hold: the reading itself is bounded.
    write(".okrlint.toml", "max-file-size = 64\n")
    (workdir / "okrs").mkdir()
    os.symlink("/proc/self/status", workdir / "okrs" / "status.txt")
    run = _check(cli, "okrs/status.txt")
    assert _at(run, "E001") == [("okrs/status.txt", 1, 1)]
    assert "over the" in run.json()["findings"][0]["message"]


def test_an_unreadable_named_file_is_e001_not_a_usage_error(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(GOOD_YAML, encoding="utf-8")
    (tmp_path / "team.yaml").write_text(ONE_KR_YAML, encoding="utf-8")
    secret.chmod(0)
    command = [OKRLINT, "check", "--format", "json", "secret.yaml", "team.yaml"]
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that allow it
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test unreadable files as root"
        drop = "-dac_override,-dac_read_search"
        command = [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}", "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)["findings"]
    e001 = [f for f in findings if f["code"] == "E001"]
    assert [f["path"] for f in e001] == ["secret.yaml"]
    assert "Permission denied" in e001[0]["message"]
    assert any(f["code"] == "F303" and f["path"] == "team.yaml" for f in findings)


# -- hangs on small inputs -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Reach " + "1" * 5000,
        "from 1 to 2 " * 2000,
        "from https://example.com/" + "a1/" * 550,
        "from " + "1" * 20000,
        "to " + "1" * 20000 + " from",
        "(currently " + "1" * 20000,
        "(1 as of " + "1" * 20000,
        "(now " * 5000,
        "1" * 20000 + "% more",
    ],
    ids=[
        "digits",
        "from-to-repeated",
        "url-after-from",
        "from-digits",
        "to-from",
        "current",
        "as-of",
        "now-repeated",
        "percent",
    ],
)
def test_the_number_reader_is_fast_on_any_text(text: str) -> None:
    _timed(lambda: measure(text), bound=2.0)


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("yaml", "objectives:\n  - title: Grow\n    key_results: ['" + "1" * 5000 + "']\n"),
        ("yaml", "objectives:\n  - title: '" + "9" * 3000 + "'\n    key_results: [a, b]\n"),
        ("markdown", "# Objective: x\n- KR: " + "*" * 50000 + "a" + "_" * 50000 + "\n"),
        ("markdown", "# Objective: x\n- KR: " + "[" * 5000 + "a" + "](b)" * 5000 + "\n"),
        ("markdown", "# Objective: x\n- KR: " + "[a](" * 20000 + "\n"),
        ("markdown", "<details>" * 5000 + "\n# Objective: x\n- KR: y\n"),
        ("markdown", "# Objective: a" + " #" * 50000 + "\n- KR: b\n"),
        ("text", "cycle: a" + " " * 100000 + "b\nObjective: x\nKR: y\n"),
        ("text", "Objective: x" + " " * 100000 + "y\nKR: y\n"),
        ("text", "Objective: x\nKR: y" + " " * 100000 + "– 2\n"),
        ("text", "Objective: x\nKR: " + "!?." * 650 + "\n"),
        ("markdown", "# Example (goo" + "!" * 400 + "d): a team's quarter in words\n- KR: y\n"),
        ("text", "Objective: x\nKR: y\n\nWe will grow a" + " " * 2000 + "z\n"),
        ("csv", "KR" + "7" * 5000 + ",Objective\nGrow,Ship\n"),
        ("text", "Objective: <details>" + " " * 10000 + "z\nKR: y\n"),
        ("text", "Objective: x\nKR: y\nobjectiv" + " " * 4000 + "z\n"),
        ("text", "Objective: x\nKey results" + " " * 4000 + "z\nKR: y\n"),
        ("text", "Objective: x\n- See the notes" + " " * 40000 + "on the / page\n- KR: y\n"),
        ("markdown", "# Objective: x\n- KR: y\n- " + "http://" * 60 + " z\n"),
        ("markdown", "- # Q1 2026\n- ## Objective: x" + " " * 40000 + "z\n\t- KR: y\n"),
        ("text", "1. Grow\n" + "1.1 " * 20000 + "\n1.2 x\n"),
        ("text", "1. Grow\n" + "1.9 x\n" * 80000),
        ("text", "Q1 Objective" + " " * 50000 + "x\nKR: y\n"),
    ],
    ids=[
        "kr-digits",
        "objective-digits",
        "emphasis-runs",
        "nested-links",
        "open-links",
        "nested-details",
        "closing-hashes",
        "text-field",
        "text-directive",
        "annotation",
        "punctuation",
        "section-word-heading",
        "we-will-spaces",
        "csv-header-digits",
        "placeholder-spaces",
        "label-word-spaces",
        "kr-section-spaces",
        "header-separator-spaces",
        "address-runs",
        "outliner-heading-spaces",
        "outline-number-runs",
        "outline-number-lines",
        "scoped-label-spaces",
    ],
)
def test_pathological_files_are_read_and_linted_quickly(fmt: str, text: str) -> None:
    _timed(lambda: load(text, "x", fmt))
    _timed(lambda: looks_like_okrs(text, fmt, "okrs/x"))
    _timed(lambda: okrlint.lint_text(text, format=fmt))


def test_the_yaml_sniffer_walks_a_200000_line_file(write, cli) -> None:
    write("okrs/team.yaml", ONE_KR_YAML)
    write("okrs/big.yaml", "- - - x\n" * 100_000 + "- objective: y\n" + "  # note\n" * 100_000)
    run = _timed(lambda: _check(cli, "okrs"), bound=60)
    assert ("okrs/team.yaml", 4, 12) in _at(run, "F303")


# -- order and processes -------------------------------------------------------------------------
A405_FILES = {
    "a.yaml": "cycle: 2026-Q1\nowner: Growth\nobjectives:\n  - title: Win\n    key_results:\n"
    "      - {title: Raise ARR from $2M to $3M, score: 1.0}\n"
    "      - {title: Lift NRR from 98% to 110%, score: 1.0}\n",
    "b.yaml": "cycle: 2026-Q1\nowner: Growth\nobjectives:\n  - title: Keep\n    key_results:\n"
    "      - {title: Raise NPS from 30 to 45, score: 0.4}\n"
    "      - {title: Cut churn from 5% to 3%, score: 0.5}\n",
    "c.yaml": "cycle: 2026-Q2\nowner: Growth\nobjectives:\n  - title: Win\n    key_results:\n"
    "      - {title: Raise ARR from $3M to $4M, score: 1.0}\n"
    "      - {title: Lift NRR from 110% to 120%, score: 1.0}\n",
}


def test_sandbagging_does_not_depend_on_file_order(write, cli) -> None:
    for name, text in A405_FILES.items():
        write(name, text)
    first = cli("check", "--format", "json", "a.yaml", "b.yaml", "c.yaml")
    second = cli("check", "--format", "json", "b.yaml", "a.yaml", "c.yaml")
    third = cli("check", "--format", "json", "c.yaml", "b.yaml", "a.yaml")
    assert first.stdout == second.stdout == third.stdout
    assert first.exit_code == second.exit_code == third.exit_code
    # Q1 averages 0.725 over both files: no streak, whatever the order.
    assert "A405" not in first.codes()


def _repository(folder: Path, files: int) -> None:
    texts = [
        "Launch the new onboarding flow",
        "Raise weekly active teams from 120 to 200",
        "Improve customer happiness",
        "Try to reach 40% week-one activation",
        "Cut p95 latency from 900 ms to 300 ms by June 30",
        "Hire 3 engineers",
    ]
    for index in range(files):
        krs = [f"{texts[(index + k) % len(texts)]} (team {index})" for k in range(4)]
        document = {
            "cycle": "2026-Q2",
            "owner": f"team-{index % 7}",
            "objectives": [{"title": f"Objective {index}", "key_results": krs}],
        }
        (folder / f"team-{index:03}.yaml").write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_parallel_output_is_byte_identical_to_serial(tmp_path: Path, fmt: str) -> None:
    _repository(tmp_path, 40)
    examples = Path(__file__).resolve().parent.parent / "examples"
    for target in (str(tmp_path), str(examples)):
        serial = subprocess.run(
            [OKRLINT, "check", "--format", fmt, "--jobs", "1", target],
            capture_output=True,
            timeout=120,
        )
        parallel = subprocess.run(
            [OKRLINT, "check", "--format", fmt, "--jobs", "2", target],
            capture_output=True,
            timeout=120,
        )
        assert parallel.stdout == serial.stdout
        assert parallel.returncode == serial.returncode == 1
        assert serial.stdout.count(b"team-039.yaml" if target == str(tmp_path) else b"bad/") > 0


def test_the_pool_is_used_for_many_files() -> None:
    from okrlint.parallel import workers_for

    assert workers_for(3, 4) == 1  # a few files: in this process
    assert workers_for(40, 2) == 2
    assert workers_for(40, 1) == 1
    assert workers_for(16, None) >= 1


@pytest.mark.parametrize(("order", "overdue"), [("dmy", 20), ("mdy", 0)])
def test_the_configured_date_order_reaches_every_worker(
    tmp_path: Path, order: str, overdue: int
) -> None:
    # "by 03/02/2026" is 3 February (dmy: overdue on the 20th) or 2 March (mdy: not yet).
    (tmp_path / ".okrlint.toml").write_text(f'date-order = "{order}"\n')
    for n in range(20):
        (tmp_path / f"team-{n:02}.yaml").write_text(
            "cycle: 2026-Q1\nobjectives:\n  - title: Keep the customers who pay us\n"
            "    key_results:\n      - title: Cut monthly churn from 5% to 3% by 03/02/2026\n"
            "        current: 4%\n      - title: Raise renewals from 80% to 90%\n"
            "        current: 85%\n"
        )
    for jobs in ("1", "2"):
        run = _process(
            "check", "--format", "json", "--today", "2026-02-20", "--jobs", jobs, ".",
            cwd=tmp_path,
        )
        codes = [f["code"] for f in json.loads(run.stdout)["findings"]]
        assert codes.count("H702") == overdue, (jobs, codes)


def test_progress_is_shown_on_a_terminal_only(tmp_path: Path) -> None:
    _repository(tmp_path, 60)
    plain = subprocess.run(
        [OKRLINT, "check", "--jobs", "1", str(tmp_path)], capture_output=True, timeout=120
    )
    assert b"Checking" not in plain.stderr
    primary, secondary = pty.openpty()
    with subprocess.Popen(
        [OKRLINT, "check", "--jobs", "1", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=secondary,
    ) as proc:
        os.close(secondary)
        terminal = b""
        out = proc.stdout.read() if proc.stdout else b""
        while select.select([primary], [], [], 1)[0]:
            try:
                chunk = os.read(primary, 4096)
            except OSError:
                break
            if not chunk:
                break
            terminal += chunk
        proc.wait(timeout=120)
    os.close(primary)
    assert b"Checking" in terminal and b"60/60" in terminal
    assert out == plain.stdout  # the report itself is unchanged


# -- wrong answers on legitimate input -----------------------------------------------------------
def test_cr_only_line_ends_are_line_ends(write, cli) -> None:
    write("draft.txt", "cycle: 2026-Q2\rObjective: Grow revenue\rKR1: Launch the partner portal\r")
    write(
        "okrs.md",
        "# Q2\r\r## Objective: Grow revenue\r\r"
        "- Launch the partner portal\r- Raise ARR from $2M to $3M\r",
    )
    run = _check(cli, "draft.txt", "okrs.md")
    assert ("draft.txt", 3, 6) in _at(run, "O101")
    assert ("okrs.md", 5, 3) in _at(run, "O101")
    assert not _at(run, "E002")


def test_a_fix_keeps_cr_only_line_ends(write, cli) -> None:
    path = write(
        "draft.txt",
        "Objective: Grow revenue\rKR1: Try to reach $3M ARR\rKR2: Raise NRR from 98% to 110%\r",
    )
    cli("check", "--fix", "draft.txt")
    assert (
        path.read_bytes()
        == b"Objective: Grow revenue\rKR1: Reach $3M ARR\rKR2: Raise NRR from 98% to 110%\r"
    )


def test_a_large_plain_yaml_file_is_no_alias_bomb() -> None:
    krs = "".join(
        f"      - {{title: Raise weekly signups from {i} to {i + 50}, check_ins: ["
        f"{{date: 2026-04-0{1 + i % 9}, value: {i + 1}}}]}}\n"
        for i in range(1200)
    )
    objectives = "".join(f"  - title: Objective {o}\n    key_results:\n{krs}" for o in range(6))
    text = "cycle: 2026-Q2\nobjectives:\n" + objectives
    assert len(text) > 500_000
    result = _timed(lambda: load(text, "big.yaml", "yaml"), bound=30)
    assert result.diagnostics == []
    assert sum(len(o.key_results) for o in result.document.objectives) == 7200
    assert sum(len(kr.check_ins) for _o, kr in result.document.key_results()) == 7200


def test_a_megabyte_key_result_is_reported_not_analysed(write, cli) -> None:
    write(
        "huge.txt",
        "Objective: Grow revenue\nKR1: "
        + "Raise ARR! " * 100_000
        + "\nKR2: Raise NRR from 98% to 110% by June 30\n",
    )
    run = _timed(lambda: _check(cli, "huge.txt"), bound=30)
    assert _at(run, "E002") == [("huge.txt", 2, 6)]
    assert "over the 2,000" in run.json()["findings"][0]["message"]
    on_it = {f["code"] for f in run.json()["findings"] if f["range"]["start"]["line"] == 2}
    # No rule read its words; M204 (a document rule) counts it among the undated results.
    assert on_it - {"M204"} == {"E002"}
    assert MAX_TEXT_CHARS == 2_000


# -- security ------------------------------------------------------------------------------------
def test_symlinks_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(GOOD_YAML, encoding="utf-8")
    tree = tmp_path / "repo" / "okrs"
    tree.mkdir(parents=True)
    (tree / "team.yaml").write_text(ONE_KR_YAML, encoding="utf-8")
    os.symlink(outside / "secret.yaml", tree / "secret.yaml")
    os.symlink(outside, tree / "more")  # a folder symlink is never entered
    done = _process("check", "--format", "json", "okrs", cwd=tmp_path / "repo")
    paths = {f["path"] for f in json.loads(done.stdout)["findings"]}
    assert paths == {"okrs/team.yaml"}
    assert (
        "okrs/secret.yaml: a symlink to a file outside the folder checked; skipped" in done.stderr
    )


# -- a long-lived process ------------------------------------------------------------------------
def test_the_analyzer_keeps_a_bounded_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "CACHE_SIZE", 50)
    monkeypatch.setattr(nlp, "RENEW_AFTER", 200)
    analyzer = nlp.Analyzer()
    first_pipeline = analyzer.nlp
    for index in range(300):
        analyzer(f"Raise weekly signups from {index} to {index + 50} for region{index}")
        assert len(analyzer._cache) <= 50
    assert analyzer.nlp is not first_pipeline  # rebuilt: its vocabulary grew with every text
    batch = [f"Cut churn from {i}% to 3% in cohort{i}" for i in range(120)]
    analyzer.analyze(batch)  # a batch larger than the cache is kept whole until it is read
    assert all(text in analyzer._cache for text in batch)


def test_version_rules_and_explain_import_neither_spacy_nor_pydantic(tmp_path: Path) -> None:
    env = {**os.environ, "OKRLINT_CACHE_DIR": str(tmp_path)}
    subprocess.run([OKRLINT, "explain", "O101"], env=env, capture_output=True, check=True)
    probe = (
        "import sys; from okrlint.cli import main\n"
        "sys.argv = ['okrlint', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'pydantic')),"
        " file=sys.stderr)\n"
    )
    for args in (["--version"], ["rules"], ["explain", "O101"], ["explain", "hedged-language"]):
        done = subprocess.run(
            [sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True
        )
        assert done.stderr.strip().splitlines()[-1] == "[]", args
        assert done.stdout.strip()


def test_a_thousand_status_marks_before_a_key_result() -> None:
    # every mark was stripped by one more recursive call: a RecursionError, after seconds
    from okrlint.loaders import load

    started = time.perf_counter()
    result = load("## Objective: Grow\n\n- " + "✅ " * 1000 + "Grow ARR from $2M to $3M\n", "okrs.md", "markdown")
    assert time.perf_counter() - started < 1.0
    assert result.document is not None
    assert [kr.title for kr in result.document.objectives[0].key_results] == ["Grow ARR from $2M to $3M"]


def test_html_tables_nested_deep_or_spanning_huge_rowspans_are_read_quickly() -> None:
    text = (
        "# OKRs\n\n<table>\n<tr><th>Objective</th><th>Key result</th></tr>\n"
        + '<tr><td rowspan="99999">Grow</td><td>Cut churn from 5% to 3%</td></tr>\n'
        + "<tr><td>x</td></tr>\n" * 3000
        + "<table>" * 2000
        + "</table>\n"
    )
    _timed(lambda: okrlint.lint_text(text, format="markdown"))
