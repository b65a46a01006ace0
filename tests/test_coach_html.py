"""The HTML report in a real browser: headless Chromium renders every objective, its score and
its questions. One page, two launches (the rendered DOM, then a screenshot kept for CI)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("OKRLINT_ARTIFACTS", REPO / "build" / "artifacts"))
FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(
        "no Chromium on PATH: `apt-get install -y chromium` (.ci/run does it)", pytrace=False
    )


def browse(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="okrlint-chromium-") as profile:
        return subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )


class Cards(HTMLParser):
    """The rendered page's cards: title, score and questions, read from the DOM Chromium built."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict[str, object]] = []
        self._field: str | None = None
        self._depth = 0  # inside <section class="card">
        self._in_questions = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "section" and "card" in classes:
            self.cards.append({"title": "", "score": "", "questions": []})
            self._depth = 1
        elif tag == "section" and self._depth:
            self._depth += 1
        if not self._depth:
            return
        if tag == "h2":
            self._field = "title"
        elif "score-value" in classes:
            self._field = "score"
        elif tag == "li" and self._in_questions:
            self.cards[-1]["questions"].append("")  # type: ignore[union-attr]
            self._field = "question"
        if tag == "ul":
            self._in_questions = "questions" in classes

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._depth:
            self._depth -= 1
        if tag in ("h2", "strong", "li"):
            self._field = None
        if tag == "ul":
            self._in_questions = False

    def handle_data(self, text: str) -> None:
        if not self._depth or self._field is None:
            return
        card = self.cards[-1]
        if self._field == "question":
            card["questions"][-1] += text  # type: ignore[index]
        else:
            card[self._field] += text  # type: ignore[operator]


def test_chromium_renders_every_objective_score_and_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    page = tmp_path / "report.html"
    result = CliRunner().invoke(
        main,
        ["coach", "--format", "html", "--output", str(page), "--today", "2026-05-20", "examples/"],
    )
    assert result.exit_code == 0, result.output
    expected = CliRunner().invoke(
        main, ["coach", "--format", "json", "--today", "2026-05-20", "examples/"]
    )
    objectives = json.loads(expected.stdout)["objectives"]

    dom = browse(page, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    cards = Cards()
    cards.feed(dom.stdout)
    assert len(cards.cards) == len(objectives) == 26
    for rendered, objective in zip(cards.cards, objectives, strict=True):
        assert " ".join(str(rendered["title"]).split()) == objective["title"]
        assert rendered["score"] == str(objective["score"])
        shown = [" ".join(q.split()) for q in rendered["questions"]]  # type: ignore[union-attr]
        wanted = [f"{q['stage'].capitalize()}: {q['text']}" for q in objective["questions"]]
        assert shown == wanted

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "coach-report.png"
    shot.unlink(missing_ok=True)
    taken = browse(page, "--window-size=1280,2000", "--hide-scrollbars", f"--screenshot={shot}")
    assert taken.returncode == 0, taken.stderr[-2000:]
    image = shot.read_bytes()
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")
    assert (width, height) == (1280, 2000)
    assert len(image) > 50_000, "the screenshot looks blank"  # a white page compresses to ~10 kB
    with capsys.disabled():
        print(f"\n[coach] screenshot of the HTML report: {shot}")
