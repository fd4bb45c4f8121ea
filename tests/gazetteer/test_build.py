"""gazetteer.build: the index built from GeoNames data."""

from eventwire.gazetteer.build import without_outliers


def test_a_town_with_no_other_town_near_it_is_an_outlier() -> None:
    # Valparaiso's towns and Easter Island, 3,700 km offshore
    lats, lons = [-33.05, -32.9, -33.6, -27.15], [-71.6, -71.5, -71.6, -109.4]
    assert without_outliers(lats, lons) == ([-33.05, -32.9, -33.6], [-71.6, -71.5, -71.6])
    assert without_outliers([-27.15], [-109.4]) == ([-27.15], [-109.4])  # a lone town stays
