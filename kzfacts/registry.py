"""The fact registry: one entry per fact type, and everything else derives from it.

An entry says which spaCy component finds the facts (and so which `doc._.<component>`
extension holds them), how one fact becomes JSON (`serialize`), its JSON Schema, and its
columns in the terminal table. `record.py`, `schema.py`, the table writer, the Doc extensions
and the pipeline's components are all built from `FACT_TYPES`, so a new fact type is one
component module plus one entry here (see the README, "Adding a fact type").

Nothing here imports spaCy: `kzfacts schema` and the writers stay light.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .pipeline.facts import Article, DateFact, Entity, Figure, Quote

OFFSETS = {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}}
MENTION_SCHEMA = {"type": "object", "required": ["text", "start", "end"],
                  "properties": {"text": {"type": "string"}, **OFFSETS}}


@dataclass(frozen=True)
class FactType:
    """One kind of fact: where it comes from and every shape it takes on the way out."""

    key: str  # the article's field in the record: "people"
    noun: str  # one such fact, for a CSV's type column and an HTML mark's class: "person"
    component: str  # the spaCy component that finds it; its facts are on doc._.<component>
    title: str  # the heading of its table
    serialize: Callable[[Any], dict[str, Any]]  # one fact as the contract's dict
    schema: dict[str, Any]  # JSON Schema of one serialized fact
    columns: tuple[str, ...]  # its table's columns
    row: Callable[[dict[str, Any]], list[str]]  # one serialized fact as a table row
    label: str | None = None  # entities: which label of the component's facts this type holds

    def of_article(self, facts: Sequence[Any], article: Article) -> list[Any]:
        """This type's facts that belong to one article."""
        if self.label is not None:
            return [f for f in facts if f.article == article.index and f.label == self.label]
        return [f for f in facts if article.start <= f.start < article.end]


def format_value(value: Any) -> str:
    """A number or date value for a table cell."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.6g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def date_cell(d: dict[str, Any]) -> str:
    """A date's value for a table: every value of a list, both ends of a range."""
    if d.get("values"):
        return ", ".join(d["values"])
    if d.get("range_end"):
        return f"{format_value(d['value'])} \u2192 {d['range_end']}"
    return format_value(d["value"])


def figure_cell(f: dict[str, Any]) -> str:
    """A figure's value for a table, with its qualifier and range: "over 50", "15 \u2013 20"."""
    value = format_value(f["value"])
    if f.get("value_max") is not None:
        value = f"{value} \u2013 {format_value(f['value_max'])}"
    return f"{f['qualifier']} {value}" if f.get("qualifier") else value


def measures_cell(f: dict[str, Any]) -> str:
    """What a figure measures, its `subject`, for a table: "" when the text does not say."""
    subject = f.get("subject")
    return subject["text"] if subject else ""


# ---- entities: people, organisations, places (one component, three labels)

def serialize_entity(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"name": e.name, "aliases": e.aliases}
    if e.label == "PERSON":
        out["titles"] = e.titles
        out["affiliations"] = [{"organisation": a.organisation, "role": a.role, "former": a.former,
                                "start": a.start, "end": a.end} for a in e.affiliations]
    if e.acronym:
        out["acronym"] = e.acronym
    out["mentions"] = [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions]
    return out


AFFILIATION_SCHEMA = {
    "type": "object",
    "required": ["organisation", "role", "former", "start", "end"],
    "properties": {"organisation": {"type": "string", "minLength": 1}, "role": {"type": ["string", "null"]},
                   "former": {"type": "boolean"}, **OFFSETS},
}

ENTITY_SCHEMA = {
    "type": "object",
    "required": ["name", "aliases", "mentions"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "titles": {"type": "array", "items": {"type": "string"}},
        "acronym": {"type": "string"},
        "mentions": {"type": "array", "items": MENTION_SCHEMA, "minItems": 1},
    },
}

# people carry their affiliations, always (an empty list when the text links them to no organisation)
PERSON_SCHEMA = {**ENTITY_SCHEMA, "required": [*ENTITY_SCHEMA["required"], "affiliations"],
                 "properties": {**ENTITY_SCHEMA["properties"],
                                "affiliations": {"type": "array", "items": AFFILIATION_SCHEMA}}}

# ---- dates


def serialize_date(d: DateFact) -> dict[str, Any]:
    out: dict[str, Any] = {"text": d.text, "start": d.start, "end": d.end, "value": d.value,
                           "granularity": d.granularity, "relative": d.relative, "kind": d.kind}
    if d.values:
        out["values"] = d.values
    if d.range_end:
        out["range_end"] = d.range_end
    return out


DATE_SCHEMA = {
    "type": "object",
    "required": ["text", "start", "end", "value", "granularity", "relative"],
    "properties": {
        "text": {"type": "string"}, **OFFSETS,
        "value": {"type": ["string", "null"]},
        "granularity": {"enum": ["day", "week", "month", "quarter", "half", "year", "decade", "century", None]},
        "relative": {"type": "boolean"},
        "kind": {"enum": ["date", "range", "list", "duration", "set"]},
        "values": {"type": "array", "items": {"type": "string"}},
        "range_end": {"type": ["string", "null"]},
    },
}

# ---- figures


def serialize_figure(f: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {"text": f.text, "start": f.start, "end": f.end, "value": f.value, "unit": f.unit,
                           "kind": f.kind, "approximate": f.approximate, "qualifier": f.qualifier}
    if f.per:
        out["per"] = f.per
    if f.value_max is not None:
        out["value_max"] = f.value_max
    if f.unit_source:
        out["unit_source"] = f.unit_source
    s = f.subject
    out["subject"] = {"text": s.text, "start": s.start, "end": s.end} if s else None
    return out


FIGURE_SCHEMA = {
    "type": "object",
    "required": ["text", "start", "end", "value", "unit", "kind", "approximate", "qualifier", "subject"],
    "properties": {
        "text": {"type": "string"}, **OFFSETS,
        "value": {"type": ["number", "null"]},
        "unit": {"type": ["string", "null"]},
        "kind": {"enum": ["money", "percent", "quantity", "count", "ordinal", "multiplier"]},
        "approximate": {"type": "boolean"},
        "qualifier": {"type": ["string", "null"]},
        "per": {"type": "string"},
        "value_max": {"type": "number"},
        "unit_source": {"enum": ["text", "context", "default"]},
        "subject": {"oneOf": [{"type": "null"}, {
            "type": "object", "required": ["text", "start", "end"],
            "properties": {"text": {"type": "string"}, **OFFSETS}}]},
    },
}

# ---- quotes


def serialize_quote(q: Quote) -> dict[str, Any]:
    mention = q.speaker_mention if q.speaker else None
    return {"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker, "speakers": q.speakers,
            "cue": q.cue, "partial": q.partial,
            "speaker_mention": {"text": mention.text, "start": mention.start, "end": mention.end} if mention else None}


QUOTE_SCHEMA = {
    "type": "object",
    "required": ["text", "start", "end", "speaker", "speakers", "cue", "partial", "speaker_mention"],
    "properties": {
        "text": {"type": "string"}, **OFFSETS,
        "speaker": {"type": ["string", "null"]},
        "speakers": {"type": "array", "items": {"type": "string"}},
        "cue": {"type": ["string", "null"]},
        "partial": {"type": "boolean"},
        "speaker_mention": {"oneOf": [{"type": "null"}, {
            "type": "object", "required": ["text", "start", "end"],
            "properties": {"text": {"type": "string"}, **OFFSETS}}]},
    },
}


def works_for(affiliation: dict[str, Any]) -> str:
    """One link as it reads: "director, Human Rights Without Frontiers", "former CEO, Kaspi Bank",
    "Labour Party" (no role stated), "formerly of Labour Party" (a past link with no role)."""
    organisation, role = affiliation["organisation"], affiliation.get("role")
    if role:
        return f"{'former ' if affiliation.get('former') else ''}{role}, {organisation}"
    # "former Labour Party" would call the party former: with no role, the link is what is past
    return f"formerly of {organisation}" if affiliation.get("former") else organisation


def affiliation_cell(person: dict[str, Any]) -> str:
    """A person's affiliations in one cell, each role beside its organisation, "; " between links:
    "director, Human Rights Without Frontiers; former CEO, Kaspi Bank"; "" when there are none.
    The one way every view (terminal and HTML tables, CSV) writes "works for"."""
    return "; ".join(works_for(a) for a in person.get("affiliations") or [])


FACT_TYPES: tuple[FactType, ...] = (
    FactType("people", "person", "kz_entities", "People", serialize_entity, PERSON_SCHEMA,
             ("name", "titles", "works for", "mentions"),
             lambda p: [p["name"], "; ".join(p.get("titles", [])), affiliation_cell(p), str(len(p["mentions"]))],
             label="PERSON"),
    FactType("organisations", "organisation", "kz_entities", "Organisations", serialize_entity, ENTITY_SCHEMA,
             ("name", "acronym", "mentions"),
             lambda o: [o["name"], o.get("acronym") or "", str(len(o["mentions"]))], label="ORG"),
    FactType("places", "place", "kz_entities", "Places", serialize_entity, ENTITY_SCHEMA, ("name", "mentions"),
             lambda p: [p["name"], str(len(p["mentions"]))], label="GPE"),
    FactType("dates", "date", "kz_dates", "Dates", serialize_date, DATE_SCHEMA, ("text", "value", "kind"),
             lambda d: [d["text"], date_cell(d), d.get("kind", "date")]),
    FactType("figures", "figure", "kz_figures", "Figures", serialize_figure, FIGURE_SCHEMA,
             ("text", "value", "unit", "kind", "measures"),
             lambda f: [f["text"], figure_cell(f), f["unit"] or "", f["kind"], measures_cell(f)]),
    FactType("quotes", "quote", "kz_quotes", "Quotes", serialize_quote, QUOTE_SCHEMA, ("speaker", "quote", "cue"),
             lambda q: [", ".join(q["speakers"]) or "-", q["text"], q["cue"] or ""]),
)

ARTICLES = "kz_articles"  # the component every other one builds on: articles, titles, datelines


def components() -> list[str]:
    """kzfacts' components in pipeline order: the article splitter, then each fact type's finder."""
    out = [ARTICLES]
    for fact in FACT_TYPES:
        if fact.component not in out:
            out.append(fact.component)
    return out
