"""The facts kzfacts' components write on a Doc. Offsets are character offsets into doc.text."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    index: int
    start: int
    end: int
    title: str | None = None
    title_start: int | None = None
    author: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date from a dateline, when one is found
    dateline_place: tuple[int, int] | None = None  # "ALMATY" in "ALMATY, March 3 (Reuters) -"
    furniture: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Mention:
    text: str
    start: int
    end: int


@dataclass
class Affiliation:
    """A person's stated link to an organisation entity of the same article (people only)."""

    organisation: str  # the organisation entity's name
    role: str | None  # the role words without the organisation, or None ("X, of Y")
    former: bool
    start: int  # the words that state the link
    end: int


@dataclass
class Entity:
    label: str  # PERSON, ORG or GPE
    name: str
    article: int
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    acronym: str | None = None
    affiliations: list[Affiliation] = field(default_factory=list)  # people only


@dataclass
class DateFact:
    text: str
    start: int
    end: int
    value: str | None
    granularity: str | None
    relative: bool = False
    kind: str = "date"  # date, range, list, duration, set
    values: list[str] | None = None  # every date of a list ("May, June and July of 2021")
    range_end: str | None = None  # last date of a range ("from May to July 2021")


@dataclass
class Figure:
    text: str
    start: int
    end: int
    value: float | int | None
    unit: str | None
    kind: str  # money, percent, quantity, count, ordinal, multiplier
    approximate: bool = False
    qualifier: str | None = None
    per: str | None = None  # "per barrel" in "US$65 per barrel"
    value_max: float | int | None = None  # the upper end of a range ("15-20%")
    unit_source: str | None = None  # money: "text" (written), "context" or "default" (a bare "$" or "dollars")
    subject: Mention | None = None  # what the amount is of ("oil production"), None when the text does not say


@dataclass
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None = None
    speakers: list[str] = field(default_factory=list)
    cue: str | None = None
    partial: bool = False
    speaker_mention: Mention | None = None
