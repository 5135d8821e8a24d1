"""Finding input files and decoding them into text, one error record per bad file."""
from __future__ import annotations

import codecs
import io
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from . import errors
from .files import MAX_BYTES, open_regular, read_capped, special_kind
from .keys import OUTPUT_MARKER, path_key, short_hash, stdin_key
from .reference import Reference, given

# a folder kzfacts wrote (--output-dir) holds this file; walks skip such folders, so a run never
# reads its own output back as articles
INPUT_ENDINGS = (".txt", ".jsonl", ".html", ".htm")  # the files a folder walk reads as articles (_walk)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Input:
    """One input: its source name as the user gave it, and its text or the error.

    `origin` names the input uniquely (the path as given, a URL, or FILE#LINE for a JSON Lines
    line, whose `source` is its id); `key` names it in a database whatever the path was typed as
    (`path_key`, `stdin_key`); `relpath` names its output file under `--output-dir`;
    `reference` (its reference date) and `title` come from a JSON Lines record's `published` and
    `title`, or from `--reference-date`.
    """

    source: str
    text: str | None = None
    error: errors.InputError | None = None
    relpath: str = ""
    reference: Reference | None = None  # decided once, here (`reference.given`)
    title: str | None = None
    from_html: bool = False  # a web page: its text is found in `html`, and the record carries it
    warning: str | None = None
    origin: str = ""
    key: str = ""
    # a page's HTML, until its article text is found under the input's time limit (`runner`), which
    # then sets `text` (or `warning`, for a page with no article)
    html: str | bytes | None = None

    def __post_init__(self) -> None:
        self.origin = self.origin or self.source
        self.key = self.key or self.origin


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


def read_input(path: Path, source: str, encoding: str | None = None, max_bytes: int = MAX_BYTES,
               html: bool = False) -> Input:
    try:
        with open_regular(path, source) as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise errors.too_large(source, size, max_bytes)
            data = read_capped(stream, max_bytes)
        if data is None:  # more bytes than the file said it held (a file still growing, a /proc file)
            raise errors.too_large(source, None, max_bytes)
        if html:  # trafilatura reads the page's own charset (meta tags), so it gets the bytes
            return page_input(source, data if encoding is None else decode(data, source, encoding))
        return Input(source, decode(data, source, encoding))
    except errors.InputError as exc:
        return Input(source, error=exc)
    except FileNotFoundError:
        if path.is_symlink():
            return Input(source, error=errors.broken_link(source))
        return Input(source, error=errors.not_found(source))
    except OSError as exc:
        return Input(source, error=errors.unreadable(source, exc.strerror or str(exc)))


@dataclass
class Source:
    """A path to read: its name as given, the path (None for stdin), its name under an output folder."""

    source: str
    path: Path | None
    relpath: str
    jsonl: bool = False
    kind: str = "text"  # text, html, url


def _kind(path: Path, input_format: str) -> str:
    if input_format == "html" or input_format == "auto" and path.suffix.lower() in (".html", ".htm"):
        return "html"
    return "text"


def expand_paths(paths: list[str], input_format: str = "auto",
                 on_skip: Callable[[str], None] | None = None) -> Iterator[Source]:
    """Every input the command line names: folders give their *.txt, *.jsonl, *.html and *.htm
    files, sorted, dot-files skipped, symlink loops not followed; URLs stay URLs. A FIFO, socket
    or device in a folder (or a link to one) is skipped, and `on_skip` gets a warning naming it."""
    from .web import is_url

    for raw in paths:
        jsonl = input_format == "jsonl"
        if raw == "-":
            yield Source("-", None, "stdin", jsonl, "html" if input_format == "html" else "text")
            continue
        if is_url(raw):
            yield Source(raw, None, _url_name(raw), False, "url")
            continue
        path = Path(raw)
        if _is_dir(path):
            for source, sub in _walk(path, on_skip):
                rel = os.path.relpath(sub, path)
                yield Source(clean_text(source), sub, rel, jsonl or (input_format == "auto" and sub.suffix == ".jsonl"),
                             _kind(sub, input_format))
        else:
            yield Source(clean_text(raw), path, path.name, jsonl or (input_format == "auto" and path.suffix == ".jsonl"),
                         _kind(path, input_format))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, say: reading it as a file gives its error record
        return False


def _url_name(url: str) -> str:
    """A file name for a URL's output: its host and path, made safe."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:  # not a valid address: its fetch says so, its name is a hash
        return safe_segment("url", url) + ".html"
    name = f"{parts.netloc}{parts.path}".rstrip("/").replace("/", "_")
    # pages that differ only in their query or fragment are other pages: the hash of the whole URL
    return safe_segment(name, url if parts.query or parts.fragment else None) + ".html"


def page_input(source: str, html: str | bytes, relpath: str = "") -> Input:
    """An Input of a page's HTML: its article text and metadata are found later, under the input's
    time limit, where the pipeline runs (`runner`)."""
    return Input(source, relpath=relpath, from_html=True, html=html)


DOCUMENT_ENDINGS = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub")  # articles kzfacts cannot read as they are


def _walk(root: Path, on_skip: Callable[[str], None] | None = None) -> Iterator[tuple[str, Path]]:
    seen: set[tuple[int, int]] = set()
    documents: Counter[str] = Counter()  # a folder's PDFs and word-processor files: one warning for them all
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        if OUTPUT_MARKER in filenames:
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(INPUT_ENDINGS):
                if name.lower().endswith(DOCUMENT_ENDINGS) and not name.startswith("."):
                    documents[name.rsplit(".", 1)[1].lower()] += 1
                continue
            path = Path(dirpath) / name
            kind = _found_kind(path)
            if kind:  # the user named the folder, not this file: a warning, no error record
                if on_skip is not None:
                    on_skip(errors.skipped_special(clean_text(str(path)), kind))
                continue
            yield str(path), path
    if documents and on_skip is not None:
        on_skip(errors.skipped_documents(clean_text(str(root)), documents))


def _found_kind(path: Path) -> str | None:
    """What a file found in a folder is when it is no regular file; None for a regular file, or
    one that cannot be examined (reading it then gives its error record: a broken link, say)."""
    try:
        return special_kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def read_jsonl(src: Source, text_key: str, encoding: str | None = None, html_key: str | None = None) -> Iterator[Input]:
    """One Input per line of a JSON Lines file: `text_key` (or a page's HTML in `html_key`), and
    optional id, title, published. Each line's origin is FILE#LINE, whatever its id."""
    stem = src.relpath[:-len(".jsonl")] if src.relpath.endswith(".jsonl") else src.relpath
    try:
        stream = sys.stdin.buffer if src.path is None else open_regular(src.path, src.source)
    except errors.InputError as exc:
        yield Input(src.source, error=exc, relpath=src.relpath)
        return
    except FileNotFoundError:
        yield Input(src.source, error=errors.not_found(src.source), relpath=src.relpath)
        return
    except OSError as exc:
        yield Input(src.source, error=errors.unreadable(src.source, exc.strerror or str(exc)), relpath=src.relpath)
        return
    warned = False
    with stream:
        for n, line in _jsonl_lines(stream, src.source, encoding):
            where = f"{src.source}#{n}"
            if isinstance(line, errors.InputError):
                yield Input(where, error=line, relpath=f"{stem}/{n}")
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Input(where, error=errors.bad_jsonl(where, exc.msg), relpath=f"{stem}/{n}")
                continue
            key = html_key or text_key
            if not isinstance(item, dict) or not isinstance(item.get(key), str):
                flag = "--html-key" if html_key else "--text-key"
                yield Input(where, error=errors.bad_jsonl(where, f"no string field {key!r}; see {flag}"),
                            relpath=f"{stem}/{n}")
                continue
            ident = item.get("id")
            source = clean_text(str(ident)) if ident not in (None, "") else where
            published = item.get("published")
            ref = str(published)[:10] if isinstance(published, str) and _is_iso_date(str(published)[:10]) else None
            warning = None
            if published not in (None, "") and ref is None and not warned:
                warned = True  # once per file: a feed's dates are all of one kind
                warning = errors.bad_published(where, published)
            title = clean_text(item["title"]) if isinstance(item.get("title"), str) else None
            relpath = f"{stem}/{safe_segment(str(ident)) if ident not in (None, '') else n}"
            if html_key:
                yield Input(source, relpath=relpath, reference=given(ref, None), title=title, from_html=True,
                            warning=warning, origin=where, html=clean_text(item[html_key]))
                continue
            yield Input(source, clean_text(item[text_key]), relpath=relpath, reference=given(ref, None), title=title,
                        origin=where, warning=warning)


def _jsonl_lines(stream: IO[bytes], source: str, encoding: str | None,
                 max_bytes: int = MAX_BYTES) -> Iterator[tuple[int, str | errors.InputError]]:
    """(line number, decoded line or its error) for each non-blank line; a line over `max_bytes`
    (characters, for UTF-16 and UTF-32) is an error, read past without being kept.

    UTF-8 and other ASCII-based encodings are split on newline bytes and decoded line by line (one
    bad line is one error record); UTF-16 and UTF-32, named or marked by a BOM, are decoded as a
    stream, since their newlines are not single bytes.
    """
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    wide = next((enc for bom, enc in _BOMS if head.startswith(bom) and enc in ("utf-16", "utf-32")), None)
    if encoding and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        wide = encoding
    if wide:
        text = io.TextIOWrapper(stream, encoding=wide, newline=None)
        n = 0
        try:
            for n, line in enumerate(_capped_lines(text, max_bytes), 1):
                if line is None:
                    yield n, errors.too_large(f"{source}#{n}", None, max_bytes, LONG_LINE_FIX)
                elif line.strip():
                    yield n, line.lstrip("\ufeff")
        except UnicodeDecodeError:
            yield n + 1, errors.undecodable(f"{source}#{n + 1}", wide)
        return
    for n, raw in enumerate(_capped_lines(stream, max_bytes), 1):
        if raw is None:
            yield n, errors.too_large(f"{source}#{n}", None, max_bytes, LONG_LINE_FIX)
            continue
        if not raw.strip():
            continue
        try:
            yield n, decode(raw, f"{source}#{n}", encoding)
        except errors.InputError as exc:
            yield n, exc


LONG_LINE_FIX = "split its text into several records"
SKIP_CHUNK = 1 << 20


def _capped_lines(stream: IO, max_len: int) -> Iterator:
    """The stream's lines (bytes or str, as it gives them), None for each line over `max_len`:
    such a line's rest is read and dropped a chunk at a time, so memory stays bounded, and the
    lines after it are read as usual."""
    while line := stream.readline(max_len + 1):
        if len(line) <= max_len or line[-1:] in (b"\n", "\n"):
            yield line
            continue
        while (rest := stream.readline(SKIP_CHUNK)) and rest[-1:] not in (b"\n", "\n"):
            pass
        yield None


def _is_iso_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False


MAX_NAME = 120  # characters of an id or a URL kept in its output file's name


def _safe_name(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name) or "_"


def safe_segment(name: str, key: str | None = None) -> str:
    """A file name for an id or a URL: letters, digits, - _ . kept; when anything else was
    changed or cut (a / or a space, a leading dot, over MAX_NAME characters), or a `key` is given,
    a short hash of the original (or of `key`) is added, so 'a/b' and 'a_b' stay two files."""
    safe = _safe_name(name)
    safe = "_" + safe[1:] if safe.startswith(".") else safe
    if key is None and safe == name and len(name) <= MAX_NAME:
        return name
    return f"{safe[:MAX_NAME]}-{short_hash(key or name)}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """The string without lone surrogates (a JSON "\\ud800" escape decodes to one, which no output
    can encode and spaCy's tokenizer breaks on): each becomes U+FFFD, one character for one, so
    every offset still holds."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def iter_inputs(paths: list[str], encoding: str | None = None, *, input_format: str = "auto",
                text_key: str = "text", html_key: str | None = None,
                skip: Callable[[str, str, str], bool] | None = None, fetcher=None,
                on_skip: Callable[[str], None] | None = None, reference_date: str | None = None) -> Iterator[Input]:
    """Every input named on the command line, decoded or with its error, in order.

    `skip(origin, relpath, key)` leaves out inputs already done (checked before a file is read or a
    URL fetched; standard input is read first, as its key is its content's hash); `fetcher` fetches
    URLs (`web.Fetcher`); `on_skip` gets a warning for each FIFO, socket or device a folder walk
    leaves out; `reference_date` (`--reference-date`, checked) is the reference date of every input
    that gives none of its own.
    """
    for item in _named_inputs(paths, encoding, input_format, text_key, html_key, skip, fetcher, on_skip):
        item.reference = item.reference or given(None, reference_date)
        yield item


def _named_inputs(paths: list[str], encoding: str | None, input_format: str, text_key: str, html_key: str | None,
                  skip: Callable[[str, str, str], bool] | None, fetcher,
                  on_skip: Callable[[str], None] | None) -> Iterator[Input]:
    for src in expand_paths(paths, input_format, on_skip):
        if src.jsonl:
            yield from (i for i in _keyed_lines(src, read_jsonl(src, text_key, encoding, html_key))
                        if skip is None or not skip(i.origin, i.relpath, i.key))
            continue
        key = src.source if src.path is None else path_key(src.path)  # a URL is its own key
        if src.path is not None and skip is not None and skip(src.source, src.relpath, key):
            continue
        if src.kind == "url":
            yield _url_input(src, fetcher)
        elif src.path is None:
            data = read_capped(sys.stdin.buffer, MAX_BYTES)
            if data is not None and skip is not None and skip("-", "stdin", stdin_key(data)):
                continue
            yield _stdin_input(data, src.kind, encoding)
        else:
            item = read_input(src.path, src.source, encoding, html=src.kind == "html")
            item.relpath, item.key = src.relpath, key
            yield item


def _stdin_input(data: bytes | None, kind: str, encoding: str | None) -> Input:
    """Standard input, read up to the cap (None past it: a pipe may never end), keyed by the hash
    of its content."""
    try:
        if data is None:
            raise errors.too_large("-", None, MAX_BYTES, "split the input")
        item = page_input("-", data, "stdin") if kind == "html" else Input("-", decode(data, "-", encoding), relpath="stdin")
    except errors.InputError as exc:
        item = Input("-", error=exc, relpath="stdin")
    item.key = stdin_key(data or b"")
    return item


def _keyed_lines(src: Source, lines: Iterator[Input]) -> Iterator[Input]:
    """The lines of a JSON Lines input with their keys: FILE#LINE with FILE resolved; on standard
    input, the hash of the line's text (or of its error) and #LINE."""
    base = None if src.path is None else path_key(src.path)
    for item in lines:
        line = item.origin[len(src.source):]  # "#N": every line's origin is the input's source and its number
        if base is None:
            content = item.text if item.error is None else item.error.message
            item.key = stdin_key((content or "").encode("utf-8", "surrogatepass")) + line
        else:
            item.key = base + line
        yield item


def _url_input(src: Source, fetcher) -> Input:
    if fetcher is None:
        from .web import Fetcher

        fetcher = Fetcher()
    try:
        return page_input(src.source, fetcher.fetch(src.source), src.relpath)
    except errors.InputError as exc:
        return Input(src.source, error=exc, relpath=src.relpath)
