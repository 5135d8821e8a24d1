"""Who works where in every output (issue 37): each person's role beside its organisation, the
role without the body, in the terminal and HTML tables, CSV, JSON, the database and its Datasette
metadata. A hand-made record for each writer (no model); one run through the command line."""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3

import pytest
from rich.console import Console
from typer.testing import CliRunner

from kzfacts.cli import app
from kzfacts.datasette import QUERIES, metadata
from kzfacts.registry import affiliation_cell
from kzfacts.writers import open_writer
from kzfacts.writers.html import page
from kzfacts.writers.sqlite import DatabaseWriter, layout

TEXT = ("Aliya Serikova, chairman of the management board of Caspian Oil, said prices would rise. "
        "Serikova, a former director of the Baltic Energy Institute, agreed. "
        "Marat Bekov, once of <Lab & Co>, declined. Ivan Petrov watched.")
SERIKOVA = "chairman of the management board, Caspian Oil; former director, Baltic Energy Institute"


def span(words: str, nth: int = 0) -> dict:
    """The `nth` place `words` stand in TEXT, as the contract's {"text", "start", "end"}."""
    starts = [m.start() for m in re.finditer(re.escape(words), TEXT)]
    return {"text": words, "start": starts[nth], "end": starts[nth] + len(words)}


def link(organisation: str, role: str | None, former: bool, words: str) -> dict:
    where = span(words)
    return {"organisation": organisation, "role": role, "former": former, "start": where["start"], "end": where["end"]}


def person(name: str, mentions: list[dict], titles: list[str], affiliations: list[dict]) -> dict:
    return {"name": name, "aliases": [], "titles": titles, "affiliations": affiliations, "mentions": mentions}


def organisation(name: str) -> dict:
    return {"name": name, "aliases": [], "mentions": [span(name)]}


PEOPLE = [
    person("Aliya Serikova", [span("Aliya Serikova"), span("Serikova", 1)],
           ["chairman of the management board of Caspian Oil", "former director of the Baltic Energy Institute"],
           [link("Caspian Oil", "chairman of the management board", False,
                 "chairman of the management board of Caspian Oil"),
            link("Baltic Energy Institute", "director", True, "a former director of the Baltic Energy Institute")]),
    person("Marat Bekov", [span("Marat Bekov")], [], [link("<Lab & Co>", None, True, "once of <Lab & Co>")]),
    person("Ivan Petrov", [span("Ivan Petrov")], [], []),
]
RECORD = {"schema_version": "1.1", "source": "made-up.txt", "error": None, "warnings": [], "articles": [{
    "index": 0, "title": "Oil prices", "author": None, "published": None, "published_source": None,
    "start": 0, "end": len(TEXT), "people": PEOPLE,
    "organisations": [organisation("Caspian Oil"), organisation("Baltic Energy Institute"), organisation("<Lab & Co>")],
    "places": [], "dates": [], "figures": [], "quotes": []}]}


def column(rendered: str, header: str) -> str:
    """The text of one column of the first Rich table in `rendered` whose header names it: its cells'
    lines joined by spaces, so a cell wrapped over several lines reads whole again."""
    lines = rendered.splitlines()
    top = next(n for n, line in enumerate(lines) if "┃" in line and f" {header} " in line)
    bars = [i for i, c in enumerate(lines[top]) if c == "┃"]
    left = max(b for b in bars if b < lines[top].index(f" {header} "))
    right = min(b for b in bars if b > left)
    body = []
    for line in lines[top + 2:]:
        if "└" in line:
            break
        body.append(line[left + 1:right].strip())
    return " ".join(filter(None, body))


def test_each_role_reads_beside_its_organisation():
    people = RECORD["articles"][0]["people"]
    assert affiliation_cell(people[0]) == SERIKOVA
    # "former <Lab & Co>" would call the body former; the link is what is past
    assert affiliation_cell(people[1]) == "formerly of <Lab & Co>"
    assert affiliation_cell(people[2]) == ""
    assert affiliation_cell({"name": "X", "affiliations": None}) == ""  # `load` takes a null list


def test_the_terminal_table_shows_works_for_at_100_columns():
    out = io.StringIO()
    writer = open_writer("table", out, many=False, console=Console(file=out, width=100, color_system=None))
    writer.write(RECORD)
    rendered = out.getvalue()
    assert max(len(line) for line in rendered.splitlines()) <= 100
    works = column(rendered, "works for")
    assert SERIKOVA in works and "formerly of <Lab & Co>" in works
    assert "Aliya Serikova" in column(rendered, "name")


def test_the_html_table_and_marks_show_works_for_escaped():
    html = page(RECORD, TEXT)
    people = html.split('<table class="facts person">')[1].split("</table>")[0]
    assert '<th scope="col">works for</th>' in people
    assert f"<tr><td>Aliya Serikova</td><td>{RECORD['articles'][0]['people'][0]['titles'][0]}; " in people
    assert f"<td>{SERIKOVA}</td>" in people
    assert "<td>formerly of &lt;Lab &amp; Co&gt;</td>" in people
    assert '<tr><td>Ivan Petrov</td><td></td><td></td><td class="n">1</td></tr>' in people
    assert "<Lab" not in html  # the body's name is text, never a tag
    # every mention of the person says who they work for on hover
    marks = re.findall(r'<mark class="person" data-fact="a0-person-0" title="([^"]*)">', html)
    assert marks == [f"person: Aliya Serikova \u2014 {SERIKOVA}"] * 2
    assert '<mark class="person" data-fact="a0-person-1" title="person: Marat Bekov \u2014 formerly of &lt;Lab' in html
    assert '<mark class="person" data-fact="a0-person-2" title="person: Ivan Petrov">' in html


def test_the_csv_affiliations_cell_has_each_role_once_and_no_body_in_it():
    out = io.StringIO()
    writer = open_writer("csv", out, many=False)
    writer.write(RECORD)
    writer.close()
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")))}
    assert rows["Aliya Serikova"]["affiliations"] == SERIKOVA
    assert rows["Aliya Serikova"]["affiliations"].count("Caspian Oil") == 1
    assert rows["Marat Bekov"]["affiliations"] == "formerly of <Lab & Co>"
    assert rows["Ivan Petrov"]["affiliations"] == "" and rows["Caspian Oil"]["affiliations"] == ""


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_keeps_each_link_as_the_contract_says(fmt):
    out = io.StringIO()
    writer = open_writer(fmt, out, many=False)
    writer.write(RECORD)
    writer.close()
    (serikova, *_) = json.loads(out.getvalue())["articles"][0]["people"]
    assert [(a["role"], a["organisation"], a["former"]) for a in serikova["affiliations"]] == [
        ("chairman of the management board", "Caspian Oil", False), ("director", "Baltic Energy Institute", True)]


def test_the_database_has_one_affiliation_row_per_link_with_its_role(tmp_path):
    writer = DatabaseWriter(tmp_path / "facts.db")
    writer.write(RECORD)
    writer.close()
    with sqlite3.connect(tmp_path / "facts.db") as conn:
        rows = conn.execute("select p.name, f.person, f.role, f.organisation, f.former from affiliations f "
                            "join people p on p.id = f.person_id order by f.id").fetchall()
        works = conn.execute(QUERIES["who_works_where"]["sql"]).fetchall()
    assert rows == [("Aliya Serikova", "Aliya Serikova", "chairman of the management board", "Caspian Oil", 0),
                    ("Aliya Serikova", "Aliya Serikova", "director", "Baltic Energy Institute", 1),
                    ("Marat Bekov", "Marat Bekov", None, "<Lab & Co>", 1)]
    assert ("Aliya Serikova", "director", "Baltic Energy Institute", 1) in works


def test_datasette_metadata_describes_every_affiliations_column():
    tables = metadata("facts.db")["databases"]["facts"]["tables"]
    described = set(tables["affiliations"]["columns"])
    assert set(layout()["affiliations"]) - {"id", "article_id"} <= described
    assert "role" in tables["affiliations"]["facets"]
    assert "affiliations" in tables["people"]["columns"]


def test_the_command_line_shows_who_a_person_works_for(monkeypatch):
    text = ("Aliya Serikova, chairman of the management board of the Caspian Oil Company, said the grid would "
            "be ready. Serikova, a former director of the Baltic Energy Institute, agreed.")
    runner = CliRunner()
    table = runner.invoke(app, ["extract", "-", "-q"], input=text, env={"COLUMNS": "100"})
    assert table.exit_code == 0, table.stderr
    assert column(table.stdout, "works for") == ("chairman of the management board, Caspian Oil Company; "
                                                 "former director, Baltic Energy Institute")
    data = runner.invoke(app, ["extract", "-", "--format", "csv"], input=text)
    rows = [r for r in csv.DictReader(io.StringIO(data.stdout.lstrip("\ufeff"))) if r["type"] == "person"]
    assert [(r["text"], r["affiliations"]) for r in rows] == [
        ("Aliya Serikova", "chairman of the management board, Caspian Oil Company; "
                           "former director, Baltic Energy Institute")]
