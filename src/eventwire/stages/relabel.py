"""relabel: where the small model's entity labels are wrong about places, and the index can tell.

spaCy's small model takes cities for nationalities ("the destruction of Aleppo" as NORP), folds places into the
names of organisations ("Kentucky State Police") and people, and reads surnames as towns ("Steele says"). Each
reading here overrides a label only where the place index agrees: a name that is no demonym and names a
country, a province or a city of 100,000.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.gazetteer import Gazetteer
from eventwire.lexicons import load_actor_lexicon
from eventwire.model import IN_NAME, Place, Span
from eventwire.parse import Parse


@dataclass(frozen=True)
class Candidacy:
    """A span that may name a place, with how it was found."""

    span: Span
    tokens: tuple[int, ...]
    from_ner: bool
    cue: str


PRESS = frozenset({"times", "post", "press", "herald", "tribune", "journal", "gazette", "chronicle", "daily",
                   "telegraph", "guardian", "examiner", "inquirer", "observer", "courier", "independent", "standard",
                   "sun"})


_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "George Bush Jr.": the surname is the word before

# what people do and places do not ("Brent told", "Brent believes"); "say" and "report" are left out:
# "Kabul said" is its government
_SPEAKING = frozenset({"tell", "believe", "explain", "recall", "admit", "think", "ask", "hope", "laugh", "remember"})
# what follows a town's or a county's name in the name of its own body: "Gainesville Police", "the Torrington Fire
# Department", "Clarke County Superior Court", "Dublin Mayor Marilee Chinnici-Zuercher", "Edwardsville City Council"
# (not schools, hospitals or libraries, often named after people: "Kennedy Elementary", "Carnegie Library")
_LOCAL_BODIES = frozenset({"police", "sheriff", "sheriff's", "sheriff’s", "fire", "mayor", "council", "city", "town",
                           "village", "township", "court", "courthouse", "superior", "circuit", "municipal", "board",
                           "volunteer", "public"})
# the offices of a county, named after it ("the Pottawatomie County Commission", "Wyandotte County District Court")
_COUNTY_BODIES = frozenset({"court", "commission", "commissioners", "clerk", "district", "attorney", "treasurer",
                            "coroner", "assessor", "jail", "schools", "fair", "health", "judge", "prosecutor"})
_LEADING = frozenset({"the", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# words that open the names of forces and services, not towns ("Mobile Police", "Border Police", "Riot Police")
_NO_TOWN = _LOCAL_BODIES | {"supreme", "vice", "junior", "senior", "state", "county", "district", "federal",
                            "national", "regional", "central", "general", "chief", "deputy", "assistant", "mobile",
                            "border", "park", "parks", "transit", "rapid", "royal", "riot", "traffic", "highway",
                            "military", "secret", "special", "auxiliary", "tourist", "tourism", "railway", "port",
                            "harbour", "harbor", "marine", "river", "forest", "capitol", "airport", "campus",
                            "university", "tribal", "community", "reserve", "civil", "judicial", "religious",
                            "morality", "anti", "counter", "metropolitan"}
_WHERE_IN_A_NAME = frozenset({"in", "at", "near"})  # a name that ends on the place it is in


class Relabel:
    """The label corrections, each asked of one candidacy, with the index that decides them."""

    def __init__(self, gazetteer: Gazetteer, max_candidates: int) -> None:
        self.gazetteer = gazetteer
        self.max_candidates = max_candidates  # geoparse's own query for a name, so a second look is a cache hit

    def likeliest(self, name: str) -> Place | None:
        found = self.gazetteer.lookup(name, limit=self.max_candidates)
        return found[0].place if found else None

    @staticmethod
    def surnames(parse: Parse) -> set[str]:
        """"Jimmy Steele ... Steele says", "George Bush Jr. ... the Bush administration", "Park Geun-hye ... Park
        was sentenced": the last names, and the first (Chinese and Korean names put the family name first), of the
        people the text names in full."""
        names = [[i for i in parse.tokens_in(e.span) if parse.word(i).lower().rstrip(".,") not in _GENERATIONS]
                 for e in parse.annotation.entities if e.label == "PERSON"]
        return {parse.word(tokens[k]) for tokens in names if len(tokens) > 1 for k in (0, -1)}

    def place_in_name(self, parse: Parse, candidacy: Candidacy,
                      labels: frozenset[str] = frozenset({"ORG"})) -> Candidacy | None:
        """The longest run of the candidacy's words that opens or ends an organisation's name and names a
        country, a province or a city of 100,000 ("Queensland Police", "the Texas Department of State Health
        Services", "CTV Edmonton", "the University of Georgia"), as a candidacy with the cue `IN_NAME`; or None.
        `labels` are the entity labels of the names looked into: organisations by default; geoparse also asks
        for buildings and areas ("the Henry County Courthouse", "Metro Vancouver")."""
        entity = parse.entity_covering(candidacy.span)
        if entity is None or entity.label not in labels or candidacy.cue:
            return None
        name = parse.tokens_in(entity.span)
        if parse.word(name[-1]).lower() in PRESS:
            return None  # "the New York Times", "the Los Angeles Times": a newspaper, not the city's own body
        if parse.word(name[0]).lower() == "the":
            name = name[1:]
        words = candidacy.tokens
        # "the Professional Association of Georgia Educators": a place may also open the words after "of"
        after_of = words[0] > 0 and parse.word(words[0] - 1).lower() == "of"
        opens, ends = bool(name) and (words[0] == name[0] or after_of), bool(name) and words[-1] == name[-1]
        for size in range(len(words), 0, -1):
            for part, at_edge in ((words[:size], opens), (words[-size:], ends)):
                span = parse.span_of(list(part))
                if at_edge and span != entity.span and self.big_place(span.of(parse.text)):
                    before = parse.word(part[0] - 1).lower() if part[0] > 0 else ""
                    # "the City Hall in Malmo": a building's name that ends on where it is
                    cue = before if part[-1] == name[-1] and before in _WHERE_IN_A_NAME else IN_NAME
                    return Candidacy(span, tuple(part), False, cue)
        return None

    def local_body(self, parse: Parse, candidacy: Candidacy) -> Candidacy | None:
        """The longest name the index knows that opens the candidacy right before the word of a local body ("New
        Milford" of "New Milford Police Department", "Boulder City" of "Boulder City Police Chief Thomas Finn"),
        as a candidacy with the cue `IN_NAME`; or None."""
        words = list(candidacy.tokens)
        while words and parse.word(words[0]).lower() in _LEADING:
            words = words[1:]  # "Sunday Alexandria Police went": the day is no part of the name
        for size in range(len(words) - 1, 0, -1):
            body = parse.word(words[size])
            after_county = parse.word(words[size - 1]).lower() == "county"
            if not body[:1].isupper() or not (body.lower() in _LOCAL_BODIES - {"court"}
                                              or (body.lower() in _COUNTY_BODIES and after_county)):
                continue  # "Meigs County Court", "Laurel County Clerk"; but "Rye Court" is a street
            span = parse.span_of(words[:size])
            name = span.of(parse.text)
            if parse.word(words[0]).lower() not in _NO_TOWN and name.casefold() not in load_actor_lexicon().aliases \
                    and self.likeliest(name) is not None:
                return Candidacy(span, tuple(words[:size]), False, IN_NAME)
        return None

    def big_place(self, name: str) -> bool:
        best = self.likeliest(name)
        return best is not None and best.country_code != "" and (
            best.feature_code in ("ADM1", "ADM2", "PCLI") or best.population >= 100_000)

    def city_as_people(self, parse: Parse, candidacy: Candidacy) -> bool:
        """A city the small model tagged as a nationality ("the destruction of Aleppo", "shouted about Aleppo"):
        a name that is no demonym and whose likeliest place is a city of 100,000 or a province."""
        entity = parse.entity_covering(candidacy.span)
        name = candidacy.span.of(parse.text)
        if entity is None or entity.label != "NORP" or entity.span != candidacy.span \
                or self.gazetteer.demonym_country(name):
            return False
        return self.big_place(name)

    def speaker(self, parse: Parse, candidacy: Candidacy) -> bool:
        """A bare name that speaks or thinks ("Brent told CTV", "Brent and Lynnette Hain believe"), untagged or
        tagged as a person, or a one-word person before a person named in full ("Brent and Lynnette Hain"): a
        first name, not a place (the London borough of Brent). A country, a province, a capital or a city of a
        million stays a place ("Khartoum believes": its government)."""
        entity = parse.entity_covering(candidacy.span)
        if candidacy.cue or (entity is not None and (entity.label != "PERSON" or entity.span != candidacy.span)):
            return False  # cued, or part of a longer name, or tagged as anything but a person
        last = candidacy.tokens[-1]
        token = parse.tokens[last]
        if token.dep == "nsubj" and parse.tokens[token.head].lemma in _SPEAKING:
            return not self._speaks_for_itself(candidacy.span.of(parse.text))
        if entity is None:
            return False
        # before a person named in full; not a list of places the model took for people. Not after one: in
        # "Al Fukhari (Khan Yunis, Gaza Strip)" the model makes a person of the village and joins the town to it
        partners = parse.children(last, "conj")
        return any((other := parse.entity_covering(parse.span_of([i]))) is not None and other.label == "PERSON"
                   and len(parse.tokens_in(other.span)) > 1 for i in partners) \
            and not self._speaks_for_itself(candidacy.span.of(parse.text))

    def _speaks_for_itself(self, name: str) -> bool:
        """A country, a province, a capital or a city of a million, whose name stands for its government."""
        best = self.likeliest(name)
        return best is not None and (best.feature_code in ("PCLI", "ADM1", "PPLC") or best.population >= 1_000_000)

    def surname(self, parse: Parse, candidacy: Candidacy, surnames: set[str]) -> bool:
        """A bare name that is the family name of a person the text names in full ("Jimmy Steele ... Steele
        says"), and whose likeliest place is a town: a person. A country, a province or a city of 100,000
        ("Egypt", "Dublin") that the small model took into a person's name stays a place."""
        name = candidacy.span.of(parse.text)
        if candidacy.cue or name not in surnames:
            return False
        best = self.likeliest(name)
        return best is None or (best.feature_class == "P" and best.population < 100_000)
