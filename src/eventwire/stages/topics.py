"""topics: whether a name is what something is against, about or in memory of, not where anything happened.

"protesters against Russia's invasion of Ukraine gathered in Paris", "to denounce the Russian invasion",
"in solidarity with Ukraine": the countries there are the protest's topic. The geoparser leaves them out of the
article's country focus, so that they do not pull the places it names (Paris, Berlin, Bari) into themselves.
"""

from __future__ import annotations

from eventwire.parse import Parse

# prepositions that introduce what an act is against or about
_ABOUT = frozenset({"against", "over", "about"})
# verbs whose object is what they are against or for ("denounce the Russian invasion of Ukraine")
_STANCES = frozenset({"denounce", "condemn", "protest", "oppose", "criticise", "criticize", "reject", "support",
                      "commemorate", "mourn", "decry", "blame"})
# nouns whose "with" / "of" / "for" just after them names whom they side with or what they recall ("in solidarity
# with Ukraine", "in honor of the victims of the Khartoum massacre")
_SIDING = frozenset({"solidarity", "support", "honor", "honour", "memory", "commemoration", "anniversary"})
_REACH = 8  # heads to climb from a name before giving up


def named_as_topic(parse: Parse, index: int) -> bool:
    """The word at `index` lies in what an act is against or about: a phrase under "against", "over" or
    "about", the object of a verb of stance, or what solidarity or support is with; climbing the noun phrase
    up to the nearest verb."""
    current = index
    for _ in range(_REACH):
        token = parse.tokens[current]
        if token.head == current:
            return False
        head = parse.tokens[token.head]
        word = parse.word(token.head).lower()
        if head.pos == "ADP" and (word in _ABOUT or (  # the model hangs "with" on the verb: read the word before
                word in ("with", "of", "for") and parse.tokens[token.head - 1].lemma.lower() in _SIDING)):
            return True
        if head.pos in ("VERB", "AUX"):
            return token.dep == "dobj" and head.lemma.lower() in _STANCES
        current = token.head
    return False
