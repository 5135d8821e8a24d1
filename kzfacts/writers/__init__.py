"""Output formats: one small module per format behind one protocol, chosen by name.

A writer is opened on a text stream, takes records one at a time (`write`) and finishes the
output (`close`). Standard output and `--output-dir` (one file per input, written atomically)
both go through `open_writer`; a format is one module here plus one line in `FORMATS`.
"""
from __future__ import annotations

import importlib
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Protocol


class Writer(Protocol):
    suffix: str  # the file name ending of one output file of this format

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        """Write one record; `text` is the input's decoded text, for formats that show it (html)."""

    def close(self) -> None: ...


# format name -> module in this package holding `open(stream, many=..., **options)` and `SUFFIX`
FORMATS = {"table": "table", "json": "json", "jsonl": "jsonl", "csv": "csv", "html": "html"}


def _module(fmt: str):
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    return importlib.import_module(f"{__name__}.{FORMATS[fmt]}")


def open_writer(fmt: str, stream: IO[str], *, many: bool, **options: Any) -> Writer:
    """A writer of format `fmt` on `stream`; `many` when several records will follow; `options`
    are the format's own (csv: `facts`, the fact types to keep)."""
    return _module(fmt).open(stream, many=many, **options)


def suffix(fmt: str) -> str:
    return _module(fmt).SUFFIX


def write_file(path: Path, fmt: str, record: dict[str, Any], text: str | None = None, **options: Any) -> None:
    """One record as one file: a temporary file first, then a rename, so no half file is ever seen.

    The file gets the permissions any new file of the user gets (the umask), not mkstemp's 0600.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = open_writer(fmt, fh, many=False, **options)
            writer.write(record, text)
            writer.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class FolderWriter:
    """One file per input under a folder (`--output-dir`), subfolders mirrored; a format may add
    a page listing them all (html: `index.html`)."""

    def __init__(self, folder: Path, fmt: str, **options: Any) -> None:
        self.folder, self.fmt, self.options = folder, fmt, options
        self.written: list[tuple[str, dict[str, Any]]] = []

    def target(self, relpath: str) -> Path:
        return self.folder / output_name(relpath, suffix(self.fmt))

    def write(self, record: dict[str, Any], text: str | None, relpath: str) -> None:
        path = self.target(relpath)
        write_file(path, self.fmt, record, text, **self.options)
        self.written.append((path.relative_to(self.folder).as_posix(), _counts(record)))

    def close(self) -> None:
        index = getattr(_module(self.fmt), "write_index", None)
        if index is not None and self.written:
            index(self.folder, self.written)


def output_name(relpath: str, ending: str) -> str:
    """The output file of an input: its path with the format's ending instead of .txt or .jsonl
    (a page keeps its .html, so "a.txt" and "a.html" side by side get two outputs)."""
    for known in (".txt", ".jsonl"):
        if relpath.endswith(known):
            return relpath[: -len(known)] + ending
    return relpath + ending


def _counts(record: dict[str, Any]) -> dict[str, Any]:
    from ..registry import FACT_TYPES

    counts: dict[str, Any] = {"source": record["source"], "error": (record["error"] or {}).get("message"),
                              "articles": len(record["articles"])}
    for fact in FACT_TYPES:
        counts[fact.key] = sum(len(a[fact.key]) for a in record["articles"])
    return counts
