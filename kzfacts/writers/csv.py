"""CSV for spreadsheets: one row per fact, one header, UTF-8 with a byte-order mark so that
spreadsheet programs read the accents right; commas, quote marks and newlines inside a field
are quoted as RFC 4180 says.

A person, organisation or place is one row (its name, its first mention's offsets, its mention
count); a date, figure or quote is one row.

A text cell that begins with = + - @, a tab or a carriage return would be run as a formula by
spreadsheet programs (CSV injection); such cells get a leading ' as OWASP advises, unless
`raw` is set (`--csv-raw`). Numbers stay numbers.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from ..registry import FACT_TYPES, affiliation_cell

SUFFIX = ".csv"
COLUMNS = ("source", "article", "title", "type", "text", "value", "unit", "speaker", "start", "end",
           "kind", "granularity", "approximate", "qualifier", "cue", "partial", "titles", "aliases", "mentions",
           "values", "speaker_mention", "speaker_mention_start", "speaker_mention_end", "affiliations", "subject",
           "duplicate_of", "duplicate_of_article")


def _entity_row(fact: dict[str, Any]) -> dict[str, Any]:
    first = fact["mentions"][0]
    return {"text": fact["name"], "start": first["start"], "end": first["end"], "mentions": len(fact["mentions"]),
            "titles": "; ".join(fact.get("titles", [])), "aliases": "; ".join(fact["aliases"]),
            "value": fact.get("acronym"), "affiliations": affiliation_cell(fact) or None}


def _date_row(fact: dict[str, Any]) -> dict[str, Any]:
    """A listed date ("May, June and July") has its first value in `value`, the others in `values`."""
    listed = fact.get("values") or []
    value = listed[0] if listed else fact["value"]
    return {k: fact.get(k) for k in ("text", "start", "end", "kind", "granularity")} | {
        "value": value, "values": "; ".join(str(v) for v in listed[1:]) or None}


def _figure_row(fact: dict[str, Any]) -> dict[str, Any]:
    subject = fact.get("subject") or {}
    return {k: fact.get(k) for k in ("text", "value", "unit", "start", "end", "kind", "approximate", "qualifier")} | {
        "subject": subject.get("text")}


def _quote_row(fact: dict[str, Any]) -> dict[str, Any]:
    mention = fact.get("speaker_mention") or {}
    return {"text": fact["text"], "speaker": "; ".join(fact["speakers"]) or None, "start": fact["start"],
            "end": fact["end"], "cue": fact["cue"], "partial": fact["partial"],
            "speaker_mention": mention.get("text"), "speaker_mention_start": mention.get("start"),
            "speaker_mention_end": mention.get("end")}


ROWS = {"people": _entity_row, "organisations": _entity_row, "places": _entity_row, "dates": _date_row,
        "figures": _figure_row, "quotes": _quote_row}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet shows as text: a leading ' before a formula character."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def fact_rows(record: dict[str, Any], facts: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The CSV rows of one record: one per fact, of the fact types in `facts` (all by default)."""
    types = [f for f in FACT_TYPES if facts is None or f.key in facts]
    rows = []
    for art in record["articles"]:
        for fact_type in types:
            for fact in art[fact_type.key]:
                row = {"source": record["source"], "article": art["index"], "title": art["title"],
                       "type": fact_type.noun, **_copy_cells(art)}
                rows.append(row | ROWS[fact_type.key](fact))
    return rows


def _copy_cells(art: dict[str, Any]) -> dict[str, Any]:
    """The source and article index of the article this one repeats, if it is a copy."""
    original = art.get("duplicate_of") or {}
    return {"duplicate_of": original.get("source"), "duplicate_of_article": original.get("article")}


class CsvWriter:
    suffix = SUFFIX

    def __init__(self, stream: IO[str], facts: Iterable[str] | None, raw: bool = False) -> None:
        self.stream, self.facts, self.raw = stream, set(facts) if facts else None, raw
        self.writer = csv.DictWriter(stream, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\r\n")
        self.started = False

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        if not self.started:
            self.stream.write("\ufeff")
            self.writer.writeheader()
            self.started = True
        rows = fact_rows(record, self.facts)
        if not self.raw:
            rows = [{k: neutralise(v) for k, v in row.items()} for row in rows]
        self.writer.writerows(rows)
        self.stream.flush()

    def close(self) -> None:
        if not self.started:
            self.stream.write("\ufeff")
            self.writer.writeheader()
        self.stream.flush()


def open(stream: IO[str], *, many: bool, facts: Iterable[str] | None = None,  # noqa: A001
         raw: bool = False) -> CsvWriter:
    return CsvWriter(stream, facts, raw)
