"""Settings: profile -> config file ([tool.okrlint] or .okrlint.toml) -> command-line flags."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from okrlint.findings import Severity
from okrlint.resources import data_dir
from okrlint.rulebook import Rulebook

FailOn = Literal["error", "warning", "info", "never"]
CONFIG_FILES = (".okrlint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


class ConfigError(Exception):
    """Bad configuration: the message names the file and key; the CLI exits 2."""


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
    """Everything that changes what a run reports. Keys are kebab-case in TOML."""

    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True)

    profile: str = "default"
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    severity: dict[str, Severity] = Field(default_factory=dict)
    thresholds: dict[str, float] = Field(default_factory=dict)
    lexicon: dict[str, list[str]] = Field(default_factory=dict)
    nlp_model: str | None = None
    fail_on: FailOn = "warning"
    max_file_size: int = Field(default=DEFAULT_MAX_FILE_SIZE, gt=0)
    # The date the hygiene rules (H7) measure against: `--today`, never a config-file key.
    # None (the library's default) keeps them silent rather than read the clock.
    today: dt.date | None = None

    def merged(self, overrides: dict[str, Any]) -> Settings:
        """A copy with `overrides` (snake_case keys) applied; None values are ignored."""
        data = self.model_dump()
        for key, value in overrides.items():
            if value is None:
                continue
            if isinstance(value, dict) and isinstance(data.get(key), dict):
                data[key] = {**data[key], **value}
            else:
                data[key] = value
        return Settings.model_validate(data)


class RuleSelection:
    """Which rules run, at what severity, with which thresholds — resolved against the rulebook."""

    def __init__(self, settings: Settings, rulebook: Rulebook, origin: str = "settings") -> None:
        self.settings = settings
        self.rulebook = rulebook
        self.origin = origin
        self._params: dict[str, dict[str, Any]] = {}
        select = settings.select if settings.select is not None else ["ALL"]
        self._select = [self._selector(s, "select") for s in [*select, *settings.extend_select]]
        self._ignore = [self._selector(s, "ignore") for s in settings.ignore]
        self._per_file = {
            pattern: [self._selector(s, "per-file-ignores") for s in codes]
            for pattern, codes in settings.per_file_ignores.items()
        }
        for code in settings.severity:
            if rulebook.get(code) is None:
                raise ConfigError(f"{origin}: unknown rule '{code}' in 'severity'")
        for key in settings.thresholds:
            if key not in rulebook.thresholds:
                known = ", ".join(sorted(rulebook.thresholds))
                raise ConfigError(f"{origin}: unknown threshold '{key}' (known: {known})")

    def _selector(self, selector: str, key: str) -> str:
        """A code prefix for a selector given as a code, a prefix, a name or ALL."""
        text = selector.strip()
        if text.upper() == "ALL":
            return ""
        rule = self.rulebook.rules.get(text.upper()) or self.rulebook.by_name.get(text.lower())
        if rule is not None:
            return rule.code
        prefix = text.upper()
        if prefix and any(code.startswith(prefix) for code in self.rulebook.rules):
            return prefix
        raise ConfigError(f"{self.origin}: unknown rule or prefix '{selector}' in '{key}'")

    def enabled(self, code: str, path: str | None = None) -> bool:
        # Longest matching prefix wins between select and ignore; a tie goes to ignore (ruff).
        chosen = max((len(p) for p in self._select if code.startswith(p)), default=-1)
        ignores = list(self._ignore)
        if path is not None:
            ignores += [
                p
                for pattern, codes in self._per_file.items()
                if _matches(path, pattern)
                for p in codes
            ]
        dropped = max((len(p) for p in ignores if code.startswith(p)), default=-1)
        if code == "E001":
            # A file that cannot be parsed was not checked at all: only an explicit ignore hides it.
            return "E001" not in ignores
        return chosen > dropped

    def severity(self, code: str) -> Severity | None:
        rule = self.rulebook.get(code)
        for key, level in self.settings.severity.items():
            if self.rulebook.get(key) is rule:
                return level
        return None

    def params(self, code: str) -> dict[str, Any]:
        """The rule's parameters with configured thresholds applied (computed once per rule)."""
        if code not in self._params:
            rule = self.rulebook.rules[code]
            thresholds = self.settings.thresholds
            self._params[code] = {
                key: thresholds.get(key, value) for key, value in rule.params.items()
            }
        return self._params[code]


def _matches(path: str, pattern: str) -> bool:
    from fnmatch import fnmatch

    name = path.rsplit("/", 1)[-1]
    return fnmatch(path, pattern) or fnmatch(name, pattern) or fnmatch(path, f"*/{pattern}")


def load_profile(name: str) -> dict[str, Any]:
    path = data_dir("rules") / "profiles" / f"{name}.toml"
    if not path.is_file():
        known = sorted(p.stem for p in path.parent.glob("*.toml"))
        raise ConfigError(f"unknown profile '{name}' (known: {', '.join(known)})")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def find_config(start: Path) -> Path | None:
    """The nearest .okrlint.toml, or pyproject.toml with [tool.okrlint], walking up from `start`."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_FILES:
            path = candidate / name
            if not path.is_file():
                continue
            if name == "pyproject.toml" and "okrlint" not in _read_toml(path).get("tool", {}):
                continue
            return path
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error


def read_config(path: Path) -> dict[str, Any]:
    """The okrlint table of a config file (whole file for .okrlint.toml)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        return dict(data.get("tool", {}).get("okrlint", {}))
    return data


def build_settings(config_path: Path | None, flags: dict[str, Any]) -> tuple[Settings, str]:
    """Merge profile, config file and flags; returns the settings and where they came from."""
    file_data = read_config(config_path) if config_path else {}
    origin = str(config_path) if config_path else "command line"
    if "today" in file_data:
        raise ConfigError(f"{origin}: unknown key 'today' (it is the --today option)")
    try:
        from_file = Settings.model_validate(file_data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        problem = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise ConfigError(f"{origin}: {problem} '{where}'") from error
    profile_name = flags.get("profile") or from_file.profile
    try:
        base = Settings.model_validate(load_profile(profile_name))
        settings = base.merged(from_file.model_dump(exclude_unset=True)).merged(flags)
    except ValidationError as error:
        raise ConfigError(f"{origin}: {error.errors()[0]['msg']}") from error
    return settings, origin
