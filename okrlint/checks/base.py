"""What every check kind receives (Context) and yields (Hit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from okrlint.findings import Severity
from okrlint.models import KeyResult, Objective, OKRDocument, Span
from okrlint.nlp import Analyzer


@dataclass(frozen=True)
class Hit:
    """One place a rule fires; `args` fill the rule's message and suggestion templates."""

    node: KeyResult | Objective | OKRDocument | None
    args: dict[str, Any] = field(default_factory=dict)
    span: Span | None = None
    severity: Severity | None = None


@dataclass
class Context:
    """What a check kind may consult besides its node: the analyzer (words, numbers, lexicons),
    and the document and objective the node sits in."""

    analyzer: Analyzer
    document: OKRDocument | None = None
    objective: Objective | None = None
    today: dt.date | None = None  # the run's date (--today); hygiene checks are silent without


Check = Callable[[Any, dict[str, Any], Context], Iterator[Hit]]
