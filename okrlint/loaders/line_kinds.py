"""What a line, an item or a title of an OKR file is, read from its words alone: a sentence or
running prose, a caption, an aside, an example's lead-in, a definition of the terms, a heading
that names the objectives below it, a restatement of an objective already stated. The
assembler (assemble.py) asks these while it walks the outline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache

from okrlint.loaders.labels import Line
from okrlint.loaders.outline import Block, Details, Heading, Item, ListBlock, Paragraph, Table
from okrlint.loaders.vocabulary import vocabulary
from okrlint.models import Objective

# A "key result" that defines the term rather than stating one.
DEFINITION = re.compile(r"\b(?:for|of|towards?|toward) (?:an|the|each|every|our) objectives?\b", re.I)
# Prose about the OKRs themselves ("The key results for this objective mirror …").
NAMES_OKRS = re.compile(r"\b(?:key\s+results?|objectives?|okrs?)\b", re.IGNORECASE)
# A sentence end inside a line: ". " before a capital letter, after a word of 2+ letters or a
# number (so "e.g. Foo" and "v2. Ship" stay whole).
_SENTENCE_END = re.compile(
    r"(?:(?<=[^\W\d_]{2}[.!?])|(?<=\d[.!?])|(?<=\d%[.!?])) (?=[A-ZÅÄÖÆØÉÜ][^\W\d_])"
)


# A line that introduces an example ("Here is an example of a good OKR:", "Por ejemplo:").
EXAMPLE_LEAD_IN = re.compile(
    r"\b(?:examples?|for instance|e\.g\.|sample|representative|ejemplos?|exemplos?|exemples?|beispiele?|esempi[oi]|voorbeeld(?:en)?)\b.{0,160}:\s*$"
    # "Here is what one could look like for a bakery:", "A good OKR might read:"
    r"|\b(?:might|could|would|may|should)\s+(?:look|read|sound)\b.{0,80}:\s*$"
    # "Objectives have the following format:", "Write them in this format:"
    r"|\b(?:following|this|same)\s+(?:format|template|structure|shape|pattern)\s*:\s*$"
    # "Bad OKR:", "Better key result:": an article grading examples
    r"|^(?:an?\s+)?(?:good|bad|weak|strong|better|worse|poor|great)\s+(?:okrs?|objectives?|key\s+results?|krs?|examples?)\s*[:：]\s*$",
    re.IGNORECASE,
)
# A heading over worked examples: "## Example Quarter: Q2 2024 (Annotated Example)",
# "### Examples", "## OKR examples" (but not "## Set an example for new contributors", an
# objective in a file without labels).
_EXAMPLES = r"(?:examples?|ejemplos?|exemplos?|exemples?|beispiele?)"
EXAMPLE_HEADING = re.compile(
    rf"^\W*(?:an?\s+|annotated\s+|worked\s+|sample\s+)?{_EXAMPLES}\b"
    rf"|\b{_EXAMPLES}\s+(?:okrs?|objectives?|key\s+results?|quarter|set|cycle)\b"
    rf"|\b(?:okrs?|objectives?|key\s+results?|krs?)\s+{_EXAMPLES}\b",
    re.IGNORECASE,
)
STATEMENT_FIELD = re.compile(r"^(?:description|statement|objective statement)\s*[:：]\s*(\S.{10,})$", re.I)
HORIZON = re.compile(r"\b(?:time\s*horizon|time\s*frame|timeframe|period|cycle|duration)\b", re.I)
ID_YEAR = re.compile(r"""['"`‘’]((?:19|20)\d\d)[.\-_][A-Za-z0-9]""")
# A priority before a key result: "P0-JM (0.8): …", "P1: …", "[P2] (0.1) …", "P1 - Ship …".
PRIORITY_LED = re.compile(
    r"^(?:[\[(]P\d{1,2}[\])]|P\d{1,2}(?:-[\w/]+)?\s*(?:\(|[:：])|P\d{1,2}\s+[-–—]\s+(?=\S))"
)
# A part of a plan named by its term or quarter: "Q3: Scale and repeat", "T1 (Q1): Foundations".
PLAN_PART = re.compile(r"^(?:[QTH][1-4]|S[12])(?:\s*\([QTH][1-4]\))?\s*[:：]\s*\S")
TERMS = re.compile(r"\b(?:objectives?|key\s+results?|okrs?)\b", re.IGNORECASE)


# "Key Results: How will we know we achieved it?": a definition, asked as a question.
QUESTION = re.compile(r"^(?:how|what|which|why|when)\b.*\?", re.IGNORECASE)


# Only labels of other items: "KR1-KR4", "KR1, KR3", "O2 / KR2.1" in an alignment table's cell.
LABEL_REFERENCES = re.compile(
    r"^\s*+(?:(?:KRs?|OKRs?|O)\s?\d{1,3}(?:\.\d{1,3})?\s*+(?:(?:[-–—,/&+]|and|to|through)\s*+)?){1,12}$",
    re.IGNORECASE,
)


# A key-result heading that only names a kind of measure ("KR1 — Leading metric").
_MEASURE_NAME = re.compile(
    r"\b(?:metrics?|measures?|indicators?|kpis?|signals?|results?|outcomes?|leading|lagging|"
    r"quality|north\s+star|health|guardrails?|counter)\b",
    re.IGNORECASE,
)
# A sentence that points back at what was just said: a description, not a statement.
_BACK_REFERENCE = re.compile(r"^(?:this|these|that|those|it|they|here)\b", re.IGNORECASE)


def states_named_result(paragraph: list[str], name: str) -> bool:
    """Whether a paragraph right under a key-result heading that is only a name states the
    result ("## KR1 — Leading metric" over "≥ 60% of volunteers finish the walkthrough", "P1:
    Update Performance" over one sentence), rather than describing the one the heading states ("### KR: Land push notifications" over
    "Show browser notifications when …", "This increases maintainability.")."""
    if len(paragraph) != 1 or len(sentences(paragraph[0])) != 1:
        return False
    text = paragraph[0].strip()
    if _BACK_REFERENCE.match(text):
        return False
    words = [word for word in name.split() if word[:1].isalpha()]
    title_case = len(words) >= 2 and all(word[0].isupper() for word in words)  # "Update Performance"
    return (
        title_case
        or bool(_MEASURE_NAME.search(name))
        or any(c.isdigit() or c in "%≥≤<>" for c in text)
    )


def without_restatements(objectives: list[Objective], rows: dict[int, int]) -> list[Objective]:
    """A progress check that copies an objective and its key results ("# Check-in 10/17" with
    "## O … /10" and the same results), or restates each objective in short over a status
    line per key result ("### Objective 1: Core loop" over "KR 1.1 (tutorial): not measured
    yet"), or a review table repeats the plan table's rows: the copy is dropped, the first
    statement is linted. `rows`: the objectives read from table rows, by table number (one
    table may repeat an objective for each owner: those are kept)."""
    kept: list[Objective] = []
    # The statements that carry key results, wherever they stand: a caption list may name the
    # objectives before the section that gives each its results ("1) Upgrade Mainnet …").
    stated = {(o.cycle, plain_text(o.title).rstrip(".")) for o in objectives if o.key_results}
    # Exact repeats are looked up; the comparison of shortened titles is pairwise, so it is
    # left out of a file with more objectives than any hand-written set (a generated file of
    # thousands took seconds).
    fuzzy = len(objectives) <= _MAX_FUZZY
    with_results: set[tuple[str | None, str]] = set()
    by_results: dict[tuple[str | None, tuple[str, ...]], list[str]] = {}
    in_tables: dict[tuple[str | None, str, tuple[str, ...]], set[int | None]] = {}
    for objective in objectives:
        results = [kr.title for kr in objective.key_results]
        cycle = objective.cycle
        if not results and (cycle, plain_text(objective.title).rstrip(".")) in stated:
            continue
        if not results and (
            (cycle, objective.title) in with_results
            or fuzzy
            and any(
                cycle == earlier.cycle and earlier.key_results and shortens(objective.title, earlier.title)
                for earlier in kept
            )
        ):
            continue  # "O1: Ship the pipeline" in an alignment table: a reference to it
        if results and id(objective) not in rows and (
            any(objective.title.startswith(title) for title in by_results.get((cycle, tuple(results)), ()))
            or fuzzy
            and any(
                cycle == earlier.cycle
                and len(results) == len(earlier.key_results)
                and shortens(objective.title, earlier.title)
                for earlier in kept
            )
        ):
            continue
        table_key = (cycle, plain_text(objective.title), tuple(plain_text(r) for r in results))
        if results and id(objective) in rows and in_tables.get(table_key, set()) - {rows[id(objective)]}:
            continue  # a review table repeating the plan's rows ("Modulo" there, "Módulo" here)
        kept.append(objective)
        if results:
            with_results.add((cycle, objective.title))
            by_results.setdefault((cycle, tuple(results)), []).append(objective.title)
        in_tables.setdefault(table_key, set()).add(rows.get(id(objective)))
    return kept


# Objectives in one file beyond which shortened restatements are not looked for.
_MAX_FUZZY = 400


def plain_text(text: str) -> str:
    """Text compared without case or accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def shortens(short: str, long: str) -> bool:
    """Every word of `short` begins a word of the longer `long`, in any language: "Core loop
    complete" of "Complete the core game loop so that …" (Korean particles and endings attach
    to the word: 루프 of 루프를)."""
    words = short.lower().split()
    longer = long.lower().split()
    return (
        len(words) >= 2
        and len(short) < len(long)
        and all(any(other.startswith(word) for other in longer) for word in words)
    )


def result_line(text: str) -> bool:
    """One short statement: not a caption, a question, a label line or running prose."""
    words = len(text.split())
    if not 3 <= words <= 40 or text.rstrip().endswith((":", "?", "：")) or NAMES_OKRS.search(text):
        return False
    return len(sentences(text)) == 1


def aside(text: str) -> bool:
    """A whole item in parentheses: a note beside the results, not one of them."""
    text = text.strip()
    return text.startswith(("(", "（")) and text.endswith((")", "）")) and len(text) > 2


def groups_priority_items(item: Item) -> bool:
    """An unprioritised item over items that carry a priority ("P0-BP (1.0): …", "[P1] …"),
    directly or through further groups: a theme; its items are the results."""
    if not item.lines or not item.children or PRIORITY_LED.match(item.lines[0].text):
        return False
    kinds = []  # per child: "result", "group" or "note"; anything else: not a theme
    for child in item.children:
        text = child.lines[0].text if child.lines else ""
        if PRIORITY_LED.match(text):
            kinds.append("result")
        elif groups_priority_items(child):
            kinds.append("group")
        elif text.startswith("("):
            kinds.append("note")  # "(Done but not planned for) …" beside them
        else:
            return False
    return "result" in kinds or "group" in kinds


def first_row(block: Block) -> int | None:
    if isinstance(block, Paragraph) and block.lines:
        return block.lines[0].row
    if isinstance(block, ListBlock) and block.items and block.items[0].lines:
        return block.items[0].lines[0].row
    return None


def objectives_heading(text: str) -> bool:
    """ "Objectives", "Quarterly Objectives (current cycle)", "Team goals:": a heading that
    names the objectives listed below it, not one objective."""
    return _OBJECTIVES_HEADING.match(text.strip()) is not None


_OBJECTIVES_HEADING = re.compile(
    rf"^(?:[\w'-]++\s++){{0,3}}(?:{vocabulary().objective_section}|(?:objective|goal)\(s\))\s*+(?:\([^()]{{0,60}}\))?\s*+:?$",
    re.IGNORECASE,
)


def generic(text: str) -> bool:
    """A section word any report uses ("9.1 Metrics", "Results:"), alone or heading a longer
    title ("Metrics to Track", "Results Summary", "Success criteria for the beta")."""
    words = " ".join(re.sub(r"^[\d.\s]+|[:：\s]+$", "", text.strip()).lower().split())
    return any(words == word or words.startswith(word + " ") for word in vocabulary().generic_sections)


def defines(role: Line) -> bool:
    """A plural "Key results: …" label whose text talks about objectives or key results: a
    definition of the term, not a key result."""
    return role.weak and TERMS.search(role.title) is not None


def sentences(text: str) -> list[str]:
    pieces = [piece.strip() for piece in _SENTENCE_END.split(text)]
    if len(pieces) > 1 and all(len(piece.split()) >= 3 for piece in pieces):
        return pieces
    return [text]


def first_text(item: Item) -> str:
    return item.lines[0].text if item.lines else ""


def block_texts(blocks: Iterable[Block]) -> Iterator[tuple[str, bool]]:
    """Every labelled position's text: headings, paragraph lines, items, summaries, table cells."""
    for block in blocks:
        if isinstance(block, Heading):
            yield block.line.text, True
        elif isinstance(block, Paragraph):
            for line in block.lines:
                yield line.text, False
        elif isinstance(block, ListBlock):
            yield from item_texts(block.items)
        elif isinstance(block, Details):
            if block.summary is not None:
                yield block.summary.text, False
            yield from block_texts(block.blocks)
        elif isinstance(block, Table):
            # "| **O1: Pipeline works end to end** | KR1: … |": cells label a file too
            for row in block.rows:
                yield from ((cell.text, False) for cell in (row.objective, row.key_result) if cell is not None)


def item_texts(items: list[Item]) -> Iterator[tuple[str, bool]]:
    for item in items:
        if item.lines:
            yield item.lines[0].text, False
        yield from block_texts(b for b in item.blocks if isinstance(b, Paragraph))
        yield from item_texts(item.children)




@cache
def _hard_section() -> re.Pattern[str]:
    # (not the first part of a hyphenated word: "project-agnostic" is no "Projects" section)
    return re.compile(rf"^\W*{vocabulary().hard_section}\b(?!-)", re.IGNORECASE)


def hard_section(text: str) -> bool:
    """A section that always ends a list of key results ("Initiatives", "Not included", "Notes")."""
    return _hard_section().match(text) is not None


def header_caption(text: str) -> bool:
    """A list item that is a flattened table header ("Objective / Key Result Owner(s) Score",
    a Google Sites table exported as bullets): the items after it are the objectives, each
    over its key results."""
    words = vocabulary()
    if len(text) > 200:
        return False  # a header names a few columns; a long line is prose
    # (split on the bare separators and strip the parts: "\s*[/|,;]\s*" rescanned a long run
    # of spaces from each of its characters)
    parts = [p.strip() for p in re.split(r"[/|,;]", text.replace("(s)", "")) if p.strip()]
    if len(parts) < 2 or not re.fullmatch(rf"(?:{words.strong_objective}|{words.weak_objective})s?", parts[0], re.I):
        return False
    head = re.match(rf"(?:{words.key_result})s?\b", parts[1], re.I)
    if head is None:
        return False
    # What follows the two column names can only be more columns ("Owner(s) Score").
    rest = " ".join([parts[1][head.end() :], *parts[2:]]).split()
    return all(word.lower() in words.metadata_keys for word in rest)
