from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.stages.screen import make

FILLER = " ".join(["The council discussed the budget for the new library and the school year."] * 12)


def _screen(text: str, **values):
    return make(Settings.load().with_values(values))(Article(raw=text, text=text))


def test_long_text_without_conflict_vocabulary_is_dropped_with_its_cues() -> None:
    dropped = _screen(FILLER + " Shares rallied after the budget talks.")
    assert dropped.drop is not None and dropped.drop.reason == "no conflict vocabulary"
    assert dropped.drop.detail == "no cue"
    one = _screen(FILLER + " Police closed the road.")
    assert one.drop is not None and one.drop.detail == "score 0.5: police"


def test_conflict_article_goes_on() -> None:
    assert _screen(FILLER + " Militants attacked a checkpoint, killing two soldiers.").drop is None


def test_short_texts_always_go_on_and_zero_disables() -> None:
    assert _screen("The council met on Tuesday.").drop is None
    assert _screen(FILLER, **{"screen.min_score": 0.0}).drop is None
