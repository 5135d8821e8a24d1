"""Web pages as inputs: the main text and the page's own title, author and date, through
trafilatura; URLs fetched with trafilatura's downloader.

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


class Fetcher:
    """Fetches URLs one at a time, at most one request per host every HOST_INTERVAL seconds."""

    def __init__(self, timeout: int = 30, max_bytes: int = 20_000_000, allow_local: bool = False) -> None:
        self.timeout, self.max_bytes, self.allow_local = timeout, max_bytes, allow_local
        self.last: dict[str, float] = {}
        self._config = None

    @property
    def config(self):
        """trafilatura's download settings, made on first use (runs without URLs never import it)."""
        if self._config is None:
            from trafilatura.settings import use_config

            config = use_config()
            config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, int(self.timeout))))
            config.set("DEFAULT", "MAX_FILE_SIZE", str(self.max_bytes))
            config.set("DEFAULT", "USER_AGENTS", USER_AGENT)
            config.set("DEFAULT", "SLEEP_TIME", "0")
            config.set("DEFAULT", "SSRF_PROTECTION", "off" if self.allow_local else "on")
            self._config = config
        return self._config

    def fetch(self, url: str) -> bytes:
        """The page's bytes; raises InputError saying why it cannot be had."""
        from trafilatura.downloads import fetch_response

        host = urlsplit(url).netloc
        wait = self.last.get(host, 0.0) + HOST_INTERVAL - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            response = fetch_response(url, decode=False, with_headers=True, config=self.config)
        finally:
            self.last[host] = time.monotonic()
        if response is None:
            raise errors.fetch_failed(url, f"no answer within {self.timeout:g} s, an unknown host, or an address "
                                           "refused (pass --allow-local-urls for loopback or intranet pages)")
        if response.status >= 400:
            raise errors.fetch_failed(url, f"HTTP {response.status}")
        data = response.data or b""
        if len(data) >= self.max_bytes:
            raise errors.too_large(url, len(data), self.max_bytes)
        kind = (response.headers or {}).get("content-type", "") if response.headers else ""
        if kind and "html" not in kind.lower() and "xml" not in kind.lower():
            raise errors.not_html(url, kind.split(";")[0].strip())
        if b"\x00" in data[:8192]:
            raise errors.not_html(url, "binary data")
        return data
