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

