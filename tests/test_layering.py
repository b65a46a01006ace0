"""Imports point one way: models -> nlp -> checks -> rulebook -> engine -> formatters -> cli."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "okrlint"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules() -> dict[str, set[str]]:
    return {
        path.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", "."): _imports(
            path
        )
        for path in PACKAGE.rglob("*.py")
    }


def test_only_the_nlp_module_imports_spacy() -> None:
    users = {
        name
        for name, imports in _modules().items()
        if any(i.split(".")[0] == "spacy" for i in imports)
    }
    assert users == {"okrlint.nlp"}


def test_core_never_imports_the_cli_or_formatters() -> None:
    core = ("okrlint.engine", "okrlint.checks", "okrlint.rulebook", "okrlint.nlp", "okrlint.models")
    for name, imports in _modules().items():
        if name.startswith(core) or name.startswith("okrlint.loaders"):
            outer = ("okrlint.cli", "okrlint.formatters")
            forbidden = {i for i in imports if i == "click" or i.startswith(outer)}
            assert not forbidden, f"{name} imports {forbidden}"


def test_models_and_loaders_do_not_import_rules_or_engine() -> None:
    for name, imports in _modules().items():
        if name in ("okrlint.models",) or name.startswith("okrlint.loaders"):
            assert not {
                i
                for i in imports
                if i.startswith(("okrlint.engine", "okrlint.checks", "okrlint.rulebook"))
            }


def test_rules_and_explain_do_not_import_spacy() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from okrlint.cli import main;"
        "r = CliRunner().invoke(main, ['explain', 'F301']); assert r.exit_code == 0, r.output;"
        "r = CliRunner().invoke(main, ['rules']); assert r.exit_code == 0;"
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
