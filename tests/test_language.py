"""The key-result reading (leading verb, tasks, counted nouns) and the optional trained pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.eval import evaluate, read_corpus
from okrlint.nlp import Analyzer
from okrlint.reading import base_forms

ANALYZER = Analyzer()


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Launch the new app", "launch"),
        ("Roll out SSO to every tenant", "roll out"),
        ("The new dashboard is live", "live"),
        ("SSO rolled out to all tenants", "rolled out"),
        ("Migration to Postgres completed", "completed"),
        ("Kafka cluster upgraded to v3.7", "upgraded"),
        ("Publish 5 posts", "publish"),
        ("Hold 4 workshops", "hold"),
        # an owner's handle before the statement is no verb
        ("[rkaur] Launch the new booking app", "launch"),
        # a quoted window ends on a word that says something, not on "to" or "and"
        ("The clinic team is able to publish rota changes", "is able to publish"),
        ("Curation of components and formats", "curation of components and formats"),
    ],
)
def test_tasks_in_imperative_declarative_and_passive_form(text: str, task: str) -> None:
    assert ANALYZER.read(text).task == task


@pytest.mark.parametrize(
    "text",
    [
        "Launch referrals and reach 15% of signups from them",
        "Ship the mobile app to 10,000 weekly active users",
        "Deliver onboarding that lifts activation from 40% to 55%",
        "Build time under 10 minutes",
        "Release frequency from monthly to weekly",
        "Hold churn at 2%",
        "Live chat CSAT from 80% to 90%",
        # modifiers joined by "and" share the metric after them
        "Increase unit test and contract check coverage across the booking apps",
    ],
)
def test_launches_with_their_own_measure_and_noun_readings_are_not_tasks(text: str) -> None:
    assert ANALYZER.read(text).task is None


def test_the_leading_verb_comes_from_the_lexicon_not_a_tagger() -> None:
    # Title Case and imperative forms that trained taggers often read as nouns.
    for text, kind in [
        ("Ship v2", "activity"),
        ("Double revenue", "outcome"),
        ("Lower churn", "outcome"),
        ("Publish the guide", "activity"),
    ]:
        lead = ANALYZER.read(text).lead
        assert lead is not None and lead.kind == kind, text


def test_each_text_is_parsed_once() -> None:
    analyzer = Analyzer()
    calls: list[str] = []

    class CountingTokenizer:
        """The pipeline's tokenizer, counting the texts it is given."""

        def __init__(self, inner: object) -> None:
            self.inner = inner

        def __call__(self, text: str) -> object:
            calls.append(text)
            return self.inner(text)  # type: ignore[operator]

        def pipe(self, texts, **kwargs):  # type: ignore[no-untyped-def]
            for text in texts:
                yield self(text)

        def __getattr__(self, name: str) -> object:
            return getattr(self.inner, name)  # add_special_case and the rest

    analyzer.nlp.tokenizer = CountingTokenizer(analyzer.nlp.tokenizer)
    analyzer.analyze(["Grow NPS from 30 to 45", "Launch the app", "Grow NPS from 30 to 45"])
    analyzer.read("Launch the app")
    analyzer.analyze(["Launch the app"])
    assert calls == ["Grow NPS from 30 to 45", "Launch the app"]


def test_corpus_precision_and_recall_meet_the_bar() -> None:
    # The tuning corpus; the blind holdout (holdout_om.jsonl) is reported by
    # `python -m okrlint.eval`.
    scores = evaluate(read_corpus(pattern="key_results_*.jsonl"))
    for code in ("O101", "O102", "O103", "M201", "M202", "M203", "M204", "M205"):
        score = scores[code]
        assert score.precision >= 0.90, (code, score.precision, score.false_positives)
        assert score.recall >= 0.80, (code, score.recall, score.false_negatives)


def test_a_configured_pipeline_on_disk_is_used(tmp_path: Path) -> None:
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.to_disk(tmp_path / "pipeline")
    (tmp_path / ".okrlint.toml").write_text(f'nlp-model = "{(tmp_path / "pipeline").as_posix()}"\n')
    okrs = tmp_path / "okrs.yaml"
    okrs.write_text(
        "cycle: 2026-Q2\nobjectives:\n  - title: Delight users\n    key_results:\n"
        "      - Launch the new app\n      - Raise NPS from 30 to 45\n"
    )
    result = CliRunner().invoke(main, ["check", "--format", "json", str(okrs)])
    assert result.exit_code == 1, result.output
    assert '"code": "O101"' in result.output


def test_a_missing_pipeline_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / ".okrlint.toml").write_text('nlp-model = "en_core_web_sm_not_installed"\n')
    okrs = tmp_path / "okrs.yaml"
    okrs.write_text(
        "objectives:\n  - title: Grow\n    key_results: [Launch the app, Raise NPS from 3 to 4]\n"
    )
    result = CliRunner().invoke(main, ["check", str(okrs)])
    assert result.exit_code == 2
    assert "nlp-model" in result.output and "Traceback" not in result.output


def test_noun_lists_match_plurals_and_verb_lists_do_not() -> None:
    from okrlint.lexicons import Lexicon

    nouns = Lexicon("compensation-terms", frozenset({("salary", "increase"), ("bonus",)}))
    assert nouns.find(["staff", "salary", "increases"]) == [(1, 3, ("salary", "increase"))]
    assert nouns.find(["bonuses"]) == [(0, 1, ("bonus",))]
    verbs = Lexicon("activity-verbs", frozenset({("run",)}))
    assert verbs.find(["a", "daemon", "runs"]) == []  # third person, not a plural
    assert verbs.match_at(["run", "a", "workshop"], 0) == 1


@pytest.mark.parametrize(
    ("title", "read"),
    [
        ("KR 2.2 Grow NRR from 98% to 110%", "Grow NRR from 98% to 110%"),
        ("KR1: Raise ARR", "Raise ARR"),
        ("[P1] Ship the app", "Ship the app"),
        # a status note written at a check-in, after an arrow, is progress, not the statement
        ("Hire 2 clinic nurses. => +1 so far, one offer out", "Hire 2 clinic nurses."),
        ("Pick a booking vendor ==> Not Done", "Pick a booking vendor"),
        # a bare percentage after the arrow, with no number before it, is progress
        ("Agree on a clinic pricing plan => 70%", "Agree on a clinic pricing plan"),
        # a label after an owner's handle
        ("[jdoe] KR1: Launch the clinic app", "Launch the clinic app"),
        ("Cut wait time from 15 => 10 minutes", "Cut wait time from 15 => 10 minutes"),
        # a number after the arrow is a target; a bracket closes no sentence
        ("Increase retention 80% => 90%", "Increase retention 80% => 90%"),
        ("Ship the checklist (v2) => activation from 20% to 35%", "Ship the checklist (v2) => activation from 20% to 35%"),
    ],
)
def test_labels_are_stripped_before_reading(title: str, read: str) -> None:
    assert Analyzer()(title).text == read


@pytest.mark.parametrize(
    ("word", "base"),
    [
        # Irregular forms come from the English forms table (built from lemminflect's data),
        # not from a hand list: each of these is a verb form the suffix rules would miss.
        ("built", "build"),
        ("rebuilt", "rebuild"),
        ("ran", "run"),
        ("went", "go"),
        ("written", "write"),
        ("sent", "send"),
        ("held", "hold"),
        ("began", "begin"),
        ("taught", "teach"),
        ("drove", "drive"),
        ("shipped", "ship"),
        ("migrated", "migrate"),
        ("studies", "study"),
    ],
)
def test_word_forms_come_from_the_english_forms_table(word: str, base: str) -> None:
    assert base in base_forms(word)


@pytest.mark.parametrize(
    ("word", "base"),
    [("relaunched", "launch"), ("rebuilt", "build"), ("rewrite", "write"), ("retrained", "train")],
)
def test_a_re_prefix_strips_off_where_the_lexicon_marks_it_knows_only_a_verb_or_not_the_word(
    word: str, base: str
) -> None:
    assert base in base_forms(word)


@pytest.mark.parametrize(("word", "not_base"), [("resource", "source"), ("release", "lease"), ("research", "search")])
def test_a_word_the_lexicon_knows_on_its_own_has_no_re_prefix(word: str, not_base: str) -> None:
    assert not_base not in base_forms(word)


def test_the_pipeline_gives_each_token_its_forms() -> None:
    analyzer = Analyzer()
    assert "okrlint_word_forms" in analyzer.nlp.pipe_names
    doc = analyzer.nlp("Rebuilt the help center")
    assert doc[0].lemma_ == "rebuild" and "rebuild" in doc[0]._.okr_bases
    # The reading takes the leading verb's forms from the token.
    words = analyzer("Rebuilt the help center").words
    assert words[0].bases == doc[0]._.okr_bases
    assert analyzer.read("Held 4 workshops").lead.base == "hold"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        ("Track finances every week", "track finances"),
        ("Work out twice a week", "work out"),
        ("Read one book every month", "read one book"),
    ],
)
def test_a_recurring_activity_is_named_without_its_rhythm(text: str, activity: str) -> None:
    # The O102 message quotes the activity; "track finances every" was cut mid-rhythm.
    assert Analyzer().read(text).effort == activity


def test_the_real_tune_split_holds_its_figures() -> None:
    # The real key results the rules were studied on (corpora/real, split "tune", 630+ items
    # from dozens of publishers, labelled blind by two annotators): a change that makes the
    # language rules worse on them fails here, not only in the next session's eval run. The
    # floors sit a little under today's figures (python -m okrlint.eval --real only --split tune).
    from okrlint.eval import clean_flagged, read_real, real_findings, real_scores

    items = [item for item in read_real() if item.get("split") == "tune"]
    found = real_findings(items)
    scores = real_scores(items, found)
    floors = {
        "task or input metric": (0.95, 0.85),
        "input metric": (0.88, 0.72),
        "not measurable": (0.88, 0.80),
        "no baseline": (0.95, 0.78),
    }
    for label, (precision, recall) in floors.items():
        score = scores[label]
        assert score.precision >= precision, (label, score.precision, score.false_positives)
        assert score.recall >= recall, (label, score.recall, score.false_negatives)
    flagged, clean = clean_flagged(items, found)
    assert flagged <= 0.06 * clean, (flagged, clean)


def test_a_current_value_field_is_a_start_for_change_language() -> None:
    # A tracker's `current` says where the metric stands, as "(currently X)" does in the text.
    import okrlint

    def codes(extra: str) -> set[str]:
        text = (
            "cycle: 2026-Q3\nobjectives:\n  - title: Make booking effortless for clinics\n"
            "    key_results:\n      - title: Grow weekly active clinics by 40%\n" + extra
        )
        return {f.code for f in okrlint.lint_text(text, path="okrs.yaml").findings}

    assert "M203" in codes("")
    assert "M203" not in codes("        current: 120\n")


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # the key result's own spelling, not the words as read ("facto built prs")
        ("Review 10 Facto-built PRs a week", "Facto-built PRs"),
        # a phrase that stops on "a" runs on to the word it promised
        ("Plan for a workshop for clinic staff every month", "Plan for a workshop"),
        # a quote mark cut from its pair is dropped, not quoted half
        ('Hold 4 "Lunch & Learn" sessions', "Lunch & Learn sessions"),
        # a metric's level per period is no habit: the metric is quoted, not "20k a month"
        ("Grow blog visits to 20k a month", "visits"),
        # the phrase ends where a verb takes over
        ('Run and document 1 final "Clinic Retro" identifying 3 lessons', "final Clinic Retro"),
        # a bracket the phrase opens and does not close is left out
        ("Search with 4+ filter types operational (keyword, category, location)", "filter types operational"),
    ],
)
def test_an_input_metric_is_quoted_as_the_key_result_writes_it(text: str, counted: str) -> None:
    assert f"'{counted}'" in _first_message("O102", text)


def _first_message(code: str, key_result: str) -> str:
    """The message of the first `code` finding on a one-key-result Markdown file."""
    from okrlint.api import lint_text

    markdown = f"# Q1 2026\n## Objective: Ship well\n- KR1: {key_result}\n"
    messages = [f.message for f in lint_text(markdown, format="markdown").findings if f.code == code]
    assert messages, f"no {code} on {key_result!r}"
    return messages[0]


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        # a deliverable reported done is quoted with its subject, as written
        ("Clinic directory created", "Clinic directory created"),
        ("SSO rolled out to every clinic", "SSO rolled out"),
        # a verb-looking first word heads a noun phrase reported done ("billing", "resource")
        ("Billing migration complete", "Billing migration complete"),
        # "(100% complete)" grades the deliverable; it is no target
        ("Referral CRUD with file uploads implemented (100% complete)", "Referral CRUD with file uploads implemented"),
        # a deliverable named, as written, up to a number
        ("CI/CD Pipeline Implementation", "CI/CD Pipeline Implementation"),
        ("Setup docs enable <10-min contributor onboarding", "Setup docs enable"),
        # a number inside a name does not cut it
        ("SOC 2 audit complete", "SOC 2 audit complete"),
        # the verb comes after the subject, not at a plural that can be a verb ("Services")
        ("Existing Clinic Web Services (CWS) team is trained on the new rota", "is trained"),
        # an aside after the completion word ends the statement
        ("Referral export live (feeds stages 2-4)", "Referral export live"),
        # an imperative keeps its verb, even with a place word at the end
        ("Launch feature flags in production", "launch"),
    ],
)
def test_a_task_is_quoted_by_the_words_that_make_it_one(text: str, activity: str) -> None:
    assert f"('{activity}')" in _first_message("O101", text)


def test_a_task_is_called_an_activity_when_its_verb_leads_and_a_deliverable_otherwise() -> None:
    assert "describes an activity ('launch')" in _first_message("O101", "Launch the clinic app")
    assert "describes a deliverable ('Clinic app live')" in _first_message("O101", "Clinic app live")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the status with the words that name it, as written, not "soc"
        ("Complete SOC 2 Type II audit", "SOC 2 Type II audit"),
        ("Pass the PCI DSS audit by June", "PCI DSS audit"),
        ("Named a Leader in the G2 grid", "Named a Leader"),
        # a comma ends the status's phrase
        ("Earn our ISO 9001 certification, then renew the SOC 2 report", "ISO 9001 certification"),
    ],
)
def test_a_done_or_not_status_is_quoted_as_written(text: str, status: str) -> None:
    assert f"('{status}')" in _first_message("O103", text)


def test_a_deliverable_named_with_a_number_is_called_a_deliverable() -> None:
    assert "describes a deliverable ('SOC 2 audit complete')" in _first_message("O101", "SOC 2 audit complete")
