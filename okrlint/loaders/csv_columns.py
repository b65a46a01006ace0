"""What each column of a spreadsheet export holds, judged from its header (and, for a column
of row types, from its values).

Headers use the words of the Markdown table reader (`tables.header_patterns`, built from
corpora/layout/vocabulary.toml): "Objective", "Key Result 2", "KR1", "Ziel", "Resultados clave".
What follows the word says more: "KR1 Target" is the target of the first key result,
"Objective Owner" the objective's owner, "OKR-ID" an id. Other headers name metadata
(owner, status, score, progress, weight…), read as fields, never as key results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from okrlint.loaders.item_kind import KEY_RESULT, OBJECTIVE, item_kind
from okrlint.loaders.tables import header_patterns
from okrlint.loaders.vocabulary import vocabulary

NODE = "node"  # a column describing whichever item its row holds

# Header words of a column holding an item's text, in order of preference.
_TEXT_WORDS = (
    "title", "statement", "description", "text", "name", "summary", "item", "details",
    "titel", "beschreibung", "titulo", "título", "descripcion", "descripción", "descrição",
    "titre", "texte",
)  # fmt: skip
_ID_WORDS = {"id", "#", "no", "nr", "number", "num", "key", "code", "ref id", "identifier"}
# Header (lower case, punctuation as spaces) -> the model field it fills.
_FIELDS = {
    "owner": (
        "owner", "owners", "lead", "dri", "responsible", "accountable", "assignee",
        "assigned to", "champion", "verantwortlich", "responsable", "responsável", "dono",
    ),
    "status": ("status", "state", "estado", "zustand"),
    "score": ("score", "grade", "review score", "final score", "nota", "puntuación", "bewertung"),
    "progress": (
        "progress", "complete", "completion", "percent complete", "done", "fortschritt",
        "progreso", "progresso", "avance", "avancement",
    ),
    "confidence": ("confidence", "konfidenz", "confianza", "confiança", "confiance"),
    "weight": ("weight", "weighting", "gewicht", "peso", "poids", "gewichtung"),
    # "ziel" and "meta" name objectives as headers of their own; after "KR1" they are targets
    "target": ("target", "target value", "zielwert", "ziel", "meta", "valor objetivo", "cible"),
    "baseline": ("baseline", "start", "start value", "from", "ausgangswert", "línea base"),
    "current": ("current", "current value", "actual", "aktuell", "valor actual"),
    "unit": ("unit", "units", "einheit", "unidad"),
    "due": ("due", "due date", "deadline", "end date", "target date", "fällig", "fecha límite"),
    "cycle": (
        "cycle", "period", "quarter", "timeframe", "time frame", "horizon", "okr cycle",
        "okr period", "quartal", "trimestre", "período", "periodo",
    ),
    "parent": ("parent", "parent id", "supports", "aligned to", "alignment"),
    "type": ("type", "okr type", "commitment"),
}  # fmt: skip
_FIELD_OF = {word: name for name, words in _FIELDS.items() for word in words}


@dataclass(frozen=True)
class Column:
    """One column's part: `role` (objective, key_result, or node: whichever the row is) and
    `what` (text, id, or a model field); `index` numbers the key result ("KR2 Target")."""

    index: int
    role: str
    what: str
    number: int | None = None


def _words(header: str) -> str:
    """A header lower-cased, punctuation (but '#' and '%') made spaces: "Progress (%)" ->
    "progress %"."""
    return " ".join(re.sub(r"[^\w#%]+", " ", header.lower()).split())


def read_header(header: list[str]) -> list[Column]:
    """The parts of the columns this reader knows; other columns are left out."""
    objective, key_result = header_patterns()
    weak = re.compile(rf"^(?:{vocabulary().weak_objective})", re.IGNORECASE)
    columns = []
    for index, name in enumerate(header):
        name = " ".join(name.split()).strip(" :*")
        if not name:
            continue
        kr = key_result.search(name)
        if kr is not None and (kr.start() == 0 or "(" in name[: kr.start() + 1]):
            column = _labelled(index, KEY_RESULT, name[kr.end() :] if kr.start() == 0 else "")
        elif (match := objective.match(name)) is not None:
            column = _labelled(index, OBJECTIVE, name[match.end() :], weak=bool(weak.match(name)))
        else:
            what = _field(_words(name))
            column = Column(index, NODE, what) if what else None
        if column is not None:
            columns.append(column)
    if not any(c.what == "text" and c.role == KEY_RESULT for c in columns):
        # "Goal", "OKR", "Aim", "Meta" head many columns of other data (a match's goals);
        # they name objectives only beside key results.
        columns = [c for c in columns if not (c.role == OBJECTIVE and c.what == "weak text")]
    return [
        Column(c.index, c.role, "text", c.number) if c.what == "weak text" else c for c in columns
    ]


def _labelled(index: int, role: str, rest: str, *, weak: bool = False) -> Column | None:
    """A column headed by an objective or key-result word; `rest` is what follows the word."""
    # At most four digits: "KR12"; a header of thousands of digits is no column number (and
    # int() refuses strings over 4,300 digits).
    number_match = re.search(r"(?<!\d)\d{1,4}(?!\d)", rest)
    number = int(number_match.group(0)) if number_match else None
    words = _words(re.sub(r"^[\s\d.#:()\-–—]*(?:s\b|es\b)?", "", rest))
    if not words or words in _TEXT_WORDS:
        return Column(index, role, "weak text" if weak else "text", number)
    if words in _ID_WORDS:
        return Column(index, role, "id", number)
    if field := _field(words):
        return Column(index, role, field, number)
    return None if weak else Column(index, role, "text", number)


def field_of_header(header: str) -> str | None:
    """The model field a column's header names ("Target value", "Owner", "Progress (%)")."""
    return _field(_words(" ".join(header.split()).strip(" :*")))


def _field(words: str) -> str | None:
    return _FIELD_OF.get(words) or _FIELD_OF.get(words.replace("%", "").strip())


def text_column(header: list[str], taken: set[int]) -> int | None:
    """The column holding an item's words when rows say their own type ("Title")."""
    names = [_words(name) for name in header]
    for word in _TEXT_WORDS:
        for index, name in enumerate(names):
            if name == word and index not in taken:
                return index
    return None


def id_columns(header: list[str]) -> list[int]:
    """Columns of identifiers: "ID", "#", "OKR-ID", "Key"."""
    found = []
    for index, name in enumerate(header):
        words = _words(name)
        last = words.split(" ")[-1] if words else ""
        if words in _ID_WORDS or (last in ("id", "#") and len(words.split()) <= 2):
            found.append(index)
    return found


# Row types beside objectives and key results in a tracker's export: rows of work, not results.
_OTHER_TYPE = re.compile(r"(?i)initiatives?|tasks?|projects?|epics?|milestones?|actions?|sub-?tasks?|stor(?:y|ies)")


def type_column(rows: list[list[str]]) -> int | None:
    """The column whose values name each row's type: objectives and key results both appear,
    and at least nine values in ten are such names (or another row type: "Initiative")."""
    width = max((len(row) for row in rows), default=0)
    for index in range(width):
        values = [row[index] for row in rows if index < len(row) and row[index]]
        kinds = [item_kind(value) or ("other" if _OTHER_TYPE.fullmatch(value.strip()) else None) for value in values]
        named = [kind for kind in kinds if kind is not None]
        if OBJECTIVE in named and KEY_RESULT in named and len(named) * 10 >= len(values) * 9:
            return index
    return None
