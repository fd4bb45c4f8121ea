"""labels: the act an ACLED-style note's opening label names, where no word of the note is a trigger.

Notes of strategic developments open with their kind ("Property destruction: On 6 March 2022, Israeli military
forces installed electricity poles ... on Palestinian-owned lands in Qusra village"). Where the events stage found
no act, the label (`data/events.toml` `[labels]`) types the act the first sentence after it tells: the event's
trigger is that sentence's main verb, so that its actors, date and place come from its clause as any event's do.
"""

from __future__ import annotations

import re

from eventwire.lexicons import Category, EventLexicon
from eventwire.model import Article, Span
from eventwire.parse import Parse

_LABEL = re.compile(r"\s*([A-Z][a-z]+(?:[ -][a-z]+){0,3})\s*:\s+")
CONFIDENCE = 0.3  # a label and a verb that is no trigger: less sure than any act a trigger tells


def labelled_act(article: Article, lexicon: EventLexicon) -> tuple[Span, Span, Category] | None:
    """The sentence, trigger and category of the act the note's label names: the main verb of the sentence after
    the label, typed by it; None where the note has no known label or that sentence no verb."""
    found = _LABEL.match(article.text)
    category = lexicon.labels.get(found.group(1).lower()) if found else None
    if found is None or category is None or article.annotation is None:
        return None
    parse = Parse(article.annotation, article.text)
    after = parse.token_at(found.end())
    if after is None:
        return None
    sentence = parse.tokens[after].sent
    verb = next((i for i in parse.sentence_tokens(sentence) if i >= after and parse.tokens[i].dep == "ROOT"
                 and parse.tokens[i].pos in ("VERB", "AUX")), None)
    if verb is None:
        return None
    token = parse.tokens[verb]
    return parse.sentence_span(sentence), Span(token.start, token.end), category
