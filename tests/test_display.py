"""What reaches a terminal from an input is shown as text: never read as Rich markup, no control
characters let through (issue 35, item 2); and records `summary` and `load` cannot read are
skipped with one line each, never a traceback (issue 35, item 10)."""
from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

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
    assert line == (f"kzfacts: {tmp_path}/evil^[]0;pwned^G^[[2J.txt: binary file, not text; "
                    "pass plain-text articles only")
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


# ---- item 10: malformed records in summary and load


def _set(path: str, value):
    """A change to a valid record: the value at a dotted path (numbers index lists)."""
    def change(rec: dict) -> dict:
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        target = rec
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
        return rec
    return change


def _whole(value):
    return lambda rec: value


def _drop(path: str):
    """A change to a valid record: the key at a dotted path removed."""
    def change(rec: dict) -> dict:
        *keys, last = [int(k) if k.isdigit() else k for k in path.split(".")]
        target = rec
        for key in keys:
            target = target[key]
        del target[last]
        return rec
    return change


P0 = "articles.0.people.0"
# (change to a valid record, the reason named on stderr)
MALFORMED = [
    (_set("articles", "Jane Doe said"), "articles is a string"),
    (_set("articles", {"people": []}), "articles is an object"),
    (_set("articles", 5), "articles is a number"),
    (_set("articles", [None]), "articles[0] is null"),
    (_set("articles.0", "text"), "articles[0] is a string"),
    (_set("articles.0.people", "Jane Doe"), "articles[0].people is a string"),
    (_set("articles.0.people", [None]), "articles[0].people[0] is null"),
    (_set(f"{P0}.name", 5), "articles[0].people[0].name is a number"),
    (_set(f"{P0}.name", None), "articles[0].people[0].name is null"),
    (_set(f"{P0}.name", ["Jane", "Doe"]), "articles[0].people[0].name is an array"),
    (_set(f"{P0}.mentions", 5), "articles[0].people[0].mentions is a number"),
    (_set(f"{P0}.mentions", [5]), "articles[0].people[0].mentions[0] is a number"),
    (_set(f"{P0}.aliases", "Jane"), "articles[0].people[0].aliases is a string"),
    (_set(f"{P0}.aliases", [1, 2]), "articles[0].people[0].aliases[0] is a number"),
    (_set(f"{P0}.titles", 5), "articles[0].people[0].titles is a number"),
    (_set(f"{P0}.affiliations", ["Senate"]), "articles[0].people[0].affiliations[0] is a string"),
    (_set(f"{P0}.affiliations", [{"organisation": 5}]),
     "articles[0].people[0].affiliations[0].organisation is a number"),
    (_set("articles.0.organisations", [{"name": "UN", "aliases": [], "acronym": 5,
                                        "mentions": [{"text": "UN", "start": 0, "end": 2}]}]),
     "articles[0].organisations[0].acronym is a number"),
    (_set("articles.0.quotes", "We will act"), "articles[0].quotes is a string"),
    (_set("articles.0.quotes.0.speakers", "Jane Doe"), "articles[0].quotes[0].speakers is a string"),
    (_set("articles.0.quotes.0.speaker", 5), "articles[0].quotes[0].speaker is a number"),
    (_set("error", "boom"), "error is a string"),
    (_set("source", None), "source is null"),
    (_whole([1, 2]), "the record is an array"),
    (_whole({"text": "an article, not a record"}), "no schema_version, source and articles"),
]


def _malformed_feed(tmp_path, change) -> str:
    bad = change(copy.deepcopy(record("bad.txt", "Jane Doe")))
    return write_jsonl(tmp_path / "facts.jsonl", [record("a.txt", "Jane Doe"), bad, record("c.txt", "Jane Doe")])


@pytest.mark.parametrize("change, reason", MALFORMED, ids=[r for _, r in MALFORMED])
def test_summary_skips_a_malformed_record_and_uses_the_rest(tmp_path, change, reason):
    feed = _malformed_feed(tmp_path, change)
    result = invoke("summary", feed, "--format", "json")
    assert lines(result.stderr) == [f"kzfacts: {feed}:2: not a kzfacts record ({reason}); skipped"]
    assert result.exit_code == 1
    stats = json.loads(result.stdout)
    assert (stats["files"], stats["articles"]) == (2, 2)
    assert [(p["name"], p["articles"]) for p in stats["people"]] == [("Jane Doe", 2)]


def test_summary_reads_a_json_array_with_a_malformed_record(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps([record("a.txt", "Jane Doe"), _set("articles", 5)(record("b.txt"))]), encoding="utf-8")
    result = invoke("summary", str(path), "--format", "json")
    assert lines(result.stderr) == [f"kzfacts: {path}: record 2: not a kzfacts record (articles is a number); skipped"]
    assert result.exit_code == 1 and json.loads(result.stdout)["files"] == 1


LOAD_MALFORMED = [
    (_set("source", None), "source is null"),
    (_set("source", ""), "source is empty"),
    (_set("source", 5), "source is a number"),
    (_set("origin", ["a"]), "origin is an array"),
    (_set("articles", "Jane Doe said"), "articles is a string"),
    (_set("error", "boom"), "error is a string"),
    (_drop("articles.0.places"), "articles[0].places is missing"),
    (_set(f"{P0}.mentions", 5), "articles[0].people[0].mentions is a number"),
    (_set(f"{P0}.mentions.0.page", 3), "articles[0].people[0].mentions[0].page is not a field kzfacts writes"),
    (_set(f"{P0}.name", 5), "articles[0].people[0].name is a number"),
    (_set(f"{P0}.affiliations", ["Senate"]), "articles[0].people[0].affiliations[0] is a string"),
    (_set("articles.0.dates", [7]), "articles[0].dates[0] is a number"),
]


@pytest.mark.parametrize("change, reason", LOAD_MALFORMED, ids=[r for _, r in LOAD_MALFORMED])
def test_load_skips_a_malformed_record_and_loads_the_rest(tmp_path, change, reason):
    feed = _malformed_feed(tmp_path, change)
    db = tmp_path / "facts.db"
    result = invoke("load", feed, "--db", str(db))
    assert lines(result.stderr) == [f"kzfacts: {feed}:2: not a kzfacts record ({reason}); skipped",
                                    f"kzfacts: 2 records loaded into {db}, 1 skipped"]
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    with sqlite3.connect(db) as conn:
        # a file's database key is its resolved path (issue 35, item 7)
        assert conn.execute("select origin, source from sources order by origin").fetchall() == [
            (str(Path("a.txt").resolve()), "a.txt"), (str(Path("c.txt").resolve()), "c.txt")]
        assert conn.execute("select name, entity_id is not null from people").fetchall() == [("Jane Doe", 1)] * 2


def test_load_of_good_records_exits_0(tmp_path):
    feed = write_jsonl(tmp_path / "facts.jsonl", [record("a.txt", "Jane Doe"), record("b.txt", "Ann Lee")])
    result = invoke("load", feed, "--db", str(tmp_path / "facts.db"))
    assert result.exit_code == 0 and lines(result.stderr) == [f"kzfacts: 2 records loaded into {tmp_path}/facts.db"]


def test_load_from_standard_input_names_it(tmp_path):
    text = json.dumps(record("a.txt", "Jane Doe")) + "\n" + json.dumps(_set("source", None)(record("b"))) + "\n"
    result = invoke("load", "-", "--db", str(tmp_path / "facts.db"), input=text)
    assert result.exit_code == 1
    assert lines(result.stderr)[0] == "kzfacts: standard input:2: not a kzfacts record (source is null); skipped"


@pytest.mark.parametrize("line, reason", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"schema_version": "1.1", "source": "cut.txt", "arti', "the line is not JSON"),  # an interrupted run's last line
    ('{"schema_version": "1.1", "source": "a", "error": null, "articles": [], "n": 1e400, "big": '
     + "9" * 30 + "}", "big is a number past 64 bits"),
    ('{"schema_version": "1.1", "source": "a\\ud800", "error": null, "articles": []}',
     "source holds an unpaired surrogate"),
])
@pytest.mark.parametrize("command", ["summary", "load"])
def test_lines_no_output_can_hold_are_skipped(tmp_path, command, line, reason):
    feed = tmp_path / "facts.jsonl"
    feed.write_text(json.dumps(record("a.txt", "Jane Doe")) + "\n" + line + "\n", encoding="utf-8")
    args = ["--format", "json"] if command == "summary" else ["--db", str(tmp_path / "facts.db")]
    result = invoke(command, str(feed), *args)
    assert lines(result.stderr)[0] == f"kzfacts: {feed}:2: not a kzfacts record ({reason}); skipped"
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    if command == "summary":
        assert json.loads(result.stdout)["files"] == 1
    else:
        assert lines(result.stderr)[1] == f"kzfacts: 1 record loaded into {tmp_path}/facts.db, 1 skipped"


def test_summary_of_a_folder_whose_only_record_is_malformed_reads_no_articles(tmp_path):
    (tmp_path / "out").mkdir()
    feed = write_jsonl(tmp_path / "out" / "facts.jsonl", [_set("articles", 5)(record("a.txt", "Jane Doe"))])
    result = invoke("summary", str(tmp_path / "out"), "--format", "json")
    assert lines(result.stderr)[0] == f"kzfacts: {feed}:1: not a kzfacts record (articles is a number); skipped"
    assert "bad_jsonl" not in result.stderr and "text" not in result.stderr  # not read again as articles
    assert result.exit_code == 1


def test_eval_shows_a_gold_texts_name_as_text(tmp_path):
    """`eval --errors` names a text's file: its escapes and bidi overrides are shown, never run (review of item 2)."""
    name = "q\x1b[2J\x1b]0;PWN\x07\u202e.txt"
    (tmp_path / name).write_text("Minister Jane Doe spoke in Astana.", encoding="utf-8")
    (tmp_path / "x.gold.json").write_text(json.dumps({"file": name, "articles": [{"people": [{"name": "Nobody"}]}]}),
                                          encoding="utf-8")
    result = invoke("eval", str(tmp_path), "--errors", "3")
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\x07" not in result.stdout
    assert "q^[[2J^[]0;PWN^G<U+202E>.txt" in result.stdout
