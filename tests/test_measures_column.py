"""Issue 40: what a figure measures is shown where people look (hand-made records)."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

from rich.console import Console

from kzfacts.writers import csv as csv_writer
from kzfacts.writers import html, table
from kzfacts.writers import sqlite as store

TEXT = "Inflation eased to 8.4 percent. The council has 44 members."


def figure(text: str, value: float, unit: str, kind: str, subject: tuple[str, int] | None) -> dict:
    start = TEXT.index(text)
    return {"text": text, "start": start, "end": start + len(text), "value": value, "unit": unit, "kind": kind,
            "approximate": False, "qualifier": None,
            "subject": {"text": subject[0], "start": subject[1], "end": subject[1] + len(subject[0])} if subject else None}


def record() -> dict:
    article = {"index": 0, "title": "Prices", "author": None, "published": None, "start": 0, "end": len(TEXT),
               "people": [], "organisations": [], "places": [], "dates": [], "quotes": [],
               "figures": [figure("8.4 percent", 8.4, "%", "percent", ("Inflation", 0)),
                           figure("44 members", 44, "members", "count", None)]}
    return {"schema_version": "1.1", "source": "prices.txt", "error": None, "articles": [article]}


def test_terminal_table_has_a_measures_column():
    console = Console(file=io.StringIO(), width=160, color_system=None)
    console.print(table.article_panel(record()["articles"][0]))
    out = console.file.getvalue()
    assert "measures" in out
    row = next(line for line in out.splitlines() if "8.4 percent" in line)
    assert "Inflation" in row
    assert "members" in next(line for line in out.splitlines() if "44 members" in line)


def test_html_fact_table_has_a_measures_column():
    out = html.fact_table(record()["articles"][0])
    figures = out[out.index('<table class="facts figure">'):]
    figures = figures[:figures.index("</table>")]
    assert '<th scope="col">measures</th>' in figures
    assert "<td>8.4 percent</td><td class=\"n\">8.4</td><td>%</td><td>percent</td><td>Inflation</td>" in figures
    assert "<td>44 members</td><td class=\"n\">44</td><td>members</td><td>count</td><td></td>" in figures


def test_csv_carries_the_subject():
    stream = io.StringIO()
    writer = csv_writer.open(stream, many=False)
    writer.write(record(), TEXT)
    writer.close()
    rows = [r for r in csv.DictReader(io.StringIO(stream.getvalue())) if r["type"] == "figure"]
    assert [r["subject"] for r in rows] == ["Inflation", ""]


def test_database_carries_the_subject(tmp_path):
    path = tmp_path / "facts.db"
    writer = store.DatabaseWriter(path)
    writer.write(record())
    writer.db.close()
    with sqlite3.connect(path) as db:
        subjects = [row[0] for row in db.execute("select subject from figures order by start")]
    assert json.loads(subjects[0])["text"] == "Inflation" and subjects[1] is None
