"""lexicons: the reviewed event and actor dictionaries as loaded."""

import pytest

pytestmark = pytest.mark.slow


def test_every_home_of_a_group_is_a_country_the_index_knows() -> None:
    from eventwire.gazetteer import open_gazetteer
    from eventwire.lexicons import load_actor_lexicon

    gazetteer = open_gazetteer("")
    homes = {entry.home for _, _, entry in load_actor_lexicon().named if entry.home}
    assert "YE" in homes and "MM" in homes
    assert all(gazetteer.country(code) is not None for code in homes)
