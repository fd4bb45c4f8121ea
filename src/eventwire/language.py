"""A small, dependency-free language guess: script first, then function-word counts."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# The most frequent function words of each language; distinctive enough for paragraphs of news.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is was that for on with as by at from he it said were have has".split()),
    "fr": frozenset("le la les des du et est une dans que pour sur par au aux il elle ont été qui".split()),
    "es": frozenset("el la los las del y en que por con una para se su al fue como más ha".split()),
    "de": frozenset("der die das und ist nicht mit den dem von zu ein eine auf sich des im wurde".split()),
    "pt": frozenset("o a os as do da dos das e em que para com uma não por foi ao se".split()),
    "it": frozenset("il lo la gli le di del della e che per con una non sono è nel alla".split()),
    "nl": frozenset("de het een en van in is dat op te zijn met voor niet die er".split()),
}

_SCRIPTS = {"ARABIC": "ar", "CYRILLIC": "ru", "HEBREW": "he", "CJK": "zh", "HIRAGANA": "ja", "HANGUL": "ko",
            "DEVANAGARI": "hi", "GREEK": "el", "THAI": "th"}


_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024F\u1E00-\u1EFF]")  # letters outside the Latin blocks


def _dominant_script(text: str) -> str | None:
    sample = text[:5000]
    if sample.isascii():  # the common case, checked in C: Latin script, no need to name every letter
        return None
    others = _NON_LATIN.findall(sample)  # curly quotes and accents leave this empty, found in C
    if not others:
        return None
    counts: dict[str, int] = {}
    for char in others:
        name = unicodedata.name(char, "")
        for script, code in _SCRIPTS.items():
            if name.startswith(script):
                counts[code] = counts.get(code, 0) + 1
                break
    letters = sum(len(w) for w in _WORD.findall(sample))
    if not letters or not counts:
        return None
    code, count = max(counts.items(), key=lambda item: item[1])
    return code if count * 2 > letters else None


def guess_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when there is too little to tell."""
    script = _dominant_script(text)
    if script:
        return script
    words = [w.lower() for w in _WORD.findall(text[:6000])]
    if len(words) < 5:
        return "und"
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    lang, best = max(scores.items(), key=lambda item: item[1])
    if best - scores["en"] < 2:
        # a lead of one function word over English is no evidence: "Al Hazm district (Al Jawf)" gives Spanish
        # two "al"; where it is that close, the text is read rather than dropped
        lang, best = "en", scores["en"]
    return lang if best >= max(2, len(words) // 50) else "und"
