"""reported: whether a trigger word reports an act done, and why not."""

import pytest

pytestmark = pytest.mark.slow


def _reason(text: str, word: str) -> tuple[str, str]:
    from eventwire.lexicons import load_event_lexicon
    from eventwire.model import Article
    from eventwire.parse import Parse
    from eventwire.settings import Settings
    from eventwire.stages import annotate
    from eventwire.stages.reported import Reported

    article = annotate.make(Settings.load())(Article(raw=text, text=text))
    parse = Parse(article.annotation, text)
    index = next(i for i in range(len(parse.tokens)) if parse.word(i) == word)
    return Reported(load_event_lexicon()).reason(parse, index)


@pytest.mark.parametrize(("text", "word", "reason"), [
    ("Gunmen attacked the village of Kidal on Friday.", "attacked", ""),
    ("Gunmen did not attack the village of Kidal on Friday.", "attack", "negated"),
    ("Militants could attack the town of Gao next week.", "attack", "hypothetical or future"),
    ("Rebels had seized the town of Gao before the talks.", "seized", "background (past perfect)"),
    ("The army vowed to recapture the town of Gao.", "recapture", "not asserted"),
    ("Clashes erupted in Gao on Monday.", "Clashes", ""),
    ("The report on the clashes was published on Monday.", "clashes", "nominal mention, not a report"),
    ("Activists staged a protest in Gao on Monday.", "protest", ""),
    ("Relatives of a driver missing since 7 May blocked the highway in Tixtla.", "blocked", ""),
    # the small model hangs "gathered" on "platform" as if it described it
    ("On 31 May 2022, about 20 members of the platform 'We speak Spanish' gathered before Les Corts Valencianes in "
     "Valencia (Valencia) to request that they be allowed to speak Spanish.", "gathered", ""),
    # a fire that breaks out is a blaze; fire named for what fires it is gunfire
    ("A fire broke out in a market in Kano on Monday.", "fire", "a blaze, not gunfire"),
    ("Russian helicopter fire destroyed the village of Pryvar.", "fire", ""),
])
def test_a_trigger_reports_an_act_or_says_why_not(text: str, word: str, reason: str) -> None:
    assert _reason(text, word)[0] == reason
