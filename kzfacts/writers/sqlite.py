"""A normalised SQLite database of the records, written with sqlite-utils.

Tables: `sources` (one row per input, keyed by its `origin`: the resolved path, the URL, FILE#LINE of
a JSON Lines line with FILE resolved, or `stdin:sha256:HASH` of standard input's content, so an input
has one row however its path is typed and two feeds with the same ids keep all their rows; with its
error), `articles`, `people`, `organisations`,
`places` (one row per entity per article; aliases and titles as JSON), `mentions`, `dates`,
`figures` and `quotes` (with a full-text index on the quote text), and `signatures` (each original
article's MinHash, `kzfacts/duplicates.py`: a later run into the database finds copies of its
articles). Each source is written in
one transaction that first deletes what an earlier run wrote for it, so a re-run never
duplicates and an interrupted run leaves every source either whole or absent. A write that fails
(a full disk, a read-only or deleted database) is a `DatabaseWriteError` naming the file.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from .. import errors
from ..errors import InputError
from ..files import writable_path
from . import OutputError

ENTITY_TABLES = ("people", "organisations", "places")
FACT_TABLES = ("dates", "figures", "quotes")
CHILD_TABLES = (*ENTITY_TABLES, "mentions", "affiliations", *FACT_TABLES)
# each original article's MinHash (kzfacts/duplicates.py), so a later run finds its copies
SIGNATURES = "signatures"


class _Connection(sqlite3.Connection):
    """sqlite-utils commits after each operation (`with conn:`); inside `atomic` those commits wait
    for the one at the end of the source, so a source is one transaction."""

    holding = False

    def __exit__(self, *exc):
        if self.holding:
            return False
        return super().__exit__(*exc)


class DatabaseError(errors.UsageError):
    """The database file cannot be opened or is not kzfacts': a usage error (exit 2) naming it and the fix."""


class DatabaseWriteError(OutputError):
    """The database stopped taking records mid-run (full, read-only, deleted); the message names it and the fix."""


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
        writable_path(path, str(path), links=True)  # a FIFO would block the lock's open for ever
    except InputError as exc:
        raise DatabaseError(f"{path}: {exc.reason}; pass a database file") from None
    try:
        # two processes creating one new database at once: the tables are made by one at a time
        with open(path, "ab") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            db = sqlite_utils.Database(sqlite3.connect(str(path), factory=_Connection, timeout=60))
            db.execute("PRAGMA foreign_keys = ON")
            _check_version(db, path)
            _create_tables(db)
            _check_writable(db)
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot be opened ({exc.strerror or exc}); check the path and its "
                            "permissions") from None
    except sqlite3.OperationalError as exc:  # a full disk, a read-only file: the file itself may be fine
        raise DatabaseError(f"{path}: cannot be written ({exc}); free some space, check its and its folder's "
                            "permissions, or choose another --db") from None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: not a SQLite database, or a damaged one ({exc}); choose another --db") from None
    return db


def _check_writable(db) -> None:
    """Raise sqlite3.OperationalError now, not at the first record, when the database cannot be
    written: a file in a read-only folder opens, but no journal can be made beside it."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE _kzfacts_probe (x)")  # a page written: the journal is made
    finally:
        conn.rollback()


def _check_version(db, path: Path) -> None:
    if db["sources"].exists() and "origin" not in db["sources"].columns_dict:
        raise DatabaseError(f"{path}: written by an older kzfacts (its sources are keyed by source alone); "
                            "write a new database, or `kzfacts load` the JSON output into one")


def add_missing_columns(path: str | Path) -> None:
    """Give a database of an earlier kzfacts the columns added since (`articles.duplicate_of`, which
    the entities and the canned queries read), empty: `kzfacts datasette-metadata` reads no more than
    that. Nothing is written when none is missing; DatabaseError when one is and the file is read-only."""
    import sqlite_utils

    path = Path(path)
    tables, missing = layout(), {}
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            db = sqlite_utils.Database(conn)
            missing = {name: {c: t for c, t in tables[name].items() if c not in db[name].columns_dict}
                       for name in db.table_names() if name in tables}
        missing = {name: columns for name, columns in missing.items() if columns}
        if not missing:
            return
        with closing(sqlite3.connect(str(path))) as conn:
            db = sqlite_utils.Database(conn)
            for name, columns in missing.items():
                for column, kind in columns.items():
                    db[name].add_column(column, kind)
    except sqlite3.Error as exc:
        added = ", ".join(f"{name}.{c}" for name, columns in missing.items() for c in columns)
        raise DatabaseError(f"{path}: written by an earlier kzfacts, without {added}, and cannot be updated ({exc}); "
                            "make the file writable, or write the database anew with kzfacts extract --db") from None


# JSON field -> column where the JSON name is an SQL word or a list kept in its own table
RENAMED = {"index": "idx", "mentions": "mention_count", "values": "dates"}
SQL_TYPES = {"integer": int, "number": float, "boolean": int, "string": str}


def _sql_type(prop: dict[str, Any]) -> type:
    """The column type of a schema property: its one scalar type, else text (JSON for lists and objects)."""
    kinds: set[str] = set()
    for alt in [prop, *prop.get("oneOf", []), *prop.get("anyOf", [])]:
        kind = alt.get("type")
        kinds.update([kind] if isinstance(kind, str) else kind or [])
        if "const" in alt or "enum" in alt:
            kinds.update(type(v).__name__ for v in alt.get("enum", [alt.get("const")]) if v is not None)
    kinds = {{"str": "string", "int": "integer", "float": "number", "bool": "boolean"}.get(k, k) for k in kinds}
    kinds.discard("null")
    if kinds == {"integer", "number"}:
        return float
    return SQL_TYPES.get(kinds.pop(), str) if len(kinds) == 1 else str


def layout() -> dict[str, dict[str, type]]:
    """Every table's columns, derived from the record's JSON Schema, so every JSON field has its
    column: record fields on `sources`, article fields on `articles`, each fact's on its table."""
    from ..registry import FACT_TYPES
    from ..schema import record_schema

    record = record_schema()["properties"]
    article = record["articles"]["items"]["properties"]
    fact_keys = [f.key for f in FACT_TYPES]
    tables: dict[str, dict[str, type]] = {"sources": {"origin": str, "source": str, "error_type": str,
                                                      "error_message": str, "articles": int}}
    tables["sources"] |= {k: _sql_type(v) for k, v in record.items()
                          if k not in ("schema_version", "source", "origin", "error", "articles")}
    tables["articles"] = {"id": int, "origin": str, "source": str} | {
        RENAMED.get(k, k): _sql_type(v) for k, v in article.items() if k not in fact_keys}
    for key in fact_keys:
        props = article[key]["items"]["properties"]
        columns = {"id": int, "article_id": int}
        for name, prop in props.items():
            columns[RENAMED.get(name, name)] = int if name == "mentions" else _sql_type(prop)
        tables[key] = columns
    for key in ("people", "organisations"):  # the corpus-wide identity (`entities`), set when the writer closes
        tables[key]["entity_id"] = int
    tables["entities"] = {"id": int, "type": str, "name": str, "aliases": str, "articles": int, "mentions": int}
    tables["affiliations"] = {"id": int, "article_id": int, "person_id": int, "person": str, "organisation": str,
                              "role": str, "former": int, "start": int, "end": int}
    tables["mentions"] = {"id": int, "article_id": int, "entity_table": str, "entity_id": int, "text": str,
                          "start": int, "end": int}
    tables[SIGNATURES] = {"article_id": int, "minhash": bytes, "numbers": bytes}
    return tables


def _create_tables(db) -> None:
    article_fk = [("article_id", "articles", "id")]
    for name, columns in layout().items():
        pk = "origin" if name == "sources" else "article_id" if name == SIGNATURES else "id"
        fks = [] if name in ("sources", "entities") else [("origin", "sources", "origin")] if name == "articles" \
            else article_fk
        db[name].create(columns, pk=pk, foreign_keys=fks, if_not_exists=True)
        missing = {c: t for c, t in columns.items() if c not in db[name].columns_dict}
        for column, kind in missing.items():  # a field added since the database was made
            db[name].add_column(column, kind)
    indexes = {"sources": [["source"]], "articles": [["origin"], ["source"], ["published"]],
               "people": [["name"], ["entity_id"]], "organisations": [["name"], ["entity_id"]],
               "places": [["name"]], "mentions": [["entity_table", "entity_id"]], "dates": [["value"]],
               "figures": [["value"], ["unit"]], "quotes": [["speaker"]], "entities": [["name"]],
               "affiliations": [["organisation"], ["person_id"]]}
    for name, cols in indexes.items():
        for col in cols:
            db[name].create_index(col, if_not_exists=True)
    for name in CHILD_TABLES:
        db[name].create_index(["article_id"], if_not_exists=True)
    if not db["quotes"].detect_fts():
        db["quotes"].enable_fts(["text", "speaker"], create_triggers=True)


def _cell(value: Any) -> Any:
    """A JSON value as an SQLite cell: lists and objects as JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _row(item: dict[str, Any], columns: dict[str, type], **fixed: Any) -> dict[str, Any]:
    row = dict(fixed)
    for key, value in item.items():
        column = RENAMED.get(key, key)
        if column in columns and column not in row:
            row[column] = len(value) if key == "mentions" else _cell(value)
    return row


@contextmanager
def atomic(db) -> Iterator[None]:
    """One transaction for everything in the block, whatever sqlite-utils commits inside it.

    It takes the write lock before the block's first statement (BEGIN IMMEDIATE), so what the block
    reads is what it writes over: no other writer can commit in between.
    """
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
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
    """What names the record's input uniquely, as typed: its `origin`, or its `source` when they are one."""
    return record.get("origin") or record["source"]


def record_key(record: dict[str, Any]) -> str:
    """The database key of a record read back from JSON (`kzfacts load`), as `extract --db` keys its
    input (`Input.key`): a path resolved here (FILE#LINE with FILE resolved), a URL as it is, and
    standard input (`-`, `-#LINE`) by the hash of the record, as its text is not in it."""
    from ..keys import path_key, stdin_key
    from ..web import is_url

    origin = origin_of(record)
    if is_url(origin):
        return origin
    name, hash_mark, line = origin.rpartition("#")
    if not (hash_mark and line.isdigit()):
        name, line = origin, ""
    line = f"#{line}" if line else ""
    if name == "-":
        return stdin_key(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")) + line
    return path_key(Path(name)) + line


class DatabaseWriter:
    """Writes each record into the database as it comes, one transaction per source.

    A write that fails raises DatabaseWriteError; so does a write after the file was deleted or
    replaced (SQLite would go on writing into the deleted file, and every record would be lost).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = open_database(path)
        self.tables = layout()
        self.file = _file_id(self.path)
        self.failed = False

    def has_result(self, key: str) -> bool:
        """True when the input `key` is stored with its facts; an input whose record was an error
        (a timeout, a fetch that failed) is not, so a resume retries it."""
        try:
            return bool(self.db.execute("select 1 from sources where origin = ? and error_type is null",
                                        [key]).fetchone())
        except sqlite3.Error as exc:
            raise self._failure(exc) from None

    def write(self, record: dict[str, Any], key: str | None = None,
              signatures: dict[int, dict[str, bytes]] | None = None) -> None:
        """Store the record under `key` (its input's: `Input.key`; by default `record_key`, for a
        record read back), replacing what an earlier run stored for the same input; `signatures`:
        its original articles' signature row (minhash, numbers: `Deduplicator.mark`) by article index."""
        key = key or record_key(record)
        self._check_file()
        try:
            with atomic(self.db):
                if signatures is not None:
                    self._release_copies(key, signatures)
                self._delete(key)
                self._insert(record, key, signatures or {})
        except sqlite3.Error as exc:
            raise self._failure(exc) from None
        self._check_file()

    def _check_file(self) -> None:
        if _file_id(self.path) != self.file:
            self.failed = True
            raise DatabaseWriteError(errors.database_gone(str(self.path)))

    def _failure(self, exc: sqlite3.Error) -> DatabaseWriteError:
        self.failed = True
        return DatabaseWriteError(errors.database_unwritable(str(self.path), str(exc)))

    def _delete(self, origin: str) -> None:
        ids = "select id from articles where origin = ?"
        for name in (*CHILD_TABLES, SIGNATURES):
            self.db[name].delete_where(f"article_id in ({ids})", [origin])
        self.db["articles"].delete_where("origin = ?", [origin])
        self.db["sources"].delete_where("origin = ?", [origin])

    def _release_copies(self, origin: str, signatures: dict[int, dict[str, bytes]]) -> None:
        """The copies of the input's stored originals that its new version no longer holds (another
        story at that article, or none) repeat nothing now: their `duplicate_of` is cleared, so they
        count again (a copy keeps no signature, so a later run cannot find its own copies)."""
        from ..duplicates import same_story

        for index, source, minhash, numbers in self.db.execute(
                f"select a.idx, a.source, s.minhash, s.numbers from {SIGNATURES} s join articles a on a.id = s.article_id "
                "where a.origin = ?", [origin]).fetchall():
            new = signatures.get(index)
            if new is not None and same_story(minhash, numbers, new["minhash"], new["numbers"]):
                continue
            # a copy written by an earlier kzfacts names its original by source alone
            self.db.execute("update articles set duplicate_of = null where json_extract(duplicate_of, '$.article') = ? "
                            "and coalesce(json_extract(duplicate_of, '$.origin') = ?, json_extract(duplicate_of, '$.source') = ?)",
                            [index, origin, source])

    def originals(self) -> Iterator[tuple[str, str, int, bytes, bytes | None]]:
        """(origin, source, article index, MinHash digest, numbers digest or None) of every original
        article stored, in the order they were written."""
        try:
            yield from self.db.execute(
                f"select a.origin, a.source, a.idx, s.minhash, s.numbers from {SIGNATURES} s join articles a on a.id = s.article_id "
                "where a.duplicate_of is null order by a.id")
        except sqlite3.Error as exc:
            raise self._failure(exc) from None

    def _insert(self, record: dict[str, Any], origin: str, signatures: dict[int, dict[str, bytes]]) -> None:
        db, source, tables = self.db, record["source"], self.tables
        error = record.get("error") or {}  # `load` takes records another tool may have written
        db["sources"].insert(_row(record, tables["sources"], origin=origin, source=source,
                                  error_type=error.get("type"), error_message=error.get("message"),
                                  articles=len(record["articles"])))
        for art in record["articles"]:
            article_id = db["articles"].insert(_row(art, tables["articles"], origin=origin, source=source)).last_pk
            if art.get("index") in signatures:
                db[SIGNATURES].insert({"article_id": article_id, **signatures[art["index"]]})
            for table in ENTITY_TABLES:
                for ent in art[table]:
                    entity_id = db[table].insert(_row(ent, tables[table], article_id=article_id)).last_pk
                    db["affiliations"].insert_all({"article_id": article_id, "person_id": entity_id,
                                                   "person": ent["name"], **a} for a in ent.get("affiliations") or [])
                    db["mentions"].insert_all({"article_id": article_id, "entity_table": table, "entity_id": entity_id,
                                               **m} for m in ent["mentions"])
            for table in FACT_TABLES:
                db[table].insert_all(_row(fact, tables[table], article_id=article_id) for fact in art[table])

    def close(self) -> None:
        """Remake the entities (unless a write failed: the database cannot take it, or is gone) and close."""
        try:
            if not self.failed:
                self._check_file()
                with atomic(self.db):
                    rebuild_entities(self.db)
        except sqlite3.Error as exc:
            raise self._failure(exc) from None
        finally:
            self.db.conn.close()


def _file_id(path: Path) -> tuple[int, int] | None:
    """The file's device and inode, or None when it is gone: tells a deleted or replaced file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def rebuild_entities(db) -> None:
    """The `entities` table anew from every person and organisation row of the database (so one
    identity holds across runs and resumed runs), and each row's `entity_id`.

    Call it inside `atomic`: the rows it reads and the ids it writes are then one transaction, so a
    writer that commits a source meanwhile waits, and no `entity_id` points at another's entity.
    """
    from .. import resources
    from ..identity import ACRONYM, Item, article_country, identities, identity_name

    places: dict[int, list[tuple[str, int]]] = {}
    for article_id, name, count in db.execute("select article_id, name, mention_count from places order by id"):
        places.setdefault(article_id, []).append((name, count or 0))
    countries = {article_id: article_country(found) for article_id, found in places.items()}
    rows = []
    for table in ("people", "organisations"):
        titles = "titles" if table == "people" else "null"
        for row in db.execute(f"select id, article_id, name, aliases, acronym, mention_count, {titles} from {table}").fetchall():
            rows.append((table, *row))
    # a copy of an earlier article (`duplicate_of`) shares its identities but adds no count: each story once
    copies = {article_id for (article_id,) in db.execute("select id from articles where duplicate_of is not null")}
    known = {form: canon for form, canon in resources.organisation_ids().items() if ACRONYM.match(form)}
    items = [Item(t, name, json.loads(aliases or "[]"), acronym, json.loads(titles or "[]"), countries.get(article_id),
                  count or 0, article_id) for t, _, article_id, name, aliases, acronym, count, titles in rows]
    numbers = identities(items, known)
    groups: dict[int, list[int]] = {}
    for k, number in enumerate(numbers):
        groups.setdefault(number, []).append(k)
    db["entities"].delete_where()
    for number, members in sorted(groups.items()):
        name, aliases = identity_name([items[k] for k in members])
        person = any(rows[k][0] == "people" for k in members)  # a person the model called a body elsewhere
        db["entities"].insert({"id": number + 1, "type": "person" if person else "organisation",
                               "name": name, "aliases": json.dumps(aliases, ensure_ascii=False),
                               "articles": len({rows[k][2] for k in members} - copies),
                               "mentions": sum(rows[k][6] or 0 for k in members if rows[k][2] not in copies)})
    for table in ("people", "organisations"):
        db.conn.executemany(f"update {table} set entity_id = ? where id = ?",
                            [(n + 1, row[1]) for n, row in zip(numbers, rows, strict=True) if row[0] == table])
