"""The block extensions of documentation sites, rewritten for the Markdown parser: MkDocs
Material's admonitions (`!!! note "Title"` over a body indented four spaces) and content tabs
(`=== "Key results"` over an indented body), Docusaurus admonitions (`:::tip` … `:::`) and
Obsidian callouts (`> [!warning] Dependency` over quoted lines).
CommonMark would read an indented body as code or as the marker's paragraph. Rows never move,
so spans (found by searching each row of the file as written) still point into the file:

- an admonition's marker line is blanked; its body is an aside (a risk, a tip, a status note)
  and is blanked too, unless its title names a part of the set ("Key results"), when the body
  is moved four columns left and read;
- a content tab's marker becomes its title alone ("Key results", "Initiatives"), a caption over
  the body, which is moved four columns left;
- a Docusaurus fence (`:::note`, `:::`) is blanked; its body is ordinary Markdown;
- an Obsidian callout is an aside and is blanked, unless its title names a part of the set.
"""

from __future__ import annotations

import re

from okrlint.loaders.labels import Role, classify

_ADMONITION = re.compile(r"^(?P<indent> {0,3})(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+(?P<title>\"[^\"]*\"))?[ \t]*$")
_TAB = re.compile(r"^(?P<indent> {0,3})===\+?[ \t]+\"(?P<title>[^\"]+)\"[ \t]*$")
# An Obsidian callout: "> [!warning] Dependency" over quoted lines.
_CALLOUT = re.compile(r"^ {0,3}>[ \t]*\[![\w-]+\][+-]?(?P<title>.*)$")
_DOCUSAURUS = re.compile(r"^ {0,3}:::(?:[a-z]+(?:[ \t].*)?)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BODY_INDENT = 4


def rewrite(lines: list[str]) -> list[str]:
    """The lines with documentation-site blocks made plain Markdown, row for row."""
    if not any(("!!!" in line or "???" in line or "===" in line or ":::" in line or "[!" in line) for line in lines):
        return lines
    out = list(lines)
    fence = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        if (match := _FENCE.match(line)) is not None:
            fence = "" if fence and match.group(1)[0] == fence[0] else (fence or match.group(1))
        if fence:
            index += 1
            continue
        admonition, tab = _ADMONITION.match(line), _TAB.match(line)
        if admonition or tab:
            marker = admonition or tab
            assert marker is not None
            title = (marker.group("title") or "").strip('"')
            read = bool(tab) or _names_a_part(title)
            out[index] = marker.group("indent") + title if tab else ""
            end = _body_end(lines, index + 1, len(marker.group("indent")) + _BODY_INDENT)
            for row in range(index + 1, end):
                body = lines[row]
                out[row] = body[_BODY_INDENT:] if read and body.strip() else ("" if not read else body)
            index = end
            continue
        if (callout := _CALLOUT.match(line)) is not None and not _names_a_part(callout.group("title").strip()):
            end = index + 1
            while end < len(lines) and lines[end].lstrip().startswith(">"):
                end += 1
            out[index:end] = [""] * (end - index)
            index = end
            continue
        if _DOCUSAURUS.match(line):
            out[index] = ""
        index += 1
    return out


def _names_a_part(title: str) -> bool:
    """An admonition titled as a part of the OKR set ("Key results", "Objective 2"): its body
    is part of the set, not an aside."""
    return bool(title) and classify(title).role in (
        Role.KR_SECTION,
        Role.OBJECTIVE,
        Role.OBJECTIVE_LABEL,
        Role.KEY_RESULT,
    )


def _body_end(lines: list[str], start: int, indent: int) -> int:
    """The row after a block's body: blank lines and lines indented `indent` or more, up to
    the first line indented less (blank lines at the end are not the body's)."""
    end = start
    last = start
    while end < len(lines):
        line = lines[end]
        if line.strip():
            if len(line) - len(line.lstrip(" ")) < indent:
                break
            last = end + 1
        end += 1
    return last
