"""Reading a file kzfacts is named, so that no name can stall a run or exhaust its memory: only
regular files are read (a FIFO with no writer blocks for ever, /dev/zero never ends), checked
before opening and again once open, and every read is capped by the bytes read, not by the size a
file claims. Inputs, gold files, pattern files, record files, URL lists and the output folder's
marker all read through here; `writable_path` checks a file kzfacts is to write."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, BinaryIO

from . import errors

MAX_BYTES = 50_000_000  # per file, standard input, or JSON Lines line


def special_kind(mode: int) -> str | None:
    """What a file of this `st_mode` is when it is no regular file (a FIFO, socket, device ...),
    else None. Reading such a file can block for ever (a FIFO with no writer) or never end
    (/dev/zero), so kzfacts reads none of them by name."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "a special file"


def open_regular(path: Path, source: str) -> BinaryIO:
    """The regular file at `path`, opened for reading; raises InputError (not_a_file) for anything
    else, or OSError. It is checked before opening, so that opening never blocks, and again once
    open (opened non-blocking), in case the path was swapped for a FIFO in between."""
    kind = special_kind(os.stat(path).st_mode)
    if kind:
        raise errors.not_a_file(source, kind)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        kind = special_kind(os.fstat(fd).st_mode)
        if kind:
            raise errors.not_a_file(source, kind)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_capped(stream: IO[bytes], max_bytes: int) -> bytes | None:
    """All of a stream's bytes, or None when it holds more than `max_bytes`: at most one byte over
    the cap is read, whatever the stream says of its size (standard input, a file still growing)."""
    data = stream.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def read_regular(path: Path, source: str, max_bytes: int = MAX_BYTES, fix: str = "split the file") -> bytes:
    """The bytes of the regular file at `path`; raises InputError (not_a_file, too_large: `fix`
    says what to do) or OSError."""
    with open_regular(path, source) as stream:
        data = read_capped(stream, max_bytes)
    if data is None:
        raise errors.too_large(source, None, max_bytes, fix)
    return data


def writable_path(path: Path, source: str, *, links: bool = False) -> None:
    """Raise InputError (not_a_file) when `path` exists and is no regular file: writing there would
    block (a FIFO) or never end (a device). A symbolic link is refused too (the write would land
    elsewhere), unless `links`, where the file it names is checked."""
    try:
        mode = (os.stat if links else os.lstat)(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise errors.not_a_file(source, "a symbolic link")
    kind = special_kind(mode)
    if kind:
        raise errors.not_a_file(source, kind)
