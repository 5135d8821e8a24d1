"""Outputs that keep what they hold (issue 35, items 7, 9, 10 and 11): no output path may overwrite
an input or the database, the database keys an input by what it is (its resolved path, a hash of
standard input), a resume retries the inputs that failed, a database that cannot be written is one
line, and two writers of one database leave every entity_id right."""
from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import re
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import invoke, one_line

TEXT = "Minister Jane Doe opened the bridge in Astana."
OTHER = "President John Smith visited the Nazarbayev University in Astana."
BINARY = b"\x00\x01\x02 not text \x00" * 20


def rows(db: Path, sql: str) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


# item 7: no output overwrites an input or the database; the database keys inputs by what they are

@pytest.mark.parametrize("fmt", ["json", "html"])
def test_a_database_inside_the_output_folder_is_never_overwritten(tmp_path, fmt):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    db = out / f"a.{fmt}"  # the very name a.txt's output would get
    args = ("extract", str(tmp_path / "a.txt"), "-o", str(out), "--db", str(db), "--format", fmt, "-q", "-j", "1")
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    assert rows(db, "select source from sources") == [(str(tmp_path / "a.txt"),)]
    (page,) = [p for p in out.glob(f"a*.{fmt}") if p != db]
    assert re.fullmatch(rf"a-[0-9a-f]{{8}}\.{fmt}", page.name)
    assert str(tmp_path / "a.txt") in page.read_text(encoding="utf-8")
    if fmt == "html":  # the index lists the page, not the database
        index = (out / "index.html").read_text(encoding="utf-8")
        assert f'href="./{page.name}"' in index and 'href="./a.html"' not in index
    # the resume finds the same output name, and both outputs hold the input: nothing is redone
    again = invoke(*args, "--skip-existing")
    assert again.exit_code == 0 and again.stderr == ""
    assert rows(db, "select count(*) from sources") == [(1,)]


@pytest.mark.parametrize("name", [".kzfacts-output", "index.html"])
def test_a_database_in_the_place_of_the_folders_own_files_is_refused(tmp_path, name):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    db = out / name
    result = invoke("extract", str(tmp_path / "a.txt"), "-o", str(out), "--db", str(db), "--format", "html")
    assert result.exit_code == 2
    line = one_line(result)
    assert str(db) in line and str(out) in line and "choose" in line
    assert not db.exists()


def test_an_output_folder_holding_an_input_folder_is_refused(tmp_path):
    inner = tmp_path / "out" / "in"
    inner.mkdir(parents=True)
    feed = inner / "feed.jsonl"
    feed.write_text(json.dumps({"id": "1", "text": TEXT}) + "\n", encoding="utf-8")
    before = feed.read_bytes()
    result = invoke("extract", str(inner), "-o", str(tmp_path / "out"), "--format", "jsonl", "-q", "-j", "1")
    assert result.exit_code == 2
    line = one_line(result)
    assert str(tmp_path / "out") in line and str(inner) in line and "outside" in line
    assert feed.read_bytes() == before and sorted(p.name for p in inner.iterdir()) == ["feed.jsonl"]


@pytest.mark.parametrize("case", ["input_file", "read_back"])
def test_a_database_that_is_or_would_be_an_input_is_refused(tmp_path, case):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("", encoding="utf-8")  # empty: SQLite would take it as a new database
    db, target = (news / "a.txt", str(news / "a.txt")) if case == "input_file" else (news / "facts.txt", str(news))
    result = invoke("extract", target, "--db", str(db), "-q", "-j", "1")
    assert result.exit_code == 2
    line = one_line(result)
    assert str(db) in line and "choose" in line
    assert (news / "a.txt").read_bytes() == b"" and sorted(p.name for p in news.iterdir()) == ["a.txt"]


def test_the_database_keys_a_file_by_its_resolved_path(tmp_path, monkeypatch):
    db = tmp_path / "facts.db"
    for d in ("d1", "d2"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(TEXT, encoding="utf-8")
        monkeypatch.chdir(tmp_path / d)
        assert invoke("extract", "a.txt", "--db", str(db), "-q").exit_code == 0
    monkeypatch.chdir(tmp_path)
    for spelling in ("d1/a.txt", "./d1/a.txt", str(tmp_path / "d1" / "a.txt"), "d1/../d1/a.txt"):
        assert invoke("extract", spelling, "--db", str(db), "-q").exit_code == 0
    assert rows(db, "select origin from sources order by origin") == [
        (str(tmp_path / "d1" / "a.txt"),), (str(tmp_path / "d2" / "a.txt"),)]
    # the record's own source is still the path as typed
    assert rows(db, "select source from sources order by origin") == [("d1/../d1/a.txt",), ("a.txt",)]


def test_the_database_keys_standard_input_by_its_content(tmp_path):
    db = tmp_path / "facts.db"
    for text in (TEXT, OTHER, TEXT):
        assert invoke("extract", "-", "--db", str(db), "-q", input=text).exit_code == 0
    keys = [k for (k,) in rows(db, "select origin from sources order by origin")]
    assert len(keys) == 2 and all(re.fullmatch(r"stdin:sha256:[0-9a-f]{16}", k) for k in keys)
    assert rows(db, "select distinct source from sources") == [("-",)]


def test_json_lines_lines_are_keyed_by_the_resolved_file_and_their_line(tmp_path, monkeypatch):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "x", "text": TEXT}) + "\n" + json.dumps({"text": OTHER}) + "\n",
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "facts.db"
    result = invoke("extract", "feed.jsonl", "--db", str(db), "--format", "jsonl", "-q", "-j", "1")
    assert result.exit_code == 0
    assert rows(db, "select origin, source from sources order by origin") == [
        (f"{feed}#1", "x"), (f"{feed}#2", "feed.jsonl#2")]
    # the JSON is as before: source and origin as typed
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r.get("origin")) for r in recs] == [("x", "feed.jsonl#1"), ("feed.jsonl#2", None)]
    assert invoke("extract", str(feed), "--db", str(db), "-q", "-j", "1").exit_code == 0
    assert rows(db, "select count(*) from sources") == [(2,)]


# item 9: a resume retries what failed; the index lists every page

def test_skip_existing_retries_an_output_that_holds_an_error(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(TEXT, encoding="utf-8")
    (news / "b.txt").write_bytes(BINARY)
    out, db = tmp_path / "out", tmp_path / "facts.db"
    first = invoke("extract", str(news), "-o", str(out), "--db", str(db), "-q", "-j", "1")
    assert first.exit_code == 1 and json.loads((out / "b.json").read_text())["error"]["type"] == "binary_file"
    (news / "b.txt").write_text(OTHER, encoding="utf-8")  # the cause is gone: the resume must redo it
    a_written = (out / "a.json").stat().st_mtime_ns
    again = invoke("extract", str(news), "-o", str(out), "--db", str(db), "-q", "-j", "1", "--skip-existing")
    assert again.exit_code == 0, again.stderr
    assert json.loads((out / "b.json").read_text())["error"] is None
    assert (out / "a.json").stat().st_mtime_ns == a_written  # the good one was skipped
    assert rows(db, "select source, error_type from sources order by source") == [
        (str(news / "a.txt"), None), (str(news / "b.txt"), None)]


@pytest.mark.parametrize("fmt", ["csv", "html", "jsonl"])
def test_skip_existing_retries_an_error_in_every_format(tmp_path, fmt):
    bad = tmp_path / "b.txt"
    bad.write_bytes(BINARY)
    out = tmp_path / "out"
    assert invoke("extract", str(bad), "-o", str(out), "--format", fmt, "-q", "-j", "1").exit_code == 1
    bad.write_text(OTHER, encoding="utf-8")
    again = invoke("extract", str(bad), "-o", str(out), "--format", fmt, "-q", "-j", "1", "--skip-existing")
    assert again.exit_code == 0 and "John Smith" in (out / f"b.{fmt}").read_text(encoding="utf-8-sig")


def test_skip_existing_retries_an_error_with_db_alone(tmp_path):
    bad = tmp_path / "b.txt"
    bad.write_bytes(BINARY)
    db = tmp_path / "facts.db"
    assert invoke("extract", str(bad), "--db", str(db), "-q").exit_code == 1
    bad.write_text(OTHER, encoding="utf-8")
    assert invoke("extract", str(bad), "--db", str(db), "-q", "--skip-existing").exit_code == 0
    assert rows(db, "select error_type, articles from sources") == [(None, 1)]
    assert rows(db, "select name from people") == [("John Smith",)]


def test_the_index_lists_every_page_in_the_folder(tmp_path):
    for name, text in (("a", TEXT), ("b", OTHER)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "pages"
    for name in ("a", "b"):  # two runs into one folder, one input each
        result = invoke("extract", str(tmp_path / f"{name}.txt"), "-o", str(out), "--format", "html", "-q",
                        "--skip-existing")
        assert result.exit_code == 0, result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "kzfacts: 2 pages" in index and 'href="./a.html"' in index and 'href="./b.html"' in index
    assert ">1</td>" in index  # counts, and of an untitled text only the title made from its first line
    assert '<li class="made" title="The text has no title: its first line"><a href="./b.html">President John Smith ' \
           "visited the Nazarbayev University in Astana</a></li>" in index
    (out / "a.html").unlink()  # a page the user removed is no longer listed
    invoke("extract", str(tmp_path / "b.txt"), "-o", str(out), "--format", "html", "-q")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "kzfacts: 1 page<" in index and "a.html" not in index


# item 10: a database that cannot be written is one line, what was written is kept

def feed_of(path: Path, n: int, text: str = TEXT) -> Path:
    path.write_text("".join(json.dumps({"id": str(i), "text": f"{text} Report {i}."}) + "\n" for i in range(n)),
                    encoding="utf-8")
    return path


def test_a_database_deleted_mid_run_is_one_line_and_exit_1(tmp_path, monkeypatch):
    from kzfacts.writers import sqlite as sqlite_writer

    db = tmp_path / "facts.db"
    real = sqlite_writer.DatabaseWriter.write

    def then_delete(self, *args, **kwargs):
        real(self, *args, **kwargs)
        db.unlink(missing_ok=True)

    monkeypatch.setattr(sqlite_writer.DatabaseWriter, "write", then_delete)
    result = invoke("extract", str(feed_of(tmp_path / "feed.jsonl", 3)), "--db", str(db), "-q", "-j", "1")
    assert result.exit_code == 1
    line = one_line(result)
    assert str(db) in line and "deleted" in line and "run it again" in line


@contextlib.contextmanager
def tmpfs(where: Path, size: str):
    """A small tmpfs mounted at `where` (root only); skips the test when mounting is impossible."""
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def test_a_full_disk_is_one_line_and_keeps_what_was_written(tmp_path):
    with tmpfs(tmp_path / "small", "400k") as small:
        db = small / "facts.db"
        feed = feed_of(tmp_path / "feed.jsonl", 400, TEXT + " " + OTHER * 8)
        result = invoke("extract", str(feed), "--db", str(db), "-q", "-j", "1")
        assert result.exit_code == 1
        line = one_line(result)
        assert str(db) in line and ("No space left" in line or "full" in line)
        (kept,) = rows(db, "select count(*) from sources")[0]
        assert 0 < kept < 400 and rows(db, "pragma integrity_check") == [("ok",)]


def test_a_full_database_is_one_line_simulated_with_max_page_count(tmp_path, monkeypatch):
    """The same without a mount: SQLite's page limit gives the error a full disk gives (SQLITE_FULL)."""
    from kzfacts.writers import sqlite as sqlite_writer

    real = sqlite_writer.open_database

    def capped(path):
        db = real(path)
        pages = db.execute("pragma page_count").fetchone()[0]
        db.execute(f"pragma max_page_count = {pages + 12}")
        return db

    monkeypatch.setattr(sqlite_writer, "open_database", capped)
    db = tmp_path / "facts.db"
    result = invoke("extract", str(feed_of(tmp_path / "feed.jsonl", 60, TEXT + " " + OTHER * 8)), "--db", str(db),
                    "-q", "-j", "1")
    assert result.exit_code == 1
    line = one_line(result)
    assert str(db) in line and "full" in line
    assert 0 < rows(db, "select count(*) from sources")[0][0] < 60


def test_a_database_in_a_read_only_folder_is_one_line(tmp_path):
    with tmpfs(tmp_path / "ro", "2m") as ro:
        db = ro / "facts.db"
        assert invoke("extract", "-", "--db", str(db), "-q", input=TEXT).exit_code == 0
        subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
        result = invoke("extract", "-", "--db", str(db), "-q", input=OTHER)
        assert result.exit_code in (1, 2)
        line = one_line(result)
        assert str(db) in line and "read-only" in line.lower()
        assert rows(db, "select count(*) from sources") == [(1,)]


@contextlib.contextmanager
def immutable(folder: Path):
    """The folder made immutable (chattr +i): read-only even for root; skips the test where it cannot be."""
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot make a folder read-only here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_database_whose_folder_turned_read_only_is_one_line_before_the_model_loads(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "facts.db"
    assert invoke("extract", "-", "--db", str(db), "-q", input=TEXT).exit_code == 0
    with immutable(folder):  # the file is writable, but no journal can be made beside it
        result = invoke("extract", "-", "--db", str(db), "--model", "no_such_model", input=OTHER)
    assert result.exit_code == 2
    line = one_line(result)
    assert str(db) in line and "cannot be written" in line and "permissions" in line
    assert rows(db, "select count(*) from sources") == [(1,)]


def test_a_database_that_turns_read_only_mid_run_is_one_line(tmp_path, monkeypatch):
    """Simulated (a folder cannot be made read-only under an open database): SQLite's query_only
    gives the error a read-only file gives (SQLITE_READONLY)."""
    from kzfacts.writers import sqlite as sqlite_writer

    real = sqlite_writer.DatabaseWriter.write

    def then_read_only(self, *args, **kwargs):
        real(self, *args, **kwargs)
        self.db.execute("pragma query_only = 1")

    monkeypatch.setattr(sqlite_writer.DatabaseWriter, "write", then_read_only)
    db = tmp_path / "facts.db"
    result = invoke("extract", str(feed_of(tmp_path / "feed.jsonl", 3)), "--db", str(db), "-q", "-j", "1")
    assert result.exit_code == 1
    line = one_line(result)
    assert str(db) in line and "readonly" in line and "--skip-existing" in line
    assert rows(db, "select count(*) from sources") == [(1,)]


@pytest.mark.parametrize("case", ["missing", "folder", "not_sqlite"])
def test_datasette_metadata_of_a_missing_database_is_one_line_and_exit_2(tmp_path, case):
    path = {"missing": tmp_path / "nonexistent.db", "folder": tmp_path, "not_sqlite": tmp_path / "x.db"}[case]
    if case == "not_sqlite":
        path.write_text("not a database " * 100)
    result = invoke("datasette-metadata", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert str(path) in one_line(result)


# item 11: two writers of one database

def record(source: str, name: str) -> dict:
    person = {"name": name, "aliases": [], "titles": [], "mentions": [{"text": name, "start": 0, "end": len(name)}]}
    article = {"index": 0, "title": None, "author": None, "published": None, "published_source": None, "start": 0,
               "end": len(name), "people": [person], "organisations": [], "places": [], "dates": [], "figures": [],
               "quotes": []}
    return {"schema_version": "1.0", "source": source, "error": None, "warnings": [], "articles": [article]}


def _second_writer(path: str, done) -> None:
    from kzfacts.writers.sqlite import DatabaseWriter

    writer = DatabaseWriter(path)
    writer.write(record("b.txt", "Aaron Able"))
    writer.close()
    done.set()


def test_a_writer_finishing_while_another_rebuilds_the_entities_leaves_every_id_right(tmp_path, monkeypatch):
    """Deterministic: the first writer's rebuild stops after it has read the rows, and a second writer
    runs to its end in that gap (or, once the rebuild holds the database, waits for it)."""
    import kzfacts.identity as identity
    from kzfacts.writers.sqlite import DatabaseWriter

    path = str(tmp_path / "facts.db")
    first = DatabaseWriter(path)
    first.write(record("a.txt", "Zed Zulu"))
    real, parent = identity.identities, os.getpid()
    ctx = multiprocessing.get_context("spawn")  # a forked child would share this process's SQLite lock state
    done = ctx.Event()

    def gap(*args, **kwargs):
        if os.getpid() == parent:
            ctx.Process(target=_second_writer, args=(path, done)).start()
            done.wait(3)  # before the fix it finishes here; after it, it waits for the database
        return real(*args, **kwargs)

    monkeypatch.setattr(identity, "identities", gap)
    first.close()
    deadline = time.monotonic() + 60
    while not done.is_set() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.is_set()
    joined = rows(path, "select p.name, e.name from people p left join entities e on e.id = p.entity_id "
                        "order by p.name")
    assert joined == [("Aaron Able", "Aaron Able"), ("Zed Zulu", "Zed Zulu")]
