"""Reading a gold folder for `kzfacts eval` (the format is in docs/GOLD.md): every NAME.gold.json
below it, checked, with the text it names.

A gold folder is the user's data, but it is read as untrusted: a gold file may only name a text
inside the folder (a gold file shared by someone else must not make kzfacts print another file's
names), only regular files are read, each at most `inputs.MAX_BYTES`, and a gold file is checked
against the format before anything is scored, so scoring never meets a value of the wrong kind.
A gold file that fails gets a `GoldProblem` naming it and the fix; the other files are scored.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import errors
from .files import MAX_BYTES, read_regular

SUFFIX = ".gold.json"


@dataclass
class GoldPair:
    """A checked gold file and its text; names are relative to the gold folder, with /."""

    name: str
    text_name: str
    gold: dict[str, Any]
    text: str | None  # None when the text does not exist: its gold items all count as missed


class GoldProblem(Exception):
    """A gold file, or the text it names, that cannot be scored; `message` names it and the fix."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name, self.message = name, message


def gold_files(folder: Path) -> list[Path]:
    """Every NAME.gold.json below `folder`, sorted; folders are walked without following links, and
    dot-folders are left out (as for `extract`). A folder named *.gold.json is listed, not walked:
    it is surely a mistake, and reading it says so."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root, d) for d in dirs if d.endswith(SUFFIX)]
        dirs[:] = [d for d in dirs if not d.endswith(SUFFIX)]
        found += [Path(root, f) for f in files if f.endswith(SUFFIX)]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def read_pair(folder: Path, path: Path) -> GoldPair:
    """The checked gold file at `path` and its text; raises GoldProblem."""
    name = path.relative_to(folder).as_posix()
    if _inside(folder, path) is None:
        raise GoldProblem(name, errors.bad_gold(name, "a link to a file outside the gold folder, not read"))
    try:
        gold = check_gold(parse_gold(read_file(path)))
    except (OSError, ValueError, RecursionError) as exc:
        raise GoldProblem(name, errors.bad_gold(name, _reason(exc))) from None
    named = gold.get("file") or path.name.removesuffix(SUFFIX) + ".txt"
    text_path = _inside(folder, path.parent / named)
    if text_path is None:
        raise GoldProblem(name, errors.gold_text_outside(name, named))
    text_name = text_path.relative_to(folder.resolve()).as_posix()
    return GoldPair(name, text_name, gold, _read_text(text_path, text_name, name))


def _inside(folder: Path, path: Path) -> Path | None:
    """`path` resolved (links followed), or None when that is outside `folder`."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL in the name
        return None
    return resolved if resolved.is_relative_to(folder.resolve()) else None


def _read_text(path: Path, text_name: str, gold_name: str) -> str | None:
    """The text a gold file names, decoded as UTF-8; None when it does not exist."""
    try:
        return read_file(path).decode("utf-8-sig")  # a BOM is no part of the text, as for `extract`
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise GoldProblem(gold_name, errors.bad_gold_text(text_name, gold_name, _reason(exc))) from None


def read_file(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES (`files.read_regular`); raises OSError, or
    ValueError saying what is wrong (a folder, a FIFO, over the limit)."""
    try:
        return read_regular(path, str(path), MAX_BYTES)
    except errors.InputError as exc:
        raise ValueError(exc.reason or exc.message) from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (byte {exc.start})"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, OSError):
        return f"cannot be read: {exc.strerror or exc}"
    if isinstance(exc, json.JSONDecodeError):
        return f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
    return str(exc)


def parse_gold(data: bytes) -> Any:
    """The JSON of a gold file. NaN, Infinity and numbers past a float are refused: one would
    compare as equal to any value, or fail to compare at all."""
    return json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant, parse_float=_finite, parse_int=_finite_int)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number a gold value can hold (write a finite number)")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is past the largest number a gold value can hold")
    return value


def _finite_int(text: str) -> int:
    value = int(text)  # over 4,300 digits: Python's own ValueError
    try:
        float(value)
    except OverflowError:
        raise ValueError(f"{text[:12]}... ({len(text)} digits) is past the largest number a gold value can "
                         "hold") from None
    return value


# checking a parsed gold file: each field's checker returns the value (a name made a list where the
# scorer reads a list) or raises ValueError naming where it is and what it holds

def _show(value: Any) -> str:
    """A short view of a wrong value: itself when short, else what kind of thing it is."""
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) <= 30:
        return shown
    return {dict: "an object", list: "a list", str: "a long text"}.get(type(value), shown[:27] + "...")


def _text(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    raise ValueError(f"{where} must be text, not {_show(value)}")


def _maybe_text(value: Any, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _names(value: Any, where: str) -> list[str]:
    """A name or a list of names, as a list: a lone string is one name, never its letters."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise ValueError(f"{where} must be a name or a list of names, not {_show(value)}")


def _speaker(value: Any, where: str) -> str | list[str] | None:
    return value if value is None else value if isinstance(value, str) else _names(value, where)


def _flag(value: Any, where: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValueError(f"{where} must be true or false, not {_show(value)}")


def _number(value: Any, where: str) -> float | int | None:
    if value is None or isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    raise ValueError(f"{where} must be a number, not {_show(value)}")


def _date_value(value: Any, where: str) -> str | float | int | None:
    return _number(value, where) if not isinstance(value, str) else value


def _date_values(value: Any, where: str) -> list:
    values = value if isinstance(value, list) else [value]
    return [_date_value(v, f"{where}[{i}]") for i, v in enumerate(values)]


def _reference_date(value: Any, where: str) -> str | None:
    from datetime import date

    if value is None or value == "":
        return None
    try:
        date.fromisoformat(_text(value, where))
    except ValueError:
        raise ValueError(f"{where} {_show(value)} is not a date; use YYYY-MM-DD") from None
    return value


_ENTITY = {"name": _text, "aliases": _names, "optional": _flag}
# category -> {field: checker}; REQUIRED names the fields an item must have
ITEM_FIELDS = {
    "people": _ENTITY,
    "organisations": _ENTITY,
    "dates": {"text": _text, "value": _date_value, "values": _date_values, "optional": _flag},
    "figures": {"text": _text, "value": _number, "unit": _maybe_text, "subject": _maybe_text,
                "subject_optional": _flag, "optional": _flag},
    "quotes": {"text": _text, "speaker": _speaker, "optional": _flag},
    "affiliations": {"person": _text, "organisation": _text, "role": _maybe_text, "former": _flag,
                     "optional": _flag},
}
REQUIRED = {"people": ("name",), "organisations": ("name",), "dates": ("text",), "figures": ("text",),
            "quotes": ("text",), "affiliations": ("person", "organisation")}
ARTICLE_FIELDS = {"title": _maybe_text, "author": lambda v, where: v if v is None else _names(v, where)}
TOP_FIELDS = {"file": _maybe_text, "reference_date": _reference_date}


def _fields(item: Any, checkers: dict, required: tuple[str, ...], where: str) -> dict[str, Any]:
    """`item` (a JSON object) with each known field checked; other fields are kept as they are."""
    if not isinstance(item, dict):
        raise ValueError(f"{where or 'the file'} must be a JSON object, not {_show(item)}")
    for key in required:
        if key not in item:
            raise ValueError(f"{where or 'the file'} has no {key!r}")
    prefix = f"{where}." if where else ""
    return {**item, **{key: check(item[key], prefix + key) for key, check in checkers.items() if key in item}}


def _list(value: Any, where: str) -> list:
    if isinstance(value, list):
        return value
    raise ValueError(f"{where} must be a list, not {_show(value)}")


def check_gold(gold: Any) -> dict[str, Any]:
    """The gold file's JSON checked against the gold format (docs/GOLD.md), names made lists;
    raises ValueError saying where the first wrong value is."""
    gold = _fields(gold, TOP_FIELDS, ("articles",), "")
    articles = []
    for i, article in enumerate(_list(gold["articles"], "articles")):
        where = f"articles[{i}]"
        article = _fields(article, ARTICLE_FIELDS, (), where)
        for kind, checkers in ITEM_FIELDS.items():
            if kind in article:
                items = _list(article[kind], f"{where}.{kind}")
                article[kind] = [_fields(item, checkers, REQUIRED[kind], f"{where}.{kind}[{j}]")
                                 for j, item in enumerate(items)]
        articles.append(article)
    return {**gold, "articles": articles}


def read_folder(folder: Path) -> tuple[list[GoldPair], list[GoldProblem]]:
    """Every gold file below `folder` with its text, and the problems of those that cannot be scored."""
    pairs, problems = [], []
    for path in gold_files(folder):
        try:
            pairs.append(read_pair(folder, path))
        except GoldProblem as problem:
            problems.append(problem)
    return pairs, problems
