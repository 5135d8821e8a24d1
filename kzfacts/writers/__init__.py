"""Output formats: one small module per format behind one protocol, chosen by name.

A writer is opened on a text stream, takes records one at a time (`write`) and finishes the
output (`close`). Standard output and `--output-dir` (one file per input, written atomically)
both go through `open_writer`; a format is one module here plus one line in `FORMATS`.
"""
from __future__ import annotations

import importlib
import os
import posixpath
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Protocol

from .. import errors
from ..errors import InputError
from ..files import read_regular, writable_path


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


def write_whole(stream: IO[str], text: str) -> None:
    """Write `text` whole or not at all, as far as the stream allows; raises the OSError.

    On a file descriptor the text is written as one encoded piece straight after what the stream
    holds is flushed, and when that fails part way (the disk filled, a file size limit), a regular
    file is cut back to where the text began: a reader never meets half a record. Other streams
    (a test's buffer) are written as usual."""
    stream.flush()
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        stream.write(text)
        stream.flush()
        return
    data = memoryview(text.encode(getattr(stream, "encoding", None) or "utf-8",
                                  getattr(stream, "errors", None) or "strict"))
    start = _start_of_write(fd)
    try:
        while data:
            data = data[os.write(fd, data):]
    except OSError:
        if start is not None:
            os.ftruncate(fd, start)
            os.lseek(fd, start, os.SEEK_SET)
        raise


def _start_of_write(fd: int) -> int | None:
    """Where the next write to `fd` lands when it is a regular file (its end, with O_APPEND), else None."""
    import fcntl
    import stat

    if not stat.S_ISREG(os.fstat(fd).st_mode):
        return None
    if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND:
        return os.fstat(fd).st_size
    return os.lseek(fd, 0, os.SEEK_CUR)


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


def close_all(*sinks) -> str | None:
    """Close every output; the message of the first that could not finish (a database that filled
    up or was deleted, an index page that could not be written), or None. When the run is already
    ending on an error, that error's line is the one shown and this one is dropped."""
    problem = None
    for sink in sinks:
        try:
            if sink is not None:
                sink.close()
        except OutputError as exc:
            problem = problem or str(exc)
    return problem if sys.exc_info()[0] is None else None


class FolderWriter:
    """One file per input under a folder (`--output-dir`), subfolders mirrored; a format may add
    a page listing them all (html: `index.html`, every page in the folder).

    Every input gets its own file: when two inputs would get one name (an id and a file name,
    names that differ only in case, the index page's name, a `reserved` file such as the --db
    database), the later one's name gets a short hash of its origin (`a-1f2e3d4c.json`), the same
    in every run over the same inputs. The folder gets a marker file, so walking a folder never
    reads kzfacts' own output back as articles; the marker is also the folder's manifest (see
    `Manifest`): which outputs hold an error record, and each page's counts for the index.
    """

    def __init__(self, folder: Path, fmt: str, *, reserved: tuple[str, ...] = (), **options: Any) -> None:
        from ..keys import OUTPUT_MARKER

        self.folder, self.fmt, self.options = folder, fmt, options
        self.ending = suffix(fmt)
        self.index = getattr(_module(fmt), "write_index", None)
        self.claimed: dict[str, str] = {}  # casefolded output name -> the origin it was given to
        self.reserved = reserved
        for name in (*self.own_names(fmt), *reserved):
            self.claimed[name.casefold()] = ""  # no input has an empty origin: each such name stays theirs
        folder.mkdir(parents=True, exist_ok=True)
        try:  # the marker is appended to: a link would append to another file, a FIFO block for ever
            writable_path(folder / OUTPUT_MARKER, str(folder / OUTPUT_MARKER))
        except InputError as exc:
            raise OutputError(errors.not_own_file(str(folder / OUTPUT_MARKER), exc.reason)) from None
        self.manifest = Manifest(folder / OUTPUT_MARKER)
        self.pages: dict[str, str] = {}  # input key -> its output, this run's: a copy's page links its original's

    @staticmethod
    def own_names(fmt: str) -> tuple[str, ...]:
        """The files the folder writer itself writes at the top of its folder: the marker, the index page."""
        from ..keys import OUTPUT_MARKER

        index = getattr(_module(fmt), "write_index", None)
        return (OUTPUT_MARKER, "index" + suffix(fmt)) if index is not None else (OUTPUT_MARKER,)

    def target(self, relpath: str, origin: str) -> Path:
        """The file of the input `origin` (its name from `relpath`), unique in this run."""
        name = output_name(relpath, self.ending)
        owner = self.claimed.setdefault(name.casefold(), origin)
        if owner != origin:
            name = output_name(relpath, self.ending, origin)
            self.claimed.setdefault(name.casefold(), origin)
        return self.folder / name

    def has_result(self, relpath: str, origin: str) -> bool:
        """True when the input's output exists and holds its facts, not an error record (which a
        resume retries: a timeout, a fetch that failed)."""
        path = self.target(relpath, origin)
        return path.exists() and not self.manifest.failed(path.relative_to(self.folder).as_posix())

    def write(self, record: dict[str, Any], text: str | None, relpath: str, origin: str, key: str | None = None) -> None:
        """The record's file; `key`: its input's (`Input.key`), by which a copy's `duplicate_of` names it."""
        path = self.target(relpath, origin)
        if not self.folder.is_dir():
            raise OutputError(f"{self.folder}: the output folder is gone (removed during the run); "
                              f"{record['source']} and later inputs were not written")
        self.refuse_links(path)
        rel, failed = path.relative_to(self.folder).as_posix(), record["error"] is not None
        counts = _counts(record, text) if self.index is not None else None
        try:
            if failed:  # noted before the file: killed in between, the input is retried, never taken as done
                self.manifest.note(rel, True, counts)
            write_file(path, self.fmt, record, text, **self.options, **self.original_pages(record, rel))
            if not failed and (counts is not None or self.manifest.failed(rel)):
                self.manifest.note(rel, False, counts)
        except OSError as exc:
            raise OutputError(f"{path}: cannot be written ({exc.strerror or exc}); free some space, check the "
                              "folder's permissions, or choose another --output-dir") from None
        if key is not None:
            self.pages[key] = rel

    def original_pages(self, record: dict[str, Any], rel: str) -> dict[str, Any]:
        """For an HTML page: the links, from its own place, to the pages of the originals its copies
        repeat that this run wrote in the folder (`original_pages`, by the original's key)."""
        if self.fmt != "html":
            return {}
        keys = {(art.get("duplicate_of") or {}).get("origin") for art in record["articles"]} & self.pages.keys()
        here = posixpath.dirname(rel) or "."
        return {"original_pages": {k: posixpath.relpath(self.pages[k], here) for k in keys}}

    def refuse_links(self, path: Path) -> None:
        """An output goes into the output folder itself: a symbolic link on its way there (a subfolder
        linked to an input folder) would put it elsewhere, over an input."""
        here = self.folder
        for part in path.relative_to(self.folder).parent.parts:
            here = here / part
            if here.is_symlink():
                raise OutputError(errors.link_in_output(str(here), str(self.folder)))

    def close(self) -> None:
        """The index page, of every page in the folder (earlier runs' too), when the format has one."""
        if self.index is not None:
            try:
                self.index(self.folder, self.manifest.counts(), self.reserved)
            except OSError as exc:
                index = self.folder / ("index" + self.ending)
                raise OutputError(f"{index}: cannot be written ({exc.strerror or exc}); the pages are kept: free "
                                  "some space, then run it again with --skip-existing") from None


class Manifest:
    """What kzfacts wrote in an output folder, kept in its marker file: one JSON line per noted
    output, `{"file": "a/b.json", "failed": true, "counts": {...}}`, the last line for a file
    winning. An output that holds an error record is noted (so `--skip-existing` retries it), and
    so is every page of a format with an index (its counts, so the index lists every page without
    reading them). Lines are appended (a run killed mid-line loses that line alone) and read once.
    """

    def __init__(self, path: Path) -> None:
        import json

        self.path = path
        self.entries: dict[str, dict[str, Any]] = {}
        path.touch()
        try:
            data = read_regular(path, str(path))
        except InputError as exc:
            raise OutputError(errors.not_own_file(str(path), exc.reason)) from None
        for line in data.splitlines():
            try:
                entry = json.loads(line)
                self.entries[entry["file"]] = entry
            except (ValueError, TypeError, KeyError):  # a line cut short by a killed run
                continue
        self.torn = bool(data) and not data.endswith(b"\n")

    def failed(self, rel: str) -> bool:
        return bool(self.entries.get(rel, {}).get("failed"))

    def note(self, rel: str, failed: bool, counts: dict[str, Any] | None) -> None:
        import json

        entry = {"file": rel, "failed": failed, **({"counts": counts} if counts is not None else {})}
        line = json.dumps(entry) + "\n"  # ASCII: a file name's lone surrogates come back as they were
        with self.path.open("a", encoding="ascii") as fh:
            fh.write(("\n" if self.torn else "") + line)  # one write: appends from two runs do not interleave
        self.torn = False
        self.entries[rel] = entry

    def counts(self) -> dict[str, dict[str, Any]]:
        """Each noted page's counts, by its path in the folder."""
        return {rel: e["counts"] for rel, e in self.entries.items() if isinstance(e.get("counts"), dict)}


def output_name(relpath: str, ending: str, origin: str | None = None) -> str:
    """The output file of an input: its path with the format's ending instead of .txt or .jsonl
    (a page keeps its .html, so "a.txt" and "a.html" side by side get two outputs); with `origin`,
    a short hash of it before the ending. A name too long for a file system is cut and hashed."""
    from ..keys import short_hash

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


def _counts(record: dict[str, Any], text: str | None) -> dict[str, Any]:
    """What the index lists of a page: its source, error, each article's shown title (with how it
    was made, `headlines.shown_title`) and its fact counts."""
    from ..headlines import shown_title
    from ..registry import FACT_TYPES

    text = record.get("text", text)
    counts: dict[str, Any] = {"source": record["source"], "error": (record["error"] or {}).get("message"),
                              "articles": len(record["articles"]),
                              "titles": [list(shown_title(a, text, record["source"])) for a in record["articles"]],
                              # the articles that repeat an earlier one (`duplicate_of`): marked copies in the index
                              "copies": [n for n, a in enumerate(record["articles"]) if a.get("duplicate_of")]}
    for fact in FACT_TYPES:
        counts[fact.key] = sum(len(a[fact.key]) for a in record["articles"])
    return counts
