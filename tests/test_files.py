"""Every file kzfacts is named is read through `kzfacts/files.py`: only a regular file, never
blocking, never without end, and written only where it is a regular file or nothing (review of
issue 35, items 3 and 7: FIFOs, devices and links where a run read or wrote outside `inputs`)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import one_line

TEXT = "Minister Jane Doe opened the bridge in Astana on Monday.\n"


def kzfacts(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """A run in its own process, stopped after 60 s: a hang fails the test instead of the suite."""
    return subprocess.run([sys.executable, "-m", "kzfacts", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo")
    return tmp_path


@pytest.mark.parametrize("args, code, said", [
    (["extract", "--patterns", "fifo", "a.txt"], 2, "--patterns fifo: a named pipe (FIFO), not a regular file"),
    (["extract", "--patterns", "/dev/zero", "a.txt"], 2, "--patterns /dev/zero: a character device"),
    (["extract", "a.txt", "--db", "fifo"], 2, "fifo: a named pipe (FIFO), not a regular file"),
    (["load", "a.jsonl", "--db", "fifo"], 2, "fifo: a named pipe (FIFO), not a regular file"),
    (["load", "fifo", "--db", "x.db"], 1, "fifo: a named pipe (FIFO), not a regular file"),
    (["datasette-metadata", "fifo"], 2, "fifo: not a kzfacts database (it is a named pipe (FIFO))"),
])
def test_a_fifo_or_device_where_a_file_is_named_is_one_line(folder, args, code, said):
    (folder / "a.jsonl").write_text("", encoding="utf-8")
    done = kzfacts(*args, cwd=folder)
    assert done.returncode == code and said in one_line(done)


@pytest.mark.parametrize("make", ["fifo", "link"])
def test_an_output_folder_whose_marker_is_no_file_of_its_own_is_refused(folder, make):
    out = folder / "out"
    out.mkdir()
    marker = out / ".kzfacts-output"
    if make == "fifo":
        os.mkfifo(marker)
    else:
        marker.symlink_to(folder / "a.txt")  # appending to it would append to an input
    done = kzfacts("extract", "a.txt", "-o", "out", "-f", "html", cwd=folder)
    assert done.returncode == 2 and "not kzfacts' own marker file" in one_line(done)
    assert (folder / "a.txt").read_text(encoding="utf-8") == TEXT


def test_a_linked_subfolder_inside_the_output_folder_is_never_written_through(folder):
    src = folder / "src" / "in"
    src.mkdir(parents=True)
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "out").mkdir()
    (folder / "out" / "in").symlink_to(src)
    done = kzfacts("extract", "src", "-o", "out", "-f", "jsonl", cwd=folder)
    assert done.returncode == 1 and "a symbolic link inside the output folder" in one_line(done)
    assert sorted(p.name for p in src.iterdir()) == ["a.txt"]
    assert (src / "a.txt").read_text(encoding="utf-8") == TEXT


def test_a_path_spelled_like_a_url_is_still_checked_against_the_output_folder(folder):
    (folder / "x:" / "in").mkdir(parents=True)
    (folder / "x:" / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    done = kzfacts("extract", "x://in", "-o", "x:/in/o", cwd=folder)
    assert done.returncode == 2 and "--output-dir x:/in/o is inside the input folder" in one_line(done)


def test_new_standard_input_is_never_skipped_as_done_by_a_folder(folder):
    out = folder / "out"
    first = subprocess.run([sys.executable, "-m", "kzfacts", "extract", "-", "-o", str(out), "-q"], input=TEXT,
                           capture_output=True, text=True, timeout=60)
    other = "President John Smith visited Almaty on Tuesday.\n"
    second = subprocess.run([sys.executable, "-m", "kzfacts", "extract", "-", "-o", str(out), "--skip-existing",
                             "-q"], input=other, capture_output=True, text=True, timeout=60)
    assert first.returncode == second.returncode == 0
    (written,) = [p for p in out.iterdir() if p.suffix == ".json"]
    assert "John Smith" in written.read_text(encoding="utf-8")


@pytest.mark.parametrize("change", [
    lambda rec: rec["articles"][0]["people"][0].__setitem__("affiliations", None),
    lambda rec: rec.pop("error"),
])
def test_load_takes_records_with_null_lists_or_no_error_field(folder, change):
    record = {"schema_version": "1.1", "source": "a.txt", "error": None, "warnings": [],
              "articles": [{"index": 0, "title": None, "author": None, "published": None, "published_source": None,
                            "start": 0, "end": 10, "people": [{"name": "Jane Doe", "aliases": [], "titles": [],
                                                               "mentions": [{"text": "Jane Doe", "start": 0, "end": 8}],
                                                               "affiliations": []}],
                            "organisations": [], "places": [], "dates": [], "figures": [], "quotes": []}]}
    change(record)
    (folder / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    done = kzfacts("load", "r.jsonl", "--db", "x.db", cwd=folder)
    assert done.returncode == 0 and one_line(done).startswith("kzfacts: 1 record loaded")


def test_a_folders_pdfs_are_named_with_the_fix_and_its_text_still_read(tmp_path, extractor):
    import json

    from .conftest import invoke

    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 a report")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 another")
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04 a letter")
    (tmp_path / "d.txt").write_text("President Tokayev met the envoy in Astana on Monday.", encoding="utf-8")
    result = invoke("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(line)["source"].rsplit("/", 1)[-1] for line in result.stdout.splitlines()] == ["d.txt"]
    assert f"skipped 1 .docx file, 2 .pdf files under {tmp_path}: kzfacts reads text, HTML and JSON Lines; " \
           "convert them first (e.g. pdftotext FILE.pdf)" in result.stderr


def test_summary_of_an_html_output_folder_says_what_it_reads(tmp_path, extractor):
    from .conftest import invoke, one_line

    text = tmp_path / "a.txt"
    text.write_text("President Tokayev met the envoy in Astana on Monday.", encoding="utf-8")
    pages = tmp_path / "pages"
    assert invoke("extract", str(text), "--format", "html", "--output-dir", str(pages), "-q").exit_code == 0
    result = invoke("summary", str(pages))
    assert result.exit_code == 1 and result.stdout == ""
    assert one_line(result) == (f"kzfacts: {pages}: kzfacts wrote HTML or CSV here, which summary does not read; "
                                "write the run with --format jsonl (or --db facts.db) and summarise that")
