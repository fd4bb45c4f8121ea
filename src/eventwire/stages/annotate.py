"""annotate: spaCy parse of `Article.text` into plain, serialisable tokens, sentences and entities.

Newlines in the cleaned text are paragraph breaks, so they always start a new sentence. A long article whose
conflict cues are few (screen score under annotate.focus_below, when the screen ran) is marginal: only its lede
and the paragraphs that hold a cue are parsed, which is where any event it reports must be; the annotation
keeps text offsets.
Rejections: "too long" (more than annotate.max_chars characters).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from eventwire.errors import ResourceError
from eventwire.model import Annotation, Article, Drop, Entity, Span, Token
from eventwire.settings import Settings
from eventwire.stages.screen import cue_patterns, score_text

NAME = "annotate.v1"
REQUIRES = ("text",)
PROVIDES = ("annotation",)


@cache
def load_model(name: str) -> Any:
    """Load an installed spaCy pipeline once per process, with paragraph-aware sentence starts."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:
        raise ResourceError("annotation needs spaCy: pip install 'eventwire[nlp]'") from exc

    if "eventwire_newlines" not in Language.factories:

        @Language.component("eventwire_newlines")
        def newline_boundaries(doc: Any) -> Any:
            for token in doc[1:]:
                if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
                    token.is_sent_start = True
            return doc

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceError(
            f"spaCy model {name!r} is not installed: pip install 'eventwire[nlp]' "
            f"or set annotate.model to an installed pipeline"
        ) from exc
    nlp.add_pipe("eventwire_newlines", before="parser")
    # "the U.S.-led campaign", "a U.K.-based charity": the abbreviation is a name of its own, as "Iran-backed" is
    tokenizer: Any = nlp.tokenizer
    infixes: list[Any] = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)-(?=[a-z])"]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return nlp


# Forms of conflict verbs that the small model's lemmatiser gets wrong ("raped" -> "rap", "retook" -> "retook"),
# found by lemmatising every inflected form of the event lexicon's verbs in a report's sentence.
_LEMMA_FIXES = {"raped": "rape", "rapes": "rape", "raping": "rape", "retook": "retake"}


def to_annotation(doc: Any, model: str) -> Annotation:
    sentences = []
    sent_of: dict[int, int] = {}
    for number, sent in enumerate(doc.sents):
        sentences.append(Span(sent.start_char, sent.end_char))
        for token in sent:
            sent_of[token.i] = number
    tokens = tuple(
        Token(
            start=t.idx, end=t.idx + len(t.text), lemma=_LEMMA_FIXES.get(t.text.lower(), t.lemma_), pos=t.pos_,
            tag=t.tag_, dep=t.dep_, head=t.head.i, sent=sent_of[t.i], ent=t.ent_type_,
        )
        for t in doc
    )
    entities = tuple(Entity(Span(e.start_char, e.end_char), e.label_) for e in doc.ents)
    return Annotation(tuple(sentences), tokens, entities, model)


def focus_spans(text: str, patterns: dict[str, re.Pattern[str]]) -> list[Span]:
    """The paragraphs worth parsing in a marginal article: the first (the lede, the dateline) and every one
    that holds a conflict cue."""
    spans, start = [], 0
    for number, paragraph in enumerate(text.split("\n")):
        end = start + len(paragraph)
        if paragraph.strip() and (number == 0 or patterns["strong"].search(paragraph)
                                  or patterns["weak"].search(paragraph)):
            spans.append(Span(start, end))
        start = end + 1
    return spans


def annotate_spans(nlp: Any, text: str, spans: list[Span], model: str) -> Annotation:
    """One annotation of several parsed parts of `text`, in text offsets (token and sentence indexes shifted)."""
    sentences: list[Span] = []
    tokens: list[Token] = []
    entities: list[Entity] = []
    for span, doc in zip(spans, nlp.pipe(span.of(text) for span in spans), strict=True):
        part = to_annotation(doc, model)
        first_token, first_sentence = len(tokens), len(sentences)
        sentences += [Span(s.start + span.start, s.end + span.start) for s in part.sentences]
        tokens += [dataclasses.replace(t, start=t.start + span.start, end=t.end + span.start,
                                       head=t.head + first_token, sent=t.sent + first_sentence) for t in part.tokens]
        entities += [Entity(Span(e.span.start + span.start, e.span.end + span.start), e.label) for e in part.entities]
    return Annotation(tuple(sentences), tuple(tokens), tuple(entities), model)


def make(settings: Settings) -> Callable[[Article], Article]:
    model_name = str(settings.get("annotate.model"))
    max_chars = int(settings.get("annotate.max_chars"))
    focus_below = float(settings.get("annotate.focus_below"))
    short = int(settings.get("screen.short_words"))
    nlp = load_model(model_name)
    patterns = cue_patterns()

    def annotate(article: Article) -> Article:
        if len(article.text) > max_chars:
            detail = f"{len(article.text)} characters > annotate.max_chars={max_chars}"
            return dataclasses.replace(article, drop=Drop(NAME, "too long", detail))
        # Only after the screen judged the article (the event pipeline); a geoparse-only run parses everything.
        if focus_below > 0 and "screen.v1" in article.stages and len(article.text.split()) >= short:
            score, _ = score_text(article.text, patterns)
            if score < focus_below:
                spans = focus_spans(article.text, patterns)
                return dataclasses.replace(article, annotation=annotate_spans(nlp, article.text, spans, model_name))
        doc = nlp(article.text)
        return dataclasses.replace(article, annotation=to_annotation(doc, model_name))

    return annotate
