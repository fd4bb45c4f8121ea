"""topics: whether a name is what something is against, about or in memory of, not where anything happened.

"protesters against Russia's invasion of Ukraine gathered in Paris", "to denounce the Russian invasion",
"in solidarity with Ukraine", "in honor of the victims of the Khartoum massacre": the places there are the
protest's topic. The geoparser leaves such countries out of the article's country focus, so that they do not pull
the places it names (Paris, Berlin, Kaluga) into themselves; `locate` leaves them out of where a crowd's act was.
"""

from __future__ import annotations

from eventwire.parse import Parse

# prepositions that introduce what an act is against or about ("over" is too often a place: "flew over Poland")
_ABOUT = frozenset({"against", "about"})
# the same on the act's own word, where "over" is a topic ("protested over the killing") and "during" a time
# ("protesting ... during the war of Russia against Ukraine")
_ACT_ABOUT = _ABOUT | {"over", "during"}
# verbs whose object is what they are against or for ("denounce the Russian invasion of Ukraine")
_STANCES = frozenset({"denounce", "condemn", "protest", "oppose", "criticise", "criticize", "reject", "support",
                      "commemorate", "mourn", "decry", "blame"})
# nouns whose "with" / "of" / "for" just after them names whom they side with or what they recall ("in solidarity
# with Ukraine", "in honor of the victims of the Khartoum massacre")
RECALLING = frozenset({"solidarity", "support", "honor", "honour", "memory", "commemoration", "anniversary",
                       "justice"})  # "to demand justice for the death of a Chilean girl"
_REACH = 8  # heads to climb from a name before giving up


def topic_word(parse: Parse, index: int) -> str:
    """What makes the word at `index` part of what an act is against or about: "against" or "about" over its
    phrase, the verb of stance it is the object of, or the noun of solidarity or memory just before "with",
    "of" or "for" ("recalling" words, `RECALLING`); "" where none does. Climbs the noun phrase up to the nearest
    verb."""
    current = index
    for _ in range(_REACH):
        token = parse.tokens[current]
        if token.head == current:
            return ""
        head = parse.tokens[token.head]
        word = parse.word(token.head).lower()
        if head.pos == "ADP" and word in _ABOUT:
            return word
        if head.pos == "ADP" and word in ("with", "of", "for") and token.head > 0 \
                and parse.tokens[token.head - 1].sent == head.sent:
            before = parse.tokens[token.head - 1].lemma.lower()  # the model hangs "with" on the verb
            if before in RECALLING:
                return before
        if head.pos in ("VERB", "AUX"):
            return head.lemma.lower() if token.dep == "dobj" and head.lemma.lower() in _STANCES else ""
        current = token.head
    return ""


def named_as_topic(parse: Parse, index: int) -> bool:
    return bool(topic_word(parse, index))


def act_topics(parse: Parse, index: int) -> set[int]:
    """The words of what the act at `index` is against, about or during, hung on its own word ("protesting
    against the war", "protested over the killing")."""
    return {k for child in parse.children(index, "prep") if parse.word(child).lower() in _ACT_ABOUT
            for k in parse.subtree(child)}
