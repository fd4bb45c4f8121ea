"""One settings object, loaded from the commented `defaults.toml` with dotted overrides."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError


def _load_defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("eventwire").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class Settings:
    """Read-only view of `section.key` values; build new ones with `with_overrides`."""

    values: Mapping[str, Mapping[str, Any]]

    @classmethod
    def load(cls, config: Path | None = None, overrides: Iterable[str] = ()) -> Settings:
        settings = cls(_load_defaults())
        if config is not None:
            try:
                data = tomllib.loads(config.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read config {config}: {exc}") from exc
            flat = {f"{s}.{k}": v for s, table in data.items() for k, v in dict(table).items()}
            settings = settings.with_values(flat)
        return settings.with_overrides(overrides)

    def get(self, dotted: str) -> Any:
        section, _, key = dotted.partition(".")
        try:
            return self.values[section][key]
        except KeyError:
            raise ConfigError(f"unknown setting {dotted!r}; see defaults.toml for the list") from None

    def with_overrides(self, overrides: Iterable[str]) -> Settings:
        """Apply `section.key=value` strings; the value is parsed as TOML, else taken as a string."""
        parsed: dict[str, Any] = {}
        for item in overrides:
            dotted, sep, raw = item.partition("=")
            if not sep:
                raise ConfigError(f"override {item!r} must look like section.key=value")
            try:
                parsed[dotted.strip()] = tomllib.loads(f"v = {raw}")["v"]
            except tomllib.TOMLDecodeError:
                parsed[dotted.strip()] = raw
        return self.with_values(parsed)

    def with_values(self, values: Mapping[str, Any]) -> Settings:
        merged = copy.deepcopy({s: dict(t) for s, t in self.values.items()})
        for dotted, value in values.items():
            current = self.get(dotted)
            if isinstance(current, float) and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if type(value) is not type(current):
                raise ConfigError(
                    f"setting {dotted} expects {type(current).__name__}, got {value!r}"
                )
            section, _, key = dotted.partition(".")
            merged[section][key] = value
        return Settings(merged)
