"""The analyzer: the only module that imports spaCy. Each text is parsed once, in batches."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from okrlint.lexicons import WORD, Lexicon, bundled_lexicons
from okrlint.loaders.annotations import owner_tag
from okrlint.measure import Measurement, measure
from okrlint.models import MAX_TEXT_CHARS
from okrlint.reading import Reading, Word, label_length, without_scale
from okrlint.reading.forms import base_forms

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


@dataclass
class TextAnalysis:
    """What the analyzer knows about one text; rules read it, never re-parse.

    `text` is the key result without its label ("[P1]", "Key Result:", "Team: "); word and
    quantity offsets count from its start.
    """

    text: str
    words: list[Word] = field(default_factory=list)
    _measurement: Measurement | None = None
    _reading: Reading | None = None

    @property
    def measurement(self) -> Measurement:
        if self._measurement is None:
            self._measurement = measure(self.text)
        return self._measurement


# A long-lived process (an editor's server, a service calling lint_text) must not grow with
# every text it has seen: analyses are kept for the most recent texts only, and the spaCy
# pipeline, whose vocabulary and tokenizer cache grow with every new word, is rebuilt after
# this many texts.
CACHE_SIZE = 5_000
_SURROGATE = re.compile("[\ud800-\udfff]")
RENEW_AFTER = 20_000


class Analyzer:
    """Lazily builds one spaCy pipeline per process and caches the analyses of recent texts."""

    def __init__(
        self, model: str | None = None, lexicons: dict[str, Lexicon] | None = None
    ) -> None:
        self.model = model
        self._lexicons = lexicons
        self._nlp: Any = None
        self._cache: OrderedDict[str, TextAnalysis] = OrderedDict()
        self._parsed = 0  # texts parsed by the current pipeline

    @property
    def lexicons(self) -> dict[str, Lexicon]:
        if self._lexicons is None:
            self._lexicons = bundled_lexicons()
        return self._lexicons

    def read(self, text: str) -> Reading:
        """The structural reading of a key result (leading verb, task, counted nouns…)."""
        analysis = self(text)
        if analysis._reading is None:
            analysis._reading = Reading(
                analysis.text, analysis.words, analysis.measurement, self.lexicons
            )
        return analysis._reading

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline. The blank one learns its tokenizer's special cases from the texts
        `analyze` reads: a caller tokenizing other texts with it calls `add_special_cases` first."""
        if self._nlp is None or self._parsed > RENEW_AFTER:
            self._nlp = _build_pipeline(self.model)
            self._parsed = 0
        return self._nlp

    def analyze(self, texts: Iterable[str]) -> None:
        """Parse every not-yet-seen text in one `nlp.pipe` batch."""
        pending = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if not pending:
            return
        long = [text for text in pending if len(text) > MAX_TEXT_CHARS]
        if long:  # never tokenized (spaCy's tokenizer is quadratic on long punctuation runs)
            pending = [text for text in pending if len(text) <= MAX_TEXT_CHARS]
        # Make room first, so this batch's own analyses stay until its rules have read them.
        while self._cache and len(self._cache) + len(pending) > CACHE_SIZE:
            self._cache.popitem(last=False)
        nlp = self.nlp
        bodies = [_tokenizable(statement_body(text)) for text in pending]
        add_special_cases(nlp, bodies)
        with_pos = bool({"tagger", "morphologizer"} & set(nlp.pipe_names))
        # The word-forms component is for callers of `nlp` (lemmas on a blank pipeline);
        # _to_analysis reads the same table itself, and the component's per-token lemma
        # writes cost as much as tokenizing.
        with nlp.select_pipes(disable=["okrlint_word_forms"]):
            # With no component left (the blank pipeline), the tokenizer alone: `nlp.pipe`
            # would add as much time again around it.
            docs = nlp.pipe(bodies, batch_size=256) if nlp.pipe_names else nlp.tokenizer.pipe(bodies)
            for text, body, doc in zip(pending, bodies, docs, strict=True):
                self._cache[text] = _to_analysis(body, doc, with_pos)
        self._parsed += len(pending)

    def __call__(self, text: str) -> TextAnalysis:
        if len(text) > MAX_TEXT_CHARS:
            return TextAnalysis(text=text, _measurement=Measurement())  # too long to read
        analysis = self._cache.get(text)
        if analysis is None:
            self.analyze([text])
            analysis = self._cache[text]
        return analysis


def statement_body(text: str) -> str:
    """The part of a key result its reading's word offsets point into: the text without its
    label ("KR1:"), owner's handle ("[momack2]") and grading scale, as written (the tokenizer's
    copy differs only where it blanks a long run of punctuation)."""
    body = text[label_length(text) :]
    if tag := owner_tag(body):
        body = body[tag.end() :]  # "[momack2] Form 3+ relationships": the owner is no verb
        body = body[label_length(body) :]  # "[momack2] KR1: Form…": a label after the owner
    return without_scale(body)


def _tokenizable(body: str) -> str:
    """The body as spaCy can read it quickly, every offset kept: a lone surrogate (no character
    at all) cannot reach spaCy's UTF-8 string store, so it becomes the same-length replacement
    character; and spaCy's tokenizer is quadratic on long punctuation runs ("!?.!?.…" 2,000
    long took 0.6 s), so past its first characters a run becomes spaces."""
    body = _SURROGATE.sub("\ufffd", body)
    return _PUNCTUATION_RUN.sub(lambda run: run.group()[:8] + " " * (len(run.group()) - 8), body)


# A run of punctuation (or underscores) longer than any word or symbol a key result uses.
_PUNCTUATION_RUN = re.compile(r"(?:[^\w\s]|_){40,}")


def _build_pipeline(model: str | None) -> Any:
    import spacy  # deferred: `okrlint rules` and `explain` never pay for it

    if model:
        try:
            return _with_word_forms(spacy.load(model, exclude=["ner"]))
        except OSError as error:
            raise AnalyzerError(
                f"nlp-model '{model}' is not installed; install it with pip or remove the setting"
            ) from error
        except Exception as error:  # a package that is not a pipeline ("click"), a bad folder
            raise AnalyzerError(
                f"nlp-model '{model}' is not a spaCy pipeline ({type(error).__name__}: {error})"
            ) from error
    return _with_word_forms(_blank_english(spacy))


# The blank English pipeline's tokenizer, built without its 1,347 special cases (contractions,
# abbreviations, emoticons): loading them all is half of `spacy.blank("en")`'s time, and a run
# meets a handful. `add_special_cases` adds the ones a batch of texts needs before it is
# tokenized, so every word comes out as the full table would make it.
_TOKENIZER = "okrlint.tokenizer_on_demand.v1"


def _blank_english(spacy: Any) -> Any:
    if _TOKENIZER not in spacy.registry.tokenizers.get_all():

        @spacy.registry.tokenizers(_TOKENIZER)
        def create_tokenizer() -> Any:
            from spacy.tokenizer import Tokenizer
            from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

            def factory(nlp: Any) -> Any:
                defaults = nlp.Defaults
                return Tokenizer(
                    nlp.vocab,
                    rules={},
                    prefix_search=compile_prefix_regex(defaults.prefixes).search,
                    suffix_search=compile_suffix_regex(defaults.suffixes).search,
                    infix_finditer=compile_infix_regex(defaults.infixes).finditer,
                    token_match=defaults.token_match,
                    url_match=defaults.url_match,
                )

            return factory

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}})
    nlp.okrlint_special_cases = set()  # the special cases added so far
    return nlp


def add_special_cases(nlp: Any, texts: Iterable[str]) -> None:
    """Give an on-demand tokenizer the special cases `texts` can meet: the candidates of every
    chunk between spaces (`_candidates`) are looked up in English's exception table."""
    added = getattr(nlp, "okrlint_special_cases", None)
    if added is None:
        return  # a configured pipeline keeps its own tokenizer
    table = _exceptions()
    needed = set()
    for text in texts:
        for chunk in text.split():
            if chunk.isalnum():  # a plain word is its only candidate (most chunks)
                if chunk in table and chunk not in added:
                    needed.add(chunk)
                continue
            needed.update(c for c in _candidates(chunk) if c in table and c not in added)
    for key in sorted(needed):
        nlp.tokenizer.add_special_case(key, table[key])
        added.add(key)


def _exceptions() -> dict[str, Any]:
    from spacy.lang.en import English

    return English.Defaults.tokenizer_exceptions


def _candidates(chunk: str) -> Iterator[str]:
    """The stretches of a chunk a special case can cover once spaCy has split off its prefixes
    and suffixes: the chunk itself ("cant" and "Wed" are in the table as they stand) and,
    for a chunk with punctuation, each part between slashes as written, without the
    punctuation at its ends, and with a final period kept ("(don't)," -> "don't", "Inc.," ->
    "Inc."). Emoticons inside longer chunks may be missed: their tokens hold no word, so the
    analysis is the same."""
    yield chunk
    if chunk.isalnum():
        return
    for piece in chunk.split("/") if "/" in chunk else (chunk,):
        core = piece.strip(_EDGES)
        yield piece
        yield core
        yield core + "."
        if piece and piece[0] in "'’":
            yield piece[0] + core  # "'em", "’cause"
            yield piece[0]


# Punctuation spaCy's prefix and suffix rules split off a chunk's ends.
_EDGES = "\"'“”‘’()[]{}<>,;:!?.*…"


def _with_word_forms(nlp: Any) -> Any:
    """Add the okrlint_word_forms component: every token has `token._.okr_bases` (the word and
    its verb lemmas, from the English forms table built from lemminflect's data) and a lemma
    when the pipeline has no lemmatizer of its own, so a configured pipeline with a better
    lemmatizer keeps its lemmas. The bases are a getter, not stored: the analysis reads the
    same table directly (`_to_analysis`), and storing a value per token through spaCy's
    extension machinery cost twice what the tokenizer does."""
    from spacy.language import Language
    from spacy.tokens import Token

    from okrlint.reading.forms import noun_lemmas

    if not Token.has_extension("okr_bases"):
        Token.set_extension("okr_bases", getter=lambda token: base_forms(token.lower_))
    if "okrlint_word_forms" not in Language.factories:

        @Language.component("okrlint_word_forms")
        def word_forms(doc: Any) -> Any:
            if doc.has_annotation("LEMMA"):
                return doc  # the configured pipeline's own lemmatizer
            for token in doc:
                lower = token.lower_
                bases = base_forms(lower)
                token.lemma_ = bases[1] if len(bases) > 1 else noun_lemmas(lower)[0]
            return doc

    if "okrlint_word_forms" not in nlp.pipe_names:
        nlp.add_pipe("okrlint_word_forms", last=True)
    return nlp


class AnalyzerError(Exception):
    """The configured pipeline cannot be loaded."""


def _to_analysis(text: str, doc: Any, with_pos: bool = True) -> TextAnalysis:
    # `doc` is `text` tokenized: the words are cut out of `text` by the tokens' offsets.
    # Hyphens and slashes split words ("best-in-class", "24/7") the way lexicon terms are written;
    # the part-of-speech tag is empty with the default blank pipeline.
    words: list[Word] = []
    add, forms = words.append, base_forms  # locals: this loop runs once per token of a run
    for lower, start, pos in _tokens(text, doc, with_pos):
        if lower.isascii() and lower.isalnum():  # one plain word: what WORD would find
            add(Word(lower, start, start + len(lower), pos, forms(lower)))
            continue
        if not lower[:1].isalnum() and lower not in ("%", "$", "€", "£", "#"):
            continue
        whole = lower.replace("’", "'")
        bases = forms(lower)  # what token._.okr_bases gives, without its overhead
        for match in WORD.finditer(whole):
            if match.group(0) == "s" and match.start() > 0:
                continue  # the "s" of a possessive
            at = start + match.start()
            own = bases if match.group(0) == whole else ()  # a part of "best-in-class" has none
            add(Word(match.group(0), at, at + len(match.group(0)), pos, own))
    return TextAnalysis(text=text, words=words)


def _tokens(text: str, doc: Any, with_pos: bool) -> Iterator[tuple[str, int, str]]:
    """Each token's lower-case text, offset and part of speech. Without a tagger the offsets
    and lengths come out of the Doc as one array: building a Token object for each took twice
    as long as tokenizing (spaCy's `lower_` is the text's `str.lower()`)."""
    if with_pos:
        for token in doc:
            yield token.lower_, token.idx, token.pos_
        return
    from spacy.attrs import IDX, LENGTH

    for start, length in doc.to_array([IDX, LENGTH]).tolist():
        yield text[start : start + length].lower(), start, ""
