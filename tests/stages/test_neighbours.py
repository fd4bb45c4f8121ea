from eventwire.gazetteer import Candidate
from eventwire.model import Place
from eventwire.stages.neighbours import Neighbours


def _town(name: str, admin1: str, lat: float, lon: float, population: int = 5_000, feature: str = "PPL",
          primary: bool = True) -> Candidate:
    return Candidate(Place(name, "US", "United States", admin1, "", lat, lon, "P" if feature.startswith("PP") else "A",
                           feature, population), primary)


KENT_CT = _town("Kent", "Connecticut", 41.72, -73.48)
KENT_OH = _town("Kent", "Ohio", 41.15, -81.36, 30_000)
SHARON_CT = _town("Sharon", "Connecticut", 41.88, -73.48)
SHARON_PA = _town("Sharon", "Pennsylvania", 41.23, -80.49, 13_000)
CANAAN_CT = _town("Canaan", "Connecticut", 42.03, -73.33)


def test_a_cluster_of_small_towns_vouches_for_each_of_them() -> None:
    named = [("kent", [KENT_OH, KENT_CT]), ("sharon", [SHARON_PA, SHARON_CT]), ("canaan", [CANAAN_CT])]
    neighbours = Neighbours(named, [KENT_OH, SHARON_PA, CANAAN_CT])
    assert neighbours.cluster("kent", KENT_CT.place) == 2  # Sharon and Canaan have readings close to it
    assert neighbours.cluster("kent", KENT_OH.place) == 0
    assert neighbours.bonus("kent", KENT_CT.place) > neighbours.bonus("kent", KENT_OH.place)


def test_a_name_is_no_evidence_for_its_own_reading_nor_a_provinces_town_for_a_cluster() -> None:
    delaware_state = _town("Delaware", "Delaware", 39.0, -75.5, 900_000, "ADM1")
    delaware_oh = _town("Delaware", "Ohio", 40.3, -83.07, 38_000)
    marion_oh = _town("Marion", "Ohio", 40.59, -83.13, 36_000)
    named = [("delaware", [delaware_state, delaware_oh]), ("delaware", [delaware_state, delaware_oh]),
             ("marion", [marion_oh])]
    neighbours = Neighbours(named, [delaware_state, delaware_state, marion_oh])
    assert neighbours.cluster("delaware", delaware_oh.place) == 0  # "Delaware" is a state's own name
    assert neighbours.vouchers("marion", marion_oh.place) == 0  # no town first read for another name
    assert neighbours.vouchers("delaware", delaware_oh.place) == 1  # Marion, first read in Ohio, lies near


def test_the_towns_of_country_names_vouch_for_no_cluster() -> None:
    paris_maine = _town("Paris", "Maine", 44.26, -70.5, 5_073)
    mexico_maine = _town("Mexico", "Maine", 44.56, -70.54, 2_600)
    peru_maine = _town("Peru", "Maine", 44.5, -70.4, 1_500)
    mexico = Candidate(Place("Mexico", "MX", "Mexico", "", "", 23.0, -102.0, "A", "PCLI", 128_000_000), True)
    peru = Candidate(Place("Peru", "PE", "Peru", "", "", -10.0, -76.0, "A", "PCLI", 32_000_000), True)
    named = [("paris", [paris_maine]), ("mexico", [mexico, mexico_maine]), ("peru", [peru, peru_maine])]
    neighbours = Neighbours(named, [paris_maine, mexico, peru])
    assert neighbours.cluster("paris", paris_maine.place) == 0


def test_a_unit_abroad_is_read_only_with_evidence_of_its_country(brief_pipeline) -> None:
    from eventwire.model import Article

    # Bwisha, a chiefdom of Rutshuru the index lacks, is also a commune of Burundi; said twice, it is still no
    # evidence for itself
    for text in ("On 3 January 2022, M23 fighters shelled Bwisha (Rutshuru, Nord-Kivu).",
                 "On 3 January 2022, fighting resumed in Bwisha. Clashes in Bwisha (Rutshuru, Nord-Kivu) killed 3 "
                 "people."):
        article = brief_pipeline.run(Article(raw=text))
        assert {m.place.country_code for m in article.places} == {"CD"}
        assert {e.country_code for e in article.events} == {"CD"}
    # called a township, a unit is read where nothing else says which country it is in
    article = brief_pipeline.run(Article(raw="On 30 March 2022, soldiers burned houses in Myaing township."))
    assert [(m.place.name, m.place.feature_code) for m in article.places] == [("Myaing", "ADMD")]


def test_a_unit_the_nearest_town_puts_across_a_border_is_the_named_provinces(brief_pipeline) -> None:
    from eventwire.model import Article

    # the town nearest Mahagi territory's point is Ugandan; the text says Ituri, whose box holds it
    text = "On 20 January 2022, CODECO-URDPC killed a man in Jupalungu village (Mahagi, Ituri) and stole livestock."
    article = brief_pipeline.run(Article(raw=text))
    places = {m.span.of(article.text): m.place for m in article.places}
    assert (places["Mahagi"].country_code, places["Mahagi"].admin1, places["Mahagi"].feature_code) == \
        ("CD", places["Ituri"].admin1, "ADMD")
    assert [e.country_code for e in article.events] == ["CD"] and article.events[0].geo_precision == 2
