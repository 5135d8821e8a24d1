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


def keep_facts(record: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    """The record with only the fact types in `keys` (`--facts`): the others are empty lists, so
    every reader still finds every key."""
    from ..registry import FACT_TYPES

    drop = [f.key for f in FACT_TYPES if f.key not in keys]
    return {**record, "articles": [{**art, **{k: [] for k in drop}} for art in record["articles"]]}


def suffix(fmt: str) -> str:
    return _module(fmt).SUFFIX


MAX_SEGMENT_BYTES = 200  # of one file name, the format's ending and a hash included; most file systems allow 255


def write_file(path: Path, fmt: str, record: dict[str, Any], text: str | None = None, **options: Any) -> None:
    """One record as one file: a temporary file first, then a rename, so no half file is ever seen.

    The file gets the permissions any new file of the user gets (the umask), not mkstemp's 0600.
    The temporary name is short whatever the file's name, so it never passes the name limit.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".kzfacts-", suffix=".tmp", dir=path.parent)
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


class OutputError(Exception):
    """The output folder cannot take more files (gone, read-only, full); the message says which and why."""


class FolderWriter:
    """One file per input under a folder (`--output-dir`), subfolders mirrored; a format may add
    a page listing them all (html: `index.html`).

    Every input gets its own file: when two inputs would get one name (an id and a file name,
    names that differ only in case, the index page's name), the later one's name gets a short
    hash of its origin (`a-1f2e3d4c.json`), the same in every run over the same inputs. The folder
    gets a marker file, so walking a folder never reads kzfacts' own output back as articles.
    """

    def __init__(self, folder: Path, fmt: str, **options: Any) -> None:
        from ..inputs import OUTPUT_MARKER

        self.folder, self.fmt, self.options = folder, fmt, options
        self.written: list[tuple[str, dict[str, Any]]] = []
        self.ending = suffix(fmt)
        self.claimed: dict[str, str] = {}  # casefolded output name -> the origin it was given to
        if getattr(_module(fmt), "write_index", None) is not None:
            self.claimed[("index" + self.ending).casefold()] = ""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / OUTPUT_MARKER).touch()

    def target(self, relpath: str, origin: str) -> Path:
        """The file of the input `origin` (its name from `relpath`), unique in this run."""
        name = output_name(relpath, self.ending)
        owner = self.claimed.setdefault(name.casefold(), origin)
        if owner != origin:
            name = output_name(relpath, self.ending, origin)
            self.claimed.setdefault(name.casefold(), origin)
        return self.folder / name

    def write(self, record: dict[str, Any], text: str | None, relpath: str, origin: str) -> None:
        path = self.target(relpath, origin)
        if not self.folder.is_dir():
            raise OutputError(f"{self.folder}: the output folder is gone (removed during the run); "
                              f"{record['source']} and later inputs were not written")
        try:
            write_file(path, self.fmt, record, text, **self.options)
        except OSError as exc:
            raise OutputError(f"{path}: cannot be written ({exc.strerror or exc}); free some space, check the "
                              "folder's permissions, or choose another --output-dir") from None
        self.written.append((path.relative_to(self.folder).as_posix(), _counts(record)))

    def close(self) -> None:
        index = getattr(_module(self.fmt), "write_index", None)
        if index is not None and self.written:
            index(self.folder, self.written)


def output_name(relpath: str, ending: str, origin: str | None = None) -> str:
    """The output file of an input: its path with the format's ending instead of .txt or .jsonl
    (a page keeps its .html, so "a.txt" and "a.html" side by side get two outputs); with `origin`,
    a short hash of it before the ending. A name too long for a file system is cut and hashed."""
    from ..inputs import short_hash

    stem = relpath
    for known in (".txt", ".jsonl"):
        if relpath.endswith(known):
            stem = relpath[: -len(known)]
            break
    folder, _, name = stem.rpartition("/")
    tag = f"-{short_hash(origin)}" if origin is not None else ""
    room = MAX_SEGMENT_BYTES - len(ending.encode()) - 9
    if len(name.encode("utf-8", "surrogatepass")) > room:
        cut = name.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore")
        name, tag = cut, f"-{short_hash(origin if origin is not None else relpath)}"
    return f"{folder}/{name}{tag}{ending}" if folder else f"{name}{tag}{ending}"


def _counts(record: dict[str, Any]) -> dict[str, Any]:
    from ..registry import FACT_TYPES

    counts: dict[str, Any] = {"source": record["source"], "error": (record["error"] or {}).get("message"),
                              "articles": len(record["articles"]),
                              "titles": [a["title"] for a in record["articles"] if a.get("title")]}
    for fact in FACT_TYPES:
        counts[fact.key] = sum(len(a[fact.key]) for a in record["articles"])
    return counts
