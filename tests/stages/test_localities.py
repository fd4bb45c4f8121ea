"""localities: parts of towns, villages and streets, read against the towns their sentence names."""

import pytest

pytestmark = pytest.mark.slow


def _places(article):
    return {m.span.of(article.text): m.place for m in article.places}


@pytest.mark.parametrize(("text", "stray", "location"), [
    ("On 5 May 2022, in Feira de Santana (Bahia), military police seized 300 kilos of drugs in Angico village.",
     "Angico", "Feira de Santana"),  # the index's Angico is in Tocantins
    ("On 24 June 2022, in Puyo (Pastaza), indigenous citizens blocked the highway near Bellavista and San Ana "
     "sectors as a demonstration to demand fixed fuel prices.", "Bellavista", "Puyo"),  # not the Dominican town
])
def test_a_village_or_street_in_a_province_the_article_never_names_is_another_place(brief_pipeline, text, stray,
                                                                                     location) -> None:
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    assert stray not in _places(article)
    assert article.events and {e.location for e in article.events} == {location}


def test_a_street_is_placed_on_the_town_named_before_it(brief_pipeline) -> None:
    from eventwire.model import STREET, Article

    text = "A fire broke out in Lancaster, Pa., on Sunday. Firefighters closed Duke Street for hours."
    article = brief_pipeline.run(Article(raw=text))
    street = [m for m in article.places if m.cue == STREET]
    assert [m.span.of(text) for m in street] == ["Duke Street"]
    assert (street[0].place.name, street[0].place.admin1) == ("Lancaster", "Pennsylvania")
    alone = brief_pipeline.run(Article(raw="Firefighters closed Duke Street for hours on Sunday."))
    assert not [m for m in alone.places if m.cue == STREET]  # no town named: nowhere to put it
    # a landmark too, but not a school or a hospital, which news corpora do not count as places
    text = "A fight broke out in Brooklyn on Thursday. Police arrested two men at Barclays Arena and Lincoln Hospital."
    article = brief_pipeline.run(Article(raw=text))
    assert [(m.span.of(text), m.place.name) for m in article.places if m.cue == STREET] == [
        ("Barclays Arena", "Brooklyn")]


def test_a_landmark_is_placed_on_the_place_named_right_after_it_or_in_its_sentence(brief_pipeline) -> None:
    from eventwire.model import STREET, Article

    # not on the dateline's town, nor on a town of the sentence named before the area the landmark is in
    text = "KYIV - On 3 May 2022, Russian missiles hit the Antonovsky Bridge in Kherson region, officials said."
    article = brief_pipeline.run(Article(raw=text))
    assert [m.place.name for m in article.places if m.cue == STREET] == ["Kherson"]
    assert [e.location for e in article.events] == ["Kherson"]
    text = "On 3 May 2022, police in Mombasa said that in Nairobi county, protesters rallied at Uhuru Park."
    article = brief_pipeline.run(Article(raw=text))
    assert [m.place.admin1 for m in article.places if m.cue == STREET] == ["Nairobi Area"]
    assert [e.location for e in article.events] != ["Mombasa"]
