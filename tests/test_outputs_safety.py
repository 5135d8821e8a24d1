"""Outputs that keep what they hold (issue 35): two writers of one database leave every entity_id right."""
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
from typer.testing import CliRunner

from kzfacts.cli import app

TEXT = "Minister Jane Doe opened the bridge in Astana."
OTHER = "President John Smith visited the Nazarbayev University in Astana."
BINARY = b"\x00\x01\x02 not text \x00" * 20


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def rows(db: Path, sql: str) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


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
