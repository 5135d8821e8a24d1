"""Outputs analysts use: a SQLite database, CSV, and the HTML reading view in a real browser."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kzfacts.registry import FACT_TYPES

from .conftest import SAMPLE
from .test_batch import ARTICLE, invoke, jsonl

KEYS = [f.key for f in FACT_TYPES]
TABLES = {"people": "people", "organisations": "organisations", "places": "places", "dates": "dates",
          "figures": "figures", "quotes": "quotes"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("outputs")
    shutil.copy(SAMPLE, root / "digest.txt")
    (root / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "c.txt").write_text(ARTICLE.replace("Jane Doe", "John Roe").replace("2022", "2023"), encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    return root


@pytest.fixture(scope="module")
def records(corpus):
    result = invoke("extract", str(corpus), "--format", "jsonl", "-q", "-j", "1")
    return jsonl(result)


def json_counts(records: list[dict]) -> dict[str, int]:
    counts = Counter()
    for rec in records:
        for art in rec["articles"]:
            for key in KEYS:
                counts[key] += len(art[key])
        counts["articles"] += len(rec["articles"])
        counts["sources"] += 1
        counts["mentions"] += sum(len(e["mentions"]) for art in rec["articles"] for k in KEYS[:3] for e in art[k])
        counts["affiliations"] += sum(len(p["affiliations"]) for art in rec["articles"] for p in art["people"])
    return dict(counts)


def db_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = ["sources", "articles", "mentions", "affiliations", *TABLES.values()]
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}


def db_rows(path: Path) -> list[tuple]:
    """Every row of every table, ids left out, so two databases can be compared."""
    out = []
    with sqlite3.connect(path) as conn:
        for table in ["sources", "articles", *TABLES.values(), "mentions", "affiliations"]:
            # row ids differ between databases; an affiliation's person_id is such an id too
            cols = [r[1] for r in conn.execute(f"pragma table_info({table})")
                    if r[1] not in ("id", "article_id", "entity_id", "person_id")]
            out += sorted((table, *row) for row in conn.execute(f"select {', '.join(cols)} from {table}"))
    return out


def test_database_counts_equal_the_json_counts_and_a_rerun_changes_nothing(corpus, records, tmp_path):
    db = tmp_path / "facts.db"
    first = invoke("extract", str(corpus), "--db", str(db), "-q", "-j", "1")
    assert first.exit_code == 1 and first.stdout == ""  # bad.txt failed; the database has its error
    assert db_counts(db) == json_counts(records)
    rows = db_rows(db)
    invoke("extract", str(corpus), "--db", str(db), "-q", "-j", "2")
    assert db_rows(db) == rows
    with sqlite3.connect(db) as conn:
        assert conn.execute("select error_type from sources where source like '%bad.txt'").fetchone() == ("binary_file",)
        hits = conn.execute("select q.speaker from quotes_fts join quotes q on q.id = quotes_fts.rowid "
                            "where quotes_fts match 'road'").fetchall()
        assert sorted(hits) == [("Jane Doe",), ("John Roe",)]
        indexes = {r[1] for t in ("quotes", "people", "figures", "dates") for r in conn.execute(f"pragma index_list({t})")}
        assert {"idx_quotes_speaker", "idx_people_name", "idx_figures_unit", "idx_figures_value", "idx_dates_value"} <= indexes
        fks = conn.execute("pragma foreign_key_list(quotes)").fetchall()
        assert fks and fks[0][2] == "articles"


CRASH_SCRIPT = """
import os, sys
from kzfacts.writers import sqlite as store
real = store.DatabaseWriter._insert
def _insert(self, record, *key):  # dies halfway through the second source's transaction, like a kill -9
    real(self, record, *key)
    if record["source"].endswith("c.txt"):
        os._exit(9)
store.DatabaseWriter._insert = _insert
from kzfacts.cli import main
sys.argv = ["kzfacts", "extract", *sys.argv[1:], "-q", "-j", "1"]
main()
"""


def test_a_killed_run_resumed_gives_the_same_database(corpus, tmp_path):
    whole, resumed = tmp_path / "whole.db", tmp_path / "resumed.db"
    invoke("extract", str(corpus), "--db", str(whole), "-q", "-j", "1")
    crash = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, str(corpus), "--db", str(resumed)],
                           capture_output=True, text=True, timeout=300)
    assert crash.returncode == 9
    with sqlite3.connect(resumed) as conn:  # b.txt and bad.txt were written whole; c.txt not at all
        sources = {os.path.basename(s) for (s,) in conn.execute("select source from sources")}
    assert "c.txt" not in sources and "b.txt" in sources
    again = invoke("extract", str(corpus), "--db", str(resumed), "--skip-existing", "-q", "-j", "1")
    assert again.exit_code in (0, 1)
    assert db_rows(resumed) == db_rows(whole)


def test_load_writes_the_same_database_as_extract(corpus, records, tmp_path):
    out = tmp_path / "facts.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    direct, loaded = tmp_path / "direct.db", tmp_path / "loaded.db"
    invoke("extract", str(corpus), "--db", str(direct), "-q", "-j", "1")
    result = invoke("load", str(out), "--db", str(loaded))
    assert result.exit_code == 0 and f"{len(records)} records loaded" in result.stderr
    assert db_rows(loaded) == db_rows(direct)
    missing = invoke("load", str(tmp_path / "nope.jsonl"), "--db", str(loaded))
    assert missing.exit_code == 1 and "no such file" in missing.stderr


def test_csv_round_trips_to_the_same_facts_as_the_json(records):
    result = invoke("extract", str(SAMPLE), "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeffsource,article,title,type,text,value,unit,speaker,start,end")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    (record,) = [r for r in records if r["source"].endswith("digest.txt")]
    names = {"people": "person", "organisations": "organisation", "places": "place", "dates": "date",
             "figures": "figure", "quotes": "quote"}
    for key, kind in names.items():
        mine = [r for r in rows if r["type"] == kind]
        facts = [f for art in record["articles"] for f in art[key]]
        assert len(mine) == len(facts)
        texts = [f.get("name") or f["text"] for f in facts]
        assert [r["text"] for r in mine] == texts
    quotes = [q for art in record["articles"] for q in art["quotes"]]
    assert [r["speaker"] for r in rows if r["type"] == "quote"] == ["; ".join(q["speakers"]) for q in quotes]
    figures = [f for art in record["articles"] for f in art["figures"]]
    assert [(float(r["value"]) if r["value"] else None, r["unit"] or None) for r in rows if r["type"] == "figure"] == \
        [(f["value"], f["unit"]) for f in figures]


def test_csv_keeps_only_the_chosen_facts_and_names_a_wrong_one():
    result = invoke("extract", str(SAMPLE), "--format", "csv", "--facts", "quotes,people")
    assert {r["type"] for r in csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))} == {"quote", "person"}
    bad = invoke("extract", str(SAMPLE), "--format", "csv", "--facts", "quotes,gossip")
    assert bad.exit_code == 2 and "unknown fact type 'gossip'" in bad.stderr


def test_csv_output_dir_writes_one_file_per_input(corpus, tmp_path):
    result = invoke("extract", str(corpus), "--format", "csv", "-o", str(tmp_path / "out"), "-q", "-j", "1")
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").glob("*.csv")) == ["b.csv", "bad.csv", "c.csv", "digest.csv", "empty.csv"]


# ---- the HTML reading view, in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def rendered_dom(page: Path, tmp_path: Path) -> str:
    """The DOM Chromium built from the page, after any script would have run."""
    proc = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           "--virtual-time-budget=2000", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


class Marks(HTMLParser):
    """What a reader sees marked: fact ids by kind, speaker labels, scripts, the title."""

    def __init__(self) -> None:
        super().__init__()
        self.facts: dict[str, set[str]] = {}
        self.speakers: list[str] = []
        self.scripts = 0
        self.articles = 0
        self._in: str | None = None
        self.title = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark" and "data-fact" in a:
            self.facts.setdefault(a["class"], set()).add(a["data-fact"])
        if tag == "span" and a.get("class") == "speaker":
            self._in = "speaker"
            self.speakers.append("")
        if tag == "script":
            self.scripts += 1
        if tag == "article":
            self.articles += 1
        if tag == "title":
            self._in = "title"

    def handle_endtag(self, tag):
        if tag in ("span", "title"):
            self._in = None

    def handle_data(self, data):
        if self._in == "speaker":
            self.speakers[-1] += data
        elif self._in == "title":
            self.title += data


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (.ci/run installs Debian's chromium)")
def test_the_sample_page_renders_every_fact_in_a_browser(records, tmp_path):
    (record,) = [r for r in records if r["source"].endswith("digest.txt")]
    out = tmp_path / "pages"
    result = invoke("extract", str(SAMPLE), "--format", "html", "-o", str(out))
    assert result.exit_code == 0
    marks = Marks()
    marks.feed(rendered_dom(out / "kazakhstan_digest.html", tmp_path))
    assert marks.articles == 4
    kinds = {"people": "person", "organisations": "organisation", "places": "place", "dates": "date",
             "figures": "figure", "quotes": "quote"}
    for key, kind in kinds.items():
        assert len(marks.facts.get(kind, ())) == sum(len(a[key]) for a in record["articles"]), kind
    speakers = [", ".join(q["speakers"]) or "unattributed" for a in record["articles"] for q in a["quotes"]]
    assert marks.speakers == speakers
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="./kazakhstan_digest.html"' in index


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (.ci/run installs Debian's chromium)")
def test_markup_in_an_article_is_shown_never_run(tmp_path):
    text = ("Minister warns\n\n“<script>document.title='INJECTED'</script> We will win,” said Minister Jane Doe "
            "on Monday. <img src=x onerror=\"document.title='INJECTED'\"> The bank lent $5 million.\n")
    src = tmp_path / "evil.txt"
    src.write_text(text, encoding="utf-8")
    page = tmp_path / "evil.html"
    result = invoke("extract", str(src), "--format", "html")
    page.write_text(result.stdout, encoding="utf-8")
    dom = rendered_dom(page, tmp_path)
    marks = Marks()
    marks.feed(dom)
    assert "INJECTED" not in marks.title and marks.scripts == 0
    assert "&lt;script&gt;document.title='INJECTED'&lt;/script&gt;" in dom
    assert marks.speakers == ["Jane Doe"] and marks.facts["figure"]


CLICK_HARNESS = """<!DOCTYPE html><html><head><title>harness</title></head><body>
<iframe id="f" src="%s"></iframe>
<script>
const f = document.getElementById("f");
f.onload = () => {
  f.onload = () => setTimeout(report, 200);
  f.contentDocument.querySelector("a").click();
  setTimeout(report, 1500);
};
function report() {
  let title, where;
  try { title = f.contentDocument.title; where = f.contentWindow.location.href; } catch (e) { title = where = "?"; }
  document.body.setAttribute("data-after", title + "|" + where);
}
</script></body></html>"""


def click_first_link(index: Path, tmp_path: Path) -> str:
    """Chromium opens the index in a frame, clicks its first link; gives 'title|url' of the frame after."""
    harness = index.parent / "harness.html"
    harness.write_text(CLICK_HARNESS % index.name, encoding="utf-8")
    proc = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, "--allow-file-access-from-files",
                           f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000", "--dump-dom",
                           harness.as_uri()], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'data-after="([^"]*)"', proc.stdout)
    assert found, proc.stdout[-2000:]
    return unescape(found.group(1))


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (.ci/run installs Debian's chromium)")
def test_a_file_named_like_a_script_link_is_only_a_page_when_clicked(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    name = "javascript:document.title='PWNED';x.txt"
    (news / name).write_text("Minister Jane Doe opened the bridge in Astana.\n", encoding="utf-8")
    out = tmp_path / "pages"
    assert invoke("extract", str(news), "--format", "html", "-o", str(out), "-q").exit_code == 0
    index = out / "index.html"
    assert "href=\"javascript:" not in index.read_text(encoding="utf-8")
    title, _, where = click_first_link(index, tmp_path).partition("|")
    assert title != "PWNED" and where.endswith("%3Bx.html")
    # the harness does see a live script link: the same index with a raw href runs it
    raw = out / "raw.html"
    raw.write_text(index.read_text(encoding="utf-8").replace(
        'href="./javascript%3Adocument.title%3D%27PWNED%27%3Bx.html"', "href=\"javascript:document.title='PWNED';x.html\""))  # what the index linked before
    assert click_first_link(raw, tmp_path).startswith("PWNED|")
