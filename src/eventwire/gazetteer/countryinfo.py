"""The countryinfo package's per-country records (ISO codes, spellings, demonyms, regions, outlines), read
from its data files in one place for the place index, the ACLED export and the map."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from eventwire.errors import ResourceError


@cache
def countryinfo_by_iso() -> dict[str, dict[str, Any]]:
    """ISO alpha-2 code -> the package's record for that country, in file-name order."""
    try:
        folder = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError as exc:
        raise ResourceError("country data needs the countryinfo package: pip install 'eventwire[geo]'") from exc
    records: dict[str, dict[str, Any]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            info = json.loads(entry.read_text(encoding="utf-8"))
            code = (info.get("ISO") or {}).get("alpha2")
            if code:
                records[code] = info
    return records
