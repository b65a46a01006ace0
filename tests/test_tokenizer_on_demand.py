"""The blank pipeline's tokenizer loads English's special cases on demand (only those a batch of
texts can meet): it must split every text as spaCy's full table does."""

from __future__ import annotations

import spacy

from okrlint.nlp import Analyzer, _blank_english, _to_analysis, add_special_cases

TRICKY = [
    "We don't ship until the SLA's met (e.g. p95 < 2 s), i.e. by Sept. 30",
    "Customers can't/won't churn: “they’re happy”, and/or renew at 4pm",
    "'Cause we'd've shipped it; Acme Inc., Dr. Smith and o.O reviewers",
    "Ship v2 to 500 users (currently 120) — didn’t we?",
    "Wed 5pm demo with Id team; cant, dont, im, ill. lol :) ;-)",
    "(Don't)... “I’ll” 'em [we’ve] {they're}",
]


def test_the_on_demand_tokenizer_splits_as_the_full_table_does() -> None:
    full = spacy.blank("en")
    lean = _blank_english(spacy)
    add_special_cases(lean, TRICKY)
    assert lean.okrlint_special_cases  # it learned some (and not the whole table)
    assert len(lean.okrlint_special_cases) < len(full.tokenizer.rules) / 10
    for text in TRICKY:
        assert [t.text for t in lean.tokenizer(text)] == [t.text for t in full.tokenizer(text)], text
        words_full = [(w.text, w.start) for w in _to_analysis(text, full(text), False).words]
        words_lean = [(w.text, w.start) for w in _to_analysis(text, lean(text), False).words]
        assert words_lean == words_full


def test_the_analyzer_reads_a_contraction_as_the_full_table_splits_it() -> None:
    analyzer = Analyzer()
    words = [w.text for w in analyzer("Customers don't churn after the first month").words]
    full = spacy.blank("en")
    text = "Customers don't churn after the first month"
    expected = [w.text for w in _to_analysis(text, full(text), False).words]
    assert words == expected


def test_words_read_from_the_doc_array_match_the_tokens() -> None:
    # Without a tagger the analysis reads offsets and lengths from the Doc as one array instead
    # of building a Token for each word: the words must be the tokens' own.
    nlp = spacy.blank("en")
    for text in [*TRICKY, "ÉQUIPE Straße İstanbul naïve café ﬁnance ½ 2×", "🚀 Launch 👍 v2.0 #1 @team"]:
        doc = nlp(text)
        from_array = _to_analysis(text, doc, with_pos=False).words
        from_tokens = _to_analysis(text, doc, with_pos=True).words  # the blank pipeline: no tags
        assert from_array == from_tokens, text
