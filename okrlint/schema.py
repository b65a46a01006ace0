"""The JSON Schema of the YAML format, generated from the pydantic models, for editors' YAML
language servers (`# yaml-language-server: $schema=…`): only the fields users write, with
their aliases; objectives and key results may be plain strings; a file may be a bare list."""

from __future__ import annotations

import copy
from typing import Any

from pydantic import AliasChoices, BaseModel

from okrlint import __version__
from okrlint.models import CheckIn, KeyResult, Objective, OKRDocument

SCHEMA_ID = "https://github.com/okrlint/okrlint/schema/okrlint.schema.json"
# What okrlint computes or the loader fills in; never written in a file.
_INTERNAL = {"span", "measurement", "shared_deadline", "path", "format"}
_MODELS: dict[str, type[BaseModel]] = {
    "OKRDocument": OKRDocument,
    "Objective": Objective,
    "KeyResult": KeyResult,
    "CheckIn": CheckIn,
}
_LIMITS = {"confidence": {"minimum": 0, "maximum": 10}, "score": {"minimum": 0}}


def json_schema() -> dict[str, Any]:
    """The schema (JSON Schema draft 2020-12) as a dict."""
    raw = OKRDocument.model_json_schema(mode="validation")
    defs = raw.pop("$defs", {})
    defs["OKRDocument"] = raw
    kept: dict[str, Any] = {}
    for name, definition in defs.items():
        if name in ("Span", "Position", "Measurement", "Quantity", "Deadline"):
            continue
        kept[name] = _user_facing(name, copy.deepcopy(definition))
    kept["Objective"]["properties"]["key_results"] = {
        "type": "array",
        "description": "The key results: each a string (its title) or a mapping.",
        "items": {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/KeyResult"}]},
    }
    objectives = {
        "type": "array",
        "description": "The objectives: each a string (its title) or a mapping.",
        "items": {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/Objective"}]},
    }
    kept["OKRDocument"]["properties"]["objectives"] = objectives
    kept["OKRDocument"]["title"] = "OKR document"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"okrlint OKR file (okrlint {__version__})",
        "description": "Objectives and key results as YAML, as okrlint reads them.",
        "anyOf": [{"$ref": "#/$defs/OKRDocument"}, objectives],
        "$defs": kept,
    }


def _user_facing(name: str, definition: dict[str, Any]) -> dict[str, Any]:
    properties = definition.get("properties", {})
    for key in _INTERNAL:
        properties.pop(key, None)
    required = [key for key in definition.get("required", []) if key not in _INTERNAL]
    model = _MODELS.get(name)
    if model is not None:
        for field_name, field in model.model_fields.items():
            alias = field.validation_alias
            if field_name in _LIMITS and field_name in properties:
                properties[field_name] = _limited(properties[field_name], _LIMITS[field_name])
            if not isinstance(alias, AliasChoices):
                continue
            names = [str(choice) for choice in alias.choices]
            for other in names[1:]:
                entry = dict(properties[field_name])
                entry["description"] = f"Alias of `{field_name}`."
                properties[other] = entry
            if field_name in required:
                # Any one of the names will do ("title", "kr", "description", "name").
                required.remove(field_name)
                definition["anyOf"] = [{"required": [n]} for n in names]
    definition["required"] = required
    if not required:
        definition.pop("required")
    definition["additionalProperties"] = True  # unknown keys are kept and ignored
    return definition


def _limited(schema: dict[str, Any], limits: dict[str, Any]) -> dict[str, Any]:
    schema = dict(schema)
    schema["anyOf"] = [
        {**option, **limits} if option.get("type") == "number" else option
        for option in schema.get("anyOf", [schema])
    ]
    return schema
