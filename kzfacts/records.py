"""Reading records kzfacts already wrote: JSON Lines, a JSON record or array, folders of them."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class RecordReadError(Exception):
    """A path that holds no kzfacts records; the message names it and the fix."""


def is_record(obj: Any) -> bool:
    return isinstance(obj, dict) and "schema_version" in obj and "articles" in obj and "source" in obj


def parse_records(text: str, name: str) -> list[dict[str, Any]]:
    """The records in one file's text: a JSON array, one JSON record, or JSON Lines."""
    stripped = text.strip()
    if not stripped:
        return []
    try:
        data = json.loads(stripped)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        items = []
        for n, line in enumerate(stripped.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError:
                raise RecordReadError(f"{name}: line {n} is not JSON; pass kzfacts' JSON or JSON Lines output") from None
    for item in items:
        if not is_record(item):
            raise RecordReadError(f"{name}: not kzfacts output (no schema_version, source and articles); "
                                  "pass files written by `kzfacts extract --format json|jsonl`")
    return items


def record_files(folder: Path) -> list[Path]:
    """*.json and *.jsonl files below a folder, sorted, dot-files and dot-folders left out."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def read_record_files(paths: list[str]) -> Iterator[dict[str, Any]]:
    """Every record in the given files, folders (their *.json and *.jsonl) or - (standard input).

    Raises RecordReadError for a path that is missing, unreadable, or not kzfacts output.
    """
    for raw in paths:
        if raw == "-":
            yield from parse_records(sys.stdin.read(), "standard input")
            continue
        path = Path(raw)
        if path.is_dir():
            files = record_files(path)
            if not files:
                raise RecordReadError(f"{raw}: no kzfacts output under it (looked for *.json, *.jsonl)")
        elif path.is_file():
            files = [path]
        else:
            raise RecordReadError(f"{raw}: no such file or folder; check the path")
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise RecordReadError(f"{file}: cannot be read ({exc.__class__.__name__}); "
                                      "pass kzfacts' JSON or JSON Lines output") from None
            yield from parse_records(text, str(file))
