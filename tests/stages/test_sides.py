"""sides: the kind of side a noun phrase names."""

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read():
    from eventwire.lexicons import load_actor_lexicon
    from eventwire.model import Article
    from eventwire.parse import Parse
    from eventwire.settings import Settings
    from eventwire.stages import annotate
    from eventwire.stages.sides import Sides

    parse_text = annotate.make(Settings.load())
    sides = Sides(load_actor_lexicon())

    def kind(text: str, word: str, target: bool = False) -> str:
        parse = Parse(parse_text(Article(raw=text, text=text)).annotation, text)
        index = next(i for i in range(len(parse.tokens)) if parse.word(i) == word)
        return sides.target_kind(parse, index) if target else sides.kind_of(parse, index)

    return kind


@pytest.mark.parametrize(("text", "word", "kind"), [
    ("A group of villagers beat a thief in the market.", "group", "civilians"),
    ("Members of an unidentified gang shot a trader.", "Members", "armed_group"),
    ("On 26 April 2022, IS members attacked regime forces positions near the town.", "members", "armed_group"),
    ("Rebels attacked army positions near the town.", "positions", "state"),
    ("A clash ensued between the demonstrating locals and the police.", "locals", "protesters"),
    ("Police arrested two party members at the rally.", "members", "protesters"),  # not the police before them
])
def test_a_phrase_is_of_the_side_its_words_or_its_members_name(read, text, word, kind) -> None:
    assert read(text, word) == kind


def test_an_off_duty_officer_is_a_civilian_target(read) -> None:
    assert read("Gunmen shot an off-duty police officer at his home.", "officer", target=True) == "civilians"
