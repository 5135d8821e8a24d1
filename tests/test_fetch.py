"""Fetching URLs against hostile servers and hostile addresses: a real server on 127.0.0.1 for each.

The servers keep connections alive (HTTP/1.1) as real ones do, and a raw-socket server sends
answers no library would: headers then silence, a negative length, a body cut short.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kzfacts import web

from . import pages
from .conftest import one_line
from .test_batch import invoke, jsonl

PAGE = pages.page(0).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a response left unread poisons the next request on its connection

    def do_GET(self):  # noqa: N802  (http.server's name)
        self.server.paths.append(self.path)
        self.server.hosts.append(self.headers.get("Host"))
        if self.path == "/article":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path in ("/moved301", "/moved302"):
            self._send(int(self.path[-3:]), b"<html><body>This page has moved to /article</body></html>",
                       location="/article")
        elif self.path.startswith("/hop/"):  # /hop/N: N redirects before the article
            left = int(self.path.rsplit("/", 1)[1])
            self._send(302, b"moved", location=f"/hop/{left - 1}" if left > 1 else "/article")
        elif self.path == "/loop":
            self._send(302, b"round and round", location="/loop")
        elif self.path == "/to-elsewhere":  # a hop to another loopback address: checked as the first was
            self._send(302, b"moved", location=f"http://127.0.0.2:{self.server.server_address[1]}/article")
        elif self.path == "/to-backslash":  # a hop that reads two ways, and a terminal escape
            self._send(302, b"moved", location=f"http://127.0.0.1:{self.server.server_address[1]}\\@8.8.8.8/\x1b[2J")
        elif self.path == "/to-nowhere":  # a Location no URL parser can read: the server's fault
            self._send(302, b"moved", location="http://[::1")
        elif self.path == "/busy-once":
            self.server.busy += 1
            if self.server.busy == 1:
                self._send(503, b"<html><body>Busy, come back in a second</body></html>", retry_after="1")
            else:
                self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/busy-always":
            self._send(503, b"<html><body>Busy, come back in a second</body></html>", retry_after="1")
        else:
            self._send(404, b"<html><body>Not found, sorry</body></html>")

    def _send(self, status: int, body: bytes, kind: str = "text/html", location: str | None = None,
              retry_after: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        if retry_after:
            self.send_header("Retry-After", retry_after)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that hangs up is no news here, and stderr is what the tests read


@pytest.fixture
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.paths, httpd.hosts, httpd.busy = [], [], 0
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def base(httpd) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


class RawServer:
    """Answers each connection with the bytes its request path names, written as they are."""

    ANSWERS = {
        "/stall": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html>", True),
        "/negative": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: -5\r\n\r\n<html><body>x", False),
        "/short": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n<html><body>"
                   + b"cut " * 20, False),
    }

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self.done.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                path = conn.recv(4096).split(b" ")[1].decode()
                answer, stall = self.ANSWERS[path]
                conn.sendall(answer)
                if stall:
                    self.done.wait(10)  # headers, then silence

    def close(self) -> None:
        self.done.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def raw():
    server = RawServer()
    yield server
    server.close()


# ---- item 5: a server that stalls or cuts its answer costs that URL alone


@pytest.mark.parametrize("path, reason", [("/stall", "within 2 s (--url-timeout)"),
                                          ("/negative", "Content-Length"),
                                          ("/short", "the answer ended early")])
def test_a_stalled_or_truncated_answer_is_an_error_record_and_the_batch_goes_on(raw, server, path, reason):
    bad = f"http://127.0.0.1:{raw.port}{path}"
    result = invoke("extract", bad, f"{base(server)}/article", "--allow-local-urls", "--url-timeout", "2",
                    "--format", "jsonl", "-q")
    first, second = jsonl(result)
    assert result.exit_code == 1
    assert first["source"] == bad and first["error"]["type"] == "fetch_failed" and first["articles"] == []
    assert reason in first["error"]["message"]
    assert second["error"] is None and second["articles"]
    assert one_line(result) == f"kzfacts: {first['error']['message']}"


# ---- item 6: redirects with bodies, errors on a kept-alive connection, Retry-After, loops


def test_redirects_with_a_body_and_a_404_leave_the_connection_clean(server):
    urls = [f"{base(server)}{p}" for p in ("/moved301", "/moved302", "/missing", "/article", "/hop/5")]
    result = invoke("extract", *urls, "--allow-local-urls", "--url-timeout", "5", "--format", "jsonl", "-q")
    recs = jsonl(result)
    assert [r["source"] for r in recs] == urls and result.exit_code == 1
    moved301, moved302, missing, article, hops = recs
    assert missing["error"]["type"] == "fetch_failed" and "HTTP 404" in missing["error"]["message"]
    for rec in (moved301, moved302, article, hops):
        assert rec["error"] is None and rec["text"] == article["text"] and rec["articles"]
    assert one_line(result) == f"kzfacts: {missing['error']['message']}"


def test_a_short_retry_after_is_honoured_once(server):
    started = time.monotonic()
    result = invoke("extract", f"{base(server)}/busy-once", "--allow-local-urls", "--url-timeout", "5", "-f", "json")
    record = json.loads(result.stdout)
    assert result.exit_code == 0 and record["error"] is None and record["articles"]
    assert server.paths == ["/busy-once", "/busy-once"] and time.monotonic() - started >= 1


def test_a_server_still_busy_after_its_retry_after_is_fetch_failed(server):
    started = time.monotonic()
    result = invoke("extract", f"{base(server)}/busy-always", "--allow-local-urls", "--url-timeout", "8", "-f", "json")
    record = json.loads(result.stdout)
    assert result.exit_code == 1 and record["error"]["type"] == "fetch_failed"
    assert "HTTP 503" in record["error"]["message"] and one_line(result) == f"kzfacts: {record['error']['message']}"
    assert server.paths == ["/busy-always"] * 2 and 1 <= time.monotonic() - started < 4  # one wait, one retry


@pytest.mark.parametrize("path", ["/loop", "/hop/6"])
def test_more_than_five_redirects_is_fetch_failed(server, path):
    result = invoke("extract", f"{base(server)}{path}", "--allow-local-urls", "--url-timeout", "5", "-f", "json")
    record = json.loads(result.stdout)
    assert result.exit_code == 1 and record["error"]["type"] == "fetch_failed"
    assert "more than 5 redirects" in record["error"]["message"]
    assert len(server.paths) == 6 and one_line(result) == f"kzfacts: {record['error']['message']}"


def test_each_redirect_hop_is_checked_again(server, monkeypatch):
    original = web.address_refusal
    # 127.0.0.1 stands in for a public site here; the hop's 127.0.0.2 is checked as any address is
    monkeypatch.setattr(web, "address_refusal", lambda address: None if str(address) == "127.0.0.1"
                        else original(address))
    result = invoke("extract", f"{base(server)}/to-elsewhere", "--url-timeout", "5", "-f", "json")
    record = json.loads(result.stdout)
    assert record["error"]["type"] == "fetch_failed" and server.paths == ["/to-elsewhere"]
    assert "refused: 127.0.0.2 is a loopback" in record["error"]["message"]
    assert "--allow-local-urls" in record["error"]["message"]


def test_a_redirect_that_parsers_read_differently_is_refused_and_named(server):
    result = invoke("extract", f"{base(server)}/to-backslash", "--allow-local-urls", "--url-timeout", "5", "-f", "json")
    message = json.loads(result.stdout)["error"]["message"]
    hop = f"http://127.0.0.1:{server.server_address[1]}\\@8.8.8.8/\\x1b[2J"
    assert message.startswith(f"{base(server)}/to-backslash (redirected to {hop}): cannot be fetched (refused: "
                               "the address has a space or control character")
    assert server.paths == ["/to-backslash"] and "\x1b" not in result.stderr
    one_line(result)


# ---- item 1: what is checked is what is connected to


@pytest.mark.parametrize("address, why", [
    ("127.0.0.1:{port}\\@8.8.8.8", "a backslash"),
    ("[::1]:{port}\\@8.8.8.8", "a backslash"),
    ("8.8.8.8@127.0.0.1:{port}", "a user name"),
    ("127.0.0.1:{port}/\t@8.8.8.8", "a space or control character"),
    ("127.0.0.1:{port}%2f@8.8.8.8", "a user name"),
])
def test_an_address_that_parsers_read_differently_is_refused(server, address, why):
    url = f"http://{address.format(port=server.server_address[1])}/article"
    result = invoke("extract", url, "--url-timeout", "2", "-f", "json")
    record = json.loads(result.stdout)
    assert result.exit_code == 1 and record["error"]["type"] == "fetch_failed"
    assert why in record["error"]["message"] and record["articles"] == []
    assert server.paths == []  # nothing local was fetched
    one_line(result)


@pytest.mark.parametrize("host, shown", [
    ("[::127.0.0.1]", "127.0.0.1 inside"),  # IPv4-compatible
    ("[::ffff:127.0.0.1]", "127.0.0.1 inside"),  # IPv4-mapped
    ("[::ffff:0:7f00:1]", "127.0.0.1 inside"),  # IPv4-translated (SIIT)
    ("[64:ff9b::7f00:1]", "127.0.0.1 inside"),  # NAT64
    ("[64:ff9b:1:7f00:0:100::]", "127.0.0.1 inside"),  # local-use NAT64, RFC 6052's /48 layout
    ("[2002:7f00:1::]", "127.0.0.1 inside"),  # 6to4
    ("[2002:c0a8:101::1]", "192.168.1.1 inside"),  # 6to4 of a private address
    ("[2001:0:4136:e378:8000:63bf:80ff:fffe]", "127.0.0.1 inside"),  # Teredo: the client's address, inverted
    ("[fec0::1]", "fec0::1)"),  # site-local, which Python 3.11 counts as global
])
def test_ipv6_addresses_that_carry_a_local_ipv4_are_refused(host, shown):
    url = f"http://{host}:9/article"
    record = json.loads(invoke("extract", url, "--url-timeout", "2", "-f", "json").stdout)
    message = record["error"]["message"]
    assert record["error"]["type"] == "fetch_failed" and f"({shown}" in message
    assert "--allow-local-urls" in message


def test_dns_rebinding_cannot_reach_a_local_server(server, monkeypatch):
    port = server.server_address[1]
    real = socket.getaddrinfo
    answers = iter(["8.8.8.8"])  # a public address first, then 127.0.0.1 for ever

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real(host, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers, "127.0.0.1"), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    result = invoke("extract", f"http://rebind.example:{port}/article", "--url-timeout", "1", "-f", "json")
    record = json.loads(result.stdout)
    assert record["error"]["type"] == "fetch_failed" and record["articles"] == []
    assert server.paths == []  # the one answer checked is the one connected to: 8.8.8.8, never 127.0.0.1


def test_the_checked_address_is_connected_to_with_the_real_host_name(server, monkeypatch):
    port = server.server_address[1]
    real = socket.getaddrinfo
    asked = []

    def resolver(host, *args, **kwargs):
        asked.append(host)
        return real("127.0.0.1" if host == "news.example" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    result = invoke("extract", f"http://news.example:{port}/moved301", "--allow-local-urls", "-f", "json")
    assert json.loads(result.stdout)["articles"] and result.exit_code == 0
    assert asked.count("news.example") == 2  # once per hop, never again to connect
    assert server.hosts == [f"news.example:{port}"] * 2  # the page's own host, not the address


@pytest.fixture
def tls_server(tmp_path):
    """An HTTPS server on 127.0.0.1 whose certificate names news.example alone (and its CA file)."""
    import ssl
    import subprocess

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=news.example", "-addext", "subjectAltName=DNS:news.example"],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.paths, httpd.hosts, httpd.busy = [], [], 0
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, cert
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def test_tls_checks_the_urls_host_while_connecting_to_its_checked_address(tls_server, monkeypatch):
    import certifi

    httpd, cert = tls_server
    port = httpd.server_address[1]
    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: real("127.0.0.1" if host == "news.example"
                                                                           else host, *a, **k))
    monkeypatch.setattr(certifi, "where", lambda: str(cert))
    named = invoke("extract", f"https://news.example:{port}/article", "--allow-local-urls", "-f", "json")
    assert named.exit_code == 0 and json.loads(named.stdout)["articles"]
    assert httpd.hosts == [f"news.example:{port}"]
    # the same server by its address: the certificate does not name 127.0.0.1, so no page
    by_address = invoke("extract", f"https://127.0.0.1:{port}/article", "--allow-local-urls", "-f", "json")
    record = json.loads(by_address.stdout)
    assert record["error"]["type"] == "fetch_failed" and "TLS failed" in record["error"]["message"]
    assert "127.0.0.1" in record["error"]["message"] and len(httpd.paths) == 1
    assert one_line(by_address) == f"kzfacts: {record['error']['message']}"


def test_an_address_no_parser_can_read_is_an_error_record_and_the_batch_goes_on(server, tmp_path):
    """A redirect to "http://[::1", or such an address given, costs only its own input (review of item 5)."""
    text = tmp_path / "a.txt"
    text.write_text("Minister Jane Doe opened the bridge in Astana on Monday.", encoding="utf-8")
    result = invoke("extract", f"{base(server)}/to-nowhere", "http://[::1", str(text), f"{base(server)}/article",
                    "--allow-local-urls", "--format", "jsonl", "-q")
    nowhere, broken, plain, article = jsonl(result)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert nowhere["error"]["type"] == broken["error"]["type"] == "fetch_failed"
    assert "redirected to an address that is not valid" in nowhere["error"]["message"]
    assert "not a valid web address" in broken["error"]["message"]
    assert plain["error"] is None and article["error"] is None and article["articles"]
