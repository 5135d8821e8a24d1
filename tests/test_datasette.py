"""The database in Datasette with kzfacts' metadata: served on 127.0.0.1, a canned query fetched."""
from __future__ import annotations

import json
import os
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


def old_database(path):
    """A database as kzfacts wrote it before near-duplicates: no articles.duplicate_of, no signatures."""
    import sqlite3

    from kzfacts.writers.sqlite import DatabaseWriter

    text = 'Astana, May 5 - "Prices will fall," said Aidar Bekov, the finance minister, on Monday.'
    person = {"name": "Aidar Bekov", "aliases": [], "titles": ["finance minister"], "mentions": [{"text": "Aidar Bekov",
              "start": 33, "end": 44}]}
    quote = {"text": "Prices will fall,", "speaker": "Aidar Bekov", "cue": "said", "start": 15, "end": 32}
    article = {"index": 0, "title": None, "start": 0, "end": len(text), "people": [person], "organisations": [],
               "places": [], "dates": [], "figures": [], "quotes": [quote]}
    writer = DatabaseWriter(path)
    writer.write({"source": "old.txt", "error": None, "articles": [article]}, "/data/old.txt")
    writer.close()
    with sqlite3.connect(path) as conn:
        conn.execute("alter table articles drop column duplicate_of")
        conn.execute("drop table signatures")


def test_an_earlier_kzfacts_database_gets_the_column_its_canned_queries_read(tmp_path):
    import sqlite3

    from kzfacts.datasette import QUERIES
    from kzfacts.writers.sqlite import DatabaseWriter, rebuild_entities

    db = tmp_path / "old.db"
    old_database(db)
    meta = CliRunner().invoke(app, ["datasette-metadata", str(db)])
    assert meta.exit_code == 0 and "most_quoted" in json.loads(meta.stdout)["databases"]["old"]["queries"]
    with sqlite3.connect(db) as conn:
        assert conn.execute(QUERIES["most_quoted"]["sql"]).fetchall() == [("Aidar Bekov", 1, 1)]
        assert [r[0] for r in conn.execute(QUERIES["quotes_by_person"]["sql"], {"speaker": "Bekov"})] == ["Aidar Bekov"]
    import sqlite_utils
    rebuild_entities(sqlite_utils.Database(sqlite3.connect(db)))  # the entities read articles.duplicate_of too

    again = tmp_path / "again.db"
    old_database(again)
    DatabaseWriter(again).close()  # opened for writing: the column added, the entities rebuilt
    with sqlite3.connect(again) as conn:
        assert conn.execute("select name, articles from entities").fetchall() == [("Aidar Bekov", 1)]
        assert "duplicate_of" in [r[1] for r in conn.execute("pragma table_info(articles)")]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes a read-only file")
def test_an_earlier_database_that_cannot_be_updated_is_refused_in_one_line(tmp_path):
    db = tmp_path / "old.db"
    old_database(db)
    db.chmod(0o444)
    result = CliRunner().invoke(app, ["datasette-metadata", str(db)])
    assert result.exit_code == 2 and result.stdout == ""
    assert "articles.duplicate_of" in result.stderr and "writable" in result.stderr and "Traceback" not in result.stderr
