"""recognise: the spans of an annotated article that may name places, each with the cue that makes it one.

NER place spans (GPE, LOC, FAC) and runs of proper nouns the model did not tag, split at punctuation and internal
hyphens ("Iraq-Syria border"); titles stripped; actor names, parts of person or organisation names, months and
lowercase words blocked. The cue is the context that makes a name a place: "the town of X", "in X", "X province",
or the place a qualifier follows ("Pirque (Cochabamba)"). Resolution is `geoparse`'s.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from eventwire.gazetteer.names import normalize_name
from eventwire.lexicons import load_actor_lexicon
from eventwire.model import DATELINE, IN_NAME, ROUTE_END, Span
from eventwire.parse import Parse
from eventwire.stages.relabel import Candidacy

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # the entity labels of names that may be places
_PLACE_NOUNS = frozenset({"town", "city", "village", "province", "district", "region", "governorate", "county",
                          "state", "area", "capital", "outskirts", "suburb", "municipality", "neighbourhood",
                          "neighborhood", "locality", "commune", "camp", "countryside", "vicinity", "beach", "coast",
                          # a part or a site of a town: "the port of Alexandroupoli", "the prison of Dunkerque"
                          "port", "prison", "jail", "entrance", "edge", "centre", "center", "heart", "street"})
# the land around a place, named after it: "in As Sweida countryside", "Aleppo's outskirts"
_SURROUNDINGS = frozenset({"countryside", "outskirts", "suburbs", "environs"})
_CUE_PREPOSITIONS = frozenset({"in", "near", "at", "from", "to", "outside", "around", "into", "toward", "towards",
                               "across", "inside", "between", "of", "through", "throughout", "along", "within"})
_TITLES = frozenset({"president", "prime", "minister", "general", "gen", "mr", "mrs", "ms", "dr", "king", "queen",
                     "sheikh", "colonel", "col", "captain", "lieutenant", "major", "commander", "spokesman",
                     "governor", "senator", "secretary", "pope", "prince", "emir"})
ADMIN_WORDS = frozenset({"province", "governorate", "region", "state", "district", "county"})
# bare directions, which name provinces of some countries ("Central", "Eastern") and parts of any
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "north west", "north east", "south west", "south east", "central", "centre", "center",
                        "northern", "southern", "eastern", "western", "far north", "littoral", "midwest"})
# Lowercase words inside place names: "Rio Grande do Norte", "Santiago de Cali", "Bani Walid al-..."
_CONNECTORS = frozenset({"de", "do", "da", "dos", "das", "del", "di", "du", "des", "la", "le"})
TOWN_WORDS = frozenset({"town", "city", "village", "township", "neighbourhood", "neighborhood", "suburb",
                         "camp", "locality", "municipality", "commune"})
_UNIT_WORDS = ADMIN_WORDS | TOWN_WORDS
# the words that name a district as one: "the district of Surrey", "the Vienne department", "Bama LGA",
# "Chintapalle mandal" (not "municipality" or "commune", which name towns as often: `TOWN_WORDS`)
DISTRICT_WORDS = ADMIN_WORDS | frozenset({"department", "prefecture", "oblast", "rayon", "raion", "lga", "upazila",
                                          "tehsil", "woreda", "regency", "division", "subdivision", "arrondissement",
                                          "cercle", "territory", "mandal"})
# the words of districts alone, not of peoples', armies' or shops' ("Kurdish region", "Syrian territory", "the
# Oriental department store")
_DISTRICTS_ONLY = DISTRICT_WORDS - ADMIN_WORDS - {"division", "territory", "department"}
# a unit's word written short, and the unit it is: "Bama LGA (Borno)", a local government area of Nigeria
UNIT_ABBREVIATIONS: Mapping[str, str] = MappingProxyType({"lga": "district"})
_INSTITUTIONS = frozenset({"school", "university", "college", "hospital", "clinic", "academy", "institute",
                           "stadium", "prison", "lycee", "high", "elementary"})
ROUTES = frozenset({"road", "highway", "route", "motorway", "expressway", "railway", "axis", "corridor", "pipeline"})
_NAMED_AFTER = frozenset({"square", "avenue", "street", "boulevard", "plaza", "park", "roundabout", "church",
                          "cathedral", "mosque", "temple", "cocktail", "cocktails"})  # "Molotov cocktails"
# a property named after a place, after "the" ("in the Santa Clara farm"); "a Limpopo farm" is a farm in Limpopo
_PROPERTIES = frozenset({"farm", "ranch", "hacienda", "estate"})
# "Reston virus", "Lassa fever", "Spanish flu": a disease named after a place, not a mention of it
_DISEASES = frozenset({"virus", "viruses", "ebolavirus", "fever", "flu", "influenza"})
# words for a part of a place between a preposition and its name: "from rural Damascus", "in northern Syria"
_PART_ADJECTIVES = frozenset({"rural", "northern", "southern", "eastern", "western", "central", "northeastern",
                              "northwestern", "southeastern", "southwestern", "greater", "downtown", "suburban",
                              "occupied"})
_INSIDE_ORG = frozenset({"in", "near", "at", "between"})
# Spanish words for a part of a town, put before its name: "in Colonia Divina Providencia" (Tijuana) is no
# mention of Uruguay's Colonia department
_QUARTER_PREFIXES = frozenset({"colonia", "barrio", "fraccionamiento"})
# Buildings and sites a report names before the town they are in: "the Gyeongju City Hall (Gyeongju)"
_LANDMARKS = frozenset({"hall", "office", "offices", "assembly", "square", "stadium", "school", "university",
                        "college", "hospital", "ministry", "court", "station", "market", "embassy", "consulate",
                        "building", "headquarters", "park", "bridge", "church", "mosque", "temple", "palace",
                        "center", "centre", "airport", "plaza", "parliament", "prison", "factory", "plant", "mall",
                        "terminal", "residence", "secretariat", "prefecture", "monument", "memorial", "roundabout",
                        "intersection", "checkpoint", "base", "barracks", "compound", "agency", "company"})
# Lowercase words between hyphens inside a name: "Bourg-de-Peage", "Plourin-les-Morlaix", "Aix-en-Provence",
# "Deir-ez-Zor", "Ti-n-Agadel", "Komsomolsk-on-Amur", "Rostov-na-Donu", "Frankfurt-am-Main"
_HYPHENED_PARTICLES = frozenset({"de", "des", "du", "la", "le", "les", "lès", "sur", "en", "et", "aux", "sous",
                                 "di", "del", "al", "el", "ez", "es", "ad", "ar", "as", "ash", "az", "an", "n",
                                 "on", "upon", "under", "am", "im", "na", "nad", "pod"})
# "Bani an Namri", "Wadi as Sir", "Jabal ash Sheikh": the article of an Arabic name written apart, after the words
# such names begin with ("Kitaf wa Al Boqee": "and" is "wa" wherever it stands); an article other than "al" takes
# the sound of the word after it, so "Dar at Shopian" is a man at a town
_ARABIC_ARTICLES = frozenset({"an", "as", "ash", "at", "ad", "ar", "az", "adh", "ath"})
_ARABIC_HEADS = frozenset({"bani", "beni", "wadi", "jabal", "jebel", "ras", "tal", "tell", "bir", "ain", "deir",
                           "dayr", "kafr", "abu", "umm", "khirbet", "beit", "bayt", "suq", "souq", "qasr", "hisn",
                           "dar", "shib"})
# participles after a place and a hyphen that say whose something is, or where it is from, not where it acts
_AFFILIATIONS = frozenset({"led", "backed", "owned", "funded", "brokered", "made", "allied", "controlled",
                           "sponsored", "trained", "armed", "supported", "flagged"})  # not "based", "born": a home
QUALIFIER = "qualifier"  # the cue of the Y of "X, Y" or "X (Y)" after a name read as a place
REGION_QUALIFIER = "region qualifier"  # the same after a bare name ("shelled Rubizhne, Luhansk")
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday"})
# feasts named like towns (Christmas, Florida; Easter, Texas): a date, not a place, unless "the town of"
_FEASTS = frozenset({"christmas", "easter", "thanksgiving", "halloween", "ramadan", "passover", "hanukkah", "diwali",
                     "nowruz", "eid"})
# seats of government named for their government ("the White House said"), a place only after a locative word
_SEATS = frozenset({"white house"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# a province's name after a comma, said to be one ("Ocheretino, Donetsk region"): it locates the name before it
_REGION_AFTER = re.compile(r",\s+(?-i:[A-Z])[\w'’-]+\s+(?:region|oblast|province|governorate|state)\b", re.IGNORECASE)
# verbs whose object is a place fire fell on or forces took ("shelled Mariupol", "captured Izium")
_ASSAILED = frozenset({"shell", "bomb", "bombard", "strike", "capture", "recapture", "besiege", "encircle",
                       "liberate", "storm"})
_BREAKS = frozenset({"(", ")", ",", ";", "[", "]"})
# Text between a place and the next that makes the next one its container: "Pirque (Cochabamba)",
# "Alvaro Obregon, Oaxaca", "Winder town (Las Bela district, Balochistan)".
# What lies between a place and the one that locates it: "X (Y", "X town, Y", and the units between them the
# index lacks ("Kani township, Yinmarbin district, Sagaing region": Kani lies in Sagaing).
# Inside parentheses the units between need no word for their kind: "Dong village (Jos North, Plateau)".
_UNIT = (r"(?:town|city|village|township|district|county|municipality|province|region|state|division|tract|regency"
         r"|department|prefecture|governorate|sub-?district|tehsil|upazila|mandal|locality|commune|woreda|oblast|lga)")
_NAME = r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}"
QUALIFIER_GAP = re.compile(r"^(?:\s+(?:town|city|village|township|area|district|county|municipality|regency"
                           r"|department|prefecture|sub-?district|tehsil|upazila|mandal|locality|commune|woreda"
                           r"|province|state|region|governorate|subdivision|corregimiento|payam|kebele|ward|sector"
                           r"|neighbou?rhood|groupement|chiefdom|lga)(?:\s+cent(?:er|re)|-\d+)?)?"  # "X town center, Y"
                           r"(?:\s*\(coded\s[^()]*\))?"  # "Hays (coded to district level) (Al Hudaydah)"
                           rf"(?:\s*,\s*(?:the\s+)?(?:{_NAME}\s+{_UNIT}\s*,\s*)*"
                           rf"|\s*\(\s*(?:the\s+)?(?:{_NAME}(?:\s+{_UNIT})?\s*,\s*)*)$",
                           re.IGNORECASE)
# "Tal Tamer town in Al Hasakeh countryside", "Basira town in Deir ez Zor": the next place contains this one
# "Izra' town in Dara", "Aksy district of Jalal-Abad region"
CONTAINED_GAP = re.compile(rf"^['’]?\s+{_UNIT}\s+(?:in|of)\s+(?:the\s+)?$", re.IGNORECASE)
# "(Al Amadiya district) of Duhok": the parenthesis closed, the province that holds the place named in it
CLOSED_OF_GAP = re.compile(rf"^(?:\s+{_UNIT})?\)\s+(?:of|in)\s+(?:the\s+)?$", re.IGNORECASE)


def _arabic_article(word: str, following: str) -> bool:
    """"al", or an article that takes the sound of the word after it: "an Namri", "as Sayagh", "ash Sheikh"."""
    return word == "al" or (word in _ARABIC_ARTICLES and following.lower().startswith(word[1:]))


def _runs(parse: Parse) -> list[list[int]]:
    """Maximal runs of proper nouns, joined across hyphens written without spaces ("al-Qaim")."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, token in enumerate(parse.tokens):
        word = parse.word(index)
        glued = bool(current) and parse.tokens[current[-1]].end == token.start
        connects = ((word in _CONNECTORS or word == "wa"
                     or (len(current) == 1 and parse.word(current[0]).lower() in _ARABIC_HEADS
                         and index + 1 < len(parse.tokens) and _arabic_article(word, parse.word(index + 1))))
                    and bool(current) and index + 1 < len(parse.tokens) and parse.tokens[index + 1].pos == "PROPN")
        # a hyphenated name the small model split into other parts of speech ("Bourg-de-Peage": Peage/NOUN)
        hyphened = glued and parse.word(current[-1]) == "-" and (
            word[:1].isupper() or (word in _HYPHENED_PARTICLES and index + 1 < len(parse.tokens)
                                   and parse.word(index + 1) == "-" and parse.tokens[index + 1].start == token.end))
        # a capitalised word after "in"/"at" the small model took for a verb or noun ("in Norrkoping"), or after a
        # unit's word and a comma ("in Haliliye town, Sanliurfa")
        named_after_cue = (token.pos in ("NOUN", "VERB", "ADJ") and word[:1].isupper() and index > 1
                           and parse.tokens[index - 1].sent == token.sent
                           and (parse.word(index - 1) in ("in", "at", "near", "outside", "through")
                                or (parse.word(index - 1) == "," and parse.word(index - 2).lower() in _UNIT_WORDS
                                    and not (index + 1 < len(parse.tokens)  # not "village, Akura parish"
                                             and parse.tokens[index + 1].pos == "NOUN"))))
        # or before the unit it names ("(Shimla district, HP)", "(Ye-U township", "(Indramayu regency"), not at the
        # start of its sentence
        unit_at = index + 1
        if unit_at + 1 < len(parse.tokens) and parse.word(unit_at) == "-" and parse.word(unit_at + 1)[:1].isupper() \
                and parse.tokens[unit_at].start == token.end and parse.tokens[unit_at + 1].start == token.end + 1:
            unit_at += 2  # the unit's word after the hyphenated name's second part
        named_before_unit = (token.pos in ("NOUN", "VERB", "ADJ") and word[:1].isupper() and index > 0
                             and word.lower() not in DIRECTIONS
                             and parse.tokens[index - 1].sent == token.sent and unit_at < len(parse.tokens)
                             # an adjective only before a word no people or region is ("an Arab village")
                             and parse.word(unit_at) in (_DISTRICTS_ONLY if token.pos == "ADJ"
                                                         else _UNIT_WORDS | DISTRICT_WORDS))
        if (token.pos == "PROPN" and word != "-") or (word == "-" and glued and current) or connects \
                or named_after_cue or named_before_unit or hyphened:
            if current and not glued and parse.text[parse.tokens[current[-1]].end : token.start] != " ":
                runs.append(current)
                current = []
            current.append(index)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs
# "BEIRUT (Reuters) - ", "KABUL, Afghanistan (AP) — ", "NEWARK -- ", "DeKALB – ": the town a report is filed from,
# in capitals at the start of a line or a sentence (or after the byline's date), before a dash or a colon
_DATELINE = re.compile(r"(?:^|(?<=[.!?\"”]\s)|(?<=\d\d\d\d\s))"
                       r"((?:Mc|De|La|Le)?[A-Z][A-Z'’.-]+(?:\s+(?:Mc|De)?[A-Z][A-Z'’.-]+){0,3})"
                       r"(?=(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?\s*"
                       r"(?:\([^()\n]{1,40}\)\s*)?(?:—|–|-{1,3}|:|”)\s)",
                       re.MULTILINE)
# a newspaper's rubrics, written like datelines ("UPDATE: ", "POLICE - "): no town
_RUBRICS = frozenset({"update", "updated", "breaking", "watch", "video", "photos", "exclusive", "editorial", "opinion",
                      "analysis", "sport", "sports", "news", "local", "world", "business", "obituary", "obituaries",
                      "correction", "note", "live", "comment", "review", "weather", "police", "crime", "editor's note",
                      "editor’s note", "softball", "baseball", "football", "basketball", "soccer", "hockey",
                      "more", "read more", "related", "see also", "also read", "listen", "read", "photo",
                      # news agencies, which wire datelines credit, not places
                      "tass", "sana", "irna", "xinhua", "ria", "afp", "ap", "upi", "wafa", "anadolu", "bernama",
                      "yonhap", "kyodo", "petra", "mena", "qna", "spa", "wam", "kuna"})


def _datelines(parse: Parse) -> list[Candidacy]:
    found = []
    for match in _DATELINE.finditer(parse.text):
        name = match.group(1).rstrip(".-")
        if sum(c.isalpha() for c in name) < 3 or name.lower() in _RUBRICS:
            continue
        tokens = [i for i in parse.tokens_in(Span(match.start(1), match.start(1) + len(name)))
                  if parse.word(i) not in _BREAKS]
        if tokens:
            found.append(Candidacy(parse.span_of(tokens), tuple(tokens), False, DATELINE))
    return found


_CODE = re.compile(r"^[A-Z]{1,4}-?\d{1,3}$")  # "PD5 Kandahar city": a police district's code, not the city's name


def _strip_titles(parse: Parse, run: list[int]) -> list[int]:
    while run and (parse.word(run[0]).lower().rstrip(".") in _TITLES
                   or (len(run) > 1 and _CODE.match(parse.word(run[0])))):
        run = run[1:]
    while run and parse.word(run[-1]) == "-":
        run = run[:-1]
    return run


def _route_end(parse: Parse, first: int, last: int) -> bool:
    """"the Bolivar - Piquiucho highway", "the Cincuentenario - San Francisco road": a place a road joins, written
    apart from the other end."""
    count = len(parse.tokens)
    if last + 1 < count and parse.word(last + 1).lower() in ROUTES and first >= 1 and parse.word(first - 1) == "-":
        return True
    if last + 2 < count and parse.word(last + 1) == "-":
        for index in range(last + 2, min(count, last + 7)):
            word = parse.word(index)
            if word.lower() in ROUTES:
                return True
            if not word[:1].isupper():
                return False
    return False


# "in Kandahar and Helmand provinces", "Harvey, Harper and Kingman counties": a list of names before its unit, plural
_PLURAL_UNITS = {"provinces": "province", "governorates": "governorate", "regions": "region", "states": "state",
                 "districts": "district", "counties": "county", "towns": "town", "cities": "city",
                 "villages": "village", "townships": "township", "municipalities": "municipality",
                 "communes": "commune", "neighbourhoods": "neighbourhood", "neighborhoods": "neighborhood"}
_LIST_WORDS = frozenset({",", "and", "&", "or"})


def _listed_unit(parse: Parse, first: int, last: int) -> str:
    """The unit of a list of names the name is a part of ("Jackson" and "Barrow" of "Jackson and Barrow
    counties"), in the singular; "" if the name is in no such list. Not one name ("the middle of Indiana
    counties"), nor the units of a unit ("Christian and Webster County districts")."""
    sentence = parse.tokens[last].sent
    listed = first > 0 and parse.word(first - 1).lower() in _LIST_WORDS
    for index in range(last + 1, min(len(parse.tokens), last + 16)):
        word = parse.word(index).lower()
        if parse.tokens[index].sent != sentence:
            return ""
        if word in _PLURAL_UNITS:
            unit = listed and parse.word(index - 1).lower() not in _UNIT_WORDS and parse.word(index).islower()
            return _PLURAL_UNITS[word] if unit else ""
        if word in _LIST_WORDS:
            listed = True
        elif not parse.word(index)[:1].isupper():
            return ""
    return ""


def _cue(parse: Parse, first: int, last: int) -> str:
    """The contextual cue that makes a proper noun a place: "town of X", "in X", "X province", "X village"."""
    if _route_end(parse, first, last):
        return ROUTE_END
    if last + 2 < len(parse.tokens) and parse.word(last + 1) == "-" and parse.tokens[last + 1].start == \
            parse.tokens[last].end and parse.word(last + 2).lower() in _AFFILIATIONS:
        return IN_NAME  # "Turkey-backed groups", "the U.S.-led coalition": whose, not where
    before = [parse.tokens[i].lemma.lower() for i in range(max(0, first - 2), first)]
    after = parse.word(last + 1).lower().partition("-")[0] if last + 1 < len(parse.tokens) else ""
    after = UNIT_ABBREVIATIONS.get(after, after)  # "Bama LGA"; "Rangeli municipality-7" (its ward 7)
    if len(before) == 2 and before[1] == "of" and before[0] in _PLACE_NOUNS and after not in ADMIN_WORDS:
        return f"{before[0]} of"  # but "Aksy district of Jalal-Abad region": the region
    if after in ADMIN_WORDS or after in TOWN_WORDS or after in _SURROUNDINGS:
        return after
    listed = _listed_unit(parse, first, last)
    if listed:
        return listed
    if first >= 2 and parse.word(first - 1) == "(" and _names_a_landmark(parse, first - 2):
        return "at"  # "the Gyeongju City Hall (Gyeongju)": the town the building is in
    if before and before[-1] in _CUE_PREPOSITIONS - {"of"} and before != ["accord", "to"]:
        return before[-1]  # but "according to X" names a source
    if len(before) == 2 and parse.word(first - 1).lower() in _PART_ADJECTIVES \
            and before[0] in _CUE_PREPOSITIONS - {"of"}:
        return before[0]  # "from rural Damascus", "in northern Syria"
    if before and before[-1] == "of" and _ends_a_person(parse, first - 2) and not _in_an_organisation(parse, first):
        return "from"  # "James Tauber of Nelson", "Rebecca Sears, 41, of Grovetown": where the person is from
    return ""


def assailed(parse: Parse, candidacy: Candidacy) -> bool:
    """"shelled Mariupol with heavy weapons": the name is the object of shelling or capture, as a place is; not
    "Tragedy struck the Webster", nor a person ("police captured Eugene after a manhunt")."""
    first, last = candidacy.tokens[0], candidacy.tokens[-1]
    token = parse.tokens[last]
    entity = parse.entity_covering(candidacy.span)
    return token.dep == "dobj" and parse.tokens[token.head].lemma.lower() in _ASSAILED \
        and not (first > 0 and parse.word(first - 1).lower() in ("the", "a", "an")) \
        and not (entity is not None and entity.label == "PERSON")


def _names_a_landmark(parse: Parse, index: int) -> bool:
    """The words before `index` (included) end a building's or office's name: "the Gyeongju City Hall", "the
    Gangwon Provincial Office of Education"."""
    for back in range(index, max(-1, index - 4), -1):
        word = parse.word(back)
        if word.lower() in _LANDMARKS:
            return True
        if not (word[:1].isupper() or word.lower() in ("of", "for", "and")):
            return False
    return False


def _in_an_organisation(parse: Parse, first: int) -> bool:
    """"Peter Maurer of Red Cross", "Ann Smith of Save the Children": the words after "of" name a body."""
    entity = parse.entity_covering(parse.span_of([first]))
    after = first + 1
    while after < len(parse.tokens) and parse.word(after)[:1].isupper():
        after += 1
    return (entity is not None and entity.label == "ORG" and after - first > 1) or (
        after < len(parse.tokens) and parse.word(after).lower() == "the")


def _ends_a_person(parse: Parse, index: int) -> bool:
    """The token at `index` ends a person's name, or the age written after one (", 41,")."""
    if index >= 2 and parse.word(index) == "," and parse.tokens[index - 1].pos == "NUM" \
            and parse.word(index - 2) == ",":
        return True
    entity = parse.entity_covering(parse.span_of([index])) if index >= 0 else None
    return entity is not None and entity.label == "PERSON" and parse.tokens_in(entity.span)[-1] == index


def _split_at_punctuation(parse: Parse, indexes: list[int], dashes: bool = False) -> list[list[int]]:
    """"Maceio (Alagoas" and "Izalco, Sonsonate" are tagged as one entity: they are two places. With `dashes`, a
    dash with spaces around it parts them too."""
    parts: list[list[int]] = [[]]
    for index in indexes:
        if parse.word(index) in _BREAKS or (dashes and parse.word(index) in _DASHES and _spaced(parse, index)):
            parts.append([])
        else:
            parts[-1].append(index)
    return [p for p in parts if p]


_DASHES = frozenset({"-", "–", "—", "--"})


def _spaced(parse: Parse, index: int) -> bool:
    """The token has white space on both sides ("Trump - Wisconsin"; not "Smith-Jones")."""
    token = parse.tokens[index]
    return parse.text[token.start - 1 : token.start].isspace() and parse.text[token.end : token.end + 1].isspace()


def candidacies(parse: Parse, known: Callable[[str], bool] = lambda name: False) -> list[Candidacy]:
    """NER place spans, and runs of proper nouns the model did not tag. A run that the index knows as one name
    replaces the shorter spans NER tagged inside it ("San Francisco" of "San Francisco del Rincon")."""
    found: dict[Span, Candidacy] = {}
    for entity in parse.annotation.entities:
        if entity.label in PLACE_LABELS:
            for part in _split_at_punctuation(parse, parse.tokens_in(entity.span)):
                indexes = _strip_titles(parse, [i for i in part if parse.tokens[i].lemma.lower() != "the"])
                while indexes and parse.word(indexes[-1]) in POSSESSIVES \
                        and not known(parse.span_of(indexes).of(parse.text)):
                    indexes = indexes[:-1]  # "Boone County’s unemployment rate"; but "St. John's"
                while indexes and parse.word(indexes[-1]) in TOWN_WORDS | ADMIN_WORDS:
                    indexes = indexes[:-1]  # "Zmiivka village": the name, with "village" as its cue
                if len(indexes) > 2 and parse.word(indexes[0]).lower() in _PLACE_NOUNS \
                        and parse.word(indexes[1]) == "of" and not known(parse.span_of(indexes).of(parse.text)):
                    indexes = indexes[2:]  # "near the Coast of Odesa": Odesa, cued by its coast
                indexes = _without_direction(parse, indexes, known)
                if indexes:
                    span = parse.span_of(indexes)
                    found[span] = Candidacy(span, tuple(indexes), True, _cue(parse, indexes[0], indexes[-1]))
    # the NER candidacies by token, so that a run finds those it overlaps without a scan (runs never overlap)
    at_token: dict[int, list[Candidacy]] = {}
    for candidacy in found.values():
        for index in range(candidacy.tokens[0], candidacy.tokens[-1] + 1):
            at_token.setdefault(index, []).append(candidacy)
    for run in _runs(parse):
        run = _without_direction(parse, _strip_titles(parse, run), known)
        if not run:
            continue
        span = parse.span_of(run)
        inside = list({id(c): c for i in range(run[0], run[-1] + 1) for c in at_token.get(i, ())
                       if c.span in found and c.span.overlaps(span)}.values())
        if inside and span not in found and all(span.start <= c.span.start and c.span.end <= span.end for c in inside) \
                and (known(span.of(parse.text)) or _known_before_unit(parse, run, known)):
            for candidacy in inside:
                del found[candidacy.span]
            found[span] = Candidacy(span, tuple(run), True, _cue(parse, run[0], run[-1]))
        elif span not in found and not inside:
            found[span] = Candidacy(span, tuple(run), False, _cue(parse, run[0], run[-1]))
    _share_list_cues(parse, found)
    datelines = _datelines(parse)
    undated = [c for c in found.values() if not any(d.span.overlaps(c.span) for d in datelines)]
    return _longest_known(parse, sorted((*undated, *datelines), key=lambda c: c.span.start), known)


def _without_direction(parse: Parse, indexes: list[int], known: Callable[[str], bool]) -> list[int]:
    """"west Mosul", "east Kharkiv": a lowercase direction the model took into a city's name is the city's part,
    and the name the city's, unless the index knows the whole ("East Naples")."""
    while len(indexes) > 1 and parse.word(indexes[0]) in DIRECTIONS \
            and not known(parse.span_of(indexes).of(parse.text)):
        indexes = indexes[1:]
    return indexes


def _known_before_unit(parse: Parse, run: list[int], known: Callable[[str], bool]) -> bool:
    """The run ends with a unit's word after a name the index knows: "Deir-ez-Zor City", of which the model
    tagged only "Zor City"."""
    return len(run) > 1 and parse.word(run[-1]).lower() in TOWN_WORDS | ADMIN_WORDS \
        and known(parse.span_of(run[:-1]).of(parse.text))


def _share_list_cues(parse: Parse, found: dict[Span, Candidacy]) -> None:
    """"between Sinaloa and Guasave", "in Kofcaz and Kirklareli": a bare name joined by "and" or "or" to a name cued
    by a preposition takes the same cue (not after a bare comma: "in Guasave, Sinaloa" is a town and its
    province)."""
    ordered = sorted(found.values(), key=lambda c: c.span.start)
    for before, candidacy in itertools.pairwise(ordered):
        gap = parse.text[before.span.end : candidacy.span.start]
        cue = found[before.span].cue
        if not candidacy.cue and cue in _CUE_PREPOSITIONS and gap.replace(",", " ").split() in (["and"], ["or"]):
            found[candidacy.span] = Candidacy(candidacy.span, candidacy.tokens, candidacy.from_ner, cue)


# lowercase words inside names the model splits: "Landau in der Pfalz", "Komsomolsk-on-Amur", "Deir ez-Zor",
# "Saint Pierre and Miquelon", "Shahr e Kord" (not "of": "City of Richmond" is a town's own name with its cue)
_INNER_WORDS = _CONNECTORS | {"in", "der", "am", "an", "on", "upon", "ez", "es", "el", "al", "sur", "sous", "and", "e",
                              "'s", "’s", "-", "'", "’"}


def _longest_known(parse: Parse, found: list[Candidacy], known: Callable[[str], bool]) -> list[Candidacy]:
    """"Laranjal do Jari", "Lee's Summit", "General Santos City": where the model cut a name the index knows into
    parts, or kept only its end, the longest name the index knows around a candidacy (up to two words before it
    and three after, within the sentence) replaces it and the candidacies it overlaps."""
    result = list(found)
    swallowed: set[int] = set()  # ids of the candidacies a longer name replaced
    for candidacy in found:
        if id(candidacy) in swallowed or candidacy.cue == DATELINE:
            continue  # swallowed by a longer name already; or a dateline, whose capitals end it
        first, last = candidacy.tokens[0], candidacy.tokens[-1]
        sentence = parse.tokens[first].sent
        best: tuple[int, int] | None = None
        for start in range(max(0, first - 2), first + 1):
            for end in range(last, min(len(parse.tokens) - 1, last + 3) + 1):
                if (start, end) == (first, last) or not _name_like(parse, start, end, last, sentence):
                    continue
                if (best is None or end - start > best[1] - best[0]) \
                        and known(parse.span_of(range(start, end + 1)).of(parse.text)):
                    best = (start, end)
        if best is None:
            continue
        tokens = tuple(range(best[0], best[1] + 1))
        span = parse.span_of(tokens)
        swallowed |= {id(c) for c in result if span.overlaps(c.span)}
        result = [c for c in result if not span.overlaps(c.span)]
        result.append(Candidacy(span, tokens, candidacy.from_ner, _cue(parse, best[0], best[1])))
    return sorted(result, key=lambda c: c.span.start)


_LEADING_ARTICLES = frozenset({"the", "a", "an", "as", "at", "al", "el", "ad", "ar", "az", "ash", "adh"})


def _name_like(parse: Parse, start: int, end: int, last: int, sentence: int) -> bool:
    """Words that could make one place name: capitalised at both ends, and only capitalised words or the small
    words of names between, in one sentence, not led by an article nor ended by an abbreviation added after
    `last`."""
    words = [parse.word(i) for i in range(start, end + 1)]
    if words[0].lower() in _LEADING_ARTICLES or (words[-1].endswith(".") and end > last):
        return False  # "The United States" is the name the index knows without its article; "U.S. Sen."
    if not (words[0][:1].isupper() and words[-1][:1].isupper()) or parse.tokens[end].sent != sentence \
            or parse.tokens[start].sent != sentence:
        return False
    # "of" after a capitalised province's word: "District of Columbia" is a name, where "City of Richmond" is Richmond
    # with its cue
    return all(w[:1].isupper() or w.lower() in _INNER_WORDS
               or (w == "of" and k > 0 and words[k - 1].istitle() and words[k - 1].lower() in ADMIN_WORDS)
               for k, w in enumerate(words))


def split_hyphenated(parse: Parse, candidacy: Candidacy) -> list[Candidacy]:
    """"Iraq-Syria border" names two places: split a candidate at its internal hyphens."""
    hyphens = [i for i in candidacy.tokens if parse.word(i) == "-"]
    # "Al-Hasakeh - Al Kallaseh": where the name has a spaced hyphen, it separates the places; the others do not
    spaced = [i for i in hyphens if parse.text[parse.tokens[i].start - 1 : parse.tokens[i].start] == " "
              and parse.text[parse.tokens[i].end : parse.tokens[i].end + 1] == " "]
    parts: list[list[int]] = [[]]
    for index in candidacy.tokens:
        if index in (spaced or hyphens):
            parts.append([])
        else:
            parts[-1].append(index)
    if len(parts) < 2 or any(not p for p in parts):
        return []
    # "al-Qaim": a hyphen after an article prefix is part of the name, not a boundary.
    if not spaced and normalize_name(parse.word(parts[0][-1])) in {"al", "el", "ad", "ar", "as", "ash", "at", "az",
                                                                   "an"}:
        return []
    after = candidacy.tokens[-1] + 1
    # "the Santa Cruz-Cochabamba highway": the places a road joins, not where anything on it happened
    cue = ROUTE_END if after < len(parse.tokens) and parse.word(after).lower() in ROUTES else ""
    return [Candidacy(parse.span_of(p), tuple(p), candidacy.from_ner, cue) for p in parts]


def _names_a_building_in(parse: Parse, last: int) -> bool:
    """The name ends before an institution's word, with at most one word between, and "in" follows it: "Carnot
    middle school in Grasse", "Tolbiac university in Paris"."""
    for gap in (1, 2):
        noun = last + gap
        if noun + 1 < len(parse.tokens) and parse.word(noun).lower() in _INSTITUTIONS \
                and parse.word(noun + 1).lower() == "in" and parse.tokens[noun].sent == parse.tokens[last].sent:
            return gap == 1 or parse.word(last + 1).islower()
    return False


def government_seat(parse: Parse, candidacy: Candidacy) -> bool:
    """"The White House said": a seat named for its government, not after a locative word ("outside the White
    House" is the place)."""
    if candidacy.span.of(parse.text).lower() not in _SEATS:
        return False
    before = [parse.word(i).lower() for i in range(max(0, candidacy.tokens[0] - 3), candidacy.tokens[0])
              if parse.word(i).lower() != "the"]
    if before[-2:] in (["front", "of"], ["outside", "of"], ["inside", "of"]):
        return False  # "in front of the White House"
    return not before or before[-1] not in _CUE_PREPOSITIONS - {"of", "between"}


def blocked(parse: Parse, candidacy: Candidacy, actor_spans: list[Span]) -> bool:
    """Actor names, parts of person or organisation names, and lowercase words are not places."""
    text = candidacy.span.of(parse.text)
    if text.casefold() in load_actor_lexicon().aliases or any(s.overlaps(candidacy.span) for s in actor_spans):
        return True  # "HAMAS: We are not responsible": a group, whatever its place of that name
    if candidacy.cue == DATELINE or (text.lower() in _SEATS and not government_seat(parse, candidacy)):
        return False  # "outside the White House": the place, whatever the model tags it as
    side, _, rest = text.partition(" ")
    if not text[:1].isupper() and not text.lower().startswith(("al-", "el-")) \
            and not (side in DIRECTIONS and rest[:1].isupper() and rest.lower() not in _UNIT_WORDS | DISTRICT_WORDS):
        return True  # but "in east Naples", a place the index knows by that name (`_without_direction`); not
        # "in central Province"
    if text.lower() in _PLACE_NOUNS | TOWN_WORDS | ADMIN_WORDS | _LEADING_ARTICLES:
        return True  # "City" of "City of Cape Town"; "Al" of "Al 'ishreen street"
    last = candidacy.tokens[-1]
    if _names_a_building_in(parse, last) or (
            parse.word(last).lower() in ("square", "plaza", "roundabout") and last + 1 < len(parse.tokens)
            and parse.word(last + 1).lower() == "in"):
        # "at Carnot middle school in Grasse": the school's name, in the town named after it; "in Hamilton Square
        # in Birkenhead": a square, not the town of that name
        return True
    if last + 1 < len(parse.tokens) and parse.word(last + 1).lower() in _NAMED_AFTER | _DISEASES:
        return True  # "San Martin square", "Jose Pardo Avenue": named after a person or a town, not that place
    first = candidacy.tokens[0]
    if last + 1 < len(parse.tokens) and parse.word(last + 1).lower() in _PROPERTIES \
            and first > 0 and parse.word(first - 1).lower() == "the":
        return True
    if text.lower() in _QUARTER_PREFIXES and last + 1 < len(parse.tokens) and parse.word(last + 1)[:1].isupper() \
            and parse.tokens[last + 1].sent == parse.tokens[last].sent:
        return True  # "Colonia Divina Providencia" the index lacks: a quarter of the town, not Colonia (Uruguay)
    if text.casefold() in load_actor_lexicon().aliases or any(s.overlaps(candidacy.span) for s in actor_spans):
        return True
    if text.lower() in _FEASTS:
        return not candidacy.cue.endswith(" of")
    entity = parse.entity_covering(candidacy.span)
    if entity is not None and entity.label in {"DATE", "TIME"} and text.split()[0].lower() in _CALENDAR:
        return not candidacy.cue.endswith(" of")  # "in August", "On March 3"; but "the town of May"
    if entity is not None and entity.label == "PERSON" \
            and entity.span.of(parse.text).split()[-1].lower() in _UNIT_WORDS | DISTRICT_WORDS:
        return False  # "(Ye-U township, ...)": no person's name ends in a unit's word
    if entity is not None and entity.label in {"PERSON", "ORG", "NORP"}:
        # "won by Mr Trump - Wisconsin and Pennsylvania": a spaced dash ends a name the model ran on
        parts = {parse.span_of(p) for p in _split_at_punctuation(parse, parse.tokens_in(entity.span), dashes=True)}
        if entity.label == "ORG" and (candidacy.cue in _INSIDE_ORG | TOWN_WORDS | ADMIN_WORDS | {QUALIFIER}
                                      or candidacy.cue.endswith(" of")):
            # "the UN Office in Colombo", "the Hospital of Azaz city": the office is an organisation, not the place
            return False
        if entity.label == "NORP":
            # "Iraqi"; but "the town of Kidal" is a place whatever the model says, and so is a name a province's
            # name locates ("shelled Ocheretino, Donetsk region")
            return not candidacy.cue and not _REGION_AFTER.match(parse.text, candidacy.span.end)
        return candidacy.span not in parts
    return False
