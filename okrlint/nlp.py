"""The analyzer: the only module that imports spaCy. Each text is parsed once, in batches."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from okrlint.language import Reading, Word, label_length
from okrlint.lexicons import WORD, Lexicon, bundled_lexicons
from okrlint.measure import Measurement, measure
from okrlint.models import MAX_TEXT_CHARS

if TYPE_CHECKING:
    from collections.abc import Iterable


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
        # A lone surrogate (no character at all) cannot reach spaCy's UTF-8 string store; the
        # same-length replacement character keeps every offset.
        bodies = [_SURROGATE.sub("\ufffd", text[label_length(text) :]) for text in pending]
        with_pos = bool({"tagger", "morphologizer"} & set(nlp.pipe_names))
        for text, body, doc in zip(pending, bodies, nlp.pipe(bodies, batch_size=256), strict=True):
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


def _build_pipeline(model: str | None) -> Any:
    import spacy  # deferred: `okrlint rules` and `explain` never pay for it

    if model:
        try:
            return spacy.load(model, exclude=["ner"])
        except OSError as error:
            raise AnalyzerError(
                f"nlp-model '{model}' is not installed; install it with pip or remove the setting"
            ) from error
        except Exception as error:  # a package that is not a pipeline ("click"), a bad folder
            raise AnalyzerError(
                f"nlp-model '{model}' is not a spaCy pipeline ({type(error).__name__}: {error})"
            ) from error
    return spacy.blank("en")


class AnalyzerError(Exception):
    """The configured pipeline cannot be loaded."""


def _to_analysis(text: str, doc: Any, with_pos: bool = True) -> TextAnalysis:
    # Hyphens and slashes split words ("best-in-class", "24/7") the way lexicon terms are written;
    # the part-of-speech tag is empty with the default blank pipeline.
    words = []
    for token in doc:
        lower = token.lower_
        pos = token.pos_ if with_pos else ""
        if lower.isascii() and lower.isalnum():  # one plain word: what WORD would find
            start = token.idx
            words.append(Word(lower, start, start + len(lower), pos))
            continue
        if not lower[:1].isalnum() and lower not in ("%", "$", "€", "£", "#"):
            continue
        for match in WORD.finditer(lower.replace("’", "'")):
            if match.group(0) == "s" and match.start() > 0:
                continue  # the "s" of a possessive
            start = token.idx + match.start()
            words.append(Word(match.group(0), start, start + len(match.group(0)), pos))
    return TextAnalysis(text=text, words=words)
