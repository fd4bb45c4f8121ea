"""geodesy: great-circle distances."""

import pytest

from eventwire import geodesy


def test_a_point_is_no_distance_from_itself() -> None:
    assert geodesy.km((34.38, 40.97), (34.38, 40.97)) == 0.0


def test_a_known_distance_and_its_symmetry() -> None:
    baghdad, mosul = (33.3406, 44.4009), (36.335, 43.1189)
    assert geodesy.km(baghdad, mosul) == pytest.approx(351, abs=5)
    assert geodesy.km(baghdad, mosul) == geodesy.km(mosul, baghdad)


def test_antipodes_are_half_the_earth_around() -> None:
    assert geodesy.km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(geodesy.EARTH_RADIUS_KM * 3.14159265, rel=1e-6)


def test_a_town_with_no_other_town_near_it_is_an_outlier() -> None:
    # Valparaiso's towns and Easter Island, 3,700 km offshore
    lats, lons = [-33.05, -32.9, -33.6, -27.15], [-71.6, -71.5, -71.6, -109.4]
    assert geodesy.without_outliers(lats, lons) == ([-33.05, -32.9, -33.6], [-71.6, -71.5, -71.6])
    assert geodesy.without_outliers([-27.15], [-109.4]) == ([-27.15], [-109.4])  # a lone town stays
