"""Batches: JSON Lines input, output folders, resuming, parallel and Dask engines, the corpus summary."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import SAMPLE, invoke, on_a_terminal, one_line

ARTICLE = "Minister praises plan\n\n“We will finish the road in 2022,” said Transport Minister Jane Doe on Monday.\n"


def jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(ARTICLE.replace("Jane Doe", "John Roe"), encoding="utf-8")
    (root / "sub" / "digest.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_jsonl_input(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "story-1", "text": "Sales fell last year, said Jane Doe.", "published": "2021-04-02", "title": "Sales"},
        {"text": "“Output is up,” said John Roe."},
        "not an object",
        {"body": "no text field"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    result = invoke("extract", str(path), "--format", "jsonl")
    recs = jsonl(result)
    assert [r["source"] for r in recs] == ["story-1", f"{path}#2", f"{path}#3", f"{path}#4", f"{path}#5"]
    first = recs[0]["articles"][0]
    assert first["title"] == "Sales" and first["dates"][0]["value"] == "2020"  # published is the reference date
    assert recs[1]["articles"][0]["quotes"][0]["speaker"] == "John Roe"
    assert [r["error"]["type"] for r in recs[2:]] == ["bad_jsonl"] * 3
    assert result.exit_code == 1


def test_text_key(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"body": "“Yes,” said Jane Doe."}) + "\n", encoding="utf-8")
    (rec,) = jsonl(invoke("extract", str(path), "--format", "jsonl", "--text-key", "body"))
    assert rec["articles"][0]["quotes"][0]["speaker"] == "Jane Doe"


def test_output_dir_mirrors_folders_and_resumes(corpus, tmp_path):
    out = tmp_path / "out"
    result = invoke("extract", str(corpus), "--output-dir", str(out), "-j", "1")
    assert result.exit_code == 0 and result.stdout == ""
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert files == ["a.json", "sub/b.json", "sub/digest.json"]
    assert json.loads((out / "sub" / "b.json").read_text())["articles"][0]["quotes"][0]["speaker"] == "John Roe"
    assert not list(out.rglob("*.tmp"))
    (out / "a.json").write_text("{}", encoding="utf-8")
    (out / "sub" / "b.json").unlink()
    invoke("extract", str(corpus), "--output-dir", str(out), "--skip-existing", "-j", "1")
    assert (out / "a.json").read_text() == "{}"  # skipped
    assert (out / "sub" / "b.json").exists()  # redone


def test_skip_existing_needs_output_dir(corpus):
    assert invoke("extract", str(corpus), "--skip-existing").exit_code == 2


def test_parallel_output_equals_serial(corpus):
    serial = invoke("extract", str(corpus), "--format", "jsonl", "-j", "1").stdout
    parallel = invoke("extract", str(corpus), "--format", "jsonl", "-j", "2").stdout
    assert serial == parallel and len(serial.splitlines()) == 3


def test_dask_local_cluster_output_equals_local(corpus):
    pytest.importorskip("distributed")
    local = invoke("extract", str(corpus), "--format", "jsonl", "-j", "1").stdout
    dask = invoke("extract", str(corpus), "--format", "jsonl", "--engine", "dask", "-j", "2")
    assert dask.exit_code == 0, dask.stderr
    assert dask.stdout == local


def test_summary_from_articles_and_from_records(corpus, tmp_path):
    records = invoke("extract", str(corpus), "--format", "jsonl", "-j", "1").stdout
    from_stdin = json.loads(invoke("summary", "-", "--format", "json", input=records).stdout)
    from_articles = json.loads(invoke("summary", str(corpus), "--format", "json", "-j", "1").stdout)
    assert from_stdin == from_articles
    assert from_stdin["files"] == 3 and from_stdin["articles"] == 6
    quoted = {r["name"]: r for r in from_stdin["most_quoted_people"]}
    assert quoted["Jane Doe"]["quotes"] == 1 and quoted["Jane Doe"]["quoted_in_articles"] == 1
    table = invoke("summary", "-", input=records).stdout
    assert "People mentioned most" in table and "Willy Fautre" in table


DB_TEXTS = {
    "a.txt": "President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Astana on Monday.\n\n"
             "“We will build a new railway,” Tokayev said.\n",
    "b.txt": "Tokayev also met officials of the European Bank for Reconstruction and Development (EBRD).\n\n"
             "The EBRD said it would lend $100 million, according to the bank.\n",
    "c.txt": "Transport Minister Jane Doe opened the road on Friday.\n\n“It took two years,” said Jane Doe.\n",
}


def test_summary_reads_a_database_as_it_reads_the_same_jsonl(tmp_path):
    """Issue 41: `kzfacts summary facts.db` once said "1 files, 0 articles, 1 failed"."""
    paths = []
    for name, text in DB_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    db = tmp_path / "facts.db"
    assert invoke("extract", *paths, "--db", str(db), "-j", "1").exit_code == 0
    records = invoke("extract", *paths, "--format", "jsonl", "-j", "1").stdout
    from_jsonl = json.loads(invoke("summary", "-", "--format", "json", input=records).stdout)
    result = invoke("summary", str(db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    from_db = json.loads(result.stdout)
    assert from_db == from_jsonl
    assert (from_db["files"], from_db["articles"], from_db["failed"]) == (3, 3, 0)
    people = {r["name"]: (r["articles"], r["mentions"], r["quotes"]) for r in from_db["people"]}
    assert people["Kassym-Jomart Tokayev"] == (2, 3, 1) and people["Jane Doe"][2] == 1
    assert [r["name"] for r in from_db["organisations"]] == ["European Bank for Reconstruction and Development"]
    # the SQLite header tells a database under any name
    renamed = tmp_path / "facts.out"
    renamed.write_bytes(db.read_bytes())
    assert json.loads(invoke("summary", str(renamed), "--format", "json").stdout) == from_jsonl


def test_summary_names_a_sqlite_file_that_is_not_kzfacts(tmp_path):
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("create table t (x)")
    result = invoke("summary", str(other))
    assert result.exit_code == 1 and result.stdout == ""
    assert one_line(result) == (f"kzfacts: {other}: not a kzfacts database (it has no sources table); "
                                "pass the file written by `kzfacts extract --db`")
    text = tmp_path / "notes.db"
    text.write_text("not a database", encoding="utf-8")
    assert one_line(invoke("summary", str(text))).startswith(f"kzfacts: {text}: not a kzfacts database (")


def test_the_end_line_of_a_resumed_run_counts_the_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"a{n}.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("extract", str(corpus / "a0.txt"), str(corpus / "a1.txt"), "-o", str(out), "-j", "1").exit_code == 0
    code, said = on_a_terminal("extract", str(corpus), "-o", str(out), "--skip-existing", "-j", "1")
    assert code == 0
    assert f"kzfacts: 3 inputs: 2 skipped, 1 ok, 0 failed, 1 article → {out}" in said
    code, said = on_a_terminal("extract", str(corpus), "-o", str(out), "--skip-existing", "-j", "1")
    assert f"kzfacts: 3 inputs: 3 skipped, 0 ok, 0 failed, 0 articles → {out}" in said


def test_the_progress_bar_counts_only_the_work_left():
    import io

    from rich.console import Console

    from kzfacts.console import Progress

    progress = Progress(False, console=Console(file=io.StringIO(), force_terminal=True), total=40)
    with progress as advance:
        advance({"articles": [{}]}, 22)
        assert (progress.bar.tasks[0].total, progress.bar.tasks[0].completed) == (18, 1)
        advance({"articles": []}, 22)
        assert (progress.bar.tasks[0].total, progress.bar.tasks[0].completed) == (18, 2)


def test_the_progress_bar_shrinks_as_skips_are_known_before_any_record():
    import io

    from rich.console import Console

    from kzfacts.console import Progress

    progress = Progress(False, console=Console(file=io.StringIO(), force_terminal=True), total=3)
    with progress as bar:
        for skipped in (1, 2, 3):  # every input done already: no record comes
            bar.skip(skipped)
        assert (progress.bar.tasks[0].total, progress.bar.tasks[0].completed) == (0, 0)
    with Progress(True, total=3) as quiet:
        quiet.skip(1)  # no bar: nothing to do


@pytest.mark.parametrize("count", [1, 999, 1_234_567])
def test_the_interrupt_line_fits_80_columns_with_the_terminals_echo(count):
    from kzfacts import errors
    from kzfacts.console import plural

    line = "^Ckzfacts: " + errors.interrupted(plural(count, "input"), resumable=True)
    assert len(line) <= 80 and line.endswith("; resume with --skip-existing")


def test_help_does_not_import_spacy():
    code = ("import sys; from kzfacts.cli import app; from typer.testing import CliRunner; "
            "CliRunner().invoke(app, ['--help']); CliRunner().invoke(app, ['--version']); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_summary_joins_a_surname_to_the_one_full_name():
    from kzfacts.summary import summarise

    def rec(source, name):
        person = {"name": name, "aliases": [], "titles": [], "mentions": [{"text": name, "start": 0, "end": 1}]}
        quote = {"text": "x", "start": 0, "end": 1, "speaker": name, "speakers": [name], "cue": "said", "partial": False}
        return {"source": source, "error": None, "articles": [{"people": [person], "organisations": [], "quotes": [quote]}]}

    stats = summarise([rec("a", "Tokayev"), rec("b", "Kassym-Jomart Tokayev")])
    (row,) = stats["people"]
    assert (row["name"], row["articles"], row["quotes"]) == ("Kassym-Jomart Tokayev", 2, 2)


CRASH_SCRIPT = """
import os, sys
import kzfacts.runner as runner
real = runner.process_batch
def process_batch(batch, settings):  # the forked workers inherit this patched function
    if any(text.startswith("KILL-THE-WORKER") for _, text, _ in batch):
        os._exit(1)
    return real(batch, settings)
runner.process_batch = process_batch
from kzfacts.cli import main
sys.argv = ["kzfacts", "extract", sys.argv[1], "--format", "jsonl", "-j", "2", "-q"]
main()
"""


def test_a_worker_that_dies_costs_only_its_own_text(corpus):
    (corpus / "sub" / "deadly.txt").write_text("KILL-THE-WORKER " + ARTICLE, encoding="utf-8")
    # its own process: forking inside pytest's process is fragile
    proc = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, str(corpus)], capture_output=True, text=True,
                          timeout=300)
    recs = {os.path.basename(r["source"]): r for r in map(json.loads, proc.stdout.splitlines())}
    assert sorted(recs) == ["a.txt", "b.txt", "deadly.txt", "digest.txt"], proc.stderr
    assert recs["deadly.txt"]["error"]["type"] == "worker_crashed"
    assert recs["b.txt"]["articles"][0]["quotes"][0]["speaker"] == "John Roe"
    assert len(recs["digest.txt"]["articles"]) == 4
    assert proc.returncode == 1 and "deadly.txt" in proc.stderr
