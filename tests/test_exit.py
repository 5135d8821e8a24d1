"""The command ends without the interpreter's teardown (`cli.exit_now`), and loses nothing by it:
output flushed, atexit functions run, exit codes kept, running threads waited for."""
from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import atexit, sys, threading, time
from pathlib import Path
marker = Path(sys.argv[1])
atexit.register(lambda: marker.write_text("atexit ran"))
class TornDown:
    def __del__(self):
        Path(str(marker) + ".teardown").write_text("the interpreter tore down")
held = TornDown()  # freed only by the interpreter's teardown
if sys.argv[2] == "thread":
    def late():
        time.sleep(0.3)
        Path(str(marker) + ".thread").write_text("thread finished")
    threading.Thread(target=late).start()
if sys.argv[2] == "message":
    from kzfacts.cli import exit_now
    exit_now(SystemExit("kzfacts: a message"))
sys.argv = ["kzfacts", *sys.argv[3:]]
from kzfacts.cli import main
main()
"""


def run(tmp_path, mode: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "marker"), mode, *args],
                          capture_output=True, text=True, timeout=120)


def test_output_flushed_and_atexit_functions_run(tmp_path):
    done = run(tmp_path, "plain", "schema")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["$schema"].startswith("https://json-schema.org/")  # all of it, parsed
    assert (tmp_path / "marker").read_text() == "atexit ran"
    assert not (tmp_path / "marker.teardown").exists()  # the teardown was skipped


def test_teardown_as_before_when_a_thread_runs(tmp_path):
    done = run(tmp_path, "thread", "schema")
    assert done.returncode == 0 and json.loads(done.stdout)
    assert (tmp_path / "marker.teardown").exists()


def test_exit_code_of_an_error_is_kept(tmp_path):
    done = run(tmp_path, "plain", "extract", str(tmp_path / "missing.txt"), "--format", "json")
    assert done.returncode == 1
    assert "missing.txt: no such file or folder" in done.stderr
    assert (tmp_path / "marker").read_text() == "atexit ran"


def test_a_running_thread_is_waited_for(tmp_path):
    done = run(tmp_path, "thread", "--version")
    assert done.returncode == 0 and done.stdout.startswith("kzfacts ")
    assert (tmp_path / "marker.thread").read_text() == "thread finished"
    assert (tmp_path / "marker").read_text() == "atexit ran"


def test_a_message_exit_prints_it(tmp_path):
    done = run(tmp_path, "message")
    assert done.returncode == 1
    assert done.stderr.strip() == "kzfacts: a message"
    assert (tmp_path / "marker").read_text() == "atexit ran"
