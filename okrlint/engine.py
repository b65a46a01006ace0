"""The engine: rules x nodes x hits -> findings, then supersession, suppressions and sorting.

Pure: it receives loaded documents and returns a Report; it never reads files or prints.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from okrlint.checks import CHECKS, Context, Hit
from okrlint.config import RuleSelection
from okrlint.findings import Finding, Fix, NodeRef, Range, Report
from okrlint.fixes import FIXERS, Candidate, title_candidate, verified
from okrlint.gc_pause import fewer_collections
from okrlint.loaders.language_guess import text_language
from okrlint.models import MAX_TEXT_CHARS, KeyResult, LoadResult, Objective, OKRDocument, Span
from okrlint.nlp import Analyzer
from okrlint.rulebook import RuleSpec, Scope
from okrlint.suppressions import parse, problems

_FILE = NodeRef(kind="file")


# Which node a hit is on, the same in every process: (path, objective, key result), -1 for
# "none" (the document itself, or an objective's own hits). Hits on no node have None.
NodeKey = tuple[str, int, int]


@dataclass(frozen=True)
class _Raw:
    rule: RuleSpec
    hit: Hit
    path: str
    span: Span
    node: NodeRef
    node_key: NodeKey | None  # for supersession


@dataclass
class FileLint:
    """One file's part of a run: the file as loaded (its key results' measurements set) and
    the findings of every rule that reads that file alone, fixes attached, not yet filtered by
    its suppressions. Files can be linted in any process; `finish` joins them."""

    result: LoadResult
    findings: list[Finding] = field(default_factory=list)
    keys: list[NodeKey | None] = field(default_factory=list)  # each finding's node
    fired: dict[NodeKey, list[str]] = field(default_factory=dict)  # codes that hit each node


def lint(
    results: Sequence[LoadResult],
    selection: RuleSelection,
    analyzer: Analyzer,
    context: Sequence[LoadResult] = (),
) -> Report:
    """Run every enabled rule over the loaded files and return the sorted report.

    `context` holds the repository's other OKR files: the cross-file rules (unknown parent,
    totals per owner and cycle) see them, but nothing is reported on them, so a partial run
    (a pre-commit hook given the changed files) judges the changed files against the whole.
    """
    with fewer_collections():
        files = [lint_file(result, selection, analyzer) for result in results]
        return finish(files, selection, analyzer, context)


def _rules(selection: RuleSelection) -> tuple[dict[str, Any], list[RuleSpec]]:
    # Every rule runs, selected or not: a deselected rule still outranks the ones it supersedes
    # ("Launch the app" is a task even under --select M; it must not be called unmeasurable).
    checks = {**selection.rulebook.checks, **CHECKS}
    return checks, [rule for rule in selection.rulebook if rule.check in checks]


def lint_file(result: LoadResult, selection: RuleSelection, analyzer: Analyzer) -> FileLint:
    """The findings of every rule that reads one file alone (all but the repository rules)."""
    checks, rules = _rules(selection)
    rules = [rule for rule in rules if rule.scope != "repository"]
    document = result.document
    path = document.path if document is not None else _path_of(result)
    if document is not None and any(rule.scope != "input" for rule in rules):
        analyzer.analyze(_texts([document]))  # one batch: every text is parsed once
        for _objective, kr in document.key_results():
            kr.measurement = analyzer(kr.title).measurement
    keys, refs = _index([document] if document is not None else [])
    nodes = _nodes_by_scope(result, analyzer, selection.settings.today)
    raw: list[_Raw] = []
    for rule in rules:
        check, params = checks[rule.check], selection.params(rule.code)
        for node, ctx, foreign in nodes[rule.scope]:
            if rule.english_only and foreign:
                continue  # the rule reads English words; this statement is in another language
            for hit in check(node, params, ctx):
                raw.append(_raw(rule, hit, path, refs, keys))
    fired = _fired(raw)
    kept = [
        item
        for item in raw
        if not _superseded(item, fired) and selection.enabled(item.rule.code, item.path)
    ]
    pairs = [
        (_finding(item, selection), _candidate(item, result if item.path == path else None))
        for item in kept
    ]
    return FileLint(
        result=result,
        findings=_with_fixes(pairs, {path: result}),
        keys=[item.node_key for item in kept],
        fired={key: [rule.code for rule in specs] for key, specs in fired.items()},
    )


def finish(
    files: Sequence[FileLint],
    selection: RuleSelection,
    analyzer: Analyzer,
    context: Sequence[LoadResult] = (),
) -> Report:
    """Join linted files: the repository rules over all of them (and the context files), then
    supersession across the two, suppressions, and the sorted report."""
    checks, rules = _rules(selection)
    results = [file.result for file in files]
    documents = [r.document for r in results if r.document is not None]
    linted = {d.path for d in documents}
    others = [r.document for r in context if r.document is not None]
    whole = documents + [d for d in others if d.path not in linted]
    reported = {r.document.path if r.document else _path_of(r) for r in results}
    raw: list[_Raw] = []
    repository = [rule for rule in rules if rule.scope == "repository"]
    if documents and repository:
        keys, refs = _index(whole)
        for rule in repository:
            if rule.english_only and _foreign(documents[0]):
                continue
            ctx = Context(analyzer)
            ctx.today = selection.settings.today
            for hit in checks[rule.check](whole, selection.params(rule.code), ctx):
                raw.append(_raw(rule, hit, documents[0].path, refs, keys))
    repo_fired = _fired(raw)
    by_code = selection.rulebook.rules
    fired = {
        key: [by_code[c] for c in codes if c in by_code]
        for f in files
        for key, codes in f.fired.items()
    }
    for key, specs in repo_fired.items():
        fired.setdefault(key, []).extend(specs)
    findings = [
        finding
        for file in files
        for finding, key in zip(file.findings, file.keys, strict=True)
        if finding.path in reported and not _superseded_code(finding.code, key, repo_fired)
    ]
    by_path = {r.document.path if r.document else _path_of(r): r for r in results}
    pairs = [
        (_finding(item, selection), _candidate(item, by_path.get(item.path)))
        for item in raw
        if not _superseded(item, fired)
        and selection.enabled(item.rule.code, item.path)
        and item.path in reported
    ]
    findings.extend(_with_fixes(pairs, by_path))
    findings = _apply_suppressions(findings, results, selection)
    return Report(
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        files=len(results),
        objectives=sum(len(d.objectives) for d in documents),
        key_results=sum(len(d.key_results()) for d in documents),
        sources={path: result.source for path, result in by_path.items()},
    )


def _foreign(document: OKRDocument | None) -> bool:
    return document is not None and document.language not in (None, "en")


def _text_foreign(title: str, document: OKRDocument, languages: dict[str, bool]) -> bool:
    """Whether an objective's or key result's statement is not English: an English file may
    hold a Dutch key result, a Thai file English ones. Each distinct text is judged once."""
    if title not in languages:
        languages[title] = text_language(title, document.language) not in (None, "en")
    return languages[title]


def _texts(documents: list[OKRDocument]) -> Iterator[str]:
    for document in documents:
        for objective in document.objectives:
            yield objective.title
            for kr in objective.key_results:
                yield kr.title


def _path_of(result: LoadResult) -> str:
    return result.diagnostics[0].span.path if result.diagnostics else "-"


_Node = tuple[Any, Context, bool]  # a node, what its check may consult, whether it is foreign


def _nodes_by_scope(
    result: LoadResult, analyzer: Analyzer, today: dt.date | None
) -> dict[str, list[_Node]]:
    """The nodes each rule scope reads in one file, built once for all its rules. Checks only
    read their Context, so the nodes of one objective share one."""
    document = result.document
    nodes: dict[str, list[_Node]] = {scope: [] for scope in get_args(Scope)}
    nodes["input"].append((result, Context(analyzer, document, today=today), _foreign(document)))
    if document is None:
        return nodes
    languages: dict[str, bool] = {}
    nodes["document"].append((document, Context(analyzer, document, today=today), _foreign(document)))
    for objective in document.objectives:
        ctx = Context(analyzer, document, objective, today=today)
        if _readable(objective.title):
            read: _Node = (objective, ctx, _text_foreign(objective.title, document, languages))
            nodes["objective"].append(read)
            nodes["statement"].append(read)
        for kr in objective.key_results:
            if kr.title and _readable(kr.title):
                read = (kr, ctx, _text_foreign(kr.title, document, languages))
                nodes["key_result"].append(read)
                nodes["statement"].append(read)
    return nodes


def _readable(title: str) -> bool:
    """Not too long to analyse: such a text gets one E002 from its loader and nothing else."""
    return len(title) <= MAX_TEXT_CHARS


def _index(documents: list[OKRDocument]) -> tuple[dict[int, NodeKey], dict[int, NodeRef]]:
    """Each node's key (see NodeKey) and how findings name it: its id, or its position ("O2",
    "KR3") when it has none; both by the node's identity in this process."""
    keys: dict[int, NodeKey] = {}
    refs: dict[int, NodeRef] = {}
    for document in documents:
        path = document.path
        keys[id(document)] = (path, -1, -1)
        refs[id(document)] = NodeRef(kind="document")
        for o_index, objective in enumerate(document.objectives, 1):
            o_name = objective.id or f"O{o_index}"
            keys[id(objective)] = (path, o_index, -1)
            refs[id(objective)] = NodeRef(kind="objective", objective=o_name, text=objective.title)
            for k_index, kr in enumerate(objective.key_results, 1):
                keys[id(kr)] = (path, o_index, k_index)
                refs[id(kr)] = NodeRef(
                    kind="key_result",
                    objective=o_name,
                    key_result=kr.id or f"KR{k_index}",
                    text=kr.title,
                )
    return keys, refs


def _raw(
    rule: RuleSpec, hit: Hit, path: str, refs: dict[int, NodeRef], keys: dict[int, NodeKey]
) -> _Raw:
    node = hit.node
    span = hit.span or _span_of(node, path)
    ref = refs.get(id(node), _FILE) if node is not None else _FILE
    key = keys.get(id(node)) if node is not None else None
    return _Raw(rule, hit, span.path, span, ref, key)


def _span_of(node: KeyResult | Objective | OKRDocument | None, path: str) -> Span:
    if isinstance(node, KeyResult | Objective) and node.span is not None:
        return node.span
    if isinstance(node, OKRDocument):
        path = node.path
        first = node.objectives[0] if node.objectives else None
        if first is not None and first.span is not None:
            return first.span
    return Span.of(path, 1, 1, 1, 1)


def _fired(raw: list[_Raw]) -> dict[NodeKey, list[RuleSpec]]:
    """The rules that hit each node."""
    fired: dict[NodeKey, list[RuleSpec]] = {}
    for item in raw:
        if item.node_key is not None:
            fired.setdefault(item.node_key, []).append(item.rule)
    return fired


def _superseded(item: _Raw, fired: dict[NodeKey, list[RuleSpec]]) -> bool:
    """A more specific rule fired on the same node (one finding per problem)."""
    return _superseded_code(item.rule.code, item.node_key, fired)


def _superseded_code(code: str, key: NodeKey | None, fired: dict[NodeKey, list[RuleSpec]]) -> bool:
    if key is None:
        return False
    return any(code in other.supersedes for other in fired.get(key, ()))


def _finding(item: _Raw, selection: RuleSelection) -> Finding:
    rule, hit = item.rule, item.hit
    args = _template_args(hit, item.node)
    severity = selection.severity(rule.code) or hit.severity or rule.severity
    suggestion = next(
        (template.format_map(args) for template in rule.suggestion if _fills(template, args)),
        None,
    )
    return Finding(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=severity,
        message=rule.message.format_map(args),
        path=item.path,
        range=Range(start=item.span.start, end=item.span.end),
        node=item.node,
        coaching=rule.coaching,
        suggestion=suggestion,
    )


def _candidate(item: _Raw, result: LoadResult | None) -> Candidate | None:
    """The edit for a rule with a fix kind, when its rewrite is exact (see okrlint.fixes)."""
    node, rule = item.hit.node, item.rule
    if rule.fix not in FIXERS or result is None or not isinstance(node, KeyResult | Objective):
        return None
    rewrite = FIXERS[rule.fix](node.title, item.hit.args)
    if rewrite is None:
        return None
    title, applicability, message = rewrite
    return title_candidate(result, node, title, applicability, message)


def _with_fixes(
    pairs: list[tuple[Finding, Candidate | None]], by_path: dict[str, LoadResult]
) -> list[Finding]:
    """Attach each candidate fix that reloading the edited file confirms."""
    grouped: dict[str, list[int]] = {}
    for index, (_finding, candidate) in enumerate(pairs):
        if candidate is not None:
            grouped.setdefault(_finding.path, []).append(index)
    findings = [finding for finding, _candidate in pairs]
    for path, indexes in grouped.items():
        candidates = [pairs[i][1] for i in indexes]
        for index, ok in zip(indexes, verified(by_path[path], candidates), strict=True):  # type: ignore[arg-type]
            if ok:
                fix = pairs[index][1].fix  # type: ignore[union-attr]
                findings[index] = findings[index].model_copy(update={"fix": fix})
    return findings


def _apply_suppressions(
    findings: list[Finding], results: Sequence[LoadResult], selection: RuleSelection
) -> list[Finding]:
    """Drop the findings inline directives cover; then report the directives (or codes in
    them) that suppressed nothing, name no rule, or give a prefix (E004), with their removal."""
    rulebook = selection.rulebook
    parsed = {}
    for result in results:
        if result.document is not None:
            parsed[result.document.path] = (
                result,
                parse(result.source, result.document.format, rulebook),
            )
    kept = [f for f in findings if f.path not in parsed or not parsed[f.path][1].suppress(f)]
    rule = rulebook.rules.get("E004")
    if rule is None:
        return kept
    for path, (result, suppressions) in parsed.items():
        if not suppressions.directives or not selection.enabled(rule.code, path):
            continue
        enabled = {code for code in rulebook.rules if selection.enabled(code, path)}
        for problem in problems(suppressions, result.source, enabled):
            span = Span(path=path, start=problem.range.start, end=problem.range.end)
            item = _Raw(
                rule, Hit(None, {"problem": problem.message}, span=span), path, span, _FILE, None
            )
            finding = _finding(item, selection)
            if problem.edit is None:
                kept.append(finding)
                continue
            fix = Fix(
                applicability="safe", message="Remove the stale directive", edits=(problem.edit,)
            )
            kept.append(finding.model_copy(update={"fix": fix}))
    return kept


def _template_args(hit: Hit, ref: NodeRef) -> dict[str, Any]:
    text = ref.text or ""
    short = text if len(text) <= 60 else text[:57].rstrip() + "…"
    node = {"objective": "Objective", "key_result": "Key result"}.get(ref.kind, "File")
    return {"text": short, "full_text": text, "node": node, **hit.args}


def _fills(template: str, args: dict[str, Any]) -> bool:
    names = re.findall(r"{(\w+)", template)
    return all(name in args and args[name] not in (None, "") for name in names)
