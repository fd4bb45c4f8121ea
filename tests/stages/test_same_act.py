import datetime as dt

import pytest

pytestmark = pytest.mark.slow

FILLER = " The report was published by the agency, which has covered the region for many years."


def _run(pipeline, text: str):
    from eventwire.model import Article

    return pipeline.run(Article(raw=text + FILLER, published=dt.date(2022, 3, 7)))


@pytest.mark.parametrize("text", [
    "Militants ambushed the police station in Gao on Friday. Police forces fired back.",
    "Russian forces conducted an assault operation near Gao on Friday, clashing with Malian forces.",
    "Gunmen opened fire on an army post in Gao on Friday. The soldiers returned fire.",
    "Rebels and government forces exchanged artillery shelling near Gao on Friday.",
])
def test_an_attack_met_by_return_fire_or_a_clash_is_one_armed_clash(pipeline, text) -> None:
    article = _run(pipeline, text)
    assert [e.sub_event_type for e in article.events] == ["Armed clash"]
    assert any(d.reason == "same act as another trigger" for d in article.rejected)


def test_an_attack_with_no_answer_stays_an_attack(pipeline) -> None:
    article = _run(pipeline, "Gunmen opened fire on villagers in Gao on Friday. Two people were wounded.")
    assert article.events and {e.sub_event_type for e in article.events} == {"Attack"}


def test_looting_in_the_course_of_an_attack_is_part_of_it(pipeline) -> None:
    article = _run(pipeline, "Militants killed a civilian in Gao on Friday and also stole goods from his shop.")
    assert [e.sub_event_type for e in article.events] == ["Attack"]
    article = _run(pipeline, "Militants stole cattle from herders near Gao on Friday.")
    assert [e.sub_event_type for e in article.events] == ["Looting/property destruction"]


def test_a_demonstration_whose_crowd_turns_violent_is_one_violent_demonstration(pipeline) -> None:
    article = _run(pipeline, "Hundreds of residents blocked the main road in Gao on Friday to demand water. "
                             "The demonstrators attacked a police vehicle.")
    assert [e.sub_event_type for e in article.events] == ["Violent demonstration"]


def test_a_clash_told_with_demonstrators_after_a_demonstration_makes_it_violent(pipeline) -> None:
    article = _run(pipeline, "Up to 2,500 people took to the streets in Gao on Friday against the curfew. There "
                             "were isolated clashes with the police when demonstrators tried to force the cordons.")
    assert "Violent demonstration" in {e.sub_event_type for e in article.events}
    assert not {"Armed clash", "Peaceful protest"} & {e.sub_event_type for e in article.events}


def test_the_attack_told_after_an_act_is_that_act(pipeline) -> None:
    article = _run(pipeline, "Militants fired at a military check post in Gao on Friday. One soldier was killed in the "
                             "attack.")
    assert [e.sub_event_type for e in article.events] == ["Armed clash"]


@pytest.mark.parametrize("text", [
    "Three youths were arrested and killed by the military forces in Gao on Friday while carrying food home.",
    "Policemen detained a young man at his home in Gao on Friday and later tortured him in custody.",
])
def test_an_arrest_joined_to_an_attack_on_the_people_held_is_that_attack(pipeline, text) -> None:
    article = _run(pipeline, text)
    assert [e.sub_event_type for e in article.events] == ["Attack"]
    assert any(d.reason == "same act as another trigger" for d in article.rejected)


@pytest.mark.parametrize("text", [
    "Police arrested two men and gunmen killed a trader in Gao on Friday.",
    # the militants the army arrested are no target of the gunmen's attack
    "Gunmen killed a trader in Gao on Friday and then the army arrested three militants.",
])
def test_an_arrest_beside_an_attack_by_others_stays_an_arrest(pipeline, text) -> None:
    article = _run(pipeline, text)
    assert {e.sub_event_type for e in article.events} == {"Arrests", "Attack"}


def test_protesters_arrested_at_a_demonstration_are_its_intervention(brief_pipeline) -> None:
    from eventwire.model import Article

    text = ("On 10 January 2022, a group of activists blocked the intersection of two highways in Burnaby to protest "
            "against logging. Police arrested 3 protesters.")
    article = brief_pipeline.run(Article(raw=text))
    assert [e.sub_event_type for e in article.events] == ["Protest with intervention"]
    assert "same act as another trigger" in {d.reason for d in article.rejected}
    # an arrest told as another incident is an event of its own
    text = ("On 10 January 2022, a group of activists blocked the intersection of two highways in Burnaby to protest "
            "against logging. Separately, police arrested a man for theft in Burnaby.")
    article = brief_pipeline.run(Article(raw=text))
    assert "Arrests" in {e.sub_event_type for e in article.events}
    # nor are others arrested elsewhere: journalists in another town
    text = ("On 10 January 2022, a group of activists blocked the intersection of two highways in Burnaby to protest "
            "against logging. Police dispersed them with tear gas. In Surrey, police arrested two journalists.")
    article = brief_pipeline.run(Article(raw=text))
    assert "Arrests" in {e.sub_event_type for e in article.events}


def test_a_raid_that_hurt_people_stays_an_attack_whatever_it_burned(brief_pipeline) -> None:
    from eventwire.model import Article

    for text in ("On 3 May 2022, gunmen attacked the village of Kauru and burned houses. Three people were missing.",
                 "On 3 May 2022, gunmen attacked farmers near Kauru and burned their barns."):
        article = brief_pipeline.run(Article(raw=text))
        assert "Attack" in {e.sub_event_type for e in article.events}, text
