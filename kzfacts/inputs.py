"""Finding input files and decoding them into text, one error record per bad file."""
from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import errors

MAX_BYTES = 50_000_000
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Input:
    """One input: its source name as the user gave it, and its text or the error."""

    source: str
    text: str | None = None
    error: errors.InputError | None = None


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Text of a file's bytes: BOMs honoured, UTF-8 first, then a detected encoding."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise errors.undecodable(source, encoding) from exc
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise errors.undecodable(source, enc) from exc
    if b"\x00" in data[:8192]:
        raise errors.binary_file(source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise errors.binary_file(source)
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError as exc:
        raise errors.undecodable(source, best.encoding) from exc
    if _looks_binary(text):
        raise errors.binary_file(source)
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bool(sample) and controls / len(sample) > 0.05


def looks_non_english(text: str) -> bool:
    """True when most letters are outside the Latin script (Cyrillic, Arabic, CJK ...)."""
    sample = text[:20_000]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 20:
        return False
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    return latin / len(letters) < 0.5


def read_input(path: Path, source: str, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> Input:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise errors.too_large(source, size, max_bytes)
        data = path.read_bytes()
        return Input(source, decode(data, source, encoding))
    except errors.InputError as exc:
        return Input(source, error=exc)
    except FileNotFoundError:
        if path.is_symlink():
            return Input(source, error=errors.broken_link(source))
        return Input(source, error=errors.not_found(source))
    except OSError as exc:
        return Input(source, error=errors.unreadable(source, exc.strerror or str(exc)))


def expand_paths(paths: list[str]) -> Iterator[tuple[str, Path | None]]:
    """(source, path) per input: folders give their *.txt files, sorted, dot-files skipped."""
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield raw, path


def _walk(root: Path) -> Iterator[tuple[str, Path]]:
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(".txt"):
                continue
            path = Path(dirpath) / name
            yield str(path), path


def iter_inputs(paths: list[str], encoding: str | None = None) -> Iterator[Input]:
    """Every input named on the command line, decoded or with its error."""
    for source, path in expand_paths(paths):
        if path is None:
            data = sys.stdin.buffer.read()
            try:
                yield Input("-", decode(data, "-", encoding))
            except errors.InputError as exc:
                yield Input("-", error=exc)
        else:
            yield read_input(path, source, encoding)
