"""labels: the act an ACLED-style note's opening label names, where no word of the note is a trigger.

Notes of strategic developments open with their kind ("Property destruction: On 6 March 2022, Israeli military
forces installed electricity poles ... on Palestinian-owned lands in Qusra village"). Where the events stage found
no act, the label (`data/events.toml` `[labels]`) types the act the first sentence after it tells: the event's
trigger is that sentence's main verb, so that its actors, date and place come from its clause as any event's do.
"""

from __future__ import annotations

import re

from eventwire.lexicons import Category
from eventwire.model import Article, Drop, Span
from eventwire.parse import Parse
from eventwire.stages.reported import Reported

_LABEL = re.compile(r"\s*([A-Z][a-z]+(?:[ -][a-z]+){0,3})\s*:\s+")
CONFIDENCE = 0.3  # a label and a verb that is no trigger: less sure than any act a trigger tells
# why the events stage dropped a trigger that says the note reports no act done ("Looting: Police denied reports
# that shops were looted")
_NO_ACT = frozenset({"negated", "not asserted", "hypothetical or future"})
# verbs the lexicon would not assert an act under that are themselves the acts labelled notes report ("Other: the
# Taliban warned media outlets to stop broadcasting music")
_REPORTED_ACTS = frozenset({"warn", "order"})


def labelled_act(article: Article, reported: Reported, drops: list[Drop]) -> tuple[Span, Span, Category] | None:
    """The sentence, trigger and category of the act the note's label names: the main verb of the sentence after
    the label, typed by it; None where the note has no known label or that sentence no verb, where the verb is one
    of saying or is not asserted as done (negated, modal, a question: the events stage's `reported`, "Other: No
    incidents were reported"), or where the events stage dropped a trigger of that sentence as no act done
    (`drops`)."""
    found = _LABEL.match(article.text)
    category = reported.lexicon.labels.get(found.group(1).lower()) if found else None
    if found is None or category is None or article.annotation is None:
        return None
    parse = Parse(article.annotation, article.text)
    after = parse.token_at(found.end())
    if after is None:
        return None
    sentence = parse.tokens[after].sent
    verb = next((i for i in parse.sentence_tokens(sentence) if i >= after and parse.tokens[i].dep == "ROOT"
                 and parse.tokens[i].pos in ("VERB", "AUX")), None)
    told = parse.sentence_span(sentence)
    if verb is None or _not_done(parse, verb, reported) or any(
            d.reason in _NO_ACT and d.span is not None and told.start <= d.span.start < told.end for d in drops):
        return None
    token = parse.tokens[verb]
    return told, Span(token.start, token.end), category


def _not_done(parse: Parse, verb: int, reported: Reported) -> bool:
    """The sentence's main verb tells no act done: said or feared, negated, modal, asked, or done by no one
    ("No incidents were reported")."""
    sentence = parse.sentence_span(parse.tokens[verb].sent).of(parse.text).strip()
    subjects = parse.children(verb, "nsubj", "nsubjpass")
    lexicon = reported.lexicon
    return parse.tokens[verb].lemma.lower() in lexicon.saying | (lexicon.not_asserted - _REPORTED_ACTS) \
        or bool(reported.reason(parse, verb)[0]) or sentence.endswith("?") \
        or any(parse.word(d).lower() == "no" for s in subjects for d in parse.children(s, "det"))
