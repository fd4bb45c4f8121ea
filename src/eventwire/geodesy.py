"""geodesy: the distance between two points on the Earth, for every stage that compares places, and the spread
of a province's towns."""

from __future__ import annotations

import math
from collections import Counter

EARTH_RADIUS_KM = 6371.0


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance in kilometres between two (latitude, longitude) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(h)))


def without_outliers(lats: list[float], lons: list[float], reach: int = 3) -> tuple[list[float], list[float]]:
    """The towns of a province (their latitudes and longitudes) less any town with no other town of it within
    `reach` degrees: far islands (Easter Island in Valparaiso, 3,700 km offshore) and towns GeoNames codes to a
    distant province would move the box around them into the sea, while the sparse edges of a large province (the
    north of Quebec) stay."""
    cells = Counter((math.floor(lat), math.floor(lon)) for lat, lon in zip(lats, lons, strict=True))

    def has_neighbour(lat: float, lon: float) -> bool:
        row, col = math.floor(lat), math.floor(lon)
        around = sum(cells[(row + dr, col + dc)] for dr in range(-reach, reach + 1) for dc in range(-reach, reach + 1))
        return around > 1  # itself and at least one other

    kept = [(lat, lon) for lat, lon in zip(lats, lons, strict=True) if has_neighbour(lat, lon)]
    return ([lat for lat, _ in kept], [lon for _, lon in kept]) if kept else (lats, lons)
