"""Standard output that stops taking data (a full disk, a file size limit, an I/O error): one line
on stderr, exit 1, and a JSON Lines output holding only whole records (issue 35, item 10)."""
from __future__ import annotations

import json
import resource
import subprocess
import sys

import pytest

from .conftest import one_line

TEXT = ("Minister Jane Doe opened the bridge in Almaty on 3 March 2021. “We will invest $5 million in "
        "roads,” Doe said. The World Bank and the Asian Development Bank agreed on Tuesday.\n")


def corpus(tmp_path, n: int = 6):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(TEXT * (i + 1), encoding="utf-8")
    return folder


def kzfacts(*args: str, stdout, limit: int | None = None) -> subprocess.CompletedProcess:
    def cap() -> None:  # the file stops growing at `limit` bytes, as a disk that fills does
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "kzfacts", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=300, preexec_fn=cap if limit else None)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table", "csv"])
def test_a_full_stdout_is_one_line_and_exit_1(tmp_path, fmt):
    folder = corpus(tmp_path, 2)
    with open("/dev/full", "w") as full:
        proc = kzfacts("extract", str(folder), "--format", fmt, "-j", "1", stdout=full)
    line = one_line(proc)
    assert proc.returncode == 1
    assert line.startswith("kzfacts: standard output cannot be written (No space left on device)")


@pytest.mark.parametrize("command", [["schema"], ["eval", "IN"], ["eval", "IN", "--format", "json"]])
def test_other_commands_on_a_full_stdout(tmp_path, command):
    folder = corpus(tmp_path, 1)
    (folder / "a0.gold.json").write_text(json.dumps({"articles": [{"people": [{"name": "Jane Doe"}]}]}),
                                         encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = kzfacts(*[str(folder) if c == "IN" else c for c in command], stdout=full)
    assert proc.returncode == 1
    assert one_line(proc).startswith("kzfacts: standard output cannot be written (No space left on device)")


def test_json_lines_cut_by_a_full_disk_hold_only_whole_records(tmp_path):
    folder = corpus(tmp_path)
    whole = kzfacts("extract", str(folder), "--format", "jsonl", "-j", "1", stdout=subprocess.PIPE)
    sizes = [len(line.encode()) + 1 for line in whole.stdout.splitlines()]
    limit = sum(sizes[:3]) + sizes[3] // 2  # the disk fills half way through the fourth record
    out = tmp_path / "out.jsonl"
    with open(out, "w") as fh:
        proc = kzfacts("extract", str(folder), "--format", "jsonl", "-j", "1", stdout=fh, limit=limit)
    assert proc.returncode == 1
    assert one_line(proc).startswith("kzfacts: standard output cannot be written (File too large)")
    data = out.read_text(encoding="utf-8")
    assert data.endswith("\n") and data.splitlines() == whole.stdout.splitlines()[:3]
    assert [json.loads(line)["source"].rsplit("/", 1)[1] for line in data.splitlines()] == ["a0.txt", "a1.txt",
                                                                                           "a2.txt"]


def test_a_reader_that_stops_early_gets_whole_lines_and_no_message(tmp_path):
    folder = corpus(tmp_path, 40)
    proc = subprocess.Popen([sys.executable, "-m", "kzfacts", "extract", str(folder), "--format", "jsonl", "-j", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -n 1` does
    assert proc.wait(timeout=300) == 1 and proc.stderr.read() == b""
    assert json.loads(first)["source"].endswith("a0.txt")


def test_summary_and_datasette_metadata_on_a_full_stdout(tmp_path):
    folder = corpus(tmp_path, 1)
    records = tmp_path / "out.jsonl"
    db = tmp_path / "facts.db"
    with open(records, "w") as out:
        assert kzfacts("extract", str(folder), "--format", "jsonl", "-q", "--db", str(db), stdout=out).returncode == 0
    for command in (["summary", str(records)], ["summary", str(records), "--format", "json"],
                    ["datasette-metadata", str(db)]):
        with open("/dev/full", "w") as full:
            proc = kzfacts(*command, stdout=full)
        assert proc.returncode == 1, command
        assert one_line(proc).startswith("kzfacts: standard output cannot be written (No space left on device)")


def test_a_format_written_in_pieces_claims_no_whole_records(tmp_path):
    """Only JSON Lines is written whole record by record: a cut CSV or JSON says no count (review of item 10)."""
    folder = corpus(tmp_path)
    with open(tmp_path / "out.csv", "w") as out:
        proc = kzfacts("extract", str(folder), "--format", "csv", "-j", "1", stdout=out, limit=4096)
    assert proc.returncode == 1 and "whole record" not in one_line(proc)


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_on_a_full_stdout(flag):
    with open("/dev/full", "w") as full:
        proc = kzfacts(flag, stdout=full)
    assert proc.returncode == 1
    assert one_line(proc).startswith("kzfacts: standard output cannot be written (No space left on device)")
