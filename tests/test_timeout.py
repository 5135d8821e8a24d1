"""The time limit per text: the late text gets a 'timeout' record, every other text its normal one."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest

from kzfacts.deadline import TextTimeout, time_limit
from kzfacts.runner import limit_for

from .conftest import SAMPLE
from .test_batch import invoke, jsonl

SHORT = "Tokayev met Putin in Moscow on Friday, the Kremlin said."


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_time_limit_stops_a_python_loop_and_a_sleep_on_the_main_thread():
    for block in (lambda: spin(5), lambda: time.sleep(5)):
        started = time.monotonic()
        with pytest.raises(TextTimeout):
            with time_limit(0.2):
                block()
        assert time.monotonic() - started < 2


def test_time_limit_stops_a_python_loop_on_another_thread():
    outcome = []

    def work():
        try:
            with time_limit(0.2):
                spin(5)
            outcome.append("finished")
        except TextTimeout:
            outcome.append("timeout")

    thread = threading.Thread(target=work)
    started = time.monotonic()
    thread.start()
    thread.join(10)
    assert outcome == ["timeout"] and time.monotonic() - started < 2


@pytest.mark.parametrize("on_thread", [False, True])
def test_a_block_within_its_limit_is_left_alone(on_thread):
    outcome = []

    def work():
        with time_limit(0.3):
            spin(0.05)
        time.sleep(0.5)  # past the limit, after the block: nothing may strike now
        outcome.append("done")

    if on_thread:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join(10)
    else:
        work()
    assert outcome == ["done"]


def test_no_limit_means_none():
    with time_limit(None):
        spin(0.01)
    assert limit_for("x", None) is None and limit_for("x", 0) is None


def test_the_limit_grows_with_the_text():
    assert limit_for("x" * 10, 2.0) == 2.0
    assert limit_for("x" * 250_000, 2.0) == 6.0


@pytest.fixture(scope="module")
def late_corpus(tmp_path_factory):
    """One text that takes seconds to parse between two that take milliseconds."""
    root = tmp_path_factory.mktemp("late")
    body = SAMPLE.read_text(encoding="utf-8")
    (root / "a.txt").write_text(SHORT, encoding="utf-8")
    (root / "b_long.txt").write_text((body * 8)[:95_000], encoding="utf-8")
    (root / "c.txt").write_text(SHORT.replace("Putin", "Xi Jinping"), encoding="utf-8")
    return root


def check_late(records: list[dict], late: str) -> None:
    by_source = {os.path.basename(r["source"]): r for r in records}
    assert by_source[late]["error"]["type"] == "timeout"
    assert "--timeout" in by_source[late]["error"]["message"] and by_source[late]["articles"] == []
    others = [r for name, r in by_source.items() if name != late]
    assert len(others) == 2
    for rec in others:
        assert rec["error"] is None
        assert {p["name"] for p in rec["articles"][0]["people"]} >= {"Tokayev"}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_late_text_gets_a_timeout_record_and_the_batch_goes_on(late_corpus, jobs):
    result = invoke("extract", str(late_corpus), "--format", "jsonl", "--timeout", "0.5", "-j", jobs, "-q")
    assert result.exit_code == 1
    check_late(jsonl(result), "b_long.txt")
    assert "b_long.txt: stopped after 0.5 s" in result.stderr


def test_timeout_on_json_lines_from_stdin(late_corpus):
    lines = [json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8")}) for p in sorted(late_corpus.iterdir())]
    result = invoke("extract", "-", "--input-format", "jsonl", "--format", "jsonl", "--timeout", "0.5", "-q",
                    input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    check_late(jsonl(result), "b_long.txt")


def test_timeout_with_an_output_folder(late_corpus, tmp_path):
    out = tmp_path / "facts"
    result = invoke("extract", str(late_corpus), "--output-dir", str(out), "--timeout", "0.5", "-q")
    assert result.exit_code == 1
    check_late([json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))], "b_long.txt")


def test_timeout_zero_turns_the_limit_off(late_corpus):
    result = invoke("extract", str(late_corpus / "a.txt"), "--format", "json", "--timeout", "0")
    assert result.exit_code == 0 and json.loads(result.stdout)["error"] is None


STALL_SCRIPT = """
import signal, sys, time
import kzfacts.runner as runner
real = runner.process_batch
def process_batch(batch, settings):  # the forked workers inherit this patched function
    if any(text.startswith("STALL") for _, text, _ in batch):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # like a component stuck in C code
        time.sleep(120)
    return real(batch, settings)
runner.process_batch = process_batch
runner.KILL_GRACE = 1.0
from kzfacts.cli import main
sys.argv = ["kzfacts", "extract", sys.argv[1], "--format", "jsonl", "-j", "2", "-q", "--timeout", "1"]
main()
"""


def test_a_worker_stuck_past_its_alarm_is_killed_and_replaced(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(SHORT, encoding="utf-8")
    (root / "b_stall.txt").write_text("STALL " + SHORT, encoding="utf-8")
    for name in ("c.txt", "d.txt", "e.txt"):
        (root / name).write_text(SHORT, encoding="utf-8")
    started = time.monotonic()
    # its own process: forking inside pytest's process is fragile
    proc = subprocess.run([sys.executable, "-c", STALL_SCRIPT, str(root)], capture_output=True, text=True, timeout=120)
    assert time.monotonic() - started < 60
    recs = {os.path.basename(r["source"]): r for r in map(json.loads, proc.stdout.splitlines())}
    assert sorted(recs) == ["a.txt", "b_stall.txt", "c.txt", "d.txt", "e.txt"], proc.stderr
    assert recs["b_stall.txt"]["error"]["type"] == "timeout"
    assert all(recs[n]["error"] is None and recs[n]["articles"][0]["people"] for n in ("a.txt", "c.txt", "d.txt", "e.txt"))
    assert proc.returncode == 1


@pytest.fixture(scope="module")
def quote_corpus(tmp_path_factory):
    """Six ordinary files, and the same six with a file of 100,000 quote marks (the tokenizer's
    suffix search is quadratic on one long token: minutes of work)."""
    root = tmp_path_factory.mktemp("quotes")
    good, bad = root / "good", root / "bad"
    body = SAMPLE.read_text(encoding="utf-8")
    for folder in (good, bad):
        folder.mkdir()
        for n in range(6):
            (folder / f"n{n}.txt").write_text(body, encoding="utf-8")
    (bad / "quotes.txt").write_text('"' * 100_000, encoding="utf-8")
    return good, bad


def run_cli(folder, jobs: str, timeout: str) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    # --no-dedup: the six files are one story, and each copy's duplicate_of would name its own folder's first
    proc = subprocess.run([sys.executable, "-m", "kzfacts", "extract", str(folder), "--format", "jsonl", "-q",
                           "-j", jobs, "--timeout", timeout, "--no-dedup"], capture_output=True, text=True, timeout=600)
    return proc, time.monotonic() - started


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_text_past_its_limit_costs_only_its_own_limit(quote_corpus, jobs):
    good, bad = quote_corpus
    base, base_time = run_cli(good, jobs, "5")
    proc, took = run_cli(bad, jobs, "5")
    # the late text costs its 5 s and a little, not a first run under the batch's limits and a second
    # run alone (35 s + 5 s with --jobs 1, 5 s + 5 s with --jobs 2)
    assert took - base_time < 5 * 1.6, (took, base_time)
    recs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [os.path.basename(r["source"]) for r in recs] == [f"n{n}.txt" for n in range(6)] + ["quotes.txt"]
    assert recs[-1]["error"]["type"] == "timeout" and recs[-1]["articles"] == []
    same = [{**json.loads(line), "source": r["source"]} for line, r in zip(base.stdout.splitlines(), recs, strict=False)]
    assert recs[:-1] == same
    assert all(r["error"] is None and len(r["articles"]) == 4 for r in recs[:-1])
    assert proc.returncode == 1 and base.returncode == 0
    (line,) = proc.stderr.splitlines()
    assert "quotes.txt: stopped after 5 s" in line


def test_a_killed_worker_states_the_time_waited():
    from kzfacts.runner import timeout_record

    assert "stopped after 5 s" in timeout_record("x", 5.0)["error"]["message"]
    message = timeout_record("x", 5.0, 20.0)["error"]["message"]
    assert "stopped after 20 s" in message and "5 s" in message


MEMORY_SCRIPT = """
import resource, subprocess, sys
sys.path.insert(0, sys.argv[1])
from quote_memory import quoted_paragraphs
import random, tempfile, pathlib
path = pathlib.Path(tempfile.mkdtemp()) / "quotes.txt"
path.write_text(quoted_paragraphs(int(sys.argv[2]), random.Random(1)), encoding="utf-8")
subprocess.run([sys.executable, "-m", "kzfacts", "extract", str(path), "--format", "jsonl", "-q", "--timeout", "0"],
               stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
"""


def test_a_long_quote_heavy_text_keeps_memory_bounded():
    """Three pieces of quoted paragraphs (bench/quote_memory.py measures 2.2 MB: 711 MB)."""
    bench = os.path.join(os.path.dirname(__file__), os.pardir, "bench")
    out = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, bench, "300000"], capture_output=True, text=True,
                         timeout=600, check=True).stdout
    assert int(out) < 1024


def test_line_starts_are_marked_in_linear_time(extractor):
    """Token.is_sent_start's setter scans the Doc: one set per line was 10 s on 100,000 characters."""
    from kzfacts.pipeline.articles import mark_line_starts

    doc = extractor.make_doc('"x\n' * 33_000)
    started = time.monotonic()
    mark_line_starts(doc)
    assert time.monotonic() - started < 2
    assert [t.is_sent_start for t in doc[:5]] == [True, None, None, True, None]
