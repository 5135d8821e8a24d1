"""Web pages as inputs: the main text and the page's own title, author and date, through
trafilatura; URLs fetched with urllib3 under one deadline per URL.

Navigation, comments, share buttons and related-article lists are left out by trafilatura.
Offsets of facts then index the extracted text, which the record carries (`text`).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
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
MAX_REDIRECTS = 5
MAX_TRIES = 3
CHUNK = 65_536


class Fetcher:
    """Fetches URLs one at a time, at most one request per host every HOST_INTERVAL seconds.

    `timeout` is a deadline for the whole fetch of one URL: connecting, slow headers, a body that
    drips in, redirects, retries and any Retry-After wait all fit inside it. Loopback, private,
    link-local and reserved addresses are refused (each redirect's too) unless `allow_local`.
    """

    def __init__(self, timeout: float = 30, max_bytes: int = 20_000_000, allow_local: bool = False) -> None:
        self.timeout, self.max_bytes, self.allow_local = timeout, max_bytes, allow_local
        self.last: dict[str, float] = {}
        self._pool = None

    @property
    def pool(self):
        if self._pool is None:
            import certifi
            import urllib3

            # certifi's CA bundle: the same on every machine, where a Python's own may have none (macOS)
            self._pool = urllib3.PoolManager(retries=False, ca_certs=certifi.where(), headers={"User-Agent": USER_AGENT,
                                                                     **urllib3.util.make_headers(accept_encoding=True)})
        return self._pool

    def fetch(self, url: str) -> bytes:
        """The page's bytes; raises InputError saying why it cannot be had."""
        import threading

        host = urlsplit(url).netloc
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
        import urllib3

        tries = 0
        for _ in range(MAX_REDIRECTS + MAX_TRIES):
            self._check_address(url)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._late(url)
            try:
                response = self.pool.request("GET", url, preload_content=False, redirect=False,
                                             timeout=urllib3.Timeout(connect=remaining, read=remaining))
            except urllib3.exceptions.NewConnectionError as exc:
                reason = "unknown host" if "resolve" in str(exc) or "Name or service" in str(exc) else \
                    "connection refused"
                raise errors.fetch_failed(url, reason) from None
            except (urllib3.exceptions.TimeoutError, TimeoutError):
                raise self._late(url) from None
            except urllib3.exceptions.HTTPError as exc:
                raise errors.fetch_failed(url, type(exc).__name__) from None
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("location"):
                from urllib.parse import urljoin

                response.release_conn()
                url = urljoin(url, response.headers["location"])
                continue
            if response.status in RETRY_STATUSES and tries + 1 < MAX_TRIES:
                tries += 1
                pause = _retry_after(response.headers.get("retry-after"), tries)
                response.release_conn()
                if time.monotonic() + pause >= deadline:  # a wait past the deadline is no retry
                    raise errors.fetch_failed(url, f"HTTP {response.status}, and the server asks to wait {pause:g} s, "
                                                   f"past --url-timeout {self.timeout:g}")
                time.sleep(pause)
                continue
            if response.status >= 400:
                response.release_conn()
                raise errors.fetch_failed(url, f"HTTP {response.status}")
            return self._body(url, response, deadline)
        raise errors.fetch_failed(url, f"more than {MAX_REDIRECTS} redirects")

    def _body(self, url: str, response, deadline: float) -> bytes:
        kind = response.headers.get("content-type", "")
        if kind and "html" not in kind.lower() and "xml" not in kind.lower():
            response.release_conn()
            raise errors.not_html(url, kind.split(";")[0].strip())
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            response.release_conn()
            raise errors.too_large(url, int(declared), self.max_bytes, "save the page and pass the file")
        data = bytearray()
        while chunk := response.read1(CHUNK):
            data += chunk
            if len(data) > self.max_bytes:
                response.release_conn()
                raise errors.too_large(url, len(data), self.max_bytes, "save the page and pass the file")
            if time.monotonic() > deadline:
                raise self._late(url)
        if b"\x00" in data[:8192]:
            raise errors.not_html(url, "binary data")
        return bytes(data)

    def _check_address(self, url: str) -> None:
        """Refuse a URL whose host is, or resolves to, a loopback, private or reserved address."""
        import ipaddress
        import socket

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise errors.fetch_failed(url, "not an http or https address")
        if self.allow_local:
            return
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        except (socket.gaierror, UnicodeError):
            raise errors.fetch_failed(url, "unknown host") from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%")[0])
            if not address.is_global or address.is_multicast:
                raise errors.fetch_failed(url, f"refused: {parts.hostname} is a loopback, private or reserved "
                                               f"address ({address}); pass --allow-local-urls to fetch such pages")


def _retry_after(value: str | None, tries: int) -> float:
    """Seconds a server asks to wait (Retry-After, in seconds or as a date), else a short backoff."""
    if value:
        if value.strip().isdigit():
            return float(value.strip())
        from email.utils import parsedate_to_datetime

        try:
            from datetime import datetime, timezone

            return max(0.0, (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds())
        except (TypeError, ValueError):
            pass
    return 0.5 * tries
