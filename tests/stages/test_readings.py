from collections import Counter

from eventwire.gazetteer import Candidate
from eventwire.model import Place
from eventwire.stages.readings import (
    Context,
    contained,
    overshadowed,
    own_name_city,
    province_named,
    reading_score,
    stray,
)


def _reading(name: str, code: str, admin1: str, feature: str, population: int, primary: bool = True,
             admin2: str = "") -> Candidate:
    feature_class = "P" if feature.startswith("PP") else "A"
    return Candidate(Place(name, code, code, admin1, admin2, 0.0, 0.0, feature_class, feature, population), primary)


def test_a_city_of_millions_overshadows_a_village_of_its_name_unless_the_article_names_the_villages_province() -> None:
    berlin = _reading("Berlin", "DE", "Berlin", "PPLC", 3_400_000)
    village = _reading("Berlin", "RU", "Chelyabinsk", "PPL", 800)
    city = own_name_city([berlin, village])
    text = "They gathered in Berlin on Monday."
    assert city == (3_400_000, 0)
    assert overshadowed(village, text, text.index("Berlin") + 6, city, frozenset()) > 0
    assert overshadowed(berlin, text, text.index("Berlin") + 6, city, frozenset()) == 0
    assert overshadowed(village, text, text.index("Berlin") + 6, city, frozenset({"chelyabinsk"})) == 0


def test_a_province_overshadows_a_town_that_bears_its_name_only_as_an_alternate() -> None:
    state = _reading("Delaware", "US", "Delaware", "ADM1", 900_000)
    town = _reading("West Point", "US", "Virginia", "PPL", 3_333, primary=False)
    own = _reading("Delaware", "US", "Ohio", "PPL", 38_000)
    text = "LE Central, a Delaware limited liability company."
    end = text.index("Delaware") + len("Delaware")
    named = own_name_city([state, town, own])
    assert named == (0, 900_000)
    assert overshadowed(town, text, end, named, frozenset()) > 0
    assert overshadowed(own, text, end, named, frozenset()) == 0  # a town of the name as its own is not


def test_an_alternate_name_is_not_overshadowed_where_a_following_area_is_its_own() -> None:
    madrid = _reading("Madrid", "PH", "Caraga", "PPL", 3119, primary=True, admin2="Province of Surigao del Sur")
    spain = _reading("Madrid", "ES", "Madrid", "PPLC", 3_255_944)
    text = "in Barangay Bagsac (Madrid, Surigao del Sur, Caraga)."
    end = text.index("Madrid") + len("Madrid")
    assert overshadowed(madrid, text, end, own_name_city([madrid, spain]), frozenset()) == 0


def test_the_article_focus_the_cue_and_the_named_province_raise_a_reading() -> None:
    town = _reading("Rawah", "IQ", "Anbar", "PPL", 20_000)
    context = Context(Counter({"IQ": 2}), set())
    elsewhere = Context(Counter({"SY": 2}), set())
    assert reading_score(town, "Rawah", "town of", context) > reading_score(town, "Rawah", "", elsewhere)
    assert contained("Anbar", "", "Rawah", frozenset({"anbar"}))
    assert not contained("Anbar", "", "Anbar", frozenset({"anbar"}))
    florida = _reading("Florida", "US", "Florida", "ADM1", 20_000_000)
    assert province_named(florida, "Florida", [florida], Context(Counter({"US": 2}), set())) > 0
    assert province_named(florida, "Florida", [florida], Context(Counter({"UY": 2}), set())) == 0


def test_a_provinces_own_name_outweighs_a_hamlet_of_its_name_in_another_named_province() -> None:
    # "babies born in Ontario" in an article that names Buffalo, New York: the province, not Ontario, N.Y.
    province = _reading("Ontario", "CA", "Ontario", "ADM1", 17_792_592)
    hamlet = _reading("Ontario", "US", "New York", "PPL", 2_160)
    context = Context(Counter({"US": 3, "CA": 1}), set(), region_keys=frozenset({"new york"}))

    def score(reading: Candidate) -> float:
        return reading_score(reading, "Ontario", "in", context) + province_named(reading, "Ontario",
                                                                                [province, hamlet], context)
    assert score(province) > score(hamlet)


def test_a_seat_geonames_gives_no_population_is_a_town_of_some_size() -> None:
    # Birnin Gwari, the LGA's seat, has no population in GeoNames; Sofo-Birnin-Gwari bears the name as an alternate
    seat = _reading("Birnin Gwari", "NG", "Kaduna", "PPL", 0)
    other = _reading("Sofo-Birnin-Gwari", "NG", "Kaduna", "PPL", 22_380, primary=False)
    context = Context(Counter(), set())
    assert reading_score(seat, "Birnin Gwari", "in", context) > reading_score(other, "Birnin Gwari", "in", context)
    # a unit with no population stays below a town of its name
    unit = _reading("Birnin Gwari", "NG", "Kaduna", "ADMD", 0)
    assert reading_score(unit, "Birnin Gwari", "in", context) < reading_score(seat, "Birnin Gwari", "in", context)


def test_another_reading_of_the_same_name_is_no_neighbour_of_a_stray_place() -> None:
    def reading(name: str, code: str, feature: str, population: int, lat: float, lon: float) -> Candidate:
        return Candidate(Place(name, code, code, name, "", lat, lon, "P" if feature == "PPL" else "A", feature,
                               population), True)

    noria = reading("La Noria", "MX", "PPL", 911, 20.5, -103.0)
    other_noria = reading("La Noria", "MX", "PPL", 1500, 24.0, -104.0)
    first = [("la noria", other_noria),
             ("buenos aires", reading("Buenos Aires", "AR", "ADM1", 8_000_000, -37.0, -60.0)),
             ("caba", reading("Buenos Aires F.D.", "AR", "ADM1", 3_500_000, -34.6, -58.4))]
    assert stray(noria, "la noria", first, Context(Counter(), set()))
