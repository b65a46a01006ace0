"""The document's cycle, from the first place that gives one: a field or front matter, a
`Cycle:` line, a heading, the file's path, the page's title; else a deadline stated for the whole file."""

from __future__ import annotations

import re

from okrlint.loaders.builder import DocumentBuilder
from okrlint.loaders.cycles import OKR_WORDS, cycle_heading, dated_part, find_cycle, path_cycle
from okrlint.loaders.found import Found
from okrlint.loaders.vocabulary import phrase_key, vocabulary


def settle_cycle(builder: DocumentBuilder, found: Found, lines: list[str]) -> None:
    """Set the builder's `cycle` and `cycle_source` fields from what was found."""
    fields = builder.fields
    if fields.get("cycle"):
        fields.setdefault("cycle_source", "front matter" if builder.format == "markdown" else "field")
        return
    for name, value in fields.items():
        if phrase_key(name) in vocabulary().cycle_keys and isinstance(value, str) and (cycle := find_cycle(value)):
            # front matter or a YAML field under another name: "quarter: 2026-Q2", "period: 2025-H1"
            fields["cycle"], fields["cycle_source"] = cycle, f"field '{name}'"
            return
    year = fields.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and 1990 <= year <= 2100:
        # `"year": 2026` at the top of a JSON or YAML tracker: the set covers that year
        fields["cycle"], fields["cycle_source"] = str(year), "field 'year'"
        return
    title = fields.get("title")
    if isinstance(title, str) and (cycle := cycle_heading(title)):
        fields["cycle"], fields["cycle_source"] = cycle, "front matter title"
        return
    for name in ("description", "summary", "subtitle"):
        value = fields.get(name)
        if isinstance(value, str) and OKR_WORDS.search(value) and (cycle := find_cycle(value)):
            # front matter describing the page: "OKRs for FY25-Q3 across the division"
            fields["cycle"], fields["cycle_source"] = cycle, f"front matter {name}"
            return
    if found.cycle is not None:
        value, row = found.cycle
        fields["cycle"] = find_cycle(value) or value
        fields["cycle_source"] = f"'{lines[row].strip().split(':')[0].strip('*_ -')}:' line, line {row + 1}"
        return
    cycles = {cycle for cycle, _row in found.heading_cycles}
    if len(cycles) == 1:
        cycle, row = found.heading_cycles[0]
        fields["cycle"], fields["cycle_source"] = cycle, f"heading, line {row + 1}"
        return
    objective_cycles = {o.cycle for o in builder.objectives}
    if len(objective_cycles) == 1 and None not in objective_cycles:
        # Every objective sits under the same cycle ("## 2026 Q1" beside older quarters that
        # only link to spreadsheets; a YAML `Q3:` key over each objective).
        fields["cycle"] = objective_cycles.pop()
        fields["cycle_source"] = "the heading or key every objective sits under"
        return
    if len(cycles) > 1:
        fields["cycle_source"] = f"headings: {len(cycles)} cycles in one file"
        return
    if cycle := path_cycle(builder.path):
        fields["cycle"], fields["cycle_source"] = cycle, "path"
        return
    if builder.format == "markdown" and (titled := _title_cycle(lines)):
        # "# Search team — Q3 2026": a page's title names its team and its quarter
        fields["cycle"], fields["cycle_source"] = titled[0], f"title, line {titled[1] + 1}"
        return
    if found.deadline is not None:
        fields["cycle_source"] = f"stated deadline, line {found.deadline[1] + 1}"


def _title_cycle(lines: list[str]) -> tuple[str, int] | None:
    """A quarter or half with its year in a Markdown page's title, its first line when that is
    a heading, beside a few words naming the team ("# Platform 2026-Q3"); a bare year says
    too little. (In a text draft a "#" line is a note: "# see the wiki for 2026 Q2".)"""
    row = next((i for i, line in enumerate(lines) if line.strip()), None)
    if row is None or not lines[row].lstrip().startswith("#"):
        return None
    title = lines[row].strip().lstrip("#").strip(" *_=")
    cycle = find_cycle(title)
    if cycle is None or not dated_part(cycle) or len(title.split()) > 8:
        return None
    return cycle, row


def title_cycle(lines: list[str]) -> tuple[str, int] | None:
    """The cycle of a title ("# 2026 Q1 OKRs", or a first line of text "Finance team OKRs, H2
    2026") before the draft's first line of text, in a file no heading gives one."""
    named = False  # an HTML title above named the OKRs ("<h1>Ferry app maintainers' OKRs</h1>")
    for row, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("<") and row < _HTML_HEAD_ROWS:
            # a README's HTML head: a centred title, then a line with the period
            text = " ".join(_TAG.sub(" ", line).split())
            named = named or bool(OKR_WORDS.search(text))
            found = find_cycle(text) if text else None
            if found and dated_part(found) and named:
                return found, row
            continue
        if not _MARKDOWN_TITLE.match(line):
            # a draft's first line names its set and period ("Riverside Food Bank, draft
            # OKRs for April to June 2026"): a quarter or half there is the draft's cycle
            found = find_cycle(line) if OKR_WORDS.search(line) else None
            return (found, row) if found and dated_part(found) else None
        if cycle := cycle_heading(line.lstrip("# ")):
            return cycle, row
    return None


_MARKDOWN_TITLE = re.compile(r"#{1,6}\s")
_TAG = re.compile(r"<[^>]{0,200}>")
_HTML_HEAD_ROWS = 6
