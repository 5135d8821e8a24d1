"""Reading records kzfacts already wrote: JSON Lines, a JSON record or array, folders of them."""
from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError


class RecordReadError(Exception):
    """A path that holds no kzfacts records; the message names it and the fix."""


def is_record(obj: Any) -> bool:
    """Whether `obj` means to be a kzfacts record (it has the record's keys); `record_problem` says
    whether it is one summary and load can read."""
    return isinstance(obj, dict) and "schema_version" in obj and "articles" in obj and "source" in obj


# ---- the shapes summary and load read: one check, so neither meets a record it cannot take
# A check is a function (value, where) that raises _Malformed naming the first field that is wrong.

class _Malformed(Exception):
    """A record field is not what summary and load read; the message says which and what it is."""


def _kind(value: Any) -> str:
    """The JSON type of a value, as a message says it: "a string", "null"."""
    if value is None:
        return "null"
    kinds = ((bool, "a boolean"), (int, "a number"), (float, "a number"), (str, "a string"),
             (list, "an array"), (dict, "an object"))
    return next(kind for cls, kind in kinds if isinstance(value, cls))


def _at(where: str, key: str) -> str:
    """The path of a field: "articles[0].people"."""
    return f"{where}.{key}" if where else key


def _is(*types: type, empty: bool = True) -> Callable[[Any, str], None]:
    """A value of one of these types (a bool is no int); `empty=False`: not "" or []."""
    def check(value: Any, where: str) -> None:
        if isinstance(value, float) and int in types and float not in types:
            raise _Malformed(f"{where} is not a whole number")
        if not isinstance(value, types) or isinstance(value, bool) and bool not in types:
            raise _Malformed(f"{where} is {_kind(value)}")
        if not empty and not value:
            raise _Malformed(f"{where} is empty")
    return check


def _list_of(item: Callable[[Any, str], None]) -> Callable[[Any, str], None]:
    """An array whose every element passes `item`."""
    def check(value: Any, where: str) -> None:
        _is(list)(value, where)
        for n, element in enumerate(value):
            item(element, f"{where}[{n}]")
    return check


def _object(required: dict[str, Any], optional: dict[str, Any] | None = None, *,
            closed: bool = False) -> Callable[[Any, str], None]:
    """An object with these fields (optional ones may be absent or null); `closed`: no others,
    for the objects `load` inserts field by field into a table (mentions, affiliations)."""
    optional = optional or {}

    def check(value: Any, where: str) -> None:
        _is(dict)(value, where)
        for key, field in required.items():
            if key not in value:
                raise _Malformed(f"{_at(where, key)} is missing")
            field(value[key], _at(where, key))
        for key, field in optional.items():
            if value.get(key) is not None:
                field(value[key], _at(where, key))
        extra = [key for key in value if key not in required and key not in optional] if closed else []
        if extra:
            raise _Malformed(f"{_at(where, extra[0])} is not a field kzfacts writes")
    return check


_JSON_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "integer": (int,), "boolean": (bool,),
                                            "number": (int, float)}


def _flat(schema: dict[str, Any], *, read: tuple[str, ...] = ()) -> Callable[[Any, str], None]:
    """The check of a flat object from its JSON Schema in the registry (a mention, an affiliation):
    `load` inserts such an object field by field into its table, so it may have no other field,
    and each has its schema's type; only the fields in `read` (summary reads them) must be there."""
    fields = {}
    for key, prop in schema["properties"].items():
        kinds = [prop["type"]] if isinstance(prop["type"], str) else prop["type"]
        types = [t for kind in kinds if kind != "null" for t in _JSON_TYPES[kind]]
        fields[key] = _is(*types, empty=prop.get("minLength", 0) == 0)
    required = {key: check for key, check in fields.items() if key in read}
    return _object(required, {k: c for k, c in fields.items() if k not in read}, closed=True)


@functools.cache
def _record_check() -> Callable[[Any, str], None]:
    """The check of a whole record: the fields `summary` and `load` (its database writer) read,
    with the contract's types; fields neither reads are left alone."""
    from .registry import AFFILIATION_SCHEMA, FACT_TYPES, MENTION_SCHEMA

    text, name = _is(str), _is(str, empty=False)
    texts = _list_of(text)
    entity = _object({"name": name, "mentions": _list_of(_flat(MENTION_SCHEMA))},
                     {"aliases": texts, "titles": texts, "acronym": text,
                      "affiliations": _list_of(_flat(AFFILIATION_SCHEMA, read=("organisation",)))})
    quote = _object({}, {"speaker": text, "speakers": texts})
    facts = {f.key: _list_of(entity if f.label else quote if f.key == "quotes" else _is(dict)) for f in FACT_TYPES}
    error = _object({}, {"type": text, "message": text})
    return _object({"source": name, "articles": _list_of(_object(facts))}, {"origin": name, "error": error})


_SQLITE_INT = 2**63  # SQLite's integers are 64-bit


def _unwritable(obj: Any) -> str | None:
    """The first value anywhere in a record that no output can hold: an integer past 64 bits
    (SQLite refuses it) or a string with an unpaired surrogate (JSON's "\\ud800" parses to one,
    and UTF-8 cannot encode it). Walked with a stack: a record may be nested deeply."""
    stack: list[tuple[str, Any]] = [("", obj)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, int) and not isinstance(value, bool) and not -_SQLITE_INT <= value < _SQLITE_INT:
            return f"{where} is a number past 64 bits"
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return f"{where or 'a field name'} holds an unpaired surrogate"
        if isinstance(value, dict):
            stack.extend((f"{where}.{k}".lstrip("."), v) for k, v in reversed(value.items()))
            stack.extend((where, k) for k in value)
        elif isinstance(value, list):
            stack.extend((f"{where}[{n}]", v) for n, v in reversed(list(enumerate(value))))
    return None


def record_problem(obj: Any) -> str | None:
    """Why `obj` is not a record `summary` and `load` can read ("articles is a string",
    "articles[0].people[0].name is a number"), or None when it is one."""
    if not isinstance(obj, dict):
        return f"the record is {_kind(obj)}"
    if not is_record(obj):
        return "no schema_version, source and articles"
    try:
        _record_check()(obj, "")
    except _Malformed as exc:
        return str(exc)
    return _unwritable(obj)


class _Unparsed:
    """A line that is not a JSON value; `reason` says why, for the message."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _loads(text: str) -> Any:
    """The JSON value of a text, or _Unparsed."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return _Unparsed("the line is not JSON")
    except RecursionError:  # json's parser gives up past Python's recursion limit
        return _Unparsed("nested too deeply")


def _json_items(text: str, name: str) -> list[tuple[str, Any]]:
    """Each JSON value in a file's text with where it is: a JSON array's items ("FILE: record 2"),
    one JSON value ("FILE:1", the line it starts on), or JSON Lines ("FILE:3")."""
    data = _loads(text)
    if isinstance(data, list):
        return [(f"{name}: record {n}", item) for n, item in enumerate(data, 1)]
    if not isinstance(data, _Unparsed):
        start = len(text) - len(text.lstrip())
        return [(f"{name}:{text.count(chr(10), 0, start) + 1}", data)]
    return [(f"{name}:{n}", _loads(line)) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def parse_records(text: str, name: str, *, on_skip: Callable[[str], None]) -> list[dict[str, Any]]:
    """The records in one file's text: a JSON array, one JSON record, or JSON Lines. A value that
    is not a record summary and load can read is skipped with one message to `on_skip` naming the
    file and line; a text with no record at all raises RecordReadError (it is something else)."""
    from .errors import not_a_record, not_records

    items = _json_items(text, name) if text.strip() else []
    if items and not any(is_record(item) for _, item in items):
        raise RecordReadError(not_records(name))
    records = []
    for where, item in items:
        problem = item.reason if isinstance(item, _Unparsed) else record_problem(item)
        if problem:
            on_skip(not_a_record(where, problem))
        else:
            records.append(item)
    return records


def record_files(folder: Path) -> list[Path]:
    """*.json and *.jsonl files below a folder, sorted, dot-files and dot-folders left out."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def read_file_text(path: Path) -> str:
    """A regular file's UTF-8 text. Raises OSError, UnicodeDecodeError, or InputError for a path that
    is no regular file (a FIFO would block for ever, /dev/zero never end)."""
    from .files import open_regular

    with open_regular(path, str(path)) as file:  # a regular file ends: its size is the only cap
        return file.read().decode("utf-8")


def read_record_files(paths: list[str], *, on_skip: Callable[[str], None]) -> Iterator[dict[str, Any]]:
    """Every record in the given files, folders (their *.json and *.jsonl) or - (standard input);
    a malformed record is skipped with a message to `on_skip`.

    Raises RecordReadError for a path that is missing, unreadable, or not kzfacts output.
    """
    for raw in paths:
        if raw == "-":
            yield from parse_records(sys.stdin.read(), "standard input", on_skip=on_skip)
            continue
        path = Path(raw)
        if path.is_dir():
            files = record_files(path)
            if not files:
                raise RecordReadError(f"{raw}: no kzfacts output under it (looked for *.json, *.jsonl)")
        elif path.exists():  # a file, or something read_file_text names (a FIFO, a device)
            files = [path]
        else:
            raise RecordReadError(f"{raw}: no such file or folder; check the path")
        for file in files:
            try:
                text = read_file_text(file)
            except InputError as exc:
                raise RecordReadError(exc.message) from None
            except (OSError, UnicodeDecodeError) as exc:
                raise RecordReadError(f"{file}: cannot be read ({exc.__class__.__name__}); "
                                      "pass kzfacts' JSON or JSON Lines output") from None
            yield from parse_records(text, str(file), on_skip=on_skip)


def load_records(paths: list[str], db: Path, *, skip_existing: bool = False) -> int:
    """What `kzfacts load` does: every record of the paths into the database (a malformed one
    skipped with its line); the exit status."""
    from . import errors
    from .console import say
    from .writers import OutputError, close_all
    from .writers.sqlite import DatabaseWriter, record_key

    database = DatabaseWriter(db)  # a bad one: DatabaseError, a usage error
    count = skipped = 0
    problem = None

    def on_skip(message: str) -> None:  # a malformed record: one line, the others are loaded
        nonlocal skipped
        skipped += 1
        say(message)

    try:
        for record in read_record_files(paths, on_skip=on_skip):
            key = record_key(record)
            if skip_existing and database.has_result(key):
                continue
            database.write(record, key)
            count += 1
    except (RecordReadError, OutputError) as exc:
        problem = str(exc)
    finally:
        unclosed = close_all(database)
    if problem or unclosed:
        say(problem or unclosed)
        return 1
    say(errors.loaded(count, skipped, db))
    return 1 if skipped else 0
