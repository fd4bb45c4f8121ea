"""geoparse: place mentions in the text, resolved to the gazetteer's entries (GeoNames places, geoBoundaries units).

Recognition (`recognise`): spaCy GPE/LOC/FAC entities plus proper-noun runs that the gazetteer knows (the small
model tags "al-Qaim" as a person), filtered by actor names (Hamas, Isis are not places), person names and
cues ("the town of X", "in X"); `relabel` mends the model's labels. Resolution: population prior, the
article's country focus (country mentions and demonyms), the feature class the name implies, and closeness to
the other places named.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Callable

from eventwire import geodesy
from eventwire.gazetteer import Candidate, Gazetteer, open_gazetteer
from eventwire.gazetteer.names import normalize_name, strip_admin_suffix
from eventwire.lexicons import ActorMatch, load_actor_lexicon
from eventwire.model import DATELINE, DEMONYM, IN_NAME, ROUTE_END, WITHIN, Article, Place, PlaceMention, Span
from eventwire.parse import Parse
from eventwire.settings import Settings
from eventwire.stages.discourse import named_again
from eventwire.stages.localities import near_their_town, streets
from eventwire.stages.neighbours import Neighbours, by_centre_name, with_evidenced_units
from eventwire.stages.nesting import (
    IN_A_TOWN,
    LIST_CITY,
    UNCOUNTED_SEAT,
    lying_in,
    namesake_towns,
    read_chains,
    spread_located,
)
from eventwire.stages.readings import (
    NAMED_NEXT,
    Context,
    overshadowed,
    own_name_city,
    province_named,
    reading_score,
    stray,
    with_direction,
)
from eventwire.stages.recognise import (
    ADMIN_WORDS,
    CONTAINED_GAP,
    DIRECTIONS,
    DISTRICT_WORDS,
    PLACE_LABELS,
    QUALIFIER,
    QUALIFIER_GAP,
    REGION_QUALIFIER,
    TOWN_WORDS,
    UNIT_ABBREVIATIONS,
    assailed,
    blocked,
    candidacies,
    government_seat,
    split_hyphenated,
)
from eventwire.stages.relabel import Candidacy, Relabel
from eventwire.stages.topics import named_as_topic

NAME = "geoparse.v1"
REQUIRES = ("annotation",)
PROVIDES = ("places",)

# the words for a unit that follow its name ("Chintapalle Mandal"); not those that end an organisation's name as
# often ("US State Department", "the Police Division")
_UNITS_NAMED_AFTER = TOWN_WORDS | DISTRICT_WORDS - {"department", "division", "subdivision", "territory"}
_VILLAGE_SIZE = 500_000  # no city this large is one the text calls a village ("the village of Ranya" may be)
_UNIT_REACH_KM = 30.0  # how far past the box around a province's towns the point of a unit of it may lie
_ASSAILED_CITY = 100_000  # a city this large by its own name is the place shelled or taken, wherever it lies
# the province after a bare name called a community: "Bereznehuvate territorial community, Mykolaiv" (not after a
# bare name alone: "the Azov, Zaporizhia regiment", "said Morelos, Veracruz state police chief")
_PROVINCE_AFTER = re.compile(r"\s+(?:territorial\s+)?(?:community|hromada)\s*[,(]\s*"
                             r"((?-i:[A-Z])[\w'’-]*(?:\s(?-i:[A-Z])[\w'’-]*){0,2})", re.IGNORECASE)
# the words that call a name a unit, be it a town's too ("Kakani municipality", "Sawkai district")
_UNIT_CUES = DISTRICT_WORDS | {"municipality", "commune", "township"}
_KNOWN_VARIANT = 20_000  # a town this large known by a unit's name as one of its others is still a reading of it
_CITY = 300_000  # a bare name of a city this large is read as the city even in an article about elsewhere

# a demonym naming a sea, not a country ("Indian Ocean", "Irish Sea"); "American Indian" is no India
_WATERS = frozenset({"ocean", "sea", "channel", "gulf", "bay", "strait", "straits"})
_SIDES = frozenset({"north", "south", "east", "west", "central"})  # the side of a town a district named for it lies
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                      "northern", "southern", "eastern", "western", "central", "far", "upper", "lower", "greater"})


def _after_american(previous: str) -> bool:
    """"American Indian", "Native American": after `previous`, the word names a people, not a country."""
    return previous.lower() in ("american", "native")


_INITIALS = 5  # the longest alias that is a group's initials, which say nothing of its country
_DATELINE_CAPITAL = 500_000  # a national capital this large stands alone in a dateline ("WASHINGTON —")




def _a_name(text: str) -> bool:
    """A word written as a name: a capital and then small letters, not initials ("D", "IBA")."""
    return len(text) > 2 and text[:1].isupper() and not text.isupper()


_CAMPS = frozenset({"camp", "camps"})
_CAMP_KINDS = frozenset({"refugee", "refugees", "idp", "idps", "displacement", "displaced", "transit", "military"})
class Geoparser:
    """Recognises and resolves the place mentions of one annotated article."""

    def __init__(self, gazetteer: Gazetteer, min_population: int, max_candidates: int) -> None:
        self.gazetteer = gazetteer
        self.relabel = Relabel(gazetteer, max_candidates)
        self.min_population = min_population
        self.max_candidates = max_candidates

    def country_focus(self, parse: Parse, groups: list[ActorMatch]) -> tuple[Counter[str], dict[str, str]]:
        """The weight of each country in the article (a name of it 2, a demonym or a group that acts only there
        1: "Houthi forces", "the KNLA"), less the countries named as what something is against or about
        ("protesting against Russia's invasion of Ukraine"); the names read as countries."""
        # not by initials: "SNA", "RSF", "ADF" name other bodies in other countries' news
        focus: Counter[str] = Counter(match.entry.home for match in groups
                                      if match.entry.home and match.end - match.start > _INITIALS)
        named: dict[str, str] = {}
        for entity in parse.annotation.entities:
            text = entity.span.of(parse.text)
            inside = parse.tokens_in(entity.span)
            head = next((t for t in inside if parse.tokens[t].head not in inside), inside[-1]) if inside else None
            topic = head is not None and named_as_topic(parse, head)
            if entity.label == "NORP":
                code = self.gazetteer.demonym_country(text)
                if code and not topic:
                    focus[code] += 1
            elif entity.label == "GPE":
                best = self.gazetteer.lookup(text, limit=1)
                if best and best[0].place.feature_code == "PCLI":
                    focus[best[0].place.country_code] += 0 if topic else 2
                    named[normalize_name(text)] = best[0].place.country_code
        return focus, named

    def _options(self, parse: Parse, candidacy: Candidacy, context: Context) -> list[Candidate]:
        text = candidacy.span.of(parse.text)
        # "Melville, Sask. believes": the period that ends the abbreviation went to the sentence
        period = parse.text[candidacy.span.end : candidacy.span.end + 1] == "." and not text.endswith(".") \
            and candidacy.cue in (QUALIFIER, REGION_QUALIFIER)  # ", Sask." but not "near Alta."
        options = (period and self.gazetteer.abbreviated(text + ".")) or self.gazetteer.abbreviated(text) \
            or self.gazetteer.lookup(text, limit=self.max_candidates)
        side, _, rest = text.partition(" ")
        if side in DIRECTIONS and rest:  # "in east Naples (Florida)", "east Berlin"
            options = with_direction(options, self.gazetteer.lookup(rest, limit=self.max_candidates), context)
        if candidacy.cue == "county" and not (parse.text[candidacy.span.end : candidacy.span.end + 1] == ","
                                              and any(o.place.feature_code in ("ADM1", "PCLI") for o in options)):
            # "Barrow" of "Jackson and Barrow counties" is Barrow County, not a town; but "in Texas, Harris and
            # Travis counties": the state that the counties listed after it lie in
            options = self.gazetteer.lookup(f"{text} County", limit=self.max_candidates) or options
        if candidacy.cue == DATELINE:  # a dateline names a town of some size or a province, not a hamlet
            options = [o for o in options if o.place.feature_class == "A" or o.place.population >= self.min_population]
            capital = [o for o in options if o.place.feature_code == "PPLC" and o.primary_name
                       and o.place.population >= _DATELINE_CAPITAL]
            if capital and not NAMED_NEXT.match(parse.text, candidacy.span.end):
                return capital  # "WASHINGTON —": a capital stands alone in a dateline; another town takes its state
        if text.isupper() and len(text) <= 5 and candidacy.cue != DATELINE:
            # "(NISA)", "RN": initials are organisations; those of countries, provinces and unions ("EU") are the
            # exception
            options = [o for o in options if o.place.feature_class == "A" or o.place.feature_code in ("CONT", "RGN")]
        if candidacy.cue.partition(" ")[0] == "village":
            # "Ah Nauk Taw, Bin, Oke Hnan Boke villages": a village the index lacks, not a city known by the name
            # (Vienna, "Bin" in Persian)
            options = [o for o in options if o.place.feature_class != "P" or o.place.population < _VILLAGE_SIZE]
        if candidacy.cue in ("", IN_NAME):
            # a township, woreda or other unit no town names is read where the text says where or what it is
            # ("in Myaing township", "(Warsaj district, Takhar)"), not for a name alone or an organisation's
            # ("according to Al-Ahram", "the Al-Ahram news outlet"); but a community found by its centre's name
            # stands for that village ("towards Novomykhaylivka")
            options = [o for o in options if o.place.feature_code != "ADMD" or by_centre_name(o)]
        if candidacy.cue.partition(" ")[0] in _UNIT_CUES \
                and any(o.primary_name and o.place.feature_code == "ADMD" for o in options):
            # "Kakani municipality (Nuwakot district)": the unit of that very name, not a small town of a country
            # where nothing bears the name as its own, known by it as one of its other names (Kakanj, Bosnia); but
            # "Tadmor district" may be Tadmur's own, and "Acapulco municipality" is Acapulco de Juarez's
            own = {o.place.country_code for o in options if o.primary_name}
            options = [o for o in options if o.place.country_code in own or o.place.population >= _KNOWN_VARIANT
                       or context.share(o.place.country_code)]
        known = normalize_name(text) in context.accepted_keys
        if normalize_name(text) in DIRECTIONS and not known \
                and candidacy.cue not in ADMIN_WORDS | {QUALIFIER, REGION_QUALIFIER}:
            # "Northwest 34th Street", "Central High": a bare direction is a province ("North" in Cameroon) only
            # where the text says so, or the province's country is one the article is about; never a town
            options = [o for o in options if o.place.feature_class == "A" and context.share(o.place.country_code) > 0]
        if candidacy.cue == REGION_QUALIFIER and not (candidacy.from_ner or known):
            # "shelled Rubizhne, Luhansk": Y is a region or a sizeable place that locates X
            # (cities500 gives some seats no population: "(Al Maslub, Al Jawf)")
            return [o for o in options if o.place.feature_class == "A"
                    or (o.place.population or UNCOUNTED_SEAT) >= self.min_population]
        if candidacy.from_ner or candidacy.cue not in ("", ROUTE_END) or known:  # a road's name is no cue
            return options
        # A bare proper noun is a place only if it is a sizeable place in a country the article is about; the
        # object of shelling or capture ("shelled Mariupol") may also be a city by its own name, wherever it lies
        # (not a city abroad once called so: "shelled Tanda" is no attack on Tanta, Egypt)
        city = _ASSAILED_CITY if not candidacy.cue and assailed(parse, candidacy) else _CITY
        # or, called a community, one of the province named right after it ("shelled Bereznehuvate territorial
        # community, Mykolaiv")
        after = _PROVINCE_AFTER.match(parse.text, candidacy.span.end)
        province = strip_admin_suffix(after.group(1)) if after else ""
        return [o for o in options if o.place.population >= self.min_population
                and (context.share(o.place.country_code) > 0 or o.place.population >= _CITY
                     or (o.primary_name and o.place.population >= city)
                     or (province and strip_admin_suffix(o.place.admin1) == province))]

    def _without_place_noun(self, parse: Parse, candidacy: Candidacy,
                            context: Context) -> tuple[Candidacy, list[Candidate]]:
        """The candidacy and its readings; where it has none and ends with a place noun ("Jefferson County",
        "Seoul City" of "Seoul City - Jongno"), the name without the noun, which becomes its cue."""
        options = self._options(parse, candidacy, context)
        compass = 0
        while compass < len(candidacy.tokens) - 1 and parse.word(candidacy.tokens[compass]).lower() in _COMPASS:
            compass += 1
        part = candidacy.tokens[compass:]
        if not options and compass and (self.relabel.big_place(parse.span_of(part).of(parse.text))
                                        or (compass == 1 and candidacy.cue in DISTRICT_WORDS)):
            # "Northeast Georgia", "Far North Queensland": a part of a province or a city; not "Central Union";
            # "South Luwuk district": a district the index lacks, named for the town (not "the Lower East Side
            # neighborhood")
            candidacy = Candidacy(parse.span_of(part), part, candidacy.from_ner, candidacy.cue)
            options = self._options(parse, candidacy, context)
        if not options and len(candidacy.tokens) == 2 and parse.word(candidacy.tokens[-1]).lower() in _SIDES \
                and candidacy.cue in (QUALIFIER, REGION_QUALIFIER):
            # "(Awka North, Anambra)", "(Ludhiana East, ...)": a district the index lacks, named for its town
            town = candidacy.tokens[:1]
            candidacy = Candidacy(parse.span_of(town), town, candidacy.from_ner, candidacy.cue)
            options = self._options(parse, candidacy, context)
        unit_word = parse.word(candidacy.tokens[-1]).lower().partition("-")[0]  # "municipality-10": its ward
        unit_word = UNIT_ABBREVIATIONS.get(unit_word, unit_word)  # "Bama LGA": a district
        if options or len(candidacy.tokens) < 2 or unit_word not in _UNITS_NAMED_AFTER:
            return candidacy, options
        # "Kakuma Refugee Camp", "Zamzam IDP Camp": the camp's word and the kind of camp
        unit = 2 if len(candidacy.tokens) > 2 and parse.word(candidacy.tokens[-1]).lower() in _CAMPS \
            and parse.word(candidacy.tokens[-2]).lower() in _CAMP_KINDS else 1
        kept = candidacy.tokens[:-unit]
        shorter = Candidacy(parse.span_of(kept), kept, candidacy.from_ner, unit_word)
        return shorter, self._options(parse, shorter, context)

    def parse_places(self, parse: Parse) -> tuple[PlaceMention, ...]:
        groups = load_actor_lexicon().find_named(parse.text)
        actor_spans = [Span(m.start, m.end) for m in groups]
        surnames = Relabel.surnames(parse)
        focus, countries_named = self.country_focus(parse, groups)
        context = Context(focus, set(), countries_named=countries_named)
        chosen: list[tuple[Candidacy, list[Candidate]]] = []
        unknown: list[Candidacy] = []  # names the index does not have as written
        previous: Candidacy | None = None  # the last candidacy, resolved or not
        passed_over: Candidacy | None = None  # the last bare name not taken; kept past an unknown qualifier
        # the same query _options makes, so that the run's later lookup is a cache hit, not a second query
        def known(name: str) -> bool:
            return bool(self.gazetteer.lookup(name, limit=self.max_candidates))

        for candidacy in candidacies(parse, known):
            qualifies = previous is not None and bool(
                QUALIFIER_GAP.match(parse.text[previous.span.end : candidacy.span.start]))
            if not candidacy.cue and qualifies and previous is not None:
                # after a name read as a place, the qualifier is one too; after a bare name, only a region is
                candidacy = dataclasses.replace(
                    candidacy, cue=QUALIFIER if previous.cue or previous.from_ner else REGION_QUALIFIER)
            if government_seat(parse, candidacy):
                continue
            if blocked(parse, candidacy, actor_spans) and not self.relabel.city_as_people(parse, candidacy):
                named_in = self.relabel.place_in_name(parse, candidacy) or self.relabel.local_body(parse, candidacy)
                if named_in is None:  # "Queensland Police", "Gainesville Police": whose, not where
                    continue
                candidacy = named_in
            if self.relabel.surname(parse, candidacy, surnames) or self.relabel.speaker(parse, candidacy):
                continue
            previous = candidacy
            options = self._options(parse, candidacy, context)
            if options and qualifies and passed_over is not None and passed_over.span.end <= candidacy.span.start:
                # "shelled Rubizhne, Luhansk": the bare name is a place of the region that qualifies it
                inside = [o for o in self.gazetteer.lookup(passed_over.span.of(parse.text), self.max_candidates)
                          if o.place.country_code in {c.place.country_code for c in options}]
                if inside:
                    chosen.append((dataclasses.replace(passed_over, cue="qualified"), inside))
            passed_over = passed_over if qualifies and not options else None
            if not options:
                candidacy, options = self._without_place_noun(parse, candidacy, context)
            named_in = None if options else self.relabel.place_in_name(parse, candidacy)
            if named_in is not None:  # "Queensland Police": the place the organisation is named for
                candidacy, options = named_in, self._options(parse, named_in, context)
            parts = [] if options else split_hyphenated(parse, candidacy)
            named_in = None if options or parts else (self.relabel.place_in_name(parse, candidacy, PLACE_LABELS)
                                                      or self.relabel.local_body(parse, candidacy))
            if named_in is not None:  # "Metro Vancouver", "the Henry County Courthouse"
                candidacy, options = named_in, self._options(parse, named_in, context)
            readings = [(candidacy, options)] if options else \
                [self._without_place_noun(parse, part, context) for part in parts]
            if parts and " " not in candidacy.span.of(parse.text) and any(
                    not known(part.span.of(parse.text)) and _a_name(part.span.of(parse.text)) for part, _ in readings):
                # "Samba-Boungou": one name the index lacks, not Samba in Angola and a Boungou; but "D-Columbus",
                # "IBA-Karachi" name a party or a school before a place
                readings = []
            for part, part_options in readings:
                if part_options:
                    chosen.append((part, part_options))
                    context.accepted_keys.add(normalize_name(part.span.of(parse.text)))
            if not options and not parts:
                unknown.append(candidacy)
                if not candidacy.from_ner and not candidacy.cue:
                    passed_over = candidacy
        self._named_later(parse, chosen, unknown, context)
        self._bare_names_of_named_countries(parse, chosen, unknown, context, surnames)
        chosen.sort(key=lambda pair: pair[0].span.start)
        for candidacy, options in chosen:
            # "(Kale district, Sagaing region)": a province said to be one, of one country, is evidence of it
            countries = {o.place.country_code for o in options if o.place.feature_code == "ADM1"}
            if candidacy.cue in ADMIN_WORDS and len(countries) == 1:
                context.focus[countries.pop()] += 1
        chosen[:] = with_evidenced_units(parse, chosen, unknown, context, self._in_box)
        context.region_keys = frozenset(strip_admin_suffix(c.span.of(parse.text)) for c, _ in chosen)
        named = near_their_town(parse, self._sounding_alike(parse, unknown, self._resolve(parse, chosen, context)),
                                 context.region_keys)
        named = (*named, *streets(parse, unknown, named))
        named = (*named, *named_again(parse, named, self.relabel, actor_spans, surnames))
        adjectival = [m for m in self.demonym_mentions(parse) if not any(m.span.overlaps(n.span) for n in named)]
        return tuple(sorted((*named, *adjectival), key=lambda m: m.span.start))

    def _named_later(self, parse: Parse, chosen: list[tuple[Candidacy, list[Candidate]]], unknown: list[Candidacy],
                     context: Context) -> None:
        """"Alexandria woman charged ... Henry, 19, of Alexandria": a bare name said before the article names it
        with a cue or a tag has the readings it has there, as it has after."""
        said = {normalize_name(c.span.of(parse.text)) for c, _ in chosen if not _bare(c)}
        taken = {c.span for c, _ in chosen}
        for position, (candidacy, options) in enumerate(chosen):
            if _bare(candidacy) and normalize_name(candidacy.span.of(parse.text)) in said:
                chosen[position] = (candidacy, self._options(parse, candidacy, context) or options)
        for candidacy in [c for c in unknown if not c.from_ner and not c.cue and c.span not in taken
                          and normalize_name(c.span.of(parse.text)) in said]:
            options = self._options(parse, candidacy, context)
            if options:
                chosen.append((candidacy, options))
                unknown.remove(candidacy)

    def _bare_names_of_named_countries(self, parse: Parse, chosen: list[tuple[Candidacy, list[Candidate]]],
                                       unknown: list[Candidacy], context: Context, surnames: set[str]) -> None:
        """"Gainesville residents", "a Lancaster park": a bare proper noun the model did not tag is a place of a
        country whose places the article names with a cue or a tag, even where it never names that country."""
        countries = Counter(max(options, key=lambda o: reading_score(o, c.span.of(parse.text), c.cue, context))
                            .place.country_code for c, options in chosen if c.from_ner or c.cue)
        named = {code for code, count in countries.items() if count >= 2}

        def modifies_a_noun(candidacy: Candidacy) -> bool:  # "Gainesville residents"; not "Paterson said"
            last = parse.tokens[candidacy.tokens[-1]]
            head = parse.tokens[last.head]
            return last.dep == "compound" and head.pos == "NOUN" and parse.word(last.head).islower()

        for candidacy in [c for c in unknown if not c.from_ner and not c.cue]:
            text = candidacy.span.of(parse.text)
            if text.isupper() or text in surnames or not modifies_a_noun(candidacy):
                continue
            options = [o for o in self.gazetteer.lookup(text, self.max_candidates)
                       if o.place.population >= self.min_population and o.place.country_code in named]
            if options:  # whose residents or mayor: no more evidence of where an event was than a demonym
                chosen.append((dataclasses.replace(candidacy, cue=IN_NAME), options))
                unknown.remove(candidacy)

    def _sounding_alike(self, parse: Parse, unknown: list[Candidacy],
                        named: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]:
        """"Mogoke town (Pyinoolwin district, Mandalay region)": a name the index lacks as written, followed by
        the province it lies in, is the town of that province whose name sounds alike (Mogok), if there is one."""
        found = list(named)
        for candidacy in unknown:
            if any(m.span == candidacy.span for m in found):
                continue  # read already, inside the region that qualifies it ("shelled Rubizhne, Luhansk")
            gaps = ((m, parse.text[candidacy.span.end : m.span.start]) for m in found
                    if m.span.start >= candidacy.span.end)
            qualifier, gap = next(((m, g) for m, g in gaps if QUALIFIER_GAP.match(g) or CONTAINED_GAP.match(g)),
                                  (None, ""))
            if qualifier is None or qualifier.place.feature_code == "PCLI" or not qualifier.place.admin1:
                continue
            town = qualifier.place
            # qualified by a town, not a province or district: one near it ("Hanley (Stoke-on-Trent)"); but a
            # town does not lie in a town, so "Basira town in Deir ez Zor" is in the province of that name
            anywhere = town.feature_class != "P" or qualifier.cue in ADMIN_WORDS or bool(CONTAINED_GAP.match(gap))
            alike = [c for c in self.gazetteer.sounding_like(candidacy.span.of(parse.text), town.country_code,
                                                             town.admin1)
                     if anywhere
                     or geodesy.km(town.point, c.place.point) <= 50]
            if alike:
                found[found.index(qualifier)] = dataclasses.replace(qualifier, qualifies=True)
                found.append(PlaceMention(candidacy.span, alike[0].place, 0.5, candidacy.cue))
        return tuple(found)

    def demonym_mentions(self, parse: Parse) -> list[PlaceMention]:
        """"Russian", "Syrian": the country, as a mention with cue "demonym" (evidence of where, never the
        place an event happened). Tagged by the model as a group or a place, or untagged inside a name or a
        compound: "the Georgian Interior Ministry", "a Russian-American crew", "Egyptian President Mubarak"."""
        found = []
        for entity in parse.annotation.entities:
            # the small model tags some as places ("the Sri Lankan civil war": GPE)
            previous = " ".join(parse.text[max(0, entity.span.start - 100) : entity.span.start].split()[-1:])
            place = self.gazetteer.demonym_place(entity.span.of(parse.text)) \
                if entity.label in ("NORP", "GPE", "LOC") and not _after_american(previous) else None
            if place is not None:
                found.append(PlaceMention(entity.span, place, 1.0, DEMONYM))
        # a person's name ("Bill English"), unless the whole name is a demonym the model mistook ("Sri Lankan")
        people = [e.span for e in parse.annotation.entities
                  if e.label == "PERSON" and self.gazetteer.demonym_place(e.span.of(parse.text)) is None]
        covered = bytearray(len(parse.text) + 1)  # the characters of demonyms found and of people's names

        def cover(span: Span) -> None:
            covered[span.start : span.end] = b"\x01" * (span.end - span.start)

        for span in [m.span for m in found] + people:
            cover(span)

        def capitalised(index: int) -> bool:
            word = parse.word(index)
            return parse.tokens[index].pos in ("ADJ", "PROPN") and word[:1].isupper() and word.isalpha() \
                and not word.isupper() and not (index + 1 < len(parse.tokens)
                                                and parse.word(index + 1).lower() in _WATERS) \
                and not (index > 0 and _after_american(parse.word(index - 1)))

        for index in range(len(parse.tokens)):
            for width in (2, 1):  # "Sri Lankan" before "Lankan"
                if index + width > len(parse.tokens) or not all(map(capitalised, range(index, index + width))):
                    continue
                span = parse.span_of(range(index, index + width))
                if any(covered[span.start : span.end]):
                    continue
                place = self.gazetteer.demonym_place(span.of(parse.text))
                if place is not None:
                    found.append(PlaceMention(span, place, 1.0, DEMONYM))
                    cover(span)
                    break
        return found

    def _resolve(self, parse: Parse, chosen: list[tuple[Candidacy, list[Candidate]]],
                 context: Context) -> tuple[PlaceMention, ...]:
        cities = {c.span: own_name_city(opts) for c, opts in chosen}  # once per name, not per reading scored
        first = [max(opts, key=lambda o: reading_score(o, c.span.of(parse.text), c.cue, context)
                     + province_named(o, c.span.of(parse.text), opts, context)
                     - overshadowed(o, parse.text, c.span.end, cities[c.span], context.region_keys))
                 for c, opts in chosen]
        # the other names' readings, as evidence for each reading (a name is no evidence for its own reading)
        neighbours = Neighbours([(normalize_name(c.span.of(parse.text)), opts) for c, opts in chosen], first)
        options_of = {c.span: opts for c, opts in chosen}

        def final(option: Candidate, candidacy: Candidacy) -> float:
            text = candidacy.span.of(parse.text)
            score = reading_score(option, text, candidacy.cue, context) \
                + province_named(option, text, options_of[candidacy.span], context) \
                - overshadowed(option, parse.text, candidacy.span.end, cities[candidacy.span], context.region_keys)
            return score + neighbours.bonus(normalize_name(text), option.place)

        best: list[Candidate | None] = []
        confidence: list[float] = []
        for (candidacy, options), initial in zip(chosen, first, strict=True):
            if len(options) == 1:
                best.append(initial)
                confidence.append(1 / (1 + math.exp(-6.0)))  # an unambiguous name: a gap of 3
                continue
            scored = sorted((-final(o, candidacy), n) for n, o in enumerate(options))  # ties: the first listed
            best.append(options[scored[0][1]])
            confidence.append(1 / (1 + math.exp(-2 * (scored[1][0] - scored[0][0]))))
        for position, (candidacy, options) in enumerate(chosen):
            chosen_place = best[position]
            if chosen_place is not None and chosen_place.place.feature_code == "ADM1" \
                    and candidacy.cue not in ADMIN_WORDS:
                # "in Al-Hasakeh", "in Bari": the city, where a province is named after it and the text does
                # not say "province"; "in Kiev", the capital of its country, not the smaller oblast around it
                # (but "western Washington" is the state, and "Makariv in Kiev" or "Kiev oblast" the oblast)
                capital = next((o for o in options if o.place.feature_code == "PPLC"
                                and o.place.country_code == chosen_place.place.country_code
                                and o.place.population >= chosen_place.place.population), None) \
                    if not _holds_a_place(parse, chosen, best, position) else None
                best[position] = next((o for o in namesake_towns(options, chosen_place.place,
                                                                 candidacy.span.of(parse.text))
                                       if o.place.admin1 == chosen_place.place.admin1),
                                      capital or _city_abroad(candidacy, options, chosen_place, context, best)
                                      or chosen_place)
        self._province_not_country(chosen, best, first)
        qualifiers = read_chains(parse.text, chosen, best, final, self._in_box)
        spread_located(parse.text, chosen, best, qualifiers)
        _as_said(parse, chosen, best)
        names = [normalize_name(c.span.of(parse.text)) for c, _ in chosen]
        # the other names as the chains settled them ("Rio Bueno municipality (Los Rios)": Chile's region, not
        # Ecuador's, which scored best alone)
        settled = [(n, b or f) for n, b, f in zip(names, best, first, strict=True)]
        mentions = []
        for position, (candidacy, _) in enumerate(chosen):
            place = best[position]
            if place is None and (area := lying_in(parse.text, chosen, best, qualifiers, position)) is not None:
                mentions.append(PlaceMention(candidacy.span, area.place, 0.5, WITHIN))
                continue
            if place is None or stray(place, names[position], settled, context):
                continue
            mentions.append(PlaceMention(candidacy.span, place.place, round(confidence[position], 3), candidacy.cue,
                                         qualifies=position in qualifiers and best[position - 1] is not None))
        return tuple(mentions)

    def _in_box(self, town: Candidate, province: Candidate) -> bool:
        """The town lies in the box around the towns of the province; a unit of the province's country, whose
        point is the middle of an area that reaches past the province's outermost towns, within `_UNIT_REACH_KM`
        of that box (a unit across a national border lies in the box itself)."""
        box = self.gazetteer.extent(province.place.country_code, province.place.admin1)
        if box is None:
            return False
        lat, lon = town.place.latitude, town.place.longitude
        reach = _UNIT_REACH_KM / geodesy.KM_PER_DEGREE if town.place.feature_code == "ADMD" \
            and town.place.country_code == province.place.country_code else 0.0
        wide = reach / max(math.cos(math.radians(lat)), 0.1)
        return box[0] - reach <= lat <= box[1] + reach and box[2] - wide <= lon <= box[3] + wide

    @staticmethod
    def _province_not_country(chosen: list[tuple[Candidacy, list[Candidate]]], best: list[Candidate | None],
                              first: list[Candidate]) -> None:
        """"Georgia" in an article whose other places are all in the United States is the state, not the country:
        a country's name that a province of another country also bears is that province where the article names
        two or more other places in the province's country and none in the country's."""
        towns = Counter(f.place.country_code for f in first if f.place.feature_code not in ("PCLI", "CONT", "RGN"))
        for position, (_, options) in enumerate(chosen):
            reading = best[position]
            if reading is None or reading.place.feature_code != "PCLI" or towns[reading.place.country_code]:
                continue
            name = normalize_name(reading.place.name)
            province = next((o for o in options if o.place.feature_code == "ADM1" and towns[o.place.country_code] >= 2
                             and normalize_name(o.place.name) == name), None)
            if province is not None:
                best[position] = province


def _city_abroad(candidacy: Candidacy, options: list[Candidate], province: Candidate, context: Context,
                 readings: list[Candidate | None]) -> Candidate | None:
    """"in Bari": where a province read for a name the text does not call a province (nor names as a qualifier:
    "Qardho, Bari") has no town of its name in it, and neither the article's focus nor any other name's reading
    (`readings`) is in its country, a city of `LIST_CITY` people that bears the name as its own, in another
    country, half the province's size or more (Bari, Italy, not Somalia's Bari region; but "near Bosaso in Bari"
    is the region); None if none."""
    code = province.place.country_code
    if candidacy.cue in (QUALIFIER, REGION_QUALIFIER) or context.share(code) > 0 or any(
            r is not None and r != province and r.place.country_code == code for r in readings):
        return None
    return max((o for o in options if o.place.feature_class == "P" and o.primary_name
                and o.place.country_code != code and o.place.population >= LIST_CITY
                and 2 * o.place.population >= province.place.population),
               key=lambda o: o.place.population, default=None)


def _bare(candidacy: Candidacy) -> bool:
    """A name with no cue the model did not tag."""
    return not candidacy.from_ner and candidacy.cue in ("", ROUTE_END)


def _as_said(parse: Parse, chosen: list[tuple[Candidacy, list[Candidate]]], best: list[Candidate | None]) -> None:
    """One reading a name: a bare name is the place the article's cued or tagged mentions of it were read as,
    where they agree ("Homa Bay women Rep seat ... (Ndhiwa, Homa Bay county)": the county)."""
    said: dict[str, set[Place]] = {}
    for (candidacy, _), reading in zip(chosen, best, strict=True):
        if reading is not None and not _bare(candidacy):
            said.setdefault(normalize_name(candidacy.span.of(parse.text)), set()).add(reading.place)
    for position, (candidacy, options) in enumerate(chosen):
        places = said.get(normalize_name(candidacy.span.of(parse.text)), set())
        if _bare(candidacy) and len(places) == 1:
            best[position] = next((o for o in options if o.place in places), best[position])


_UNITS_AFTER = frozenset({"oblast", "oblasts", "region", "regions", "province", "provinces", "state", "governorate"})


def _holds_a_place(parse: Parse, chosen: list[tuple[Candidacy, list[Candidate]]], best: list[Candidate | None],
                   position: int) -> bool:
    """The name at `position` is said to hold a town or to be a unit: "Makariv in Kiev", "Bucha, Kiev", "Kiev
    oblast"; not "activists of Democratic Choice of Kazakhstan in Kiev"."""
    span = chosen[position][0].span
    after = parse.text[span.end : span.end + 20].split()
    if after and after[0].lower().strip(".,;") in _UNITS_AFTER:
        return True
    before = best[position - 1] if position > 0 else None
    gap = parse.text[chosen[position - 1][0].span.end : span.start] if position > 0 else ""
    return before is not None and before.place.feature_class == "P" \
        and any(pattern.match(gap) for pattern in (QUALIFIER_GAP, CONTAINED_GAP, IN_A_TOWN))


def make(settings: Settings) -> Callable[[Article], Article]:
    geoparser = Geoparser(
        open_gazetteer(str(settings.get("geoparse.index_path"))),
        int(settings.get("geoparse.min_population")),
        int(settings.get("geoparse.max_candidates")),
    )

    def geoparse(article: Article) -> Article:
        assert article.annotation is not None, "annotate must run before geoparse"
        places = geoparser.parse_places(Parse(article.annotation, article.text))
        return dataclasses.replace(article, places=places)

    return geoparse
