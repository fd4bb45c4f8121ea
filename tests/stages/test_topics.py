"""topics: names that say what an act is against or about."""

import pytest

pytestmark = pytest.mark.slow


def _topics(text: str) -> dict[str, bool]:
    from eventwire.model import Article
    from eventwire.parse import Parse
    from eventwire.settings import Settings
    from eventwire.stages import annotate
    from eventwire.stages.topics import named_as_topic

    article = annotate.make(Settings.load())(Article(raw=text, text=text))
    parse = Parse(article.annotation, text)
    return {parse.word(i): named_as_topic(parse, i) for i in range(len(parse.tokens)) if parse.word(i)[:1].isupper()}


def test_what_a_protest_is_against_or_about_is_a_topic() -> None:
    found = _topics("On Friday, protesters against Russia's invasion of Ukraine rallied in Paris.")
    assert found["Russia"] and found["Ukraine"] and not found["Paris"]


def test_the_object_of_a_verb_of_stance_and_what_solidarity_is_with_are_topics() -> None:
    found = _topics("Hundreds gathered in Bari to denounce the Russian invasion.")
    assert found["Russian"] and not found["Bari"]
    found = _topics("Hundreds of people rallied in Nairobi in solidarity with Ukraine.")
    assert found["Ukraine"] and not found["Nairobi"]
    found = _topics("People protested in Los Angeles to demand justice for the death of a Chilean girl.")
    assert found["Chilean"] and not found["Los"]


def test_the_doers_and_the_place_of_an_act_are_no_topics() -> None:
    found = _topics("Russian forces shelled Kharkiv and Syrian refugees protested over the conditions in Lebanon.")
    assert not any(found[name] for name in ("Russian", "Kharkiv", "Syrian", "Lebanon"))  # "over" may be a place


def test_the_word_before_a_sentence_is_not_read_as_recalling() -> None:
    found = _topics("With Ukraine in mind, the ministers pledged their support.")
    assert not found["Ukraine"]
