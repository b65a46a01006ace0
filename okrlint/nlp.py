"""The analyzer: the only module that imports spaCy. Each text is parsed once, in batches."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

# Numbers that name something rather than measure it: years, quarters, halves, fiscal years,
# versions, ranks ("#1", "No. 1") and ordinals.
_NOT_A_MEASURE = re.compile(
    r"^(?:(?:19|20)\d\d|[QH][1-4]|FY\d{2,4}|v\d+(?:\.\d+)*|#\d+|\d+(?:st|nd|rd|th))$", re.I
)
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    lemma: str
    pos: str  # "" with the blank pipeline
    idx: int  # character offset in the text
    like_num: bool
    is_punct: bool
    whitespace: str


@dataclass
class TextAnalysis:
    """What the analyzer knows about one text; rules read it, never re-parse."""

    text: str
    tokens: list[Token] = field(default_factory=list)

    def words(self) -> list[Token]:
        return [t for t in self.tokens if not t.is_punct and not t.text.isspace()]

    def measure_numbers(self) -> list[Token]:
        """Tokens that carry a number used as a measure (not a year, quarter, version or rank)."""
        found = []
        for index, token in enumerate(self.tokens):
            if not (_HAS_DIGIT.search(token.text) or token.like_num and token.text.isdigit()):
                continue
            previous = self.tokens[index - 1].lower if index else ""
            glued = previous + token.text if previous in ("#", "no.") else token.text
            if _NOT_A_MEASURE.match(token.text) or _NOT_A_MEASURE.match(glued):
                continue
            if previous in ("top", "no.", "number", "#"):
                continue  # ranks: "top 3", "No. 1"
            found.append(token)
        return found


class Analyzer:
    """Lazily builds one spaCy pipeline per process and caches one analysis per distinct text."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._nlp: Any = None
        self._cache: dict[str, TextAnalysis] = {}

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
        for text, doc in zip(pending, self.nlp.pipe(pending, batch_size=256), strict=True):
            self._cache[text] = _to_analysis(text, doc)

    def __call__(self, text: str) -> TextAnalysis:
        if text not in self._cache:
            self.analyze([text])
        return self._cache[text]


def _build_pipeline(model: str | None) -> Any:
    import spacy  # deferred: `okrlint rules` and `explain` never pay for it

    if model:
        try:
            return spacy.load(model, exclude=["ner"])
        except OSError as error:
            raise AnalyzerError(
                f"nlp-model '{model}' is not installed; install it with pip or remove the setting"
            ) from error
    return spacy.blank("en")


class AnalyzerError(Exception):
    """The configured pipeline cannot be loaded."""


def _to_analysis(text: str, doc: Any) -> TextAnalysis:
    tokens = [
        Token(
            text=t.text,
            lower=t.lower_,
            lemma=t.lemma_ or t.lower_,
            pos=t.pos_,
            idx=t.idx,
            like_num=t.like_num,
            is_punct=t.is_punct,
            whitespace=t.whitespace_,
        )
        for t in doc
    ]
    return TextAnalysis(text=text, tokens=tokens)
