"""reported: whether a trigger word reports an act done, and why not where it does not.

What is not a new event (kept as a `Drop` with this reason): negated ("did not attack"), hypothetical or future
("could attack next week"), background (past perfect, "since", "already"), a description ("a memorial to Yazidis
killed by ISIS"), not asserted ("vowed to recapture"), and a noun that names an act without reporting one.
"""

from __future__ import annotations

from eventwire.lexicons import EventLexicon
from eventwire.model import Span
from eventwire.parse import Parse

# acts done with no object, whose participle describes no one ("over 100 workers protested in X")
_INTRANSITIVE_ACTS = frozenset({"protest", "demonstrate", "rally", "march", "riot", "picket", "gather", "assemble",
                                "converge"})
# verbs of joining an act, which report the act named after them ("gathered for a rally", "took part in a protest")
_JOINING = frozenset({"gather", "participate", "take", "join", "march", "assemble", "converge", "rally"})


class Reported:
    """The lexicon's filters (`data/events.toml`, `[filters]`) read against the parse."""

    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon

    def reason(self, parse: Parse, index: int, protest: bool = False) -> tuple[str, str]:
        """Why a trigger is not a new event ("", "") when it is one; `protest`: the trigger reads as a
        demonstration."""
        token = parse.tokens[index]
        children = parse.children(index)
        if any(parse.tokens[c].dep == "neg" for c in children):
            return "negated", ""
        modal = next((c for c in children if parse.tokens[c].dep == "aux"
                      and parse.tokens[c].lemma.lower() in self.lexicon.modal and not _month(parse, c)), None)
        if modal is not None:
            return "hypothetical or future", parse.word(modal)
        if _past_perfect(parse, index) or (token.pos == "NOUN" and token.dep in ("nsubj", "nsubjpass", "dobj")
                                           and _past_perfect(parse, token.head)):
            return "background (past perfect)", ""  # "after armed clashes had taken place in the area"
        # "over 100 workers protested in X": an intransitive act is no participle describing its doers, whatever
        # the small model says
        if token.dep in ("amod", "acl") and token.tag in ("VBN", "VBG") and _has_main_verb(parse, index) \
                and not (token.tag == "VBN" and token.lemma.lower() in _INTRANSITIVE_ACTS) \
                and not (token.tag == "VBN" and token.lemma.lower() in _DONE_TO_PEOPLE
                         and parse.children(index, "agent")
                         and any(parse.tokens[a].lemma.lower() in _FOUND for a in parse.ancestors(index))):
            # but "a body was found ..., killed by unknown gunmen": a participle that names who harmed the people
            # found reports it ("artillery fired by the military exploded", "a memorial to Yazidis killed by ISIS
            # was unveiled" stay descriptions)
            return "description, not a report", parse.word(token.head)
        if token.tag == "VBG" and token.lemma.lower() == "strike" and _names_strikers(parse, index):
            return "description, not a report", parse.word(index)  # "dozens of striking EFACEC workers rallied"
        # "retirees called by the platform protested": a call that is a passive participle is no call to act
        governor = next((a for a in parse.ancestors(index)
                         if parse.tokens[a].lemma.lower() in self.lexicon.not_asserted
                         and not parse.children(a, "agent", "auxpass")  # "were stopped... and detained"
                         and not (protest and a > index and parse.tokens[a].lemma.lower() in self.lexicon.demands)
                         # "parents blocked a school ...; teachers have been refusing to go": another clause
                         and not (a > index and ";" in parse.text[token.end : parse.tokens[a].start])),
                        None)
        if governor is not None:
            return "not asserted", f"under {parse.word(governor)!r}"
        marker = next((parse.tokens[c].lemma.lower() for c in children
                       if parse.tokens[c].lemma.lower() in self.lexicon.background
                       and not _since_a_date(parse, c)), None)
        if marker:
            return "background", marker
        if token.pos == "NOUN" and token.lemma.lower() == "fire" and (
                (token.dep in ("nsubj", "nsubjpass") and not parse.children(index, "compound", "nmod"))
                or (index > 0 and parse.tokens[index - 1].lemma.lower() == "set")):
            # "a fire broke out in a market", "an arsonist set fire to the building" (arson, read from "set"):
            # gunfire is opened or exchanged, or named for what fires it ("helicopter fire destroyed the village")
            return "a blaze, not gunfire", ""
        if token.pos == "NOUN" and not self.nominal(parse, index):
            return "nominal mention, not a report", ""
        return "", ""

    def nominal(self, parse: Parse, index: int) -> bool:
        """The noun names an act it reports: as its sentence's root, as the subject of a verb of occurrence ("clashes
        erupted"), the object of a verb of support ("staged a protest"), or as joined or counted ("a total of 10
        explosions")."""
        token = parse.tokens[index]
        head = parse.tokens[token.head]
        if token.head == index or token.dep == "ROOT":
            return True
        if token.dep in ("nsubj", "nsubjpass") and _verb_in(parse, token.head, self.lexicon.occurrence):
            return True
        if index > 0 and parse.tokens[index - 1].head == index and parse.tokens[index - 1].tag == "VBD" \
                and parse.tokens[index - 1].lemma.lower() in self.lexicon.support:
            return True  # "members opened fire and threatened villagers": the verb misread as the noun's modifier
        if token.dep in ("conj", "compound") or (
                token.dep == "nmod" and index + 1 < len(parse.tokens) and parse.word(index + 1) == "/"):
            # "clashes and looting"; "a protest rally", "a protest sit-in"; "3 projectiles/explosions/shots"
            return self.nominal(parse, token.head)
        if token.dep == "pobj" and parse.word(token.head).lower() == "of" and head.head != token.head \
                and parse.tokens[head.head].lemma.lower() in _QUANTITIES:
            return self.nominal(parse, head.head)  # "observed a total of 10 explosions near X"
        if token.dep == "pobj" and parse.word(token.head).lower() == "of" and head.head != token.head \
                and parse.tokens[head.head].lemma.lower() in _COUNTED_UNITS and parse.tokens[head.head].dep == "pobj":
            return self.nominal(parse, head.head)  # "a total of 25 bursts of fire": counted in turn, not "a burst of"
        if token.dep == "attr" and parse.children(token.head, "expl"):  # "there were two armed clashes"
            return True
        if token.dep == "pobj" and parse.word(token.head).lower() in ("in", "as", "during") \
                and token.lemma.lower() in ("protest", "demonstration"):
            # "occupied the school in protest", "filled the square as a protest", "threw gas cylinders into the
            # river during a protest"
            return True
        if token.dep == "pobj" and parse.word(token.head).lower() in ("in", "during") \
                and parse.tokens[head.head].lemma.lower() in OUTCOME_LEMMAS | {"die"}:
            return True  # "ten people were injured in a clash", "killed in an airstrike"
        if token.dep == "pobj" and parse.word(token.head).lower() in ("for", "in") and head.head != token.head:
            # "gathered for a rally", "took part in a protest"
            return _verb_in(parse, head.head, _JOINING)
        return token.dep == "dobj" and _verb_in(parse, token.head, self.lexicon.support)


# people on strike: "striking workers" are strikers, whatever the parse makes of "striking"
_STRIKERS = frozenset({"worker", "workers", "teacher", "teachers", "employee", "employees", "staff", "doctor",
                       "doctors", "nurse", "nurses", "driver", "drivers", "miner", "miners", "student", "students"})


def _names_strikers(parse: Parse, index: int) -> bool:
    """"dozens of striking EFACEC workers": "striking" said before the people on strike, after a determiner, a
    preposition, a number or a comma; not after a verb ("police were filmed striking students with batons")."""
    before = parse.tokens[index - 1].pos if index > 0 else "PUNCT"
    return before in ("DET", "ADP", "NUM", "ADJ", "PUNCT", "CCONJ") and any(
        parse.word(i).lower() in _STRIKERS for i in range(index + 1, min(index + 3, len(parse.tokens))))


def _past_perfect(parse: Parse, index: int) -> bool:
    return parse.tokens[index].tag == "VBN" and any(
        parse.tokens[c].dep == "aux" and parse.tokens[c].tag == "VBD" and parse.tokens[c].lemma == "have"
        for c in parse.children(index))


def _has_main_verb(parse: Parse, index: int) -> bool:
    """The sentence has a finite verb as its root. When it has none, a participle the small model hung on a
    noun ("members of the UGT union protested in Cordoba": "union protested" read as "the union that was
    protested") is the sentence's own verb, not a description."""
    root = next((t for t in parse.sentence_tokens(parse.tokens[index].sent) if parse.tokens[t].dep == "ROOT"), None)
    if root is None or parse.tokens[root].pos not in ("VERB", "AUX"):
        return False
    # "members of the SNTE blocked roads close to the ministry to demand the payment": an infinitive is no
    # finite verb
    return not any(parse.tokens[c].tag == "TO" for c in parse.children(root, "aux"))


def _verb_in(parse: Parse, index: int, lemmas: frozenset[str]) -> bool:
    """The verb's lemma is one of `lemmas`, or its form is a regular inflection of one (the small model
    lemmatises "staged" as "stag")."""
    lemma, word = parse.tokens[index].lemma.lower(), parse.word(index).lower()
    return lemma in lemmas or any(word in (w + "d", w + "ed", w + "s", w + "es") for w in lemmas)


# Nouns that count the acts "of" them: what they are told as, the acts are ("observed a total of 10 explosions").
_QUANTITIES = frozenset({"total", "number", "series", "couple", "dozen", "dozens", "hundreds", "wave", "string"})
_COUNTED_UNITS = frozenset({"burst", "round", "volley"})  # units of fire, acts where they are counted themselves
# Outcomes of an act in the same sentence (casualties, people fleeing it), not acts of their own there.
OUTCOME_LEMMAS = frozenset({"kill", "wound", "injure", "flee", "displace"})
_FOUND = frozenset({"find", "discover", "recover", "retrieve", "locate"})
_DONE_TO_PEOPLE = frozenset({"kill", "murder", "execute", "behead", "shoot", "stab", "torture", "beat", "wound",
                             "injure", "abduct", "kidnap", "rape", "lynch", "massacre", "assassinate"})


def _month(parse: Parse, index: int) -> bool:
    """"missing since 7 May blocked the highway": the month of a date, which the parse may take for a modal."""
    return parse.word(index) == "May" and index > 0 and parse.tokens[index - 1].pos == "NUM"


def _since_a_date(parse: Parse, index: int) -> bool:
    """"a driver missing since 7 May blocked ...": "since" before a date dates what came before it, which the
    parse may hang on the act."""
    if parse.word(index).lower() != "since" or index + 1 >= len(parse.tokens):
        return False
    following = parse.tokens[index + 1]
    entity = parse.entity_covering(Span(following.start, following.end))
    return entity is not None and entity.label == "DATE"
