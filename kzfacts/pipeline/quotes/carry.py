"""Carried speakers: a quote paragraph with no cue of its own takes the speaker of the quote it
continues (the attributed quote right before it) or, failing that, of the attributed quote that
follows it at once ("“...” / “...,” she said.")."""
from __future__ import annotations

from dataclasses import dataclass

from .marks import RawQuote
from .speakers import Attribution

BETWEEN = " \n\r\t,.;:\u201d\""  # what may stand between two quotes of one speaker


@dataclass
class Placed:
    """A quote kept so far: where its text is, and who says it."""

    raw: RawQuote
    start: int
    end: int
    partial: bool
    attribution: Attribution


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
