"""Carried speakers: a quote paragraph with no cue of its own takes the speaker of the quote it
continues (the attributed quote right before it) or, failing that, of the attributed quote that
follows it at once ("“...” / “...,” she said."), or else the person the paragraph before it is
about ("Minister X spoke at the forum. / “...”")."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from ... import resources
from ..facts import Entity, Mention
from .context import QuoteContext
from .cues import SUBJECT_DEPS, is_reporting_verb
from .marks import RawQuote, end_before
from .speakers import PERSON_PRONOUNS, Attribution, recent_subject

BETWEEN = " \n\r\t,.;:\u201d\""  # what may stand between two quotes of one speaker


@dataclass
class Placed:
    """A quote kept so far: where its text is, and who says it."""

    raw: RawQuote
    start: int
    end: int
    partial: bool
    attribution: Attribution
    article: int = 0


def continued(text: str, prev: Placed | None, raw: RawQuote) -> Attribution | None:
    """The attribution of the quote `raw` continues: the article's attributed quote right before it,
    with nothing but punctuation between."""
    if prev is None or not prev.attribution.speakers or text[prev.raw.outer_end:raw.outer_start].strip(BETWEEN):
        return None
    before = prev.attribution
    return Attribution(before.speakers, before.cue, before.mention)


def fill_forward(text: str, placed: list[Placed]) -> None:
    """A quote paragraph with no cue, followed at once by an attributed one, shares its speaker
    (from the last pair back, so a run of such paragraphs all take the speaker after them)."""
    for here, nxt in reversed(list(zip(placed, placed[1:], strict=False))):
        if here.attribution.cue or here.partial or not nxt.attribution.speakers or not here.raw.opens_paragraph:
            continue
        if not text[here.raw.outer_end:nxt.raw.outer_start].strip(BETWEEN):
            after = nxt.attribution
            here.attribution = Attribution(after.speakers, after.cue, after.mention)


def whole_paragraph(text: str, p: Placed) -> bool:
    """A quote that is its paragraph, with no cue or speaker of its own."""
    if p.attribution.cue or p.attribution.speakers or p.partial or not p.raw.opens_paragraph:
        return False
    line_end = text.find("\n", p.raw.outer_end)
    return not text[p.raw.outer_end:len(text) if line_end < 0 else line_end].strip(BETWEEN)


def paragraph_subject(ctx: QuoteContext, p: Placed) -> tuple[Entity, Mention, Span] | None:
    """The person the last sentence of the paragraph before a quote is about: its nearest
    clause subject that names a person or stands for one ("He"); with that sentence."""
    end = end_before(ctx.text, p.raw.outer_start)
    if not end or ctx.inside_quote(end - 1):
        return None  # no paragraph before, or it ends inside a quote: no narration to read
    last = ctx.doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None:
        return None
    sent = ctx.sent_of(last[-1].i)
    for tok in reversed(sent):
        if tok.dep_ not in SUBJECT_DEPS or ctx.inside_quote(tok.idx):
            continue
        ent = ctx.person_in(tok, p.article)
        if ent is None and tok.lower_ in PERSON_PRONOUNS:
            ent = recent_subject(ctx, tok, p.article)
            if ent is not None:
                return ent, ctx.token_mention(tok), sent
        if ent is not None:
            edge = tok.right_edge
            mention = ctx.mention_of(ent, tok.left_edge.idx, edge.idx + len(edge))
            return ent, mention or ctx.token_mention(tok), sent
    return None


def speaks_in(sent: Span) -> bool:
    """The sentence says its subject spoke or wrote ("in a short post", "spoke at the forum")."""
    nouns = resources.word_list("speech_nouns.txt")
    return any(t.lemma_.lower() == "speak" or is_reporting_verb(t) or t.pos_ == "NOUN" and t.lower_ in nouns
               for t in sent)


def goes_on_about(ctx: QuoteContext, p: Placed, ent: Entity) -> bool:
    """The paragraph after the quote goes on about the same person ("He added that ...")."""
    start = ctx.text.find("\n", p.raw.outer_end)
    while 0 <= start < len(ctx.text) and ctx.text[start].isspace():
        start += 1
    first = ctx.doc.char_span(start, start + 1, alignment_mode="expand") if start >= 0 else None
    if first is None or ctx.inside_quote(start):
        return False
    subj = next((t for t in ctx.sent_of(first[0].i) if t.dep_ in SUBJECT_DEPS), None)
    return subj is not None and (subj.lower_ in PERSON_PRONOUNS or ctx.person_in(subj, p.article) is ent)


def introduced_before(ctx: QuoteContext, placed: list[Placed]) -> None:
    """A quote paragraph still without a speaker: the one it continues at once, else the person
    the paragraph before it is about, when that paragraph says they spoke or the one after goes
    on about them (someone who only "visited the plant" is not yet quoted)."""
    prev: Placed | None = None
    for p in placed:
        if whole_paragraph(ctx.text, p):
            carried = continued(ctx.text, prev, p.raw)
            found = None if carried else paragraph_subject(ctx, p)
            if carried:
                p.attribution = carried
            elif found and (speaks_in(found[2]) or goes_on_about(ctx, p, found[0])):
                p.attribution = Attribution([found[0].name], None, found[1])
        prev = p
