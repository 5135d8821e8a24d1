"""`kzfacts eval` on a small gold folder made here."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from kzfacts.cli import app

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
