"""`kzfacts eval` on a small gold folder made here."""
from __future__ import annotations

import json
import os
import re

import pytest
from typer.testing import CliRunner

from kzfacts.cli import app

from .conftest import one_line

TEXT = ("Minister Jane Doe opened the bridge on 3 March 2021. “We will invest $5 million,” Doe said. "
        "The World Bank agreed.\n")


def gold_folder(tmp_path, people):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"reference_date": "2021-03-04", "articles": [{
        "people": people,
        "organisations": [{"name": "World Bank"}],
        "dates": [{"text": "3 March 2021", "value": "2021-03-03"}],
        "quotes": [{"text": "We will invest $5 million", "speaker": "Jane Doe"}]}]}), encoding="utf-8")
    return tmp_path


def test_eval_scores_a_gold_folder(tmp_path):
    folder = gold_folder(tmp_path, [{"name": "Jane Doe"}, {"name": "John Roe"}])
    result = CliRunner().invoke(app, ["eval", str(folder), "--format", "json", "--errors", "5"])
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert (scores["people"]["tp"], scores["people"]["fp"], scores["people"]["fn"]) == (1, 0, 1)
    assert scores["people"]["errors"] == ["a.txt#0: missed 'John Roe'"]
    assert scores["organisations"]["f1"] == 1.0 and scores["dates"]["value_acc"] == 1.0
    assert scores["quotes"]["attribution_acc"] == 1.0 and not scores["figures"]["scored"]


def test_eval_prints_a_table_and_refuses_a_folder_without_gold(tmp_path):
    (tmp_path / "g").mkdir()
    folder = gold_folder(tmp_path / "g", [{"name": "Jane Doe"}])
    table = CliRunner().invoke(app, ["eval", str(folder)])
    assert table.exit_code == 0 and "people           1.000  1.000  1.000" in table.stdout
    assert "figures         not annotated" in table.stdout
    empty = CliRunner().invoke(app, ["eval", str(tmp_path / "nothing")])
    assert empty.exit_code == 2 and "no NAME.gold.json" in empty.stderr


# hostile gold folders (issue 35, item 8): a bad gold file is skipped with one line on stderr naming it,
# the others are scored, and the exit code is 1

def eval_json(folder, *args):
    result = CliRunner().invoke(app, ["eval", str(folder), "--format", "json", *args])
    return result, (json.loads(result.stdout) if result.stdout.strip() else None)


def write_gold(path, gold, text: str | None = TEXT):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(gold if isinstance(gold, str) else json.dumps(gold), encoding="utf-8")
    if text is not None:
        path.with_name(path.name.removesuffix(".gold.json") + ".txt").write_text(text, encoding="utf-8")


JANE = {"articles": [{"people": [{"name": "Jane Doe"}]}]}
SECRET = "Chief Spy Boris Badenov met Natasha Fatale in Pottsylvania.\n"


@pytest.mark.parametrize("named", ["../secret/notes.txt", "ABSOLUTE", "link.txt", "sub/../../secret/notes.txt"])
def test_a_text_outside_the_gold_folder_is_never_read(tmp_path, named):
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "notes.txt").write_text(SECRET, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "link.txt").symlink_to(tmp_path / "secret" / "notes.txt")
    named = str(tmp_path / "secret" / "notes.txt") if named == "ABSOLUTE" else named
    write_gold(gold / "a.gold.json", {"file": named, "articles": [{"people": []}]}, text=None)
    write_gold(gold / "b.gold.json", {"file": "notes.txt", **JANE}, text=None)
    (gold / "notes.txt").write_text(TEXT, encoding="utf-8")
    result, scores = eval_json(gold, "--errors", "50")
    assert "Badenov" not in result.stdout and "Natasha" not in result.stdout
    line = one_line(result)
    assert line.startswith("kzfacts: a.gold.json: ") and "outside the gold folder" in line
    assert result.exit_code == 1 and scores["skipped"] == ["a.gold.json"]
    assert (scores["people"]["tp"], scores["people"]["fp"], scores["people"]["fn"]) == (1, 0, 0)


def test_a_gold_file_linked_from_outside_is_not_read(tmp_path):
    (tmp_path / "secret.gold.json").write_text(json.dumps({"file": "/etc/hostname", "articles": []}),
                                               encoding="utf-8")
    gold = tmp_path / "gold"
    write_gold(gold / "a.gold.json", JANE)
    (gold / "z.gold.json").symlink_to(tmp_path / "secret.gold.json")
    result, scores = eval_json(gold)
    line = one_line(result)
    assert line.startswith("kzfacts: z.gold.json: ") and "outside the gold folder" in line
    assert result.exit_code == 1 and scores["skipped"] == ["z.gold.json"] and scores["people"]["tp"] == 1


def test_gold_files_and_texts_in_subfolders_are_scored(tmp_path):
    write_gold(tmp_path / "sub" / "b.gold.json", JANE)  # its text beside it: sub/b.txt
    write_gold(tmp_path / "a.gold.json", {"file": "deep/a.txt", **JANE}, text=None)
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "a.txt").write_text(TEXT, encoding="utf-8")
    result, scores = eval_json(tmp_path)
    assert result.exit_code == 0 and result.stderr == "" and scores["missing_files"] == []
    assert (scores["people"]["tp"], scores["people"]["fn"]) == (2, 0)


NESTED = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("content, reason", [
    ("[]", "a JSON object"),
    (NESTED, "nested"),
    ('{"articles": [{"figures": [{"text": "$5 million", "value": NaN}]}]}', "NaN"),
    ('{"articles": [{"figures": [{"text": "$5 million", "value": Infinity}]}]}', "Infinity"),
    ('{"articles": [{"figures": [{"text": "$5 million", "value": 1e400}]}]}', "1e400"),
    ('{"articles": [{"figures": [{"text": "$5 million", "value": "5000000"}]}]}', "articles[0].figures[0].value"),
    ('{"articles": [{"people": [{"name": 5}]}]}', "articles[0].people[0].name"),
    ('{"articles": [{"people": ["Jane Doe"]}]}', "articles[0].people[0]"),
    ('{"articles": [{"people": [{"aliases": ["Doe"]}]}]}', "articles[0].people[0] has no 'name'"),
    ('{"articles": [{"quotes": [{"text": "We will", "speaker": [5]}]}]}', "articles[0].quotes[0].speaker"),
    ('{"articles": [{"figures": [{"text": "$5", "value": 5, "unit": 5}]}]}', "articles[0].figures[0].unit"),
    ('{"articles": {"people": []}}', "articles"),
    ('{"people": []}', "articles"),
    ('{"file": 7, "articles": []}', "file"),
    ('{"reference_date": "2021-13-45", "articles": []}', "reference_date"),
    ('{"articles": [}', "not JSON"),
    (b"\xff\xfe\x00{", "UTF-8"),
    ("FOLDER", "folder"),
    ("FIFO", "not a regular file"),
])
def test_a_bad_gold_file_is_skipped_with_one_line(tmp_path, content, reason):
    write_gold(tmp_path / "a.gold.json", JANE)
    bad = tmp_path / "z.gold.json"
    if content == "FOLDER":
        bad.mkdir()
    elif content == "FIFO":  # opening it for reading would wait for a writer for ever
        os.mkfifo(bad)
    elif isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    (tmp_path / "z.txt").write_text(TEXT, encoding="utf-8")
    result, scores = eval_json(tmp_path)
    line = one_line(result)
    assert line.startswith("kzfacts: z.gold.json: ") and reason in line and "docs/GOLD.md" in line
    assert result.exit_code == 1 and scores["skipped"] == ["z.gold.json"]
    assert (scores["people"]["tp"], scores["people"]["fn"]) == (1, 0) and not scores["figures"]["scored"]


@pytest.mark.parametrize("data, reason", [(b"Caf\xe9 news, \xff\xfe", "not UTF-8"), ("FOLDER", "folder"),
                                          ("FIFO", "not a regular file")])
def test_a_bad_text_is_named_not_blamed_on_its_gold_file(tmp_path, data, reason):
    write_gold(tmp_path / "a.gold.json", JANE)
    write_gold(tmp_path / "z.gold.json", JANE, text=None)
    if data == "FOLDER":
        (tmp_path / "z.txt").mkdir()
    elif data == "FIFO":
        os.mkfifo(tmp_path / "z.txt")
    else:
        (tmp_path / "z.txt").write_bytes(data)
    result, scores = eval_json(tmp_path)
    line = one_line(result)
    assert line.startswith("kzfacts: z.txt: ") and reason in line and "z.gold.json" in line
    assert result.exit_code == 1 and scores["skipped"] == ["z.gold.json"]
    assert scores["people"]["tp"] == 1


def test_an_aliases_string_is_one_alias_not_letters(tmp_path):
    write_gold(tmp_path / "a.gold.json", {"articles": [{"people": [{"name": "J. Doe", "aliases": "Jane Doe"}]}]})
    result, scores = eval_json(tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (scores["people"]["tp"], scores["people"]["fp"], scores["people"]["fn"]) == (1, 0, 0)


def test_the_shipped_sample_gold_scores_with_real_numbers():
    """Issue 41: the README's `kzfacts eval docs/gold-example/` runs at once from a checkout. The counts
    are the hand-made gold's own (what kzfacts finds may change; what the gold holds does not)."""
    from .conftest import ROOT

    gold = ROOT / "docs" / "gold-example"
    result = CliRunner().invoke(app, ["eval", str(gold), "--format", "json", "--errors", "5"])
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["missing_files"] == [] and not scores.get("skipped")
    gold_counts = {"people": 4, "organisations": 10, "dates": 23, "figures": 9, "quotes": 2, "affiliations": 1}
    for category, count in gold_counts.items():
        row = scores[category]
        assert row["scored"] and row["tp"] + row["fn"] == count, (category, row)
        assert 0.5 < row["f1"] <= 1.0 and row["tp"] > 0, (category, row)
    assert scores["dates"]["value_acc"] is not None and scores["figures"]["subject_acc"] is not None
    table = CliRunner().invoke(app, ["eval", str(gold)]).stdout
    assert re.search(r"^people +\d\.\d{3} +\d\.\d{3} +\d\.\d{3}", table, flags=re.M), table
