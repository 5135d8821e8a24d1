"""The database in Datasette with kzfacts' metadata: served on 127.0.0.1, a canned query fetched."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from typer.testing import CliRunner

from kzfacts.cli import app

from .conftest import SAMPLE

needs_datasette = pytest.mark.skipif(shutil.which("datasette") is None and
                                     subprocess.run([sys.executable, "-c", "import datasette"]).returncode != 0,
                                     reason="needs Datasette (in the test extra)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, deadline: float) -> dict | list:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@needs_datasette
def test_datasette_serves_the_metadata_and_its_canned_queries(tmp_path):
    db = tmp_path / "facts.db"
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(SAMPLE), "--db", str(db), "-q"]).exit_code == 0
    meta = runner.invoke(app, ["datasette-metadata", str(db)])
    assert meta.exit_code == 0
    (tmp_path / "facts.metadata.json").write_text(meta.stdout, encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db), "-m",
                               str(tmp_path / "facts.metadata.json"), "-h", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/facts"
        rows = fetch(f"{base}/quotes_by_person.json?speaker=Fautre&_shape=array", time.monotonic() + 60)
        assert len(rows) == 3 and {r["speaker"] for r in rows} == {"Willy Fautre"}
        sums = fetch(f"{base}/largest_sums_by_currency.json?currency=kzt&_shape=array", time.monotonic() + 10)
        assert [r["value"] for r in sums] == [1800000000.0, 305400000.0]
        assert {(r["article"], r["source"]) for r in sums} == {
            ("Kazakhstan\u2019s government determined to enhance engagement with civil society", str(SAMPLE))}
        together = fetch(f"{base}/mentioned_together.json?_shape=array", time.monotonic() + 10)
        assert together and {"person", "with_person", "articles"} <= set(together[0])
        works = fetch(f"{base}/who_works_where.json?_shape=array", time.monotonic() + 10)
        assert {"person": "Willy Fautre", "role": "director", "organisation": "Human Rights Without Frontiers",
                "articles": 1} in works
        table = fetch(f"{base}/quotes.json?_facet=speaker&_size=0", time.monotonic() + 10)
        assert any(f["name"] == "speaker" for f in table["facet_results"].values()) if isinstance(
            table["facet_results"], dict) else table["facet_results"]
    finally:
        server.terminate()
        server.wait(timeout=10)
