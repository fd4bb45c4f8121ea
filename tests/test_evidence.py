"""Property: every coded field of every event points to evidence that exists in the cleaned text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow

_DAYS = st.sampled_from(["On 4 May 2022, ", "On Friday, ", "Around 22 March 2022, ", "Yesterday ", ""])
_DOERS = st.sampled_from(["Islamic State fighters", "Unknown gunmen", "Russian forces", "Hundreds of protesters",
                          "Residents", "Police", "Al Shabaab militants", "A drone strike", "Rebels"])
_ACTS = st.sampled_from(["attacked", "shelled", "seized", "clashed with soldiers in", "protested in",
                         "abducted two teachers in", "blocked the main road of", "looted shops in", "hit"])
_PLACES = st.sampled_from(["Mosul", "the town of Rawah (Anbar)", "Kharkiv, Kharkiv region", "Gao", "Baidoa",
                           "a village near Kidal", "Concepcion (Biobio)", "Lagos"])
_TAILS = st.sampled_from(["", ", killing at least 12 people", ", according to security sources",
                          ". Three civilians were wounded", ", police said", ". Casualties unknown"])
_SENTENCES = st.builds(lambda day, doer, act, place, tail: f"{day}{doer} {act} {place}{tail}.",
                       _DAYS, _DOERS, _ACTS, _PLACES, _TAILS)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentences=st.lists(_SENTENCES, min_size=1, max_size=4))
def test_every_field_points_to_evidence_in_the_text(brief_pipeline, sentences) -> None:
    import datetime as dt

    from eventwire.model import Article

    article = brief_pipeline.run(Article(raw=" ".join(sentences), published=dt.date(2022, 6, 1)))
    text = article.text
    for event in article.events:
        evidence = event.evidence
        for name, span in vars(evidence).items():
            if span is not None:
                assert 0 <= span.start < span.end <= len(text), name
                assert span.of(text).strip(), name
        assert evidence.sentence.contains(evidence.trigger)
        assert bool(event.actor1) == (evidence.actor1 is not None)
        assert bool(event.actor2) == (evidence.actor2 is not None)
        assert (event.latitude is not None) == (evidence.place is not None)
        assert event.fatalities == 0 or evidence.fatalities is not None
        assert not event.attribution or evidence.attribution is not None
        if evidence.date is not None:
            assert event.event_date is not None
