from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from kzfacts import __version__
from kzfacts.cli import app

from .conftest import SAMPLE

TEXT = "Minister praises plan\n\n“We will finish the road in 2022,” said Transport Minister Jane Doe on Monday.\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_help_on_every_command(runner):
    for args in ([], ["extract"], ["schema"]):
        result = runner.invoke(app, [*args, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"kzfacts {__version__}"


def test_jsonl(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--format", "jsonl"])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["source"] == str(article)
    (q,) = record["articles"][0]["quotes"]
    assert q["speaker"] == "Jane Doe" and q["text"] == "We will finish the road in 2022"


def test_json_single_and_many(runner, article, tmp_path):
    single = json.loads(runner.invoke(app, ["extract", str(article), "--format", "json"]).stdout)
    assert single["articles"][0]["title"] == "Minister praises plan"
    many = json.loads(runner.invoke(app, ["extract", str(article), str(article), "--format", "json"]).stdout)
    assert isinstance(many, list) and len(many) == 2


def test_table(runner, article):
    result = runner.invoke(app, ["extract", str(article)], env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 0
    assert "Minister praises plan" in result.stdout and "Jane Doe" in result.stdout
    assert "\x1b[" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_stdin(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=TEXT)
    record = json.loads(result.stdout)
    assert record["source"] == "-" and record["articles"][0]["quotes"][0]["speaker"] == "Jane Doe"


def test_folder_sorted_and_dot_files_skipped(runner, tmp_path):
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    sources = [os.path.basename(json.loads(line)["source"]) for line in result.stdout.splitlines()]
    assert sources == ["a.txt", "b.txt"]


def test_bad_file_gets_an_error_record_and_exit_1(runner, article, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = runner.invoke(app, ["extract", str(binary), str(article), str(tmp_path / "missing.txt"),
                                 "--format", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["error"]["type"] if r["error"] else None for r in records] == ["binary_file", None, "not_found"]
    assert records[1]["articles"][0]["quotes"]
    assert "image.txt" in result.stderr and "Traceback" not in result.stderr


def test_bad_reference_date_is_a_usage_error(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--reference-date", "yesterday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_reference_date_resolves_relative_dates(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Sales fell last year, the company said on Tuesday in a statement to investors.", encoding="utf-8")
    record = json.loads(runner.invoke(app, ["extract", str(path), "--reference-date", "2021-04-02",
                                            "--format", "json"]).stdout)
    values = {d["text"]: d["value"] for d in record["articles"][0]["dates"]}
    assert values == {"last year": "2020", "Tuesday": "2021-03-30"}


def test_schema_command_prints_the_schema(runner):
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert schema["$schema"].endswith("2020-12/schema") and "articles" in schema["properties"]


def test_sample_runs_through_the_cli(runner):
    result = runner.invoke(app, ["extract", str(SAMPLE), "--format", "jsonl"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["articles"]) == 4
