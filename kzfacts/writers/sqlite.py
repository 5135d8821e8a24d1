"""A normalised SQLite database of the records, written with sqlite-utils.

Tables: `sources` (one row per input, keyed by its `origin`: the path, URL, or FILE#LINE of a JSON
Lines line, so two feeds with the same ids keep all their rows; with its error), `articles`, `people`, `organisations`,
`places` (one row per entity per article; aliases and titles as JSON), `mentions`, `dates`,
`figures` and `quotes` (with a full-text index on the quote text). Each source is written in
one transaction that first deletes what an earlier run wrote for it, so a re-run never
duplicates and an interrupted run leaves every source either whole or absent.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ENTITY_TABLES = ("people", "organisations", "places")
FACT_TABLES = ("dates", "figures", "quotes")
CHILD_TABLES = (*ENTITY_TABLES, "mentions", *FACT_TABLES)


class _Connection(sqlite3.Connection):
    """sqlite-utils commits after each operation (`with conn:`); inside `atomic` those commits wait
    for the one at the end of the source, so a source is one transaction."""

    holding = False

    def __exit__(self, *exc):
        if self.holding:
            return False
        return super().__exit__(*exc)


class DatabaseError(Exception):
    """The database file cannot be opened or is not kzfacts'; the message names it and the fix."""


def open_database(path: str | Path):
    """The database at `path` (created if missing) with kzfacts' tables, keys and indexes.

    Raises DatabaseError when the path is a folder, in a missing folder, not a SQLite database,
    or a database of an older kzfacts.
    """
    import fcntl

    import sqlite_utils

    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path}: is a folder; pass a database file such as {path / 'facts.db'}")
    if not path.parent.is_dir():
        raise DatabaseError(f"{path}: the folder {path.parent} does not exist; create it or choose another --db")
    try:
        # two processes creating one new database at once: the tables are made by one at a time
        with open(path, "ab") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            db = sqlite_utils.Database(sqlite3.connect(str(path), factory=_Connection, timeout=60))
            db.execute("PRAGMA foreign_keys = ON")
            _check_version(db, path)
            _create_tables(db)
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot be opened ({exc.strerror or exc}); check the path and its "
                            "permissions") from None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: not a SQLite database, or a damaged one ({exc}); choose another --db") from None
    return db


def _check_version(db, path: Path) -> None:
    if db["sources"].exists() and "origin" not in db["sources"].columns_dict:
        raise DatabaseError(f"{path}: written by an older kzfacts (its sources are keyed by source alone); "
                            "write a new database, or `kzfacts load` the JSON output into one")


def _create_tables(db) -> None:
    article_fk = [("article_id", "articles", "id")]
    tables: dict[str, tuple[dict[str, type], list]] = {
        "sources": ({"origin": str, "source": str, "error_type": str, "error_message": str, "articles": int}, []),
        "articles": ({"id": int, "origin": str, "source": str, "idx": int, "title": str, "author": str,
                      "published": str, "start": int, "end": int}, [("origin", "sources", "origin")]),
        "people": ({"id": int, "article_id": int, "name": str, "titles": str, "aliases": str}, article_fk),
        "organisations": ({"id": int, "article_id": int, "name": str, "acronym": str, "aliases": str}, article_fk),
        "places": ({"id": int, "article_id": int, "name": str, "aliases": str}, article_fk),
        "mentions": ({"id": int, "article_id": int, "entity_table": str, "entity_id": int, "text": str,
                      "start": int, "end": int}, article_fk),
        "dates": ({"id": int, "article_id": int, "text": str, "start": int, "end": int, "value": str,
                   "granularity": str, "relative": int, "kind": str, "dates": str, "range_end": str}, article_fk),
        "figures": ({"id": int, "article_id": int, "text": str, "start": int, "end": int, "value": float,
                     "value_max": float, "unit": str, "kind": str, "approximate": int, "qualifier": str,
                     "per": str}, article_fk),
        "quotes": ({"id": int, "article_id": int, "text": str, "start": int, "end": int, "speaker": str,
                    "speakers": str, "cue": str, "partial": int}, article_fk),
    }
    for name, (columns, fks) in tables.items():
        pk = "origin" if name == "sources" else "id"
        db[name].create(columns, pk=pk, foreign_keys=fks, if_not_exists=True)
    indexes = {"sources": [["source"]], "articles": [["origin"], ["source"], ["published"]], "people": [["name"]], "organisations": [["name"]],
               "places": [["name"]], "mentions": [["entity_table", "entity_id"]], "dates": [["value"]],
               "figures": [["value"], ["unit"]], "quotes": [["speaker"]]}
    for name, cols in indexes.items():
        for col in cols:
            db[name].create_index(col, if_not_exists=True)
    for name in CHILD_TABLES:
        db[name].create_index(["article_id"], if_not_exists=True)
    if not db["quotes"].detect_fts():
        db["quotes"].enable_fts(["text", "speaker"], create_triggers=True)


@contextmanager
def atomic(db) -> Iterator[None]:
    """One transaction for everything in the block, whatever sqlite-utils commits inside it."""
    conn = db.conn
    conn.holding = True
    try:
        yield
    except BaseException:
        conn.holding = False
        conn.rollback()
        raise
    conn.holding = False
    conn.commit()


def origin_of(record: dict[str, Any]) -> str:
    """What names the record's input uniquely: its `origin`, or its `source` when they are one."""
    return record.get("origin") or record["source"]


class DatabaseWriter:
    """Writes each record into the database as it comes, one transaction per source."""

    def __init__(self, path: str | Path) -> None:
        self.db = open_database(path)

    def has_origin(self, origin: str) -> bool:
        return bool(self.db.execute("select 1 from sources where origin = ?", [origin]).fetchone())

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        """Store the record, replacing what an earlier run stored for the same input (its origin)."""
        with atomic(self.db):
            self._delete(origin_of(record))
            self._insert(record)

    def _delete(self, origin: str) -> None:
        ids = "select id from articles where origin = ?"
        for name in CHILD_TABLES:
            self.db[name].delete_where(f"article_id in ({ids})", [origin])
        self.db["articles"].delete_where("origin = ?", [origin])
        self.db["sources"].delete_where("origin = ?", [origin])

    def _insert(self, record: dict[str, Any]) -> None:
        db, source, origin = self.db, record["source"], origin_of(record)
        error = record["error"] or {}
        db["sources"].insert({"origin": origin, "source": source, "error_type": error.get("type"),
                              "error_message": error.get("message"), "articles": len(record["articles"])})
        for art in record["articles"]:
            article_id = db["articles"].insert({"origin": origin, "source": source, "idx": art["index"],
                                                "title": art["title"],
                                                "author": art["author"], "published": art["published"],
                                                "start": art["start"], "end": art["end"]}).last_pk
            for table in ENTITY_TABLES:
                for ent in art[table]:
                    row = {"article_id": article_id, "name": ent["name"], "aliases": json.dumps(ent["aliases"],
                                                                                                 ensure_ascii=False)}
                    if table == "people":
                        row["titles"] = json.dumps(ent.get("titles", []), ensure_ascii=False)
                    if table == "organisations":
                        row["acronym"] = ent.get("acronym")
                    entity_id = db[table].insert(row).last_pk
                    db["mentions"].insert_all({"article_id": article_id, "entity_table": table, "entity_id": entity_id,
                                               **m} for m in ent["mentions"])
            db["dates"].insert_all({"article_id": article_id, **{k: d.get(k) for k in (
                "text", "start", "end", "value", "granularity", "relative", "kind", "range_end")},
                "dates": json.dumps(d["values"]) if d.get("values") else None} for d in art["dates"])
            db["figures"].insert_all({"article_id": article_id, **{k: f.get(k) for k in (
                "text", "start", "end", "value", "value_max", "unit", "kind", "approximate", "qualifier", "per")}}
                for f in art["figures"])
            db["quotes"].insert_all({"article_id": article_id, **{k: q[k] for k in (
                "text", "start", "end", "speaker", "cue", "partial")},
                "speakers": json.dumps(q["speakers"], ensure_ascii=False)} for q in art["quotes"])

    def close(self) -> None:
        self.db.conn.close()
