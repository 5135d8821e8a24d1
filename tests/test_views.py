"""Views that work everywhere (issue 41): the HTML index and pages on a 390-pixel phone and a
1280-pixel screen in real headless Chromium, and the title shown for an article without one."""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
from html import unescape
from pathlib import Path

import pytest

from kzfacts.datasette import QUERIES
from kzfacts.headlines import name_title, shown_title

from .conftest import SAMPLE, invoke
from .test_outputs import CHROMIUM, CHROMIUM_FLAGS

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (.ci/run installs Debian's chromium)")

UNTITLED = ("The central bank of Kazakhstan kept its base rate at 14.25 percent on Friday, Governor Timur "
            "Suleimenov told reporters in Astana. Inflation slowed to 8.5% in May, the bank said.\n")

# The page is framed at the width under test (headless Chromium's own window is never narrower than
# 500 pixels); in the frame, every word of every table cell is measured: a word the browser broke
# across lines has its pieces on two lines. A line may end after a hyphen, dash or slash.
MEASURE_HARNESS = """<!DOCTYPE html><html><head><title>harness</title></head><body style="margin:0">
<iframe id="f" src="%s" width="%d" height="844" style="border:0;display:block"></iframe>
<script>
const f = document.getElementById("f");
f.onload = () => {
  const doc = f.contentDocument, broken = [], words = /[^\\s\\-\\u2013\\u2014\\/]+[\\-\\u2013\\u2014\\/]?/g;
  for (const cell of doc.querySelectorAll("td, th")) {
    if (!cell.getClientRects().length) continue;
    const walker = doc.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const m of node.data.matchAll(words)) {
        const range = doc.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  const title = doc.querySelector("td.title");
  const boxes = [...doc.querySelectorAll(".scroll")].map(b => b.scrollWidth - b.clientWidth);
  document.body.setAttribute("data-measured", JSON.stringify({
    viewport: f.contentWindow.innerWidth, scrollWidth: doc.documentElement.scrollWidth, broken,
    hidden: Math.max(0, ...boxes),
    titleWidth: title ? title.getBoundingClientRect().width : null}));
};
</script></body></html>"""


def measure(page: Path, width: int, tmp_path: Path) -> dict:
    """How the page lays out at `width` pixels: the viewport, the page's scroll width, the words
    of table cells broken across lines, the index's title column width."""
    import subprocess

    harness = page.parent / f"measure-{width}.html"
    harness.write_text(MEASURE_HARNESS % (page.name, width), encoding="utf-8")
    proc = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, "--allow-file-access-from-files", "--hide-scrollbars",
                           f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000",
                           "--virtual-time-budget=5000", "--dump-dom", harness.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'data-measured="([^"]*)"', proc.stdout)
    assert found, proc.stdout[-2000:]
    return json.loads(unescape(found.group(1)))


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """The sample articles as HTML pages with their index, and one article the text gives no title."""
    root = tmp_path_factory.mktemp("views")
    inputs = root / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs / SAMPLE.name)
    (inputs / "rate_decision_2024.txt").write_text(UNTITLED, encoding="utf-8")
    result = invoke("extract", str(inputs), "--format", "html", "-o", str(root / "out"), "-q", "-j", "1")
    assert result.exit_code == 0, result.stderr
    return root / "out"


@needs_chromium
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["index.html", "kazakhstan_digest.html"])
def test_the_pages_fit_the_screen_and_no_cell_breaks_a_word(pages, tmp_path, name, width):
    shown = measure(pages / name, width, tmp_path)
    assert shown["viewport"] == width
    assert shown["scrollWidth"] <= width, f"{name} is {shown['scrollWidth']} pixels wide at {width}"
    assert shown["broken"] == []
    if name == "index.html":  # the titles have the room of a line, not of three characters
        assert shown["titleWidth"] >= (300 if width == 390 else 400)


@needs_chromium
@pytest.mark.parametrize("width", [390, 900, 1280])
def test_a_long_file_name_never_widens_the_index(tmp_path, width):
    name = "kazakhstan_" + "x" * 110 + ".txt"  # one word wider than a phone: broken there, never the page widened
    (tmp_path / name).write_text(UNTITLED, encoding="utf-8")
    assert invoke("extract", str(tmp_path / name), "--format", "html", "-o", str(tmp_path / "out"), "-q").exit_code == 0
    shown = measure(tmp_path / "out" / "index.html", width, tmp_path)
    assert shown["viewport"] == width and shown["scrollWidth"] <= width


def test_the_index_lists_every_title_and_right_aligns_its_counts(pages):
    index = (pages / "index.html").read_text(encoding="utf-8")
    assert index.count('<td class="n" data-label="people">') == 2
    digest = re.search(r'<ul class="titles">(.*?)</ul>', index).group(1)
    assert re.findall(r'<a href="([^"]*)">([^<]*)</a>', digest) == [
        ("./kazakhstan_digest.html", "Human rights in Kazakhstan"),
        ("./kazakhstan_digest.html#article-1", "Kazakhstan’s government determined to enhance engagement with civil society"),
        ("./kazakhstan_digest.html#article-2", "Kazakhstan will continue to increase oil production under OPEC+ agreement"),
        ("./kazakhstan_digest.html#article-3", "More airlines resume international air travel to Kazakhstan")]
    assert '<li class="made" title="The text has no title: its first sentence"><a href="./rate_decision_2024.html">' \
           "The central bank of Kazakhstan kept its base rate at 14.25 percent on Friday, Governor\u2026</a>" in index


def test_an_untitled_article_page_shows_its_made_title_and_says_so(pages):
    page = (pages / "rate_decision_2024.html").read_text(encoding="utf-8")
    assert '<h2 class="made" title="The text has no title: its first sentence">The central bank of Kazakhstan ' \
           "kept its base rate at 14.25 percent on Friday, Governor\u2026</h2>" in page
    assert "(untitled)" not in page
    assert "<title>The central bank of Kazakhstan" in page


def test_the_json_keeps_a_missing_title_null(tmp_path):
    src = tmp_path / "rate_decision_2024.txt"
    src.write_text(UNTITLED, encoding="utf-8")
    record = json.loads(invoke("extract", str(src), "--format", "json").stdout)
    assert [a["title"] for a in record["articles"]] == [None]
    assert "display_title" not in record["articles"][0]


def test_the_terminal_table_shows_the_made_title(tmp_path):
    src = tmp_path / "rate_decision_2024.txt"
    src.write_text(UNTITLED, encoding="utf-8")
    result = invoke("extract", str(src))
    assert "The central bank of Kazakhstan kept its base" in result.stdout
    assert "(untitled)" not in result.stdout


ARTICLE_SPAN = {"title": None, "start": 0, "end": 200}


@pytest.mark.parametrize("article, text, source, expected", [
    ({"title": "Budget to rise", "start": 0, "end": 5}, "Other words", "a.txt", ("Budget to rise", None)),
    ({"title": "  ", "start": 0, "end": 30}, "\n\nTokayev visits Moscow\n", "a.txt", ("Tokayev visits Moscow", "first line")),
    (ARTICLE_SPAN, "Tokayev met Putin in Moscow.\n", "a.txt", ("Tokayev met Putin in Moscow", "first line")),
    (ARTICLE_SPAN, "Mr. Tokayev met Mr. Putin in Moscow on Monday for talks on gas. Then the two leaders spoke of "
                   "trade, oil and the Caspian.", "a.txt", ("Mr. Tokayev met Mr. Putin in Moscow on Monday for talks on gas",
                                                            "first sentence")),
    (ARTICLE_SPAN, "Kazakhstan's economy grew by 4.8 percent in the first nine months of the year, the national "
                   "statistics bureau said on Monday.", "a.txt",
     ("Kazakhstan's economy grew by 4.8 percent in the first nine months of the year, the\u2026", "first sentence")),
    (ARTICLE_SPAN, None, "samples/kazakhstan_digest.txt", ("Kazakhstan digest", "file name")),
    (ARTICLE_SPAN, "   \n", "feed.jsonl#12", ("Feed, line 12", "file name")),
])
def test_shown_title(article, text, source, expected):
    assert tuple(shown_title(article, text, source)) == expected


@pytest.mark.parametrize("source, expected", [
    ("kazakhstan_digest.txt", "Kazakhstan digest"),
    ("news/rate-cut_2024.html", "Rate cut 2024"),
    ("https://example.com/news/rate-cut.html", "Rate cut"),
    ("https://example.com/", "Example.com"),
    ("-", "Standard input"),
    ("story-42", "Story 42"),
])
def test_name_title(source, expected):
    assert name_title(source) == expected


def test_the_largest_sums_query_names_each_rows_article_and_source(tmp_path):
    (tmp_path / "rate_decision_2024.txt").write_text(
        "The state fund will lend 120 billion tenge to farmers this spring, the ministry said on Monday.\n",
        encoding="utf-8")
    db = tmp_path / "facts.db"
    assert invoke("extract", str(SAMPLE), str(tmp_path / "rate_decision_2024.txt"), "--db", str(db), "-q").exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute(QUERIES["largest_sums_by_currency"]["sql"], {"currency": "kzt"})]
    assert [(r["value"], r["article"], Path(r["source"]).name) for r in rows] == [
        (120000000000.0, "(untitled article 1)", "rate_decision_2024.txt"),
        (1800000000.0, "Kazakhstan’s government determined to enhance engagement with civil society", SAMPLE.name),
        (305400000.0, "Kazakhstan’s government determined to enhance engagement with civil society", SAMPLE.name)]
    assert {r["article_id"] for r in rows[1:]} != {rows[0]["article_id"]}


@needs_chromium
def test_news_file_names_leave_every_index_column_on_a_wide_screen(tmp_path):
    """Scraped news files have long names of words and underscores: at 1280 pixels the source
    column wraps at them, and no column hides behind the table's sideways scroll."""
    (tmp_path / "in").mkdir()
    for n in range(3):
        name = f"kz_kozlov_verdict_voa_2012_from_the_archive_of_scraped_pages_{n}.txt"
        (tmp_path / "in" / name).write_text(UNTITLED, encoding="utf-8")
    assert invoke("extract", str(tmp_path / "in"), "--format", "html", "-o", str(tmp_path / "out"), "-q").exit_code == 0
    shown = measure(tmp_path / "out" / "index.html", 1280, tmp_path)
    assert shown["scrollWidth"] <= 1280 and shown["hidden"] == 0
