"""Loads the rule definitions (rules/*.yaml) into validated, frozen specs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from okrlint.findings import Coaching, Severity
from okrlint.resources import data_dir

Scope = Literal["input", "key_result", "objective", "statement", "document", "repository"]


class RuleError(Exception):
    """A rule file is malformed; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExampleCase(_Strict):
    """One example a rule must fire on (bad) or stay silent on (good).

    A bare string in a rule file is a key result; the other forms give an objective with its
    key results, a whole document, or several documents linted in one run.
    """

    key_result: str | dict[str, Any] | None = None
    objective: str | dict[str, Any] | None = None
    key_results: list[str | dict[str, Any]] | None = None
    document: str | None = None
    documents: list[str] | None = None
    format: Literal["yaml", "markdown", "text"] = "yaml"
    cycle: str | None = "2026-Q2"
    today: dt.date | None = None  # the run's date (--today), for rules that read the calendar

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"key_result": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_form(self) -> ExampleCase:
        forms = [self.key_result, self.key_results, self.document, self.documents]
        if sum(form is not None for form in forms) != 1:
            raise ValueError("give exactly one of key_result, key_results, document, documents")
        return self

    def describe(self) -> str:
        """The example as a person would read it in `okrlint explain`."""
        if self.key_result is not None:
            return _title(self.key_result)
        if self.key_results is not None:
            head = f"{_title(self.objective)}: " if self.objective else ""
            return head + "; ".join(_title(kr) for kr in self.key_results)
        on = f"\n(checked on {self.today.isoformat()})" if self.today else ""
        if self.document is not None:
            return self.document.strip() + on
        # (several files, not one file of several YAML documents, which okrlint refuses)
        return "\n# --- next file ---\n".join(doc.strip() for doc in self.documents or []) + on


def _shown(value: Any) -> str:
    """A field's value as YAML's flow style would write it, near enough: lists and records
    compactly, text as it is."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str).replace('"', "")
    return str(value)


def _title(value: str | dict[str, Any] | None) -> str:
    """The title, and the fields beside it that decide the example ("Grow ARR from $2M to
    $2.2M (confidence: 0.9)"): without them a bad and a good example can read the same."""
    if isinstance(value, dict):
        fields = ", ".join(
            f"{key}: {_shown(field)}" for key, field in value.items() if key != "title" and field is not None
        )
        title = str(value.get("title", ""))
        return f"{title} ({fields})" if fields else title
    return value or ""


class Examples(_Strict):
    bad: list[ExampleCase] = Field(min_length=1)
    good: list[ExampleCase] = Field(min_length=1)


class RuleSpec(_Strict):
    """One rule: what it finds, how it is checked, and the coaching shown with each finding."""

    code: str = Field(pattern=r"^[A-Z]\d{3}$")
    name: str = Field(pattern=r"^[a-z]+(-[a-z]+)*$")
    title: str
    category: str
    scope: Scope
    severity: Severity
    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    message: str
    coaching: Coaching
    # Templates tried in order; the first whose placeholders the finding fills is shown, so a
    # rule can offer an exact rewrite when the check found one and a general one otherwise.
    suggestion: list[str] = Field(default_factory=list)
    # The fix kind (okrlint.fixes.FIXERS) that turns a finding into an edit, if any.
    fix: str | None = None
    # The check reads English words; on a file in another language it stays silent.
    english_only: bool = Field(default=False, alias="english-only")
    # Off unless selected by its code (a profile or the config's `extend-select`): a practice
    # some methods ask for and others do not ("google" asks every objective for its type).
    opt_in: bool = Field(default=False, alias="opt-in")
    supersedes: list[str] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)
    examples: Examples

    @field_validator("suggestion", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @property
    def hint(self) -> str:
        """The first sentence of the fix: the one-line hint under a finding."""
        fix = " ".join(self.coaching.fix.split())
        end = fix.find(". ")
        return fix if end < 0 else fix[: end + 1]


class Rulebook:
    """All rules by code, with lookup by name and by threshold key."""

    def __init__(
        self, rules: Iterable[RuleSpec], checks: dict[str, Callable[..., Any]] | None = None
    ) -> None:
        # Check kinds that rule packs bring; the built-in ones live in okrlint.checks.
        self.checks: dict[str, Callable[..., Any]] = dict(checks or {})
        self.rules: dict[str, RuleSpec] = {}
        for rule in sorted(rules, key=lambda r: r.code):
            if rule.code in self.rules:
                raise RuleError(f"rule code {rule.code} is defined twice")
            self.rules[rule.code] = rule
        self.by_name = {rule.name: rule for rule in self.rules.values()}
        if len(self.by_name) != len(self.rules):
            raise RuleError("two rules share a name")

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, code_or_name: str) -> RuleSpec | None:
        key = code_or_name.strip()
        return self.rules.get(key.upper()) or self.by_name.get(key.lower())

    @cached_property
    def thresholds(self) -> dict[str, list[str]]:
        """Threshold key -> codes of the rules that use it (for config validation)."""
        index: dict[str, list[str]] = {}
        for rule in self:
            for key in rule.params:
                index.setdefault(key, []).append(rule.code)
        return index


def load_rule_file(path: Path) -> RuleSpec:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as error:
        raise RuleError(f"{path}: cannot read rule file: {error}") from error
    try:
        rule = RuleSpec.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise RuleError(f"{path}: '{where}': {first['msg']}") from error
    if path.stem not in (rule.code, rule.name, f"{rule.code}-{rule.name}"):
        raise RuleError(f"{path}: file name must be '{rule.code}-{rule.name}.yaml'")
    return rule


def load_rulebook(folder: Path | None = None, extra: Iterable[Any] = ()) -> Rulebook:
    """Read every rule file in `rules/` (or `folder`), and those of the rule packs `extra`."""
    folder = folder or data_dir("rules")
    rules = [load_rule_file(path) for path in sorted(folder.glob("*.yaml"))]
    checks: dict[str, Callable[..., Any]] = {}
    for pack in extra:
        codes = {rule.code for rule in rules}
        for path in sorted(Path(pack.folder).glob("*.yaml")):
            rule = load_rule_file(path)
            if rule.code in codes:
                raise RuleError(f"rule pack '{pack.name}': {path}: code {rule.code} is taken")
            rules.append(rule)
        checks.update(pack.checks)
    return Rulebook(rules, checks)
