import pytest

pytestmark = pytest.mark.slow


def _places(article):
    return {m.span.of(article.text): m.place for m in article.places}


def test_example_places_resolve_to_the_right_towns(example_article) -> None:
    places = _places(example_article)
    assert (places["al-Qaim"].country_code, places["al-Qaim"].admin1) == ("IQ", "Anbar")
    assert (places["Rawah"].country_code, places["Rawah"].admin1) == ("IQ", "Anbar")
    assert places["Albukamal"].country_code == "SY"
    assert places["Mosul"].country_code == "IQ"
    assert places["Iraq"].feature_code == "PCLI" and places["Syria"].feature_code == "PCLI"


def test_actor_and_person_names_are_not_places(example_article) -> None:
    texts = {m.span.of(example_article.text) for m in example_article.places}
    assert not texts & {"Isis", "Obama", "Barack Obama", "Levant", "Maliki", "Islamic State"}


def test_mention_spans_match_the_text(example_article) -> None:
    for mention in example_article.places:
        assert mention.span.of(example_article.text).strip() == mention.span.of(example_article.text)
        assert 0 < mention.confidence <= 1
