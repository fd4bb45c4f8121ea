from eventwire.gazetteer import PLACE_CREDIT
from eventwire.gazetteer.units import centre_names, read_units, spelt_alike


def test_the_vendored_units_are_named_points_credited_to_geoboundaries() -> None:
    units = list(read_units())
    assert len(units) > 100_000
    assert all(name and -90 <= lat <= 90 and -180 <= lon <= 180 for name, lat, lon in units)
    assert {"Myaing", "Warsaj", "San Luis Talpa"} <= {name for name, _, _ in units}
    assert "geoBoundaries" in PLACE_CREDIT and "GeoNames" in PLACE_CREDIT


def test_a_unit_named_for_its_town_is_the_towns() -> None:
    assert spelt_alike("Namhkan", "Namhkam") and spelt_alike("Ras al Ain", "Ra's al 'Ayn")
    assert spelt_alike("Nad Ali", "Hukumat-e Nad 'Ali") and spelt_alike("Awka North", "Awka")
    assert spelt_alike("Ludhiana (East)", "Ludhiana")
    assert not spelt_alike("Myaing", "Pakokku") and not spelt_alike("Kartal", "Maltepe")
    assert not spelt_alike("North", "Awka") and not spelt_alike("Awka Road", "Awka")
    # a unit named for another place than the town near it, though the names share most letters
    assert not spelt_alike("Paikoro", "Paiko")


def test_a_ukrainian_units_adjective_gives_the_names_its_centre_may_bear() -> None:
    assert {"Ustynivka", "Klynove"} <= centre_names("Ustynivska", "UA") | centre_names("Klynivska", "UA")
    assert "Zarichne" in centre_names("Zarichnenska", "UA") and "Kvitneve" in centre_names("Kvitneva", "UA")
    assert {"Petrivka", "Petrivske"} <= centre_names("Petrivska", "UA")
    assert {"Kamianka", "Kamyanka"} <= centre_names("Kamianska", "UA")
    assert "Novomykhaylivka" in centre_names("Novomykhailivska", "UA")
    # only Ukraine's, of one word, and never the bare stem ("Kharkiv" of "Kharkivska" is the city's name)
    assert not centre_names("Petrivska", "RU") and not centre_names("Lymanska Druha", "UA")
    assert "Lyman" not in centre_names("Lymanska", "UA")


def test_a_unit_far_from_any_small_town_is_still_placed_by_the_nearest() -> None:
    from eventwire.gazetteer.units import locate_units

    # Kani township (Sagaing, Myanmar): cities500's nearest town, Monywa, lies 62 km off
    cities = [{"name": "Monywa", "latitude": 22.1086, "longitude": 95.1358, "countrycode": "MM", "admin1code": "08"},
              {"name": "Mandalay", "latitude": 21.9747, "longitude": 96.0836, "countrycode": "MM",
               "admin1code": "04"}]
    found = [u for u in locate_units(cities, {("MM", "08"): "Sagain"}) if u.name == "Kani"]
    assert [(u.country_code, u.province) for u in found] == [("MM", "Sagain")]
    # but not one with no town within 100 km: Kani, Japan and Ivory Coast, are far from these two
    assert len(found) == 1
