"""Web pages as inputs: saved HTML files, HTML in JSON Lines, and URLs from a local server."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from . import pages
from .conftest import assert_offsets
from .test_batch import invoke, jsonl


def facts(record: dict) -> dict[str, set]:
    """People, organisations, and quotes with their speakers, of all a record's articles."""
    out: dict[str, set] = {"people": set(), "organisations": set(), "quotes": set()}
    for art in record["articles"]:
        for key in ("people", "organisations"):
            out[key] |= {e["name"] for e in art[key]}
        out["quotes"] |= {(q["text"], q["speaker"]) for q in art["quotes"]}
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    for i in range(len(pages.ARTICLES)):
        (root / f"article{i}.html").write_text(pages.page(i), encoding="utf-8")
        (root / f"article{i}.txt").write_text(pages.plain_text(i), encoding="utf-8")
    return root


@pytest.mark.parametrize("index", range(len(pages.ARTICLES)))
def test_a_page_gives_the_facts_of_its_plain_text_and_its_own_date(site, index):
    (page_rec,) = jsonl(invoke("extract", str(site / f"article{index}.html"), "--format", "jsonl"))
    (text_rec,) = jsonl(invoke("extract", str(site / f"article{index}.txt"), "--format", "jsonl"))
    assert facts(page_rec) == facts(text_rec)
    (art,) = page_rec["articles"]
    title, _, _, date = pages.article_parts(index)
    assert (art["title"], art["author"], art["published"], art["published_source"]) == \
        (title, "Aigerim Sarsenova", date, "page")  # the page's own date
    # the offsets index the extracted text, which the record carries
    assert_offsets(page_rec["text"], page_rec)
    # nothing from navigation, related stories or comments
    names = facts(page_rec)["people"] | facts(page_rec)["organisations"]
    assert not names & {"Erdogan", "Macron", "Gazprom", "Rosneft", "Medvedev", "Barclays", "Goldman Sachs",
                        "Bob Whitaker", "Tom Jenkins", "Ministry of Finance", "Steppe Herald"}


def test_dates_resolve_against_the_pages_date_and_reference_date_wins(site):
    (rec,) = jsonl(invoke("extract", str(site / "article2.html"), "--format", "jsonl"))
    values = {d["text"]: d["value"] for d in rec["articles"][0]["dates"]}
    assert rec["articles"][0]["published"] == "2021-04-02" and values.get("April") == "2021-04"
    (given,) = jsonl(invoke("extract", str(site / "article2.html"), "--format", "jsonl", "--reference-date", "2019-06-01"))
    assert (given["articles"][0]["published"], given["articles"][0]["published_source"]) == ("2019-06-01", "option")


def test_a_folder_of_pages_and_texts(site):
    records = jsonl(invoke("extract", str(site), "--format", "jsonl", "-q", "-j", "2"))
    assert len(records) == 8
    assert all(("text" in r) == r["source"].endswith(".html") for r in records)


def test_a_page_that_is_no_article_gets_an_empty_record_and_a_warning(tmp_path):
    path = tmp_path / "login.html"
    path.write_text(pages.NOT_AN_ARTICLE, encoding="utf-8")
    result = invoke("extract", str(path), "--format", "json")
    record = json.loads(result.stdout)
    assert record["error"] is None and record["articles"] == []
    assert "login.html: no article text found" in result.stderr


def test_broken_html_and_a_cp1251_page(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(pages.BROKEN, encoding="utf-8")
    (rec,) = jsonl(invoke("extract", str(broken), "--format", "jsonl"))
    assert "Andrew Bailey" in {p["name"] for a in rec["articles"] for p in a["people"]}
    cp = tmp_path / "cp1251.html"
    cp.write_bytes(pages.page(2, charset="windows-1251", author="Абира Куандык").encode("cp1251"))
    (cp_rec,) = jsonl(invoke("extract", str(cp), "--format", "jsonl"))
    utf = tmp_path / "utf8.html"
    utf.write_text(pages.page(2, author="Абира Куандык"), encoding="utf-8")
    (utf_rec,) = jsonl(invoke("extract", str(utf), "--format", "jsonl"))
    assert cp_rec["text"] == utf_rec["text"] and facts(cp_rec) == facts(utf_rec)
    assert cp_rec["articles"][0]["author"] == "Абира Куандык"


def test_html_from_stdin_and_from_json_lines():
    result = invoke("extract", "-", "--input-format", "html", "--format", "json", input=pages.page(1))
    assert json.loads(result.stdout)["articles"][0]["author"] == "Aigerim Sarsenova"
    line = json.dumps({"id": "p1", "html": pages.page(1), "published": "2021-03-11"})
    (rec,) = jsonl(invoke("extract", "-", "--input-format", "jsonl", "--html-key", "html", "--format", "jsonl",
                          input=line + "\n"))
    assert rec["source"] == "p1" and rec["articles"][0]["published"] == "2021-03-11" and rec["text"]


def test_the_html_view_shows_a_pages_extracted_text(site, tmp_path):
    result = invoke("extract", str(site / "article0.html"), "--format", "html")
    assert "The ongoing fight to improve human rights" in result.stdout and "cookie" not in result.stdout.lower()


# ---- URLs, from a server on 127.0.0.1 started here


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802  (http.server's name)
        if self.path == "/article":
            self._send(200, "text/html; charset=utf-8", pages.page(0).encode())
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(4)
            self._send(200, "text/html", pages.page(1).encode())
        elif self.path == "/drip":  # a body that never stops coming, one byte at a time
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self._drip(b"<html><body><p>" + b"x" * 100)
        elif self.path == "/drip-headers":  # headers that come one byte a second
            self._drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"y" * 100)
        elif self.path == "/busy":
            self.send_response(503)
            self.send_header("Retry-After", "60")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "900000000")
            self.end_headers()
            self._drip(b"<html>" * 10, pause=0.05)
        elif self.path == "/chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                self.wfile.write(b"<html><body>" + b"<p>word</p>" * 5000)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/image.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000)
        else:
            self._send(404, "text/html", b"<html><body>Not found</body></html>")
        self.server.agents.append(self.headers.get("User-Agent", ""))

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _drip(self, body: bytes, pause: float = 0.5) -> None:
        try:
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.agents = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()


def test_urls_from_a_local_server(server, tmp_path):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(f"{base}{p}" for p in ("/article", "/redirect", "/missing", "/slow", "/image.png"))
                    + "\n", encoding="utf-8")
    started = time.monotonic()
    result = invoke("extract", "--urls", str(urls), "--allow-local-urls", "--url-timeout", "1", "--format", "jsonl",
                    "-q")
    assert time.monotonic() - started < 60
    assert result.exit_code == 1
    recs = {r["source"].removeprefix(base): r for r in jsonl(result)}
    assert list(recs) == ["/article", "/redirect", "/missing", "/slow", "/image.png"]
    assert facts(recs["/article"]) == facts(recs["/redirect"]) and recs["/article"]["articles"][0]["published"] == "2021-02-15"
    assert recs["/missing"]["error"]["type"] == "fetch_failed" and "HTTP 404" in recs["/missing"]["error"]["message"]
    assert recs["/slow"]["error"]["type"] == "fetch_failed"
    assert recs["/image.png"]["error"]["type"] == "not_html"
    assert all(agent.startswith("kzfacts/") for agent in server.agents)


def test_a_url_that_cannot_be_reached_is_an_error_record():
    result = invoke("extract", "http://127.0.0.1:9/nothing", "--allow-local-urls", "--url-timeout", "1", "-f", "json")
    record = json.loads(result.stdout)
    assert result.exit_code == 1 and record["error"]["type"] == "fetch_failed"


def test_local_addresses_are_refused_unless_allowed(server):
    url = f"http://127.0.0.1:{server.server_address[1]}/article"
    record = json.loads(invoke("extract", url, "--url-timeout", "1", "-f", "json").stdout)
    assert record["error"]["type"] == "fetch_failed" and "--allow-local-urls" in record["error"]["message"]


def test_the_same_page_twice_gives_the_same_text_twice(tmp_path):
    # trafilatura's deduplication remembers paragraphs across pages; kzfacts keeps each page whole
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(pages.page(3), encoding="utf-8")
    first, second = jsonl(invoke("extract", str(tmp_path), "--format", "jsonl", "-q", "-j", "1"))
    assert first["text"] == second["text"] and facts(first) == facts(second)


@pytest.mark.parametrize("path", ["/drip", "/drip-headers", "/busy"])
def test_url_timeout_is_a_deadline_for_the_whole_fetch(server, path):
    url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    started = time.monotonic()
    result = invoke("extract", url, "--allow-local-urls", "--url-timeout", "2", "-f", "json")
    took = time.monotonic() - started
    record = json.loads(result.stdout)
    assert result.exit_code == 1 and record["error"]["type"] == "fetch_failed"
    assert took < 2 * 2 + 1.5, took  # the deadline, not a read timeout per byte nor a 60 s Retry-After
    line = result.stderr.strip().splitlines()
    assert len(line) == 1 and "Traceback" not in result.stderr
    if path == "/busy":
        assert "HTTP 503" in line[0] and "60 s" in line[0]
    else:
        assert "within 2 s (--url-timeout)" in line[0]


def test_a_page_over_the_cap_is_too_large(server):
    from kzfacts.errors import InputError
    from kzfacts.web import Fetcher

    base = f"http://127.0.0.1:{server.server_address[1]}"
    record = json.loads(invoke("extract", f"{base}/huge", "--allow-local-urls", "--url-timeout", "5", "-f",
                               "json").stdout)
    assert record["error"]["type"] == "too_large" and "900,000,000 bytes" in record["error"]["message"]
    with pytest.raises(InputError) as caught:  # no Content-Length: counted as it comes
        Fetcher(5, max_bytes=10_000, allow_local=True).fetch(f"{base}/chunked")
    assert caught.value.kind == "too_large" and "--max-bytes" not in caught.value.message


def test_a_refused_loopback_url_says_why(server):
    url = f"http://127.0.0.1:{server.server_address[1]}/article"
    result = invoke("extract", url, "-f", "json")
    message = json.loads(result.stdout)["error"]["message"]
    assert message.startswith(f"{url}: cannot be fetched (refused: 127.0.0.1 is a loopback") and \
        "--allow-local-urls" in message
    unknown = json.loads(invoke("extract", "http://no-such-host.invalid/x", "-f", "json").stdout)
    assert "unknown host" in unknown["error"]["message"]
