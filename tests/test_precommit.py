"""End-to-end test of the pre-commit hook (DESIGN.md §9) through the real `pre-commit try-repo`.

Each test creates a throwaway git repository holding OKR files and runs
`python -m pre_commit try-repo <this okrlint checkout> okrlint --all-files` in it, so pre-commit
clones this checkout, builds a virtualenv, pip-installs okrlint and its dependencies into it and
runs the hook exactly as a user trying the hook would.

Things worth knowing when this test fails or is slow:

* try-repo uses the checkout's HEAD. With uncommitted changes it makes a temporary "shadow"
  commit holding HEAD plus staged and modified *tracked* files. Untracked files (a new module
  not yet `git add`-ed) are NOT part of it, so the installed hook will not see them.
* try-repo builds the hook environment in its own temporary directory on every call; it does
  not reuse PRE_COMMIT_HOME (only `pre-commit run` with a config does). Each test therefore
  pays one environment build (pip's own cache keeps later builds short). PRE_COMMIT_HOME is
  still pointed at a module-scoped directory so the user's ~/.cache/pre-commit is untouched and
  pre-commit's crash log (pre-commit.log) can be shown in the failure message.
* The checkout must be a git repository (running the tests from an unpacked sdist fails here).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO_ROOT = Path(__file__).resolve().parents[1]
HOOKS_FILE = REPO_ROOT / ".pre-commit-hooks.yaml"
GOOD_EXAMPLE = REPO_ROOT / "examples" / "good" / "platform-team.yaml"
RULES_DIR = REPO_ROOT / "rules"

BAD_PATH = "okrs/2026-Q2.yaml"
GOOD_PATH = "okrs/platform-team.yaml"
EMPTY_OBJECTIVE_TITLE = "Make billing errors a thing of the past"

# Seven objectives (F301: at most five) and the last one has no key results (F303).
# The other key results are well-formed so that these two are the findings that matter.
BAD_OKRS = f"""\
cycle: 2026-Q2
owner: growth
scope: team
objectives:
  - id: O1
    title: Win the mid-market segment
    key_results:
      - Raise trial-to-paid conversion from 4% to 7% by June 30
      - Grow mid-market ARR from $2.1M to $3.0M by June 30
  - id: O2
    title: Make onboarding effortless for new teams
    key_results:
      - Cut median time to first value from 9 days to 3 days by June 30
      - Raise week-one activation from 38% to 55% by June 30
  - id: O3
    title: Keep enterprise customers renewing
    key_results:
      - Raise gross revenue retention from 88% to 93% by June 30
      - Cut enterprise logo churn from 6 to 2 per quarter by June 30
  - id: O4
    title: Make the mobile app fast on cheap phones
    key_results:
      - Cut p90 cold start on low-end Android from 6.2 s to 2.5 s by June 30
      - Raise the crash-free session rate from 98.1% to 99.5% by June 30
  - id: O5
    title: Turn support into a reason customers stay
    key_results:
      - Raise support CSAT from 78% to 90% by June 30
      - Cut median first response time from 9 hours to 2 hours by June 30
  - id: O6
    title: Grow self-serve revenue in Europe
    key_results:
      - Grow self-serve revenue in Europe from $140k to $220k a month by June 30
      - Raise checkout completion in Europe from 52% to 65% by June 30
  - id: O7
    title: {EMPTY_OBJECTIVE_TITLE}
    key_results: []
"""

# Environment variables that would change what git or pre-commit do in the child processes,
# e.g. when pytest itself runs inside a git hook (GIT_DIR, GIT_INDEX_FILE) or SKIP=okrlint.
_SCRUBBED_ENV = ("SKIP", "PRE_COMMIT", "PRE_COMMIT_HOME", "PRE_COMMIT_COLOR", "VIRTUAL_ENV")

TRY_REPO_TIMEOUT = 1800  # seconds; a cold first run downloads spaCy and friends


def _load_hook() -> dict:
    hooks = YAML(typ="safe").load(HOOKS_FILE.read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "okrlint"]
    return hook


def _fix_text(code: str) -> str:
    (rule_file,) = RULES_DIR.glob(f"{code}-*.yaml")
    rule = YAML(typ="safe").load(rule_file.read_text(encoding="utf-8"))
    return " ".join(rule["coaching"]["fix"].split())


@pytest.fixture(scope="module")
def pre_commit_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if importlib.util.find_spec("pre_commit") is None:
        pytest.fail(
            f"pre-commit is not installed for {sys.executable}; it is part of the test extra: "
            "pip install -e '.[test]'",
            pytrace=False,
        )
    if shutil.which("git") is None:
        pytest.fail("git is not on PATH; pre-commit try-repo needs it", pytrace=False)
    assert (REPO_ROOT / ".git").exists(), (
        f"{REPO_ROOT} is not a git checkout; pre-commit try-repo needs one"
    )
    assert HOOKS_FILE.is_file(), f"missing {HOOKS_FILE}"

    env = {
        k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k not in _SCRUBBED_ENV
    }
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env["PRE_COMMIT_COLOR"] = "never"
    env["NO_COLOR"] = "1"
    return env


def _git(repo: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True)


def _make_repo(path: Path, files: dict[str, str], env: dict[str, str]) -> Path:
    path.mkdir()
    _git(path, "init", "-q", env=env)
    _git(path, "config", "user.name", "okrlint test", env=env)
    _git(path, "config", "user.email", "okrlint-test@example.invalid", env=env)
    _git(path, "config", "commit.gpgsign", "false", env=env)
    for rel, text in files.items():
        target = path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    _git(path, "add", "--", *files, env=env)
    return path


def _try_repo(repo: Path, env: dict[str, str]) -> tuple[int, str]:
    cmd = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(REPO_ROOT),
        "okrlint",
        "--all-files",
        "--color",
        "never",
    ]
    proc = subprocess.run(
        cmd,
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=TRY_REPO_TIMEOUT,
    )
    out = proc.stdout
    log = Path(env["PRE_COMMIT_HOME"]) / "pre-commit.log"
    if log.exists():
        out += f"\n--- {log} ---\n" + log.read_text(encoding="utf-8", errors="replace")
    return proc.returncode, out


def _explain(out: str) -> str:
    return (
        "\n--- pre-commit try-repo output ---\n" + out + "\n---\n"
        "(try-repo installs HEAD plus modified tracked files of the okrlint checkout; "
        "untracked new files there are not included)"
    )


def test_hook_files_pattern_and_types_match_the_paths_used(
    pre_commit_env: dict[str, str],
) -> None:
    from identify.identify import tags_from_filename  # a dependency of pre-commit

    hook = _load_hook()
    assert hook["entry"].split()[:2] == ["okrlint", "check"]
    assert hook["language"] == "python"
    # No `types_or: [text]` catch-all: `files` alone decides, by OKR extension.
    assert "types_or" not in hook and "types" not in hook
    for rel in (BAD_PATH, GOOD_PATH):
        assert re.search(hook["files"], rel), f"hook `files` does not match {rel}"
        assert "yaml" in tags_from_filename(rel)


def test_try_repo_fails_on_bad_okrs_and_tells_the_author_what_to_change(
    tmp_path: Path, pre_commit_env: dict[str, str]
) -> None:
    repo = _make_repo(tmp_path / "consumer", {BAD_PATH: BAD_OKRS}, pre_commit_env)

    rc, out = _try_repo(repo, pre_commit_env)

    assert rc == 1, f"expected the hook to fail (exit 1), got {rc}" + _explain(out)
    assert re.search(r"^okrlint\.+Failed$", out, re.M), _explain(out)
    assert "- hook id: okrlint" in out and "- exit code: 1" in out, _explain(out)

    lines = out.splitlines()

    # F303 at the title of the objective without key results, followed by an actionable hint.
    src = BAD_OKRS.splitlines()
    (row,) = [i for i, s in enumerate(src) if s.endswith(f"title: {EMPTY_OBJECTIVE_TITLE}")]
    col = src[row].index(EMPTY_OBJECTIVE_TITLE) + 1
    f303 = f"{BAD_PATH}:{row + 1}:{col}: F303 error Objective has no key results"
    hits = [i for i, s in enumerate(lines) if s.startswith(f303)]
    assert len(hits) == 1, f"expected one line starting with {f303!r}" + _explain(out)
    _assert_hint_follows(lines, hits[0], "F303", out)

    # F301: seven objectives where at most five are advised, somewhere in the file.
    f301 = re.compile(rf"^{re.escape(BAD_PATH)}:(\d+):(\d+): F301 warning 7 objectives\b")
    hits = [i for i, s in enumerate(lines) if f301.match(s)]
    assert len(hits) == 1, "expected one F301 finding for 7 objectives" + _explain(out)
    line_no = int(f301.match(lines[hits[0]]).group(1))
    assert 1 <= line_no <= len(src), _explain(out)
    _assert_hint_follows(lines, hits[0], "F301", out)

    assert re.search(r"^Found \d+ findings? .* in 1 file \(7 objectives, ", out, re.M), _explain(
        out
    )


def _assert_hint_follows(lines: list[str], idx: int, code: str, out: str) -> None:
    # The finding line, the source line and its underline (`  12 | …`, `     | ^^^`), the hint.
    assert idx + 3 < len(lines), _explain(out)
    assert re.match(r"^\s+\d+ \| ", lines[idx + 1]), _explain(out)
    assert re.match(r"^\s+\| +\^+$", lines[idx + 2]), _explain(out)
    m = re.match(r"^\s+hint: (.+)$", lines[idx + 3])
    assert m, f"no `hint:` line after the {code} finding" + _explain(out)
    hint = " ".join(m.group(1).split()).rstrip(".…").removesuffix("...").rstrip()
    assert len(hint) >= 20, f"{code} hint too short to help: {hint!r}" + _explain(out)
    assert _fix_text(code).startswith(hint), (
        f"{code} hint is not the rule's fix advice: {hint!r}" + _explain(out)
    )


def test_try_repo_passes_on_good_okrs(tmp_path: Path, pre_commit_env: dict[str, str]) -> None:
    good = GOOD_EXAMPLE.read_text(encoding="utf-8")
    repo = _make_repo(tmp_path / "consumer", {GOOD_PATH: good}, pre_commit_env)

    rc, out = _try_repo(repo, pre_commit_env)

    assert rc == 0, f"expected the hook to pass, got exit {rc}" + _explain(out)
    # "Passed", not "(no files to check)Skipped": the hook really ran on okrs/platform-team.yaml.
    assert "Skipped" not in out, f"the hook did not run on {GOOD_PATH}" + _explain(out)
    assert re.search(r"^okrlint\.+Passed$", out, re.M), _explain(out)


# -- consumer repositories ---------------------------------------------------------------------
# These run `pre-commit run` in a repository whose .pre-commit-config.yaml names okrlint the way
# a user's does (repo + rev). The hook environment is built once for the module (one shared
# PRE_COMMIT_HOME); the "okrlint repository" is a snapshot of this checkout's working tree
# (tracked and untracked files), so uncommitted changes are what gets tested.

TEAM_WITH_PARENT = """\
cycle: 2026-Q2
owner: growth
objectives:
  - id: G-1
    title: Close mid-market deals faster
    parent: {parent}
    key_results:
      - Cut the median sales cycle from 60 to 45 days by June 30
      - Raise the mid-market win rate from 20% to 25% by June 30
"""

COMPANY = """\
cycle: 2026-Q2
owner: company
objectives:
  - id: CO-1
    title: Win the mid-market
    key_results:
      - Grow mid-market ARR from $2.1M to $3.0M by June 30
      - Raise net revenue retention from 98% to 110% by June 30
"""


@pytest.fixture(scope="module")
def okrlint_snapshot(
    tmp_path_factory: pytest.TempPathFactory, pre_commit_env: dict[str, str]
) -> tuple[str, str]:
    """A git repository holding this checkout's working tree, and its commit."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT,
        env=pre_commit_env,
        check=True,
        capture_output=True,
    ).stdout.decode()
    snapshot = tmp_path_factory.mktemp("okrlint-snapshot")
    for rel in filter(None, listed.split("\0")):
        source = REPO_ROOT / rel
        if source.is_file():
            (snapshot / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / rel)
    _git(snapshot, "init", "-q", env=pre_commit_env)
    _git(
        snapshot,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "add",
        "-A",
        env=pre_commit_env,
    )
    _git(
        snapshot,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        "snapshot",
        env=pre_commit_env,
    )
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"],
        cwd=snapshot,
        env=pre_commit_env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return str(snapshot), rev


def _consumer(
    path: Path, files: dict[str, str], env: dict[str, str], snapshot: tuple[str, str]
) -> Path:
    repo, rev = snapshot
    config = f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: okrlint\n"
    repo_path = _make_repo(path, {".pre-commit-config.yaml": config, **files}, env)
    _git(repo_path, "commit", "-q", "-m", "start", env=env)
    return repo_path


def _run_hook(repo: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "okrlint", "--color", "never", *args],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=TRY_REPO_TIMEOUT,
    )
    return proc.returncode, proc.stdout


def test_consumer_hook_receives_only_okr_files(
    tmp_path: Path, pre_commit_env: dict[str, str], okrlint_snapshot: tuple[str, str]
) -> None:
    markdown_task = (
        "# Q2 OKRs\n\n## Objective: Make deploys boring\n\n"
        "- KR1: Launch the new pipeline\n- KR2: Cut failed deploys from 12% to 3% by June 30\n"
    )
    files = {
        "goals/q2.yaml": TEAM_WITH_PARENT.format(parent="CO-1").replace(
            "Cut the median sales cycle from 60 to 45 days by June 30", "Launch the new CRM"
        ),
        "growth-OKRs-2026.yaml": TEAM_WITH_PARENT.format(parent="CO-1").replace(
            "Cut the median sales cycle from 60 to 45 days by June 30", "Launch the new CRM"
        ),
        "TEAM_OKRS.md": markdown_task,
        "Objectives.md": markdown_task,
        "okrs/company.yaml": COMPANY,
        "okrs/owners.csv": "a,b\n",
        "okrs/README.md": "# How we use OKRs\n\nWe write them each quarter, review weekly.\n",
    }
    repo = _consumer(tmp_path / "consumer", files, pre_commit_env, okrlint_snapshot)
    rc, out = _run_hook(repo, pre_commit_env, "--all-files")
    assert rc == 1, out
    assert "- exit code: 1" in out, out  # findings, never a usage error (exit 2)
    for rel in ("goals/q2.yaml", "growth-OKRs-2026.yaml", "TEAM_OKRS.md", "Objectives.md"):
        assert re.search(rf"^{re.escape(rel)}:\d+:\d+: O101 warning ", out, re.M), out
    assert "owners.csv" not in out and "README.md" not in out and "E002" not in out, out


def test_consumer_parent_in_an_unchanged_file_does_not_block_the_commit(
    tmp_path: Path, pre_commit_env: dict[str, str], okrlint_snapshot: tuple[str, str]
) -> None:
    files = {"okrs/company.yaml": COMPANY, "okrs/team.yaml": TEAM_WITH_PARENT.format(parent="CO-1")}
    repo = _consumer(tmp_path / "consumer", files, pre_commit_env, okrlint_snapshot)
    team = repo / "okrs" / "team.yaml"
    team.write_text(TEAM_WITH_PARENT.format(parent="CO-1").replace("25%", "27%"), encoding="utf-8")
    _git(repo, "add", "okrs/team.yaml", env=pre_commit_env)
    rc, out = _run_hook(repo, pre_commit_env)  # only the staged file reaches the hook
    assert rc == 0 and re.search(r"^okrlint\.+Passed$", out, re.M), out
    team.write_text(TEAM_WITH_PARENT.format(parent="CO-9"), encoding="utf-8")
    _git(repo, "add", "okrs/team.yaml", env=pre_commit_env)
    rc, out = _run_hook(repo, pre_commit_env)
    assert rc == 1 and "C602 warning Parent 'CO-9'" in out, out


def test_consumer_file_excluded_by_config_is_skipped(
    tmp_path: Path, pre_commit_env: dict[str, str], okrlint_snapshot: tuple[str, str]
) -> None:
    drafts = TEAM_WITH_PARENT.format(parent="CO-1").replace(
        "Cut the median sales cycle from 60 to 45 days by June 30", "Launch the new CRM"
    )
    files = {
        "pyproject.toml": '[tool.okrlint]\nexclude = ["okrs/drafts/*"]\n',
        "okrs/company.yaml": COMPANY,
        "okrs/drafts/wip.yaml": drafts,
    }
    repo = _consumer(tmp_path / "consumer", files, pre_commit_env, okrlint_snapshot)
    rc, out = _run_hook(repo, pre_commit_env, "--files", "okrs/drafts/wip.yaml")
    assert rc == 0 and re.search(r"^okrlint\.+Passed$", out, re.M), out
