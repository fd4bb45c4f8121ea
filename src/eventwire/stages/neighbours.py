"""neighbours: the other places an article names as evidence for a reading of one of its names.

Towns first read for other names vouch for a town near them, or for the province they lie in ("Tyler",
"Beaumont": the state of Texas); and a cluster of small towns vouches for itself: a town is likelier where other
names have a town reading close to it ("Sharon, Cornwall, Salisbury, Kent": the towns of Litchfield County,
Connecticut, not the larger ones of their names elsewhere). A name is never evidence for its own reading.
`geoparse` adds the bonus to each reading's score. A township or other administrative unit no town names is read
only with evidence: the text calls the name one, or the article is about its country (`with_evidenced_units`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from eventwire import geodesy
from eventwire.gazetteer import Candidate
from eventwire.gazetteer.names import normalize_name
from eventwire.model import Place
from eventwire.parse import Parse
from eventwire.stages.readings import Context
from eventwire.stages.recognise import DISTRICT_WORDS, TOWN_WORDS
from eventwire.stages.relabel import Candidacy

VOUCHER_WEIGHT = 0.4  # per town first read for another name near the reading (up to `_MOST`)
CLUSTER_WEIGHT = 0.3  # per other name with a town reading within `CLUSTER_KM` of a town reading (up to `_MOST`)
VOUCHER_KM = 250
CLUSTER_KM = 40
_MOST = 3
_DEGREES = (0.5, 0.7)  # a box of latitude and longitude around a town that holds `CLUSTER_KM`, for a quick test


class Neighbours:
    """The evidence the other names of one article give a reading; `named` pairs each mention's normalized name
    with its readings, `first` gives each mention's first reading."""

    def __init__(self, named: list[tuple[str, list[Candidate]]], first: list[Candidate]) -> None:
        self.anchors = [(name, f.place) for (name, _), f in zip(named, first, strict=True)
                        if f.place.feature_class == "P"]
        readings: dict[str, list[Candidate]] = {}
        for name, options in named:
            readings.setdefault(name, []).extend(options)
        # names a province or a country bears as its own: their towns get no cluster's vouch ("a Delaware company");
        # a country's name gives none either ("Mexico, Peru" are no towns of Maine beside "Paris")
        self.areas = {name for name, options in readings.items()
                      if any(o.primary_name and o.place.feature_code in ("ADM1", "PCLI") for o in options)}
        countries = {name for name, options in readings.items()
                     if any(o.primary_name and o.place.feature_code == "PCLI" for o in options)}
        self.towns = [(name, o.place) for name, options in readings.items() if name not in countries
                      for o in options if o.place.feature_class == "P"]
        self._vouched: dict[tuple[str, Place], int] = {}  # a name said again has the same readings: counted once
        self._clustered: dict[tuple[str, Place], int] = {}

    def bonus(self, own: str, place: Place) -> float:
        return VOUCHER_WEIGHT * self.vouchers(own, place) + CLUSTER_WEIGHT * self.cluster(own, place)

    def vouchers(self, own: str, place: Place) -> int:
        """How many towns first read for other names lie within `VOUCHER_KM` of the reading, or in its province
        where it is one, up to `_MOST`."""
        if (own, place) not in self._vouched:
            self._vouched[(own, place)] = min(_MOST, sum(1 for name, a in self.anchors if name != own and (
                (a.country_code, a.admin1) == (place.country_code, place.admin1) if place.feature_code == "ADM1"
                else geodesy.km(a.point, place.point) < VOUCHER_KM)))
        return self._vouched[(own, place)]

    def cluster(self, own: str, place: Place) -> int:
        """How many other names have a town reading within `CLUSTER_KM` of a town reading, up to `_MOST`; none
        for the town of a province's or country's name."""
        if place.feature_class != "P" or own in self.areas:
            return 0
        if (own, place) not in self._clustered:
            self._clustered[(own, place)] = min(_MOST, len({
                name for name, town in self.towns if name != own
                and abs(town.latitude - place.latitude) < _DEGREES[0]
                and abs(town.longitude - place.longitude) < _DEGREES[1]
                and geodesy.km(town.point, place.point) < CLUSTER_KM}))
        return self._clustered[(own, place)]


def with_evidenced_units(parse: Parse, chosen: list[tuple[Candidacy, list[Candidate]]], unknown: list[Candidacy],
                          context: Context, in_box: Callable[[Candidate, Candidate], bool]) -> list[
                              tuple[Candidacy, list[Candidate]]]:
    """The readings, a township or other unit (ADMD) among them only where the text calls the name one ("Myaing
    township", "Sonaimuri upazila"), or the unit's country is in the article's focus or has a reading of another
    name, or no other name has a reading ("Bwisha" of "(Bwisha, Rutshuru, Nord-Kivu)" is no commune of Burundi).
    A unit that lies in the box of a province another name is read as is that province's, though the town nearest
    its point lies across the border ("Pamone village (Pandoro, Mahagi, Ituri)": Congo's Mahagi, not Uganda's).
    A name left with no reading joins `unknown`. `in_box`: whether a reading lies in a province's box."""
    kept = []
    for candidacy, options in chosen:
        # the name said again vouches for no unit of its own ("fighting in Bwisha. Clashes in Bwisha (Rutshuru,
        # Nord-Kivu)"), only by its other readings ("Al Jabal al Akhdar (Al Jabal Al Akhdar, East)", the province)
        own = normalize_name(candidacy.span.of(parse.text))
        readings = [o for other, found in chosen if other.span != candidacy.span for o in found
                    if normalize_name(other.span.of(parse.text)) != own or o.place.feature_code != "ADMD"]
        options = [o for o in options if not _beside_its_town(o, options)
                   and not _unplaced_centre(o, readings, in_box)]
        others = {o.place.country_code for o in readings}
        if others and not _called_a_unit(parse, candidacy):
            options = [_across_the_border(o, readings, in_box) if o.place.feature_code == "ADMD" else o
                       for o in options]
            options = [o for o in options if o.place.feature_code != "ADMD"
                       or context.share(o.place.country_code) or o.place.country_code in others]
        if options:
            kept.append((candidacy, options))
        else:
            unknown.append(candidacy)
    return kept


def by_centre_name(reading: Candidate) -> bool:
    """A unit found by another name than its own: the council "Yasnohorodska" by its centre's name "Yasnohorodka"
    (`gazetteer.units.centre_names`)."""
    return reading.place.feature_code == "ADMD" and not reading.primary_name


def _beside_its_town(unit: Candidate, options: list[Candidate]) -> bool:
    """A unit found by its centre's name where a town of its province bears that name: the town is the place
    meant."""
    return by_centre_name(unit) and any(
        o.place.feature_class == "P" and o.place.country_code == unit.place.country_code
        and o.place.admin1 == unit.place.admin1 for o in options)


def _unplaced_centre(unit: Candidate, readings: list[Candidate],
                     in_box: Callable[[Candidate, Candidate], bool]) -> bool:
    """A unit found by its centre's name in a province no other name is read in or as by its own name: of the
    many communities named for a Novokalynove or a Synkivka, nothing says this one ("near Novokalynove, north of
    Avdiivka" is no community of Lviv oblast, nor is it with "and Kamianka", another such name). `readings`: the
    other names'."""
    return by_centre_name(unit) and not any(
        r.primary_name and r.place.country_code == unit.place.country_code and (
            r.place.admin1 == unit.place.admin1 or (r.place.feature_code == "ADM1" and in_box(unit, r)))
        for r in readings)


def _across_the_border(unit: Candidate, readings: list[Candidate],
                       in_box: Callable[[Candidate, Candidate], bool]) -> Candidate:
    """The unit, as the unit of a province of another country read for another name whose box holds it."""
    province = next((r for r in readings if r.place.feature_code == "ADM1"
                     and r.place.country_code != unit.place.country_code and in_box(unit, r)), None)
    if province is None:
        return unit
    place = dataclasses.replace(unit.place, country_code=province.place.country_code,
                                country=province.place.country, admin1=province.place.admin1)
    return dataclasses.replace(unit, place=place)


def _called_a_unit(parse: Parse, candidacy: Candidacy) -> bool:
    """The name is cued or followed by a unit's word: "Myaing township", "Chankheli rural municipality-6"."""
    end = candidacy.tokens[-1] + 1
    after = [parse.tokens[i].lemma.lower().rstrip("-0123456789")
             for i in range(end, min(len(parse.tokens), end + 2))]  # "townships", "municipality-6"
    if after[:1] == ["rural"]:
        after = after[1:]
    units = DISTRICT_WORDS | TOWN_WORDS
    return candidacy.cue.partition(" ")[0] in units or (bool(after) and after[0] in units)
