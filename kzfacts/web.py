"""Web pages as inputs: the main text and the page's own title, author and date, through
trafilatura; URLs fetched with urllib3 under one deadline per URL.

Navigation, comments, share buttons and related-article lists are left out by trafilatura.
Offsets of facts then index the extracted text, which the record carries (`text`).
"""
from __future__ import annotations

import ipaddress
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urlsplit

from . import __version__, errors
from .optional import need

MIN_ARTICLE_CHARS = 200  # less main text than this is no article (a list page, an empty body, a login wall)
USER_AGENT = f"kzfacts/{__version__} (+https://pypi.org/project/kzfacts/; news fact extraction)"
HOST_INTERVAL = 1.0  # seconds between two requests to one host: one at a time, politely


@dataclass
class Page:
    """What a page holds for kzfacts: its main text and metadata (None where the page says nothing)."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD


def is_url(value: str) -> bool:
    return bool(re.match(r"^https?://", value, re.I))


def read_page(html: str | bytes) -> Page | None:
    """The article of an HTML page, or None when the page holds no article."""
    trafilatura = need("trafilatura", package="trafilatura", feature="reading web pages")

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      include_images=False, include_links=False)
    if doc is None:
        return None
    # paragraphs apart by a blank line, as in text files: headings and body lines then split as they do there
    text = "\n\n".join(line.strip() for line in (doc.text or "").splitlines() if line.strip())
    if len(text) < MIN_ARTICLE_CHARS:
        return None
    published = doc.date if doc.date and re.fullmatch(r"\d{4}-\d\d-\d\d", doc.date) else None
    return Page(text, doc.title or None, doc.author or None, published)


def not_an_article(source: str) -> str:
    return f"{source}: no article text found (a list page, an empty body or a login wall?); the record has no articles"


RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})  # worth one more try, within the deadline
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
MAX_RETRIES = 1  # a short Retry-After is honoured once; a server still busy after it has failed
CHUNK = 65_536
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Target:
    """One URL as it is requested: scheme, host (lower case, IDNA, no brackets), port, path with query."""

    scheme: str
    host: str
    port: int
    path: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


def parse_target(url: str, source: str) -> Target:
    """The parts of `url` that urllib.parse and urllib3 both read the same; raises InputError (naming
    `source`) otherwise.

    A backslash, a user name, whitespace or a control character is refused outright: each is a
    way for the host that is checked and the host that is connected to to part ways
    (`http://127.0.0.1:80\\@8.8.8.8/`).
    """
    import urllib3

    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise errors.ambiguous_url(source, "a space or control character")
    if "\\" in url:
        raise errors.ambiguous_url(source, "a backslash")
    try:
        split = urlsplit(url)
        ours = (split.scheme.lower(), _idna(split.hostname or ""), split.port)
        theirs = urllib3.util.parse_url(url)
    except (ValueError, UnicodeError):  # urllib3's LocationParseError is a ValueError too
        raise errors.fetch_failed(source, "not a valid web address") from None
    if ours[0] not in DEFAULT_PORTS or not ours[1]:
        raise errors.fetch_failed(source, "not an http or https address")
    if "@" in split.netloc:
        raise errors.ambiguous_url(source, "a user name (an @ before the host)")
    if ours != ((theirs.scheme or "").lower(), (theirs.host or "").strip("[]").lower(), theirs.port):
        raise errors.ambiguous_url(source, "a host or port that web libraries read differently")
    return Target(ours[0], ours[1], ours[2] or DEFAULT_PORTS[ours[0]], theirs.request_uri)


def _idna(host: str) -> str:
    return host if host.isascii() else host.encode("idna").decode("ascii")


def embedded_ipv4(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries: IPv4-mapped and -compatible, NAT64 (64:ff9b::/96,
    and 64:ff9b:1::/48 in RFC 6052's layout), 6to4 and Teredo. A packet to one reaches that IPv4
    host, so it is checked as that host."""
    if address.version == 4:
        return []
    value, packed = int(address), address.packed
    found = [address.ipv4_mapped, address.sixtofour, address.teredo[1] if address.teredo else None]
    if value >> 32 == 0 and value > 1:  # ::a.b.c.d (:: and ::1 are themselves)
        found.append(ipaddress.IPv4Address(value))
    if address in SIIT:  # ::ffff:0:a.b.c.d, IPv4-translated (RFC 2765)
        found.append(ipaddress.IPv4Address(value & 0xFFFF_FFFF))
    if address in NAT64:
        found.append(ipaddress.IPv4Address(value & 0xFFFF_FFFF))
    if address in NAT64_LOCAL:  # bits 64-71 are RFC 6052's reserved "u" octet
        found.append(ipaddress.IPv4Address(packed[6:8] + packed[9:11]))
    return [inner for inner in found if inner is not None]


NAT64 = ipaddress.ip_network("64:ff9b::/96")
NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
SIIT = ipaddress.ip_network("::ffff:0:0:0/96")
# not public, though Python 3.11's is_global says they are (later Pythons know some of them)
NOT_GLOBAL = tuple(ipaddress.ip_network(net) for net in (
    "fec0::/10",  # site-local, deprecated but still routed inside some networks
    "64:ff9b:1::/48",  # local-use NAT64 (RFC 8215)
    "3fff::/20",  # documentation (RFC 9637)
    "5f00::/16",  # SRv6 segment identifiers (RFC 9602)
))


def address_refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """None for a public address; else what is local about it (`127.0.0.1 inside 2002:7f00:1::`)."""
    for candidate in (*embedded_ipv4(address), address):
        if not candidate.is_global or candidate.is_multicast or any(candidate in net for net in NOT_GLOBAL):
            return str(address) if candidate is address else f"{candidate} inside {address}"
    return None


class Fetcher:
    """Fetches URLs one at a time, at most one request per host every HOST_INTERVAL seconds.

    `timeout` is a deadline for the whole fetch of one URL: connecting, slow headers, a body that
    drips in, redirects, retries and any Retry-After wait all fit inside it. Each hop's host is
    resolved once and the request goes to the very addresses resolved, which are refused when
    loopback, private, link-local or reserved (unless `allow_local`): no second lookup can answer
    differently.
    """

    def __init__(self, timeout: float = 30, max_bytes: int = 20_000_000, allow_local: bool = False) -> None:
        self.timeout, self.max_bytes, self.allow_local = timeout, max_bytes, allow_local
        self.last: dict[str, float] = {}

    def fetch(self, url: str) -> bytes:
        """The page's bytes; raises InputError saying why it cannot be had."""
        import threading

        try:
            host = urlsplit(url).netloc
        except ValueError:  # "http://[::1": no address at all
            raise errors.fetch_failed(url, "not a valid web address") from None
        wait = self.last.get(host, 0.0) + HOST_INTERVAL - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        deadline = time.monotonic() + self.timeout
        outcome: dict[str, object] = {}

        def run() -> None:
            try:
                outcome["data"] = self._fetch(url, deadline)
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc

        # the fetch runs in a thread the deadline can walk away from: no read, however slow its
        # bytes come, holds the run past --url-timeout
        worker = threading.Thread(target=run, name=f"fetch {url}", daemon=True)
        worker.start()
        worker.join(max(0.0, deadline - time.monotonic()) + 0.2)
        self.last[host] = time.monotonic()
        if worker.is_alive() or "error" not in outcome and "data" not in outcome:
            raise self._late(url)
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["data"]  # type: ignore[return-value]

    def _late(self, url: str) -> errors.InputError:
        return errors.fetch_failed(url, f"no complete answer within {self.timeout:g} s (--url-timeout)")

    def _fetch(self, url: str, deadline: float) -> bytes:
        """Follows up to MAX_REDIRECTS redirects, each hop checked afresh, and retries once."""
        from urllib.parse import urljoin

        hop, redirects, retries = url, 0, 0
        while True:
            where = url if hop == url else errors.redirected(url, hop)  # what a message names
            target = parse_target(hop, where)
            addresses = self._resolve(target, where)
            with self._failures_as_errors(where), self._exchange(target, addresses, where, deadline) as response:
                status, headers = response.status, response.headers
                location = headers.get("location") if status in REDIRECT_STATUSES else None
                retry = status in RETRY_STATUSES and retries < MAX_RETRIES
                if not location and not retry:
                    if status >= 400:
                        raise errors.fetch_failed(where, f"HTTP {status}")
                    return self._body(where, response, deadline)
            # that answer's connection is closed by now: a redirect or a retry starts afresh
            if location:
                redirects += 1
                if redirects > MAX_REDIRECTS:
                    raise errors.fetch_failed(url, f"more than {MAX_REDIRECTS} redirects")
                try:
                    hop = urljoin(hop, location)
                except ValueError:  # a Location no parser can read ("http://[::1"): the server's fault
                    raise errors.fetch_failed(where, "redirected to an address that is not valid") from None
            else:
                retries += 1
                self._wait_to_retry(url, status, headers.get("retry-after"), deadline)

    def _wait_to_retry(self, url: str, status: int, retry_after: str | None, deadline: float) -> None:
        pause = _retry_after(retry_after)
        if time.monotonic() + pause >= deadline:  # a wait past the deadline is no retry
            raise errors.fetch_failed(url, f"HTTP {status}, and the server asks to wait {pause:g} s, "
                                           f"past --url-timeout {self.timeout:g}")
        time.sleep(pause)

    def _resolve(self, target: Target, url: str) -> list[str]:
        """Every address `target.host` has, each checked unless `allow_local`; the one lookup of this hop."""
        import socket

        try:
            infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):  # socket.gaierror is an OSError
            raise errors.fetch_failed(url, "unknown host") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos
                                       if info[0] in (socket.AF_INET, socket.AF_INET6)))
        if not addresses:
            raise errors.fetch_failed(url, "unknown host")
        for address in addresses if not self.allow_local else ():
            refusal = address_refusal(ipaddress.ip_address(address))
            if refusal:
                raise errors.local_address(url, target.host, refusal)
        return addresses

    @contextmanager
    def _exchange(self, target: Target, addresses: list[str], url: str, deadline: float) -> Iterator:
        """The response to a GET of `target` from the first of `addresses` that takes the connection.

        The connection is closed afterwards whatever was read, so no unread body is ever left on a
        pooled connection for the next request to trip over.
        """
        import urllib3

        refused: Exception | None = None
        for address in addresses:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._late(url)
            pool = _connection_pool(target, address)
            try:
                try:
                    response = pool.urlopen("GET", target.path, headers=_headers(target), redirect=False,
                                            retries=False, preload_content=False, assert_same_host=False,
                                            timeout=urllib3.Timeout(connect=remaining, read=remaining))
                except urllib3.exceptions.NewConnectionError as exc:  # refused or unreachable: the next address
                    refused = exc
                    continue
                try:
                    yield response
                finally:
                    response.close()
                return
            finally:
                pool.close()
        raise errors.fetch_failed(url, _connect_failure(refused))

    @contextmanager
    def _failures_as_errors(self, url: str) -> Iterator[None]:
        """Turns a failed exchange (refused, timed out, cut short, not HTTP) into InputError."""
        import http.client

        import urllib3

        try:
            yield
        except (urllib3.exceptions.TimeoutError, TimeoutError):
            raise self._late(url) from None
        except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
            raise errors.fetch_failed(url, _broken_answer(exc)) from None

    def _body(self, url: str, response, deadline: float) -> bytes:
        kind = response.headers.get("content-type", "")
        if kind and "html" not in kind.lower() and "xml" not in kind.lower():
            raise errors.not_html(url, kind.split(";")[0].strip())
        declared = response.headers.get("content-length", "")
        if declared and not re.fullmatch(r"\d+(\s*,\s*\d+)*", declared.strip()):
            # RFC 9110 allows digits only; a negative or odd length is no answer to guess a page from
            raise errors.fetch_failed(url, f"the server sent an invalid Content-Length, {declared[:20]!r}")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise errors.too_large(url, int(declared), self.max_bytes, "save the page and pass the file")
        data = bytearray()
        while chunk := response.read1(CHUNK):
            data += chunk
            if len(data) > self.max_bytes:
                raise errors.too_large(url, len(data), self.max_bytes, "save the page and pass the file")
            if time.monotonic() > deadline:
                raise self._late(url)
        if b"\x00" in data[:8192]:
            raise errors.not_html(url, "binary data")
        return bytes(data)


def _connection_pool(target: Target, address: str):
    """A one-connection pool to `address` itself, speaking to `target.host` (TLS name check, SNI)."""
    import certifi
    import urllib3

    if target.scheme == "https":
        # certifi's CA bundle: the same on every machine, where a Python's own may have none (macOS)
        return urllib3.HTTPSConnectionPool(address, target.port, maxsize=1, cert_reqs="CERT_REQUIRED",
                                           ca_certs=certifi.where(), server_hostname=target.host,
                                           assert_hostname=target.host)
    return urllib3.HTTPConnectionPool(address, target.port, maxsize=1)


def _headers(target: Target) -> dict[str, str]:
    import urllib3

    return {"User-Agent": USER_AGENT, "Host": target.host_header, **urllib3.util.make_headers(accept_encoding=True)}


def _connect_failure(exc: Exception | None) -> str:
    """What a failed connection says: the system's words (connection refused, network is unreachable)."""
    cause = exc.__cause__ if exc is not None else None
    return (cause.strerror or "connection failed").lower() if isinstance(cause, OSError) else "connection refused"


def _broken_answer(exc: BaseException) -> str:
    """What went wrong with an answer, in a user's words where kzfacts knows them."""
    import http.client

    import urllib3

    if isinstance(exc, urllib3.exceptions.SSLError):
        return f"TLS failed: {str(exc.args[0] if exc.args else exc)[:160]}"
    parts = (exc, *exc.args)  # urllib3's ProtocolError carries http.client's exception
    if any(isinstance(part, http.client.IncompleteRead) for part in parts):
        return "the answer ended early, before the length the server announced"
    if any(isinstance(part, (http.client.HTTPException, OSError)) for part in parts):
        return "the connection broke or the answer was not HTTP"
    return type(exc).__name__


def _retry_after(value: str | None) -> float:
    """Seconds a server asks to wait (Retry-After, in seconds or as a date), else half a second."""
    if value:
        if value.strip().isdigit():
            return float(value.strip())
        from email.utils import parsedate_to_datetime

        try:
            from datetime import datetime, timezone

            return max(0.0, (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds())
        except (TypeError, ValueError):
            pass
    return 0.5
