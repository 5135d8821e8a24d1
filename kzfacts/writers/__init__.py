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

    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


# format name -> module in this package holding `open(stream, many=...)` and `SUFFIX`
FORMATS = {"table": "table", "json": "json", "jsonl": "jsonl"}


def _module(fmt: str):
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    return importlib.import_module(f"{__name__}.{FORMATS[fmt]}")


def open_writer(fmt: str, stream: IO[str], *, many: bool) -> Writer:
    """A writer of format `fmt` on `stream`; `many` when several records will follow."""
    return _module(fmt).open(stream, many=many)


def suffix(fmt: str) -> str:
    return _module(fmt).SUFFIX


def write_file(path: Path, fmt: str, record: dict[str, Any]) -> None:
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
            writer = open_writer(fmt, fh, many=False)
            writer.write(record)
            writer.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
