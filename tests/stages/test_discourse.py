import pytest

pytestmark = pytest.mark.slow


def _places(brief_pipeline, text: str) -> list[tuple[int, str, object]]:
    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=text))
    return [(m.span.start, m.span.of(article.text), m) for m in article.places]


def test_a_name_read_as_a_place_once_is_that_place_wherever_else_it_is_written(brief_pipeline) -> None:
    from eventwire.model import IN_NAME

    text = ("WINONA -- Floods reached homes on Sunday. Winona residents were moved to a school, and Winona "
            "Modular Systems closed its gates.")
    found = [(m.place.name, m.place.admin1, m.cue) for _, name, m in _places(brief_pipeline, text)
             if name.casefold() == "winona"]
    assert [(place, cue == IN_NAME) for place, _, cue in found] == [("Winona", False)] * 2 + [("Winona", True)]
    assert len({admin1 for _, admin1, _ in found}) == 1


def test_a_person_a_newspaper_or_a_name_located_elsewhere_is_not_the_place_again(brief_pipeline) -> None:
    text = ("Deputies searched a home in Jackson, Mississippi, on Monday, Sheriff Tyree Jackson said. The "
            "Jackson Free Press reported the arrest.")
    names = [(start, name) for start, name, _ in _places(brief_pipeline, text)]
    assert names[0] == (text.index("Jackson"), "Jackson")
    assert [start for start, name in names if name == "Jackson"] == [text.index("Jackson")]
    note = ("On 21 February 2022, rebel forces fired mortars at positions near Pisky, Donetsk. The OSCE SMM "
            "observed 45 explosions near Pisky.")
    first = note.index("Pisky")
    assert not [m for start, _, m in _places(brief_pipeline, note) if start == first and m.place.admin1 != "Donetsk"]
