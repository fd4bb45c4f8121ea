"""locate: each event on the place where that act happened."""

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "location"), [
    # the clause reaches only the qualifier; the qualifier says where the town lies
    ("On 9 April 2022, a soldier surrounded in Kramatorsk, Donetsk by Russian forces detonated a bomb.",
     "Kramatorsk"),
    # a country named as an owner says whose, not where
    ("On 20 May 2022, the opposition staged protests in Tbilisi, Georgia. Later, the protesters gathered in front of "
     "Georgia's president's office and protested against the government.", "Tbilisi"),
    # the clause names the country (inside a party's name); the sentence names the town inside it
    ("On 3 February 2022, youths demolished the venue set for the Ford Kenya rally at a market in Kisumu "
     "(Kisumu county).", "Kisumu"),
])
def test_an_event_is_placed_on_the_town_not_on_the_area_around_it(brief_pipeline, text, location) -> None:
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    assert article.events and {e.location for e in article.events} == {location}
