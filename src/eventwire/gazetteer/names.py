"""Name normalisation shared by the index builder and its queries."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"[’‘'`ʿʾ´]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Arabic article forms that news spells with or without: al-Qaim, Al Qa'im, Qaim.
_ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an ", "adh ", "the ")
_ADMIN_SUFFIX = re.compile(
    r" (governorate|province|region|state|district|prefecture|oblast|department|county|division|municipality"
    r"|voivodeship|sheng|shi|(?:uygur |zhuangzu |huizu )?zizhiqu)$"  # "Jiangxi Sheng", "Xinjiang Uygur Zizhiqu"
)
# "Muhafazat al Hudaydah", "Sha`biyat Nalut", "Wilayat-e Baghlan": the unit's word in front of its name
_ADMIN_PREFIX = re.compile(r"^(?:muhafazat|mintaqat|shabiyat|wilayat e|ostan e|misto|mayorality of) ")


@lru_cache(maxsize=65_536)  # the same names are normalised again for every reading scored
def normalize_name(name: str) -> str:
    """Casefolded ASCII form: diacritics, apostrophes and punctuation removed."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = _APOSTROPHES.sub("", stripped.casefold())
    return _NON_WORD.sub(" ", stripped).strip()


def name_keys(name: str) -> set[str]:
    """Every lookup key a name is indexed under (and a mention is looked up with)."""
    base = normalize_name(name)
    if not base:
        return set()
    keys = {base}
    for article in _ARTICLES:
        if base.startswith(article) and len(base) > len(article) + 2:
            keys.add(base[len(article) :])
    if " " in base and len(base) <= 24:
        keys.add(base.replace(" ", ""))
    return keys


# the first word of a name written short ("Mt. Pleasant", "Ft. Wayne", "Ste. Genevieve"); GeoNames lists the short
# form as an alternate name of only some of the places it names
_SHORT_WORDS = {"mt": "mount", "ft": "fort", "st": "saint", "ste": "sainte"}


def query_keys(name: str) -> set[str]:
    """The keys a mention is looked up with: those it is indexed under, and those of its first word written out."""
    keys = name_keys(name)
    first, _, rest = normalize_name(name).partition(" ")
    if rest and first in _SHORT_WORDS:
        keys |= name_keys(f"{_SHORT_WORDS[first]} {rest}")
    return keys


def ascii_name(name: str) -> str:
    """Display form without diacritics, as ACLED writes place names ("Al Qā’im" -> "Al Qa'im")."""
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("'", folded).strip("'")


@lru_cache(maxsize=65_536)
def strip_admin_suffix(name: str) -> str:
    """The name of a province or district without the word for its kind ("Anbar province", "Jiangxi Sheng",
    "Muhafazat Kirkuk")."""
    return _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", normalize_name(name)))


# the words for a district's kind around its name in GeoNames' admin2 names: "Province de l'Oudalan", "Nomos
# Achaias", "Departamento de Albardon", "Kabupaten Cilacap", "Abu Ghraib District", "Kalus'kyy Rayon"
# ("Provincia de La Union" keeps its article: written capitalised, it is part of the name)
_DISTRICT_PREFIX = re.compile(
    r"^(?:(?:province|provincia|departamento|departement|department|municipio|distrito|district|sous-region"
    r"|arrondissement|prefecture|region)\s+"
    r"(?-i:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|di\s+|da\s+|do\s+|dos\s+|das\s+|del\s+|of\s+)?"
    r"|nomos\s+|nomarchia\s+|kabupaten\s+|kota\s+|regierungsbezirk\s+|powiat\s+|citta metropolitana di\s+"
    r"|(?:chartered\s+)?city of\s+)", re.IGNORECASE)
_DISTRICT_SUFFIX = re.compile(r"\s+(?:province|district|region|rayon|raion|municipality|ilcesi|county|borough"
                              r"|sub-?division|department|prefecture)$", re.IGNORECASE)


def district_name(name: str) -> str:
    """A second-level area's name as news writes it: without the words for its kind ("Province de l'Oudalan" ->
    "Oudalan", "Abu Ghraib District" -> "Abu Ghraib")."""
    return _DISTRICT_SUFFIX.sub("", _DISTRICT_PREFIX.sub("", name.strip())).strip()


def is_latin(name: str) -> bool:
    """True when every letter is in the Latin blocks (GeoNames alternates mix dozens of scripts)."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def _without_article(base: str) -> str:
    """A normalised name without its Arabic article ("al busayrah" -> "busayrah")."""
    return next((base[len(article):] for article in _ARTICLES if base.startswith(article)), base)


_SOFT = str.maketrans({c: None for c in "aeiouyhw "} | {"c": "k", "q": "k", "z": "s"})


def skeleton(name: str) -> str:
    """A spelling-blind key for transliterated names: the first letter, then the consonants, each once where
    doubled, c/q as k and z as s, any vowel first as "a", without an Arabic article ("Mogoke" and "Mogok" -> "mgk",
    "Rajouri" and "Rajaori" -> "rjr"). Empty for names too short to compare this way."""
    base = _without_article(normalize_name(name))
    if len(base) < 5:
        return ""
    rest = base[1:].translate(_SOFT)
    first = "a" if base[0] in "aeiou" else base[0]  # "Ein Issa" and "Ayn Isa", "Edlib" and "Idlib"
    key = first + "".join(c for i, c in enumerate(rest) if i == 0 or c != rest[i - 1])
    return key if len(key) >= 3 else ""


_VOWELS = str.maketrans({c: "a" for c in "aeiou"})


def vowel_blind(name: str) -> str:
    """The spelling without an Arabic article, every vowel as "a", each letter once where doubled and no word's
    final "h", so that two transliterations of one name differ little ("Ein Issa" -> "an asa" and "‘Ayn ‘Īsá" ->
    "ayn asa"). "w" and "y" stay, so English names keep apart ("Hanley" -> "hanlay" is not "Henlow" -> "hanlaw")."""
    folded = _without_article(normalize_name(name)).translate(_VOWELS)
    once = "".join(c for i, c in enumerate(folded) if i == 0 or c != folded[i - 1])
    return " ".join(word[:-1] if word.endswith("h") and len(word) > 2 else word for word in once.split())
