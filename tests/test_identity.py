"""One identity per person and organisation across a corpus: spellings, case, acronyms, surnames."""
from __future__ import annotations

import pytest

from kzfacts.identity import Item, display_name, identities, spelling_key


@pytest.mark.parametrize("a, b", [
    ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokaev"), ("Nazarbayev", "Nazarbaev"), ("Mirziyoyev", "Mirziyoev"),
    ("Republican Party", "Republican party"), ("the World Bank", "World Bank"), ("Gazprom’s", "Gazprom"),
    ("Société Générale", "Societe Generale"),
])
def test_spellings_of_one_name_share_a_key(a, b):
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize("a, b", [("European Union", "Soviet Union"), ("Maria Lopez", "Mario Lopez"),
                                  ("Kazakh Parliament", "European Parliament")])
def test_different_names_do_not(a, b):
    assert spelling_key(a) != spelling_key(b)


def ids(*items: Item) -> list[int]:
    return identities(items)


def test_a_surname_joins_the_one_full_name_it_ends():
    got = ids(Item("people", "Kassym-Jomart Tokayev"), Item("people", "Tokayev"), Item("people", "Tokaev"),
              Item("people", "Kassym-Jomart Tokaev"))
    assert len(set(got)) == 1


def test_two_people_with_one_surname_stay_apart_and_the_surname_joins_neither():
    got = ids(Item("people", "John Smith"), Item("people", "Jane Smith"), Item("people", "Smith"))
    assert len(set(got)) == 3


def test_an_acronym_joins_the_long_form_an_article_links_it_to():
    got = ids(Item("organisations", "European Union", acronym="EU"), Item("organisations", "EU"),
              Item("organisations", "Eurasian Economic Union", ["EAEU"]), Item("organisations", "EAEU"),
              Item("organisations", "Soviet Union"))
    assert got[0] == got[1] and got[2] == got[3] and len(set(got)) == 3


def test_an_acronym_of_two_long_forms_joins_neither():
    got = ids(Item("organisations", "Asian Development Bank", acronym="ADB"),
              Item("organisations", "African Development Bank", acronym="ADB"), Item("organisations", "ADB"))
    assert len(set(got)) == 3


def test_people_and_bodies_never_share_an_identity():
    got = ids(Item("people", "Jordan"), Item("organisations", "Jordan"))
    assert got[0] != got[1]


def test_the_display_name_is_the_fullest_form():
    assert display_name(["Tokayev", "Kassym-Jomart Tokayev", "Tokayev"]) == "Kassym-Jomart Tokayev"
    assert display_name(["Republican party", "Republican Party", "Republican Party"]) == "Republican Party"
    assert display_name(["EU", "European Union"]) == "European Union"


CORPUS = {
    "a.txt": "Tokayev meets EU envoy\n\nPresident Kassym-Jomart Tokayev met John Smith, the European Union's special "
             "envoy, in Astana on Monday. The European Union (EU) pledged 5 million euros. Leaders of the Republican "
             "Party in the United States also sent a delegation.\n",
    "b.txt": "Smith returns\n\nPresident Tokaev received Jane Smith, an adviser to the World Bank, in Almaty. "
             "\"We will help,\" Smith said. Tokaev thanked the EU for its support, and the Republican party said it "
             "would send observers.\n",
    "c.txt": "Tokayev speaks\n\nTokayev said the EU would open an office. John Smith and Jane Smith attended the "
             "meeting.\n",
}


def test_a_corpus_gives_one_identity_per_person_and_body(tmp_path):
    import json
    import sqlite3

    from typer.testing import CliRunner

    from kzfacts.cli import app

    for name, text in CORPUS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "facts.db"
    assert CliRunner().invoke(app, ["extract", str(tmp_path), "--db", str(db), "-q", "-j", "1"]).exit_code == 0
    with sqlite3.connect(db) as conn:
        entities = {(t, n): (json.loads(a), arts) for t, n, a, arts in
                    conn.execute("select type, name, aliases, articles from entities")}
        unlinked = conn.execute("select count(*) from people where entity_id is null").fetchone()[0]
    assert entities[("person", "Kassym-Jomart Tokayev")] == (["Tokaev", "Tokayev"], 3)
    assert entities[("person", "John Smith")][1] == 2 and entities[("person", "Jane Smith")][1] == 2
    assert ("person", "Smith") not in entities or entities[("person", "Smith")][1] == 1  # neither Smith
    assert entities[("organisation", "European Union")] == (["EU"], 3)
    assert entities[("organisation", "Republican Party")] == (["Republican party"], 2)
    assert unlinked == 0
    summary = CliRunner().invoke(app, ["summary", str(tmp_path), "--format", "json"])
    people = {r["name"]: r for r in json.loads(summary.stdout)["people"]}
    assert people["Kassym-Jomart Tokayev"]["articles"] == 3 and "President" in people["Kassym-Jomart Tokayev"]["roles"]


def test_an_acronym_the_gazetteer_knows_joins_its_body_across_articles(tmp_path):
    import json

    from typer.testing import CliRunner

    from kzfacts.cli import app

    (tmp_path / "a.txt").write_text("The GOP said it would fight the bill in the Senate.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The Republican Party chose its candidate on Monday.\n", encoding="utf-8")
    summary = CliRunner().invoke(app, ["summary", str(tmp_path), "--format", "json", "-j", "1"])
    orgs = {r["name"]: r for r in json.loads(summary.stdout)["organisations"]}
    assert orgs["Republican Party"]["articles"] == 2 and "GOP" in orgs["Republican Party"]["aliases"]
    assert not json.loads(summary.stdout)["people"]
