"""Messy inputs: every file gets a record, nothing crashes, nothing is lost (generated here, no binaries committed)."""
from __future__ import annotations

import json
import os
import random
import resource

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kzfacts.api import CHUNK_CHARS, split_chunks
from kzfacts.cli import app
from kzfacts.inputs import decode, looks_non_english
from kzfacts.schema import record_schema

from .conftest import assert_offsets

GOOD = "Minister praises plan\n\n“We will finish the road in 2022,” said Transport Minister Jane Doe on Monday.\n"
VALIDATOR = jsonschema.Draft202012Validator(record_schema())


def run_cli(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["extract", *args, "--format", "jsonl"], input=input)


def records(result) -> list[dict]:
    out = [json.loads(line) for line in result.stdout.splitlines()]
    for rec in out:
        VALIDATOR.validate(rec)
    return out


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n"])
def test_empty_files_have_no_articles_and_no_error(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    result = run_cli(str(path))
    (rec,) = records(result)
    assert result.exit_code == 0 and rec["error"] is None and rec["articles"] == []


@pytest.mark.parametrize("data", [
    random.Random(7).randbytes(4096),
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4,
    b"Plain words then a NUL\x00 byte and more words.",
])
def test_binary_files_get_an_error_record(tmp_path, data):
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    result = run_cli(str(path))
    (rec,) = records(result)
    assert result.exit_code == 1
    assert rec["error"]["type"] == "binary_file" and rec["articles"] == []
    assert "blob.txt" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", GOOD.encode("utf-8")),
    ("utf-8-sig", GOOD.encode("utf-8-sig")),
    ("utf-16", GOOD.encode("utf-16")),
    ("cp1252", GOOD.encode("cp1252")),
    ("crlf", GOOD.replace("\n", "\r\n").encode("utf-8")),
])
def test_encodings_and_line_endings(tmp_path, encoding, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (rec,) = records(run_cli(str(path)))
    assert rec["error"] is None
    text = decode(data, "a.txt")
    assert not text.startswith("\ufeff")
    (quote,) = rec["articles"][0]["quotes"]
    assert quote["speaker"] == "Jane Doe"
    assert_offsets(text, rec)


def test_encoding_option_and_its_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Café “quoted” text, said Jane Doe.".encode("cp1252"))
    assert records(run_cli(str(path), "--encoding", "cp1252"))[0]["error"] is None
    result = run_cli(str(path), "--encoding", "ascii")
    assert records(result)[0]["error"]["type"] == "undecodable" and "--encoding" in result.stderr


def test_chunks_join_back_and_stay_small():
    text = ("word " * 50_000) + ("x" * 300_000) + "\n\nend"
    pieces = split_chunks(text, 100_000)
    assert "".join(pieces) == text and max(len(p) for p in pieces) <= 100_000


def test_two_megabyte_single_line(tmp_path):
    # long tokens keep the model's work small; the size is what is tested
    filler = " ".join("x" * 40 for _ in range(2_000_000 // 41))
    text = "Jane Doe said the port will reopen on 3 May 2021. " + filler + " John Roe said 40 ships wait."
    assert "\n" not in text and len(text) > 2_000_000 > CHUNK_CHARS
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    result = run_cli(str(path))
    (rec,) = records(result)
    assert result.exit_code == 0 and rec["error"] is None
    art = rec["articles"][0]
    assert {p["name"] for p in art["people"]} >= {"Jane Doe", "John Roe"}
    assert [d["value"] for d in art["dates"]] == ["2021-05-03"]
    assert_offsets(text, rec)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 3_000_000  # KiB: well under 3 GiB


def test_three_megabyte_multi_article_file(tmp_path):
    body = " ".join("y" * 40 for _ in range(24_000))
    parts = []
    for n in range(3):
        parts.append(f"Story number {n} headline\n\nJane Doe\n\n“Port {n} will reopen,” said Mayor John Roe. {body}.\n\n"
                     "Continue Reading\n\n")
    text = "".join(parts)
    assert len(text) > 2_900_000
    path = tmp_path / "digest.txt"
    path.write_text(text, encoding="utf-8")
    (rec,) = records(run_cli(str(path)))
    assert [a["title"] for a in rec["articles"]] == [f"Story number {n} headline" for n in range(3)]
    assert all(a["quotes"][0]["speaker"] == "John Roe" for a in rec["articles"])
    assert_offsets(text, rec)


def test_non_english_text_warns(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text("Президент Казахстана заявил, что реформы продолжатся. «Мы не остановимся», — сказал он.",
                    encoding="utf-8")
    result = run_cli(str(path))
    (rec,) = records(result)
    assert result.exit_code == 0 and rec["error"] is None
    assert "ru.txt" in result.stderr and "English" in result.stderr
    assert looks_non_english(path.read_text(encoding="utf-8")) and not looks_non_english(GOOD)


@pytest.mark.parametrize("text", [
    '"', "“”“”‘’", 'He said "yes and then “no', "”Stray closing” marks” everywhere“",
    "Emoji 🎉🚀 and “quotes 😀,” said Jane Doe.", "שלום עולם “ציטוט” مرحبا بالعالم",
    "'single' 'quotes' ' everywhere '", "“" * 500,
])
def test_odd_quote_marks_emoji_and_rtl(run, text):
    art_or_none = run(text) if text.strip() else None
    assert art_or_none is None or isinstance(art_or_none["quotes"], list)


def test_folders_links_and_unreadable_files(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "nested" / "deeper" / "b.txt").write_text(GOOD, encoding="utf-8")
    (root / "x.txt").mkdir()  # a folder with a file's name
    (root / "x.txt" / "c.txt").write_text(GOOD, encoding="utf-8")
    (root / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "d.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(root / "missing.txt", root / "broken.txt")
    os.symlink(root, root / "nested" / "loop")
    (root / "locked.txt").write_text(GOOD, encoding="utf-8")

    real_open = os.open

    def os_open(path, *args, **kwargs):  # tests may run as root, whom chmod does not stop
        if os.path.basename(path) == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    result = run_cli(str(root))
    recs = records(result)
    by_name = {os.path.relpath(r["source"], root): r for r in recs}
    assert sorted(by_name) == ["a.txt", "broken.txt", "locked.txt", "nested/deeper/b.txt", "x.txt/c.txt"]
    assert by_name["broken.txt"]["error"]["type"] == "broken_link"
    assert by_name["locked.txt"]["error"]["type"] == "unreadable"
    for name in ("a.txt", "nested/deeper/b.txt", "x.txt/c.txt"):
        assert by_name[name]["articles"][0]["quotes"][0]["speaker"] == "Jane Doe"
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 2 and "Traceback" not in result.stderr


def test_one_folder_of_every_case(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "01_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "02_empty.txt").write_text("", encoding="utf-8")
    (folder / "03_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "04_utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "05_quotes.txt").write_text("“" * 50 + '"' * 3, encoding="utf-8")
    (folder / "06_russian.txt").write_text("Это текст на русском языке о политике и экономике.", encoding="utf-8")
    result = run_cli(str(folder))
    recs = records(result)
    assert len(recs) == 6 and result.exit_code == 1
    assert [bool(r["error"]) for r in recs] == [False, False, True, False, False, False]
    assert recs[0]["articles"][0]["quotes"][0]["speaker"] == "Jane Doe"
    assert recs[3]["articles"][0]["quotes"][0]["speaker"] == "Jane Doe"


def test_usage_errors_exit_2():
    result = CliRunner().invoke(app, ["extract", "--format", "xml", "a.txt"])
    assert result.exit_code == 2


def test_debug_shows_a_traceback_for_internal_errors(tmp_path, monkeypatch):
    from kzfacts import api

    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")

    def boom(self, text, **kw):
        raise RuntimeError("boom")

    monkeypatch.setattr(api.Extractor, "extract", boom)
    monkeypatch.setattr(api.Extractor, "extract_many", boom)
    result = run_cli(str(path))
    assert result.exit_code == 1 and records(result)[0]["error"]["type"] == "internal_error"
    assert "--debug" in result.stderr
    debug = CliRunner().invoke(app, ["extract", str(path), "--debug"])
    assert isinstance(debug.exception, RuntimeError)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400) |
       st.lists(st.sampled_from(["Jane Doe", " said ", "“", "”", '"', "\n\n", "3 May 2021", "$5 million",
                                 "the EU", ", ", ".", "40%", "Title line\n\n", "‘", "’s"]),
                max_size=40).map("".join))
def test_any_text_gives_a_valid_record_with_exact_offsets(extractor, text):
    record = extractor.extract(text, source="x")
    VALIDATOR.validate(record)
    assert_offsets(text, record)
