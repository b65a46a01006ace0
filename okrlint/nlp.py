"""The analyzer: the only module that imports spaCy. Each text is parsed once, in batches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from okrlint.reading import Reading, Word, label_length
from okrlint.lexicons import WORD, Lexicon, bundled_lexicons
from okrlint.measure import Measurement, measure

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


class Analyzer:
    """Lazily builds one spaCy pipeline per process and caches one analysis per distinct text."""

    def __init__(
        self, model: str | None = None, lexicons: dict[str, Lexicon] | None = None
    ) -> None:
        self.model = model
        self._lexicons = lexicons
        self._nlp: Any = None
        self._cache: dict[str, TextAnalysis] = {}

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
        if self._nlp is None:
            self._nlp = _build_pipeline(self.model)
        return self._nlp

    def analyze(self, texts: Iterable[str]) -> None:
        """Parse every not-yet-seen text in one `nlp.pipe` batch."""
        pending = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if not pending:
            return
        bodies = [text[label_length(text) :] for text in pending]
        for text, body, doc in zip(
            pending, bodies, self.nlp.pipe(bodies, batch_size=256), strict=True
        ):
            self._cache[text] = _to_analysis(body, doc)

    def __call__(self, text: str) -> TextAnalysis:
        if text not in self._cache:
            self.analyze([text])
        return self._cache[text]


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
    return _with_word_forms(spacy.blank("en"))


def _with_word_forms(nlp: Any) -> Any:
    """Add the okrlint_word_forms component: every token gets `token._.okr_bases` (the word
    and its verb lemmas, from the English forms table built from lemminflect's data) and a
    lemma when the pipeline has no lemmatizer of its own. The reading asks the tokens, so a
    configured pipeline with a better lemmatizer keeps its lemmas."""
    from spacy.language import Language
    from spacy.tokens import Token

    from okrlint.reading.forms import base_forms, noun_lemmas

    if not Token.has_extension("okr_bases"):
        Token.set_extension("okr_bases", default=())
    if "okrlint_word_forms" not in Language.factories:

        @Language.component("okrlint_word_forms")
        def word_forms(doc: Any) -> Any:
            for token in doc:
                lower = token.lower_
                token._.okr_bases = base_forms(lower)
                if not token.lemma_:
                    bases = token._.okr_bases
                    token.lemma_ = bases[1] if len(bases) > 1 else noun_lemmas(lower)[0]
            return doc

    if "okrlint_word_forms" not in nlp.pipe_names:
        nlp.add_pipe("okrlint_word_forms", last=True)
    return nlp


class AnalyzerError(Exception):
    """The configured pipeline cannot be loaded."""


def _to_analysis(text: str, doc: Any) -> TextAnalysis:
    # Hyphens and slashes split words ("best-in-class", "24/7") the way lexicon terms are written;
    # the part-of-speech tag is empty with the default blank pipeline.
    words = []
    for token in doc:
        lower = token.lower_
        if not lower[:1].isalnum() and lower not in ("%", "$", "€", "£", "#"):
            continue
        whole = lower.replace("’", "'")
        bases = tuple(token._.okr_bases) if token.has_extension("okr_bases") else ()
        for match in WORD.finditer(whole):
            if match.group(0) == "s" and match.start() > 0:
                continue  # the "s" of a possessive
            start = token.idx + match.start()
            own = bases if match.group(0) == whole else ()  # a part of "best-in-class" has none
            words.append(Word(match.group(0), start, start + len(match.group(0)), token.pos_, own))
    return TextAnalysis(text=text, words=words)
