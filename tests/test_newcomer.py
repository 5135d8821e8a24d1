"""What a first-time user meets: messages, exit codes, interrupts, summaries, the terminal."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLE
from .test_batch import ARTICLE, invoke, jsonl


def test_help_reads_like_a_hand_written_cli():
    out = invoke("extract", "--help").stdout
    assert "FILE|DIR|URL|-" in out and "YYYY-MM-DD" in out and " N " in out
    assert "<bool>" not in out and "{paths}" not in out and "list[str]" not in out


def test_an_unknown_format_and_encoding_are_named(tmp_path):
    bad = invoke("extract", str(SAMPLE), "--format", "xml")
    assert bad.exit_code == 2 and "unknown format 'xml' (choose table, json, jsonl, csv, html)" in bad.stderr
    enc = invoke("extract", str(SAMPLE), "--encoding", "klingon")
    assert enc.exit_code == 2 and "unknown encoding 'klingon'" in enc.stderr


def test_a_folder_without_inputs_says_so(tmp_path):
    (tmp_path / "notes.md").write_text("nothing here", encoding="utf-8")
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 1 and result.stdout == ""
    assert f"no input files under {tmp_path} (looked for *.txt, *.jsonl, *.html, *.htm)" in result.stderr


def test_an_unreachable_scheduler_is_one_line_and_exit_2():
    started = time.monotonic()
    result = invoke("extract", str(SAMPLE), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                    "--connect-timeout", "1")
    assert result.exit_code == 2 and time.monotonic() - started < 30
    (line,) = result.stderr.strip().splitlines()
    assert "tcp://127.0.0.1:9" in line and "--connect-timeout" in line


def test_the_given_publication_date_is_the_articles_and_a_dateline_wins():
    line = json.dumps({"id": "a", "text": ARTICLE, "published": "2021-04-02"})
    (rec,) = jsonl(invoke("extract", "-", "--input-format", "jsonl", "--format", "jsonl", input=line + "\n"))
    art = rec["articles"][0]
    assert (art["published"], art["published_source"]) == ("2021-04-02", "input")
    text = "ALMATY, March 3, 2021 (Reuters) - The bank raised rates on Tuesday, the governor said.\n"
    result = invoke("extract", "-", "--reference-date", "2021-04-02", "--format", "json", input=text)
    art = json.loads(result.stdout)["articles"][0]
    assert (art["published"], art["published_source"]) == ("2021-03-03", "text")
    result = invoke("extract", "-", "--reference-date", "2021-04-02", "--format", "json", input=ARTICLE)
    art = json.loads(result.stdout)["articles"][0]
    assert (art["published"], art["published_source"]) == ("2021-04-02", "option")
    # a line's own date wins over --reference-date
    (rec,) = jsonl(invoke("extract", "-", "--input-format", "jsonl", "--format", "jsonl", "--reference-date",
                          "2020-01-01", input=line + "\n"))
    assert (rec["articles"][0]["published"], rec["articles"][0]["published_source"]) == ("2021-04-02", "input")
    plain = json.loads(invoke("extract", "-", "--format", "json", input=ARTICLE).stdout)["articles"][0]
    assert (plain["published"], plain["published_source"]) == (None, None)


def test_the_table_shows_qualifiers_ranges_and_listed_dates():
    text = "Over 50% of trade came in May, June and July of 2021, up 15-20% from 2020.\n"
    out = invoke("extract", "-", input=text).stdout
    assert "over 50" in out and "15 \u2013 20" in out and "2021-05, 2021-06, 2021-07" in out


# ---- summary


@pytest.fixture(scope="module")
def output_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("facts")
    src = tmp_path_factory.mktemp("articles")
    (src / "a.txt").write_text("EU backs plan\n\nThe European Union (EU) said on Monday it backs the plan, "
                               "and EU ministers will meet in Astana.\n", encoding="utf-8")
    (src / "b.txt").write_text("EU warns\n\nThe EU warned on Tuesday that talks would stall, "
                               "officials in Brussels said.\n", encoding="utf-8")
    result = invoke("extract", str(src), "-o", str(out), "-q", "-j", "1")
    assert result.exit_code == 0, result.stderr
    return out


def test_summary_reads_an_output_folder_and_merges_an_acronym_with_its_name(output_dir):
    result = invoke("summary", str(output_dir), "--format", "json")
    assert result.exit_code == 0, result.stderr
    stats = json.loads(result.stdout)
    assert (stats["files"], stats["articles"]) == (2, 2)
    orgs = {r["name"]: r for r in stats["organisations"]}
    assert orgs["European Union"]["articles"] == 2 and "EU" not in orgs


def test_summary_reads_one_json_file(output_dir):
    stats = json.loads(invoke("summary", str(output_dir / "a.json"), "--format", "json").stdout)
    assert stats["files"] == 1 and all(p["name"] != "Tory MEP" for p in stats["people"])


def test_summary_refuses_what_it_cannot_read(tmp_path):
    missing = invoke("summary", str(tmp_path / "missing.jsonl"))
    assert missing.exit_code == 1 and "missing.jsonl: no such file or folder" in missing.stderr
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}', encoding="utf-8")
    refused = invoke("summary", str(junk))
    assert refused.exit_code == 1 and "not kzfacts output" in refused.stderr


# ---- files, interrupts and signals


def test_output_files_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        invoke("extract", str(SAMPLE), "-o", str(tmp_path / "out"), "-q")
    finally:
        os.umask(old)
    mode = (tmp_path / "out" / "kazakhstan_digest.json").stat().st_mode & 0o777
    assert mode == 0o644


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("big")
    body = SAMPLE.read_text(encoding="utf-8")
    for n in range(60):
        (root / f"a{n:03d}.txt").write_text(body, encoding="utf-8")
    return root


def _start(corpus: Path, *extra: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "kzfacts", "extract", str(corpus), "-f", "jsonl", "-j", "2", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(8)  # past the model load, workers busy
    assert proc.poll() is None, proc.stderr.read()  # still running; if not, what it said
    return proc


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def test_two_interrupts_end_a_parallel_run_at_once(big_corpus):
    proc = _start(big_corpus)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    started = time.monotonic()
    _, stderr = proc.communicate(timeout=30)
    assert time.monotonic() - started < 5
    assert proc.returncode == 130
    (line,) = stderr.strip().splitlines()
    assert line.startswith("kzfacts: interrupted")
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)]


def test_sigterm_leaves_no_worker_behind(big_corpus):
    proc = _start(big_corpus)
    workers = _children(proc.pid)
    assert workers
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and [w for w in workers if _alive(w)]:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


# ---- the contract lives in the repository


def test_the_contract_in_the_repository_describes_every_schema_field():
    from kzfacts.schema import record_schema

    contract = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
    fields = set()

    def walk(node):
        if isinstance(node, dict):
            fields.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(record_schema())
    missing = [f for f in sorted(fields) if not re.search(rf"`{f}`|\"{f}\"", contract)]
    assert missing == []
    assert "(docs/CONTRACT.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_an_interrupted_run_with_an_output_says_how_to_resume(big_corpus, tmp_path):
    proc = _start(big_corpus, "-o", str(tmp_path / "out"))
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130
    (line,) = stderr.strip().splitlines()
    assert line.startswith("kzfacts: interrupted after") and "--skip-existing" in line
    assert len(line) <= 78  # with the terminal's "^C" before it, within 80 columns (issue 41)
