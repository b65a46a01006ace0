"""`okrlint schema`: the JSON Schema editors' YAML language servers use to complete and check
OKR files. Every YAML example validates (the bad one only where okrlint reports E002)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
YAML_EXAMPLES = sorted(p for p in (ROOT / "examples").rglob("*") if p.suffix in (".yaml", ".yml"))


def _as_json(value: Any) -> Any:
    """What a YAML language server validates: dates are strings there."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _load(text: str) -> Any:
    return _as_json(YAML(typ="safe").load(text))


@pytest.fixture(scope="module")
def validator(tmp_path_factory: pytest.TempPathFactory) -> jsonschema.Draft202012Validator:
    out = tmp_path_factory.mktemp("schema") / "okrlint.schema.json"
    # The real command, in a fresh interpreter: it must not need spaCy either.
    code = (
        "import sys; from okrlint.cli import main\n"
        "try:\n    main(['schema', '--output', sys.argv[1]])\n"
        "except SystemExit as e:\n    assert not e.code\n"
        "print('spacy' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"
    schema = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", YAML_EXAMPLES, ids=[p.name for p in YAML_EXAMPLES])
def test_every_yaml_example_validates_except_where_okrlint_reports_e002(
    validator, cli, path: Path
) -> None:
    errors = list(validator.iter_errors(_load(path.read_text(encoding="utf-8"))))
    e002 = [
        f
        for f in cli("check", "--format", "json", str(path)).json()["findings"]
        if f["code"] == "E002"
    ]
    assert len(errors) == len(e002)
    for error in errors:  # the same field okrlint calls invalid
        deepest = jsonschema.exceptions.best_match([error])
        assert deepest.path, deepest
        assert any(f"'{deepest.path[-1]}'" in f["message"] for f in e002)


@pytest.mark.parametrize(
    "text",
    [
        "objectives:\n  - title: 5\n",
        "objectives: Grow revenue\n",
        (
            "objectives:\n"
            "  - title: Grow\n"
            "    key_results:\n"
            "      - {title: Raise NPS, confidence: 20}\n"
        ),
        "objectives:\n  - title: Grow\n    key_results:\n      - {title: Raise NPS, score: -1}\n",
        "objectives:\n  - title: Grow\n    key_results:\n      - {metric: NPS}\n",
        "scope: galaxy\nobjectives: []\n",
        "objectives:\n  - title: Grow\n    type: stretchy\n",
        (
            "objectives:\n"
            "  - title: Grow\n"
            "    key_results:\n"
            "      - {title: Raise NPS, direction: up}\n"
        ),
        (
            "objectives:\n"
            "  - title: Grow\n"
            "    key_results:\n"
            "      - {title: Raise NPS, check_ins: [{value: 3}]}\n"
        ),
    ],
    ids=[
        "title-int",
        "objectives-str",
        "confidence",
        "score",
        "no-title",
        "scope",
        "type",
        "direction",
        "check-in-date",
    ],
)
def test_wrong_types_are_rejected(validator, text: str) -> None:
    assert not validator.is_valid(_load(text))


def test_aliases_strings_and_bare_lists_are_accepted(validator) -> None:
    text = (
        "cycle: 2026-Q2\nobjectives:\n  - objective: Grow\n    key_results:\n"
        "      - Raise NPS from 30 to 45\n      - {kr: Cut churn, from: 4, to: 3, unit: '%'}\n"
        "      - {description: Raise CSAT, start: 80, target: 90, due: 2026-06-30,"
        " confidence: 7, my_field: kept}\n  - Keep customers\n"
    )
    assert validator.is_valid(_load(text))
    assert validator.is_valid(
        _load("- objective: Grow\n  key_results: [Raise NPS from 30 to 45]\n")
    )


def test_only_user_facing_fields_are_offered(validator) -> None:
    kr = validator.schema["$defs"]["KeyResult"]["properties"]
    assert {
        "title",
        "kr",
        "description",
        "name",
        "baseline",
        "from",
        "start",
        "target",
        "to",
    } <= set(kr)
    assert not {"span", "measurement", "shared_deadline"} & set(kr)
    assert not {"path", "format", "span"} & set(
        validator.schema["$defs"]["OKRDocument"]["properties"]
    )
