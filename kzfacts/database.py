"""Reading a kzfacts database (`extract --db`, `load`) back as the records it was written from,
for `kzfacts summary facts.db`. Columns map back to fields through the record's JSON Schema and the
writer's renames (`writers.sqlite.RENAMED`), as the writer made them, so a field added to the
contract comes back without a change here."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

SUFFIXES = (".db", ".sqlite", ".sqlite3")
HEADER = b"SQLite format 3\x00"


def is_database(path: Path) -> bool:
    """A path `summary` reads as a database: named like one, or a regular file opening with SQLite's header."""
    if path.suffix.lower() in SUFFIXES:
        return True
    if not path.is_file():  # a FIFO would block the read
        return False
    try:
        with open(path, "rb") as file:
            return file.read(len(HEADER)) == HEADER
    except OSError:
        return False


def _kinds(prop: dict[str, Any]) -> set[str]:
    """The JSON types a schema property allows."""
    kinds: set[str] = set()
    for alt in [prop, *prop.get("oneOf", []), *prop.get("anyOf", [])]:
        kind = alt.get("type")
        kinds.update([kind] if isinstance(kind, str) else kind or [])
    return kinds


def _decoder(prop: dict[str, Any]):
    """How a cell becomes the JSON value it was written from: lists and objects were stored as JSON
    text, booleans as 0 and 1."""
    kinds = _kinds(prop)
    if kinds & {"array", "object"}:
        return lambda cell: json.loads(cell) if isinstance(cell, str) else cell
    if kinds - {"null"} == {"boolean"}:
        return lambda cell: bool(cell) if cell is not None else None
    return lambda cell: cell


def _fields(props: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    """Column -> (the JSON field it holds, its decoder), for one table's schema properties."""
    from .writers.sqlite import RENAMED

    return {RENAMED.get(key, key): (key, _decoder(prop)) for key, prop in props.items()}


def _item(row: sqlite3.Row, fields: dict[str, tuple[str, Any]]) -> dict[str, Any]:
    """A row as the JSON object it was written from (the fields it has a column for)."""
    return {fields[c][0]: fields[c][1](row[c]) for c in row.keys() if c in fields}


def _mention(row: sqlite3.Row) -> dict[str, Any]:
    return {k: row[k] for k in row.keys() if k not in ("id", "article_id", "entity_table", "entity_id")}


class _Reader:
    def __init__(self, conn: sqlite3.Connection) -> None:
        from .registry import FACT_TYPES
        from .schema import record_schema

        self.conn = conn
        record = record_schema()["properties"]
        article = record["articles"]["items"]["properties"]
        self.fact_keys = [f.key for f in FACT_TYPES]
        self.record_fields = _fields({k: v for k, v in record.items() if k not in ("error", "articles")})
        self.article_fields = _fields({k: v for k, v in article.items() if k not in self.fact_keys})
        self.fact_fields = {key: _fields(article[key]["items"]["properties"]) for key in self.fact_keys}
        self.entity_tables = {f.key for f in FACT_TYPES if f.label}

    def rows(self, sql: str, *args: Any) -> list[sqlite3.Row]:
        return self.conn.execute(sql, args).fetchall()

    def records(self) -> Iterator[dict[str, Any]]:
        from . import SCHEMA_VERSION

        for source in self.rows("select * from sources order by rowid"):
            record = {"schema_version": SCHEMA_VERSION, **_item(source, self.record_fields)}
            error_type = source["error_type"]
            record["error"] = {"type": error_type, "message": source["error_message"] or ""} if error_type else None
            record["articles"] = [self.article(a) for a in self.rows(
                "select * from articles where origin = ? order by id", source["origin"])]
            yield record

    def article(self, row: sqlite3.Row) -> dict[str, Any]:
        article = _item(row, self.article_fields)
        for key in self.fact_keys:
            facts = []
            for fact_row in self.rows(f"select * from {key} where article_id = ? order by id", row["id"]):
                fact = _item(fact_row, self.fact_fields[key])
                if key in self.entity_tables:  # the writer kept a count there; the mentions are a table
                    fact["mentions"] = [_mention(m) for m in self.rows(
                        "select * from mentions where entity_table = ? and entity_id = ? order by id", key, fact_row["id"])]
                facts.append(fact)
            article[key] = facts
        return article


def read_database(path: Path) -> Iterator[dict[str, Any]]:
    """The records a kzfacts database holds, in the order they were written (opened read-only).

    Raises DatabaseReadError, naming the file and the fix, for a file that is no kzfacts database.
    """
    from .datasette import why_not_kzfacts

    problem = why_not_kzfacts(path)
    if problem:
        raise DatabaseReadError(problem)
    try:
        with closing(sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            conn.row_factory = sqlite3.Row
            yield from _Reader(conn).records()
    except sqlite3.Error as exc:  # a table the writer makes is missing: a database of another tool
        from .errors import not_a_database

        raise DatabaseReadError(not_a_database(str(path), str(exc))) from None


class DatabaseReadError(Exception):
    """A file that is no kzfacts database; the message names it and the fix."""
