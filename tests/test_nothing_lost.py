"""Every input gets its own result: unique output names, a database key per input, output folders
that cannot overwrite inputs, and one line (not a traceback) for every output that cannot be written."""
from __future__ import annotations

import json
import multiprocessing
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kzfacts.inputs import OUTPUT_MARKER, _url_name, safe_segment

from .conftest import ROOT, invoke, one_line

TEXT = "Minister Jane Doe opened the bridge in Astana."


HOSTILE_IDS = ["dup", "dup", "a/b", "a_b", "x", "x.txt", "L" * 130 + "1", "L" * 130 + "2", "3", None, None,
               ".", "..", "A", "a", "index", "../../escape", "sp ace", "\ud800"]


def hostile_feed(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for ident in HOSTILE_IDS:
            item = {"text": TEXT} if ident is None else {"id": ident, "text": TEXT}
            fh.write(json.dumps(item) + "\n")
    return path


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_every_line_of_a_hostile_feed_gets_its_own_file(tmp_path, fmt):
    feed = hostile_feed(tmp_path / "feed.jsonl")
    out = tmp_path / "out"
    result = invoke("extract", str(feed), "-o", str(out), "--format", fmt, "-q", "-j", "1")
    assert result.exit_code == 0, result.stderr
    files = [p for p in out.rglob(f"*.{fmt}") if p.name != "index.html" or p.parent != out]
    assert len(files) == len(HOSTILE_IDS)
    assert all(p.resolve().is_relative_to(out.resolve()) for p in files)
    assert not any(part.startswith(".") for p in files for part in p.relative_to(out).parts)
    if fmt == "json":
        recs = [json.loads(p.read_text(encoding="utf-8")) for p in files]
        assert sorted(r.get("origin", r["source"]) for r in recs) == sorted(f"{feed}#{n}" for n in
                                                                             range(1, len(HOSTILE_IDS) + 1))
    # a second run with --skip-existing finds every file under the same name: nothing is redone
    again = invoke("extract", str(feed), "-o", str(out), "--format", fmt, "-q", "-j", "1", "--skip-existing")
    assert again.exit_code == 0 and sorted(out.rglob(f"*.{fmt}")) == sorted([*files, *out.glob("index.html")])


def test_names_are_plain_where_they_can_be_and_hashed_where_they_cannot():
    assert safe_segment("news-2021_03.a") == "news-2021_03.a"
    assert safe_segment("a/b") != "a_b" and safe_segment("a/b").startswith("a_b-")
    assert safe_segment(".").startswith("_-") and not safe_segment("..").startswith(".")
    assert len(safe_segment("x" * 300)) == 120 + 9
    assert safe_segment("x" * 300) != safe_segment("x" * 299)
    page, query, fragment = (_url_name(u) for u in ("https://a.kz/news/1", "https://a.kz/news/1?p=2",
                                                     "https://a.kz/news/1#top"))
    assert page == "a.kz_news_1.html" and len({page, query, fragment}) == 3


def test_a_file_named_like_the_index_page_keeps_its_page(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "index.txt").write_text(TEXT, encoding="utf-8")
    (news / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("extract", str(news), "-o", str(out), "--format", "html", "-q", "-j", "1").exit_code == 0
    pages = sorted(p.name for p in out.glob("*.html"))
    assert len(pages) == 3 and "index.html" in pages and "a.html" in pages
    index = (out / "index.html").read_text(encoding="utf-8")
    assert next(p for p in pages if p.startswith("index-")) in index


def test_long_file_names_are_written_and_the_index_kept(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    long = "n" * 240 + ".txt"
    (news / long).write_text(TEXT, encoding="utf-8")
    (news / "b.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("extract", str(news), "-o", str(out), "--format", "html", "-q", "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert (out / "index.html").exists() and len(list(out.glob("n*.html"))) == 1


def db_rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_two_feeds_with_the_same_ids_keep_all_their_rows(tmp_path):
    feeds = []
    for name in ("a", "b"):
        feed = tmp_path / f"{name}.jsonl"
        feed.write_text("".join(json.dumps({"id": str(i), "text": f"{TEXT} Report {name}{i}."}) + "\n"
                                for i in range(3)), encoding="utf-8")
        feeds.append(str(feed))
    dup = tmp_path / "dup.jsonl"
    dup.write_text(json.dumps({"id": "7", "text": TEXT}) + "\n" + json.dumps({"id": "7", "text": TEXT}) + "\n")
    db = tmp_path / "facts.db"
    assert invoke("extract", *feeds, str(dup), "--db", str(db), "-q", "-j", "1").exit_code == 0
    assert db_rows(db, "select count(*), count(distinct source) from sources") == [(8, 4)]
    assert db_rows(db, "select count(*) from articles") == [(8,)]
    again = invoke("extract", *feeds, str(dup), "--db", str(db), "-q", "-j", "1", "--skip-existing",
                   "--format", "jsonl")
    assert again.exit_code == 0 and again.stdout == ""  # all eight skipped, none lost
    assert db_rows(db, "select count(*) from sources") == [(8,)]


def test_an_old_database_is_refused_in_one_line(tmp_path):
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table sources (source text primary key, error_type text)")
    result = invoke("extract", "-", "--db", str(db), input=TEXT)
    assert result.exit_code == 2 and "older kzfacts" in one_line(result)


@pytest.mark.parametrize("where", ["same", "inside"])
def test_the_output_folder_may_not_be_an_input_folder(tmp_path, where):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(TEXT, encoding="utf-8")
    out = news if where == "same" else news / "facts"
    result = invoke("extract", str(news), "-o", str(out), "--format", "table")
    assert result.exit_code == 2 and "input folder" in one_line(result)
    assert (news / "a.txt").read_text(encoding="utf-8") == TEXT and sorted(p.name for p in news.iterdir()) == ["a.txt"]


def test_an_input_file_inside_the_output_folder_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = invoke("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path), "--format", "table")
    assert result.exit_code == 2 and "holds the input" in one_line(result)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == TEXT


def test_walks_skip_kzfacts_own_output(tmp_path):
    news = tmp_path / "root" / "news"
    news.mkdir(parents=True)
    (news / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "root" / "pages"
    assert invoke("extract", str(news), "-o", str(out), "--format", "html", "-q", "-j", "1").exit_code == 0
    assert (out / OUTPUT_MARKER).exists() and (out / "index.html").exists()
    result = invoke("extract", str(tmp_path / "root"), "--format", "jsonl", "-q", "-j", "1")
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(news / "a.txt")]


@pytest.mark.parametrize("case", ["file", "missing_parent", "folder_db", "not_a_db", "nodir_db"])
def test_unusable_outputs_are_one_line_before_the_model_loads(tmp_path, case):
    (tmp_path / "afile").write_text("x")
    (tmp_path / "junk.db").write_bytes(b"this is not a database" * 100)
    args = {"file": ["-o", str(tmp_path / "afile")],
            "missing_parent": ["-o", "/proc/kzfacts-cannot-be-here"],
            "folder_db": ["--db", str(tmp_path)],
            "not_a_db": ["--db", str(tmp_path / "junk.db")],
            "nodir_db": ["--db", str(tmp_path / "nodir" / "x.db")]}[case]
    result = invoke("extract", "-", *args, "--model", "no_such_model_so_loading_would_fail", input=TEXT)
    assert result.exit_code == 2
    line = one_line(result)
    assert "no_such_model" not in line  # refused before the model was looked for
    assert "kzfacts:" in line


def test_a_folder_that_cannot_be_written_mid_run_is_one_line_and_exit_1(tmp_path, monkeypatch):
    import kzfacts.writers as writers

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": str(i), "text": TEXT}) + "\n" for i in range(4)))
    real = writers.write_file
    calls = []

    def full_disk(path, *args, **kwargs):
        calls.append(path)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(writers, "write_file", full_disk)
    result = invoke("extract", str(feed), "-o", str(tmp_path / "out"), "-q", "-j", "1")
    assert result.exit_code == 1 and "No space left on device" in one_line(result)


def test_an_output_folder_removed_mid_run_is_reported(tmp_path, monkeypatch):
    import shutil

    import kzfacts.writers as writers

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": str(i), "text": TEXT}) + "\n" for i in range(3)))
    out = tmp_path / "out"
    real = writers.write_file

    def then_remove(path, *args, **kwargs):
        real(path, *args, **kwargs)
        shutil.rmtree(out)

    monkeypatch.setattr(writers, "write_file", then_remove)
    result = invoke("extract", str(feed), "-o", str(out), "-q", "-j", "1")
    assert result.exit_code == 1 and "output folder is gone" in one_line(result) and not out.exists()


def _open(path: str) -> str:
    from kzfacts.writers.sqlite import open_database

    try:
        open_database(path).conn.close()
        return "ok"
    except Exception as exc:  # reported to the test
        return repr(exc)


def test_two_processes_creating_one_database_at_once(tmp_path):
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        for n in range(20):
            path = str(tmp_path / f"db{n}.db")
            assert pool.map(_open, [path, path]) == ["ok", "ok"]


def test_a_path_over_the_name_limit_is_an_error_record(tmp_path):
    long = str(tmp_path / ("p" * 300 + ".txt"))
    result = invoke("extract", long, "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["type"] in ("unreadable", "not_found")
    assert "File name too long" in one_line(result)


def test_non_utf8_urls_and_patterns_files_are_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Астана".encode("cp1251"))
    for option in ("--urls", "--patterns"):
        result = invoke("extract", "-", option, str(bad), input=TEXT)
        assert result.exit_code == 2 and "UTF-8" in one_line(result)
    missing = invoke("extract", "-", "--patterns", str(tmp_path / "nope.jsonl"), input=TEXT)
    assert missing.exit_code == 2 and "no such file" in one_line(missing)


@pytest.mark.parametrize("encoding_option", [[], ["--encoding", "utf-16"]])
def test_utf16_json_lines(tmp_path, encoding_option):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"n{i}", "text": TEXT}) + "\n" for i in range(3)), encoding="utf-16")
    result = invoke("extract", str(feed), "--format", "jsonl", "-q", "-j", "1", *encoding_option)
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0, result.stderr
    assert [r["source"] for r in recs] == ["n0", "n1", "n2"] and all(r["articles"] for r in recs)


def test_a_published_that_is_no_date_is_warned_once_per_file(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": TEXT, "published": "yesterday"}) + "\n" for _ in range(3)))
    result = invoke("extract", str(feed), "--format", "jsonl", "-j", "1")
    assert result.exit_code == 0
    assert "'published' 'yesterday' is not a date" in one_line(result) and f"{feed}#1" in one_line(result)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "html", "table"])
def test_a_lone_surrogate_in_an_id_is_written_in_every_format(tmp_path, fmt):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "bad\ud800id", "title": "t\udfff", "text": TEXT}) + "\n"
                    + json.dumps({"id": "next", "text": TEXT}) + "\n")
    done = subprocess.run([sys.executable, "-m", "kzfacts", "extract", str(feed), "--format", fmt, "-q", "-j", "1"],
                          capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
    out = done.stdout.decode("utf-8")
    assert "bad\ufffdid" in out and "next" in out
    db = tmp_path / "f.db"
    assert invoke("extract", str(feed), "--db", str(db), "-q", "-j", "1").exit_code == 0
    assert db_rows(db, "select source from sources order by source") == [("bad\ufffdid",), ("next",)]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    import csv
    import io

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "=HYPERLINK(\"http://x\",\"y\")", "title": "+cmd|' /C calc'!A0",
                                "text": "“=SUM(A1:A9) is the answer,” said Jane Doe. Prices fell -5%."}) + "\n")
    result = invoke("extract", str(feed), "--format", "csv", "-q", "-j", "1")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    cells = [v for row in rows for v in row.values() if v]
    def number(v: str) -> bool:
        try:
            float(v)
            return True
        except ValueError:
            return False

    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in cells if not number(v))
    assert rows[0]["source"] == "'=HYPERLINK(\"http://x\",\"y\")" and rows[0]["title"] == "'+cmd|' /C calc'!A0"
    quote = next(r for r in rows if r["type"] == "quote")
    assert quote["text"].startswith("'=SUM(A1:A9) is the answer") and quote["speaker"] == "Jane Doe"
    figure = next(r for r in rows if r["type"] == "figure")
    assert figure["value"] in ("-5", "-5.0") and figure["text"] == "'-5%"  # the number stays a number
    raw = invoke("extract", str(feed), "--format", "csv", "-q", "-j", "1", "--csv-raw")
    assert next(csv.DictReader(io.StringIO(raw.stdout.lstrip("\ufeff"))))["source"].startswith("=HYPERLINK")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "html"])
def test_facts_selects_fact_types_in_every_format(fmt):
    text = "“We will build 12 schools,” Minister Jane Doe said in Astana on 3 March 2021."
    result = invoke("extract", "-", "--format", fmt, "--facts", "quotes", input=text)
    assert result.exit_code == 0
    if fmt in ("json", "jsonl"):
        (art,) = json.loads(result.stdout)["articles"]
        assert len(art["quotes"]) == 1 and art["people"] == art["dates"] == art["figures"] == art["places"] == []
    elif fmt == "csv":
        assert {line.split(",")[3] for line in result.stdout.splitlines()[1:]} == {"quote"}
    else:
        assert 'data-fact="a0-quote-0"' in result.stdout and 'data-fact="a0-person' not in result.stdout
