import pytest

pytestmark = pytest.mark.slow


def test_a_note_whose_label_names_the_act_is_one_event_of_that_kind(brief_pipeline) -> None:
    from eventwire.model import Article

    text = ("Property destruction: On 6 March 2022, Israeli military forces installed electricity poles and created a "
            "road on Palestinian-owned lands in Qusra village (Nablus, West Bank).")
    article = brief_pipeline.run(Article(raw=text))
    assert [(e.sub_event_type, e.location) for e in article.events] == [("Looting/property destruction", "Qusrah")]
    event = article.events[0]
    assert event.evidence.trigger.of(article.text) == "installed"  # the act's own verb, whose clause says where
    assert event.actor1 == "Military/security forces of Israel"


@pytest.mark.parametrize("text", [
    # a label the lexicon does not know
    "Analysis: On 6 March 2022, the ministry installed new poles in Qusra village (Nablus, West Bank).",
    # a note with no label
    "On 6 March 2022, the ministry installed new poles in Qusra village (Nablus, West Bank).",
])
def test_no_label_no_event_where_no_word_is_a_trigger(brief_pipeline, text) -> None:
    from eventwire.model import Article

    assert brief_pipeline.run(Article(raw=text)).events == ()


def test_a_trigger_outranks_the_label(brief_pipeline) -> None:
    from eventwire.model import Article

    text = ("Other: On 3 March 2022, JNIM militants attacked the village of Koumaga (Djenne, Mopti), killing two "
            "civilians.")
    article = brief_pipeline.run(Article(raw=text))
    assert [e.evidence.trigger.of(article.text) for e in article.events] == ["attacked"]
    assert article.events[0].event_type == "Violence against civilians"


def test_an_unknown_category_in_the_label_table_is_refused(monkeypatch) -> None:
    from eventwire import lexicons

    real = lexicons._read

    def patched(name: str) -> str:
        text = real(name)
        return text.replace('"looting" = "Looting/property destruction"', '"looting" = "Pillage"') \
            if name == "events.toml" else text

    monkeypatch.setattr(lexicons, "_read", patched)
    lexicons.load_event_lexicon.cache_clear()
    with pytest.raises(ValueError, match="Pillage"):
        lexicons.load_event_lexicon()


@pytest.mark.parametrize("text", [
    "Looting: Police denied reports that shops were looted in Goma.",
    "Arrests: Police said no one had been detained in Lagos.",
    "Movement of forces: Will Russia send more troops to Belgorod?",
    "Other: The president will visit Paris next week.",
    "Other: No incidents were reported in Mogadishu on Sunday.",
    "Land seizure: Settlers did not take the land near Hebron, the court ruled.",
    "Detonation: Scientists explained how nuclear detonation works at a conference in Vienna.",
])
def test_a_label_over_a_sentence_that_tells_no_act_done_is_no_event(brief_pipeline, text) -> None:
    from eventwire.model import Article

    assert brief_pipeline.run_safely(Article(raw=text)).events == ()


def test_a_warning_a_labelled_note_reports_is_its_act(brief_pipeline) -> None:
    from eventwire.model import Article

    text = ("Other: Around 2 February 2022 (as reported), the Taliban warned media outlets in Khost province to stop "
            "broadcasting music on radio channels.")
    assert [(e.sub_event_type, e.location) for e in brief_pipeline.run(Article(raw=text)).events] == [
        ("Other", "Khost")]
