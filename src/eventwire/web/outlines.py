"""Country outlines for the offline map, read from the `countryinfo` package (Natural Earth shapes).

Built once into a compact GeoJSON FeatureCollection (coordinates rounded to 0.01°, about 10 km at most)
and served by the web app; nothing is fetched from the internet.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from eventwire.errors import ResourceError
from eventwire.gazetteer.countryinfo import countryinfo_by_iso

OUTLINE_CREDIT = "Country outlines: Natural Earth (public domain), via the countryinfo package."


def _round(coordinates: Any) -> Any:
    if coordinates and isinstance(coordinates[0], int | float):
        return [round(coordinates[0], 2), round(coordinates[1], 2)]
    return [_round(part) for part in coordinates]


@cache
def country_outlines() -> bytes:
    """GeoJSON bytes of every country outline the package ships, with ISO alpha-2 codes and names."""
    features = []
    for code, data in countryinfo_by_iso().items():
        shape = data.get("geoJSON") or {}
        for feature in shape.get("features", ()):
            geometry = feature.get("geometry") or {}
            if geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            features.append({
                "type": "Feature", "id": code, "properties": {"name": data.get("name", "")},
                "geometry": {"type": geometry["type"], "coordinates": _round(geometry["coordinates"])},
            })
    if not features:
        raise ResourceError("the countryinfo package has no outlines; reinstall it (pip install -U countryinfo)")
    collection = {"type": "FeatureCollection", "attribution": OUTLINE_CREDIT, "features": features}
    return json.dumps(collection, separators=(",", ":")).encode("utf-8")
