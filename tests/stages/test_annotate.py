import pytest

from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.stages.annotate import make

pytestmark = pytest.mark.slow

FILLER = "The council discussed the budget for the new library and the school year at length on Monday."


def test_a_marginal_long_article_is_parsed_only_where_the_cues_are() -> None:
    paragraphs = ["City news roundup for the week.", *[FILLER] * 12,
                  "Police arrested two men after the assault near the market.", *[FILLER] * 6]
    text = "\n".join(paragraphs)
    annotation = make(Settings.load())(Article(raw=text, text=text, stages=("screen.v1",))).annotation
    assert annotation is not None
    parsed = {text[s.start:s.end] for s in annotation.sentences}
    assert parsed == {paragraphs[0], paragraphs[13]}
    words = [text[t.start:t.end] for t in annotation.tokens]
    assert "arrested" in words and "library" not in words
    assert all(0 <= t.head < len(annotation.tokens) for t in annotation.tokens)
    arrested = words.index("arrested")
    assert annotation.tokens[annotation.tokens[arrested].head].sent == annotation.tokens[arrested].sent
    assert all(text[e.span.start:e.span.end] for e in annotation.entities)


def test_without_the_screen_everything_is_parsed() -> None:
    text = "\n".join(["City news roundup for the week.", *[FILLER] * 3])
    annotation = make(Settings.load())(Article(raw=text, text=text)).annotation
    assert annotation is not None and len(annotation.sentences) == 4


def test_a_clear_conflict_article_is_parsed_whole() -> None:
    lede = "Militants attacked an army base, killing soldiers, and rebels shelled the town."
    text = "\n".join([lede, *[FILLER] * 12])
    annotation = make(Settings.load())(Article(raw=text, text=text, stages=("screen.v1",))).annotation
    assert annotation is not None and len(annotation.sentences) == 13


def test_a_lemma_the_small_model_gets_wrong_is_mended() -> None:
    text = "Soldiers raped a woman, and the army retook the town."
    annotation = make(Settings.load())(Article(raw=text, text=text)).annotation
    assert annotation is not None
    lemmas = {text[t.start:t.end]: t.lemma for t in annotation.tokens}
    assert (lemmas["raped"], lemmas["retook"], lemmas["woman"]) == ("rape", "retake", "woman")


def test_an_abbreviation_before_a_hyphen_is_a_word_of_its_own() -> None:
    text = "Turkey is a partner in the U.S.-led campaign, and a U.K.-based charity helped e.g.-style."
    annotation = make(Settings.load())(Article(raw=text, text=text)).annotation
    assert annotation is not None
    words = [text[t.start:t.end] for t in annotation.tokens]
    assert words[words.index("U.S."):words.index("U.S.") + 3] == ["U.S.", "-", "led"]
    assert "U.K." in words and "based" in words
