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


def test_demonyms_and_provinces(gazetteer) -> None:
    assert gazetteer.demonym_country("Iraqi") == "IQ"
    assert gazetteer.demonym_country("Syrians") == "SY"
    anbar = [c.place for c in gazetteer.lookup("Anbar") if c.place.feature_code == "ADM1"]
    assert anbar and anbar[0].country_code == "IQ" and anbar[0].geo_precision == 3


def test_iso_numeric_codes(gazetteer) -> None:
    assert gazetteer.iso_numeric("IQ") == 368
