"""What reaches a terminal from an input is shown as text: never read as Rich markup, no control
characters let through (issue 35, item 2); and records `summary` and `load` cannot read are
skipped with one line each, never a traceback (issue 35, item 10)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kzfacts.cli import app

ESC = "\x1b"
WIDE = {"COLUMNS": "200", "NO_COLOR": "1"}  # no folding inside the cells the tests look for
MARKUP = "Minister speaks\n\n“We [the government] will act [/] now [bold]fast,” said Minister Jane Doe on Monday.\n"
ESCAPES = ("Leader \x1b]0;pwned\x07 news\x1b[2J\n\n“We \x1b[31mwill\x1b]8;;http://evil/\x1b\\ act,” said "
           "Minister Jane Doe on Monday.\n")
NORMAL = "Minister praises plan\n\n“We will finish the road in 2022,” said Transport Minister Jane Doe on Monday.\n"


def invoke(*args: str, input: str | None = None, env: dict | None = None):
    return CliRunner().invoke(app, list(args), input=input, env=env or WIDE)


def lines(stream: str) -> list[str]:
    return stream.strip().splitlines()


# ---- the stand-ins: one table


@pytest.mark.parametrize("raw, shown", [
    ("\x1b[2J", "^[[2J"),  # clear screen
    ("\x1b]0;pwned\x07", "^[]0;pwned^G"),  # window title
    ("\x1b]8;;http://evil/\x1b\\x", "^[]8;;http://evil/^[\\x"),  # OSC 8 link
    ("a\x00b\x08c\x7fd", "a^@b^Hc^?d"),
    ("a\x9b2Jb", "a<U+009B>2Jb"),  # C1 CSI
    ("abc\u202edef\u2066x\u2069", "abc<U+202E>def<U+2066>x<U+2069>"),  # bidi override and isolate
    ("over\rwrite", "over^Mwrite"),
    ("line\r\nnext", "line\nnext"),  # a Windows line end is a line end
    ("tab\tand\nline", "tab\tand\nline"),
    ("[bold]Tokayev[/] Қазақстан “quote” – é", "[bold]Tokayev[/] Қазақстан “quote” – é"),
])
def test_visible_replaces_control_characters(raw, shown):
    from kzfacts.display import visible

    assert visible(raw) == shown


def test_visible_one_line_shows_line_breaks():
    from kzfacts.display import visible

    assert visible("a\nb\r\nc\td", one_line=True) == "a^Jb^Jc\td"


# ---- item 2: extract's tables


def test_a_batch_shows_brackets_as_text_and_no_escape_reaches_the_terminal(tmp_path):
    for name, text in (("a.txt", MARKUP), ("b.txt", ESCAPES), ("c.txt", NORMAL)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = invoke("extract", *(str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "We [the government] will act [/] now [bold]fast" in out
    assert ESC not in out and ESC not in result.stderr and "\x07" not in out
    assert "Leader ^[]0;pwned^G news^[[2J" in out  # the title, its escapes made visible
    assert "We ^[[31mwill^[]8;;http://evil/^[\\ act" in out
    assert all(str(tmp_path / n) in out for n in ("a.txt", "b.txt", "c.txt"))  # every file processed
    assert "We will finish the road in 2022" in out
    assert result.stderr == ""


def test_a_file_named_with_escapes(tmp_path):
    bad = tmp_path / "evil\x1b]0;pwned\x07\x1b[2J.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")  # an error record: the name goes to stderr too
    good = tmp_path / "news\x1b[31m.txt"
    good.write_text(NORMAL, encoding="utf-8")
    result = invoke("extract", str(bad), str(good))
    assert result.exit_code == 1
    assert ESC not in result.stdout and ESC not in result.stderr and "\x07" not in result.stderr
    (line,) = lines(result.stderr)
    assert line == f"kzfacts: {tmp_path}/evil^[]0;pwned^G^[[2J.txt: binary file, not text; pass plain-text articles only"
    assert f"{tmp_path}/news^[[31m.txt" in result.stdout and "We will finish the road in 2022" in result.stdout


def test_json_output_keeps_the_text_exact_and_escapes_control_characters(tmp_path):
    path = tmp_path / "b\x1b[2J.txt"
    path.write_text(ESCAPES, encoding="utf-8")
    result = invoke("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0 and ESC not in result.stdout and "\\u001b" in result.stdout
    record = json.loads(result.stdout)
    assert record["source"] == str(path)
    assert record["articles"][0]["title"] == "Leader \x1b]0;pwned\x07 news\x1b[2J"


# ---- item 2: summary


def record(source: str, *people: str, speaker: str | None = None) -> dict:
    """A minimal valid kzfacts record: one article naming `people`, one quote by `speaker`."""
    ents = [{"name": p, "aliases": [], "titles": ["Minister"], "affiliations": [],
             "mentions": [{"text": p, "start": 0, "end": len(p)}]} for p in people]
    quotes = [{"text": "We will act", "start": 0, "end": 11, "speaker": speaker, "speakers": [speaker] if speaker
               else [], "cue": "said", "partial": False, "speaker_mention": None}]
    article = {"index": 0, "title": "T", "author": None, "published": None, "published_source": None,
               "start": 0, "end": 100, "people": ents, "organisations": [], "places": [], "dates": [],
               "figures": [], "quotes": quotes}
    return {"schema_version": "1.1", "source": source, "error": None, "warnings": [], "articles": [article]}


def write_jsonl(path, items) -> str:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return str(path)


def test_summary_shows_names_as_text(tmp_path):
    feed = write_jsonl(tmp_path / "facts.jsonl", [
        record("a.txt", "[/]Ann [bold]Lee", speaker="[/]Ann [bold]Lee"),
        record("b.txt", "Bob\x1b[2J Ray\u202e", speaker="Bob\x1b[2J Ray\u202e"),
        record("c.txt", "Jane Doe")])
    result = invoke("summary", feed)
    assert result.exit_code == 0, result.stderr
    assert "[/]Ann [bold]Lee" in result.stdout and "Bob^[[2J Ray<U+202E>" in result.stdout
    assert "Jane Doe" in result.stdout and "3 files, 3 articles, 0 failed" in result.stdout
    assert ESC not in result.stdout and "\u202e" not in result.stdout and result.stderr == ""


def test_summary_names_a_missing_path_without_its_escapes(tmp_path):
    result = invoke("summary", str(tmp_path / "gone\x1b[2J.jsonl"))
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"kzfacts: {tmp_path}/gone^[[2J.jsonl: no such file or folder; check the path"]
