"""One bad fact never costs a text: an exception inside one component is a warning on the record,
and every other component's facts are kept."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema
import pytest

from kzfacts.pipeline import articles, base
from kzfacts.pipeline.dates import component as dates
from kzfacts.pipeline.entities import component as entity_component
from kzfacts.pipeline.figures import component as figures
from kzfacts.pipeline.quotes import component as quotes
from kzfacts.schema import record_schema

from .conftest import assert_offsets

TEXT = ("President Kassym-Jomart Tokayev met the European Union delegation in Astana on 3 March 2021. "
        "“We will open 12 new schools,” Tokayev said. The European Union pledged €5 million.")


def boom(*args, **kwargs):
    raise ValueError("broken\non purpose")


def facts(record: dict) -> dict[str, int]:
    (art,) = record["articles"]
    return {k: len(art[k]) for k in ("people", "organisations", "places", "dates", "figures", "quotes")}


def test_a_clean_text_has_an_empty_warnings_list(extractor):
    record = extractor.extract(TEXT)
    assert record["warnings"] == [] and record["error"] is None


@pytest.mark.parametrize("module, function, name, lost", [
    (dates, "find_dates", "kz_dates", ["dates"]),
    (figures, "find_figures", "kz_figures", ["figures"]),
    (quotes, "find_quotes", "kz_quotes", ["quotes"]),
    # quotes still run without entities; their speakers are then unnamed
    (entity_component, "find_entities", "kz_entities", ["people", "organisations", "places"]),
])
def test_one_failing_component_costs_only_its_own_facts(extractor, monkeypatch, module, function, name, lost):
    before = facts(extractor.extract(TEXT))
    monkeypatch.setattr(module, function, boom)
    record = extractor.extract(TEXT)
    jsonschema.Draft202012Validator(record_schema()).validate(record)
    assert record["error"] is None
    assert record["warnings"] == [{"type": "component_error", "message": f"{name}: ValueError: broken on purpose"}]
    after = facts(record)
    assert all(after[k] == 0 for k in lost)
    assert {k: v for k, v in after.items() if k not in lost and k != "quotes"} == \
        {k: v for k, v in before.items() if k not in lost and k != "quotes"}
    assert after["quotes"] == (0 if name == "kz_quotes" else before["quotes"])
    assert_offsets(TEXT, record)


def test_a_failing_article_splitter_leaves_one_untitled_article(extractor, monkeypatch):
    monkeypatch.setattr(articles, "find_articles", boom)
    record = extractor.extract(TEXT)
    (art,) = record["articles"]
    assert (art["start"], art["end"], art["title"]) == (0, len(TEXT), None)
    assert art["people"] and art["dates"] and art["figures"] and art["quotes"]
    assert [w["message"].split(":")[0] for w in record["warnings"]] == ["kz_articles"]


def test_warnings_of_texts_in_one_batch_stay_with_their_text(extractor, monkeypatch):
    real = dates.find_dates

    def some(doc, reference=None):
        if "BREAK" in doc.text:
            raise RuntimeError("this one")
        return real(doc, reference)

    monkeypatch.setattr(dates, "find_dates", some)
    records = list(extractor.extract_many([("a", TEXT, None), ("b", "BREAK " + TEXT, None), ("c", TEXT, None)]))
    assert [len(r["warnings"]) for r in records] == [0, 1, 0]
    assert [facts(r)["dates"] for r in records] == [1, 0, 1]


def test_a_long_text_in_chunks_keeps_its_warnings(extractor, monkeypatch):
    from kzfacts.api import CHUNK_CHARS

    monkeypatch.setattr(figures, "find_figures", boom)
    text = (TEXT + "\n\n") * (CHUNK_CHARS // len(TEXT) + 2)
    record = extractor.extract(text)
    assert [w["message"].split(":")[0] for w in record["warnings"]] == ["kz_figures"]
    assert record["articles"][0]["dates"]


def test_strict_mode_lets_the_exception_through(monkeypatch):
    from kzfacts.api import load_extractor

    monkeypatch.setattr(dates, "find_dates", boom)
    strict = load_extractor(strict=True)
    with pytest.raises(ValueError, match="broken"):
        strict.extract(TEXT)
    # strictness is the strict pipeline's own: the default one still fails soft
    assert load_extractor().extract(TEXT)["warnings"][0]["message"].startswith("kz_dates: ValueError")


def test_a_timeout_is_not_swallowed(extractor, monkeypatch):
    from kzfacts.deadline import TextTimeout

    def stuck(*args, **kwargs):
        raise TextTimeout()

    monkeypatch.setattr(dates, "find_dates", stuck)
    with pytest.raises(TextTimeout):
        extractor.extract(TEXT)


@pytest.mark.parametrize("message, expected", [
    ("a\n  b\tc", "a b c"),
    ("", "(no message)"),
    ("x" * 400, "x" * 297 + "..."),
    ("bad \ud800 text", "bad \ufffd text"),
])
def test_a_warning_message_is_one_short_line(message, expected):
    assert base.one_line(ValueError(message)) == expected


FORKED = """
import sys
import kzfacts.pipeline.dates.component as dates
real = dates.find_dates
def find_dates(doc, reference=None):  # the forked workers inherit this patched function
    if "BREAK-DATES" in doc.text:
        raise ValueError("day is out of range for month")
    return real(doc, reference)
dates.find_dates = find_dates
from kzfacts.cli import main
sys.argv = ["kzfacts", "extract", sys.argv[1], "--format", "jsonl", "-j", "2", "-q"]
main()
"""


def test_warnings_cross_the_process_pool(tmp_path):
    for name, text in (("a.txt", TEXT), ("b.txt", "BREAK-DATES. " + TEXT), ("c.txt", TEXT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    # its own process: forking inside pytest's process is fragile
    proc = subprocess.run([sys.executable, "-c", FORKED, str(tmp_path)], capture_output=True, text=True, timeout=300)
    recs = {os.path.basename(r["source"]): r for r in map(json.loads, proc.stdout.splitlines())}
    assert sorted(recs) == ["a.txt", "b.txt", "c.txt"], proc.stderr
    assert recs["b.txt"]["warnings"] == [{"type": "component_error",
                                          "message": "kz_dates: ValueError: day is out of range for month"}]
    assert recs["b.txt"]["error"] is None and recs["b.txt"]["articles"][0]["people"]
    assert recs["b.txt"]["articles"][0]["dates"] == [] and recs["a.txt"]["articles"][0]["dates"]
    assert recs["a.txt"]["warnings"] == [] == recs["c.txt"]["warnings"]


def test_the_cli_reports_a_warning_in_one_line_and_keeps_the_record(monkeypatch):
    from typer.testing import CliRunner

    from kzfacts.cli import app

    monkeypatch.setattr(dates, "find_dates", boom)
    result = CliRunner().invoke(app, ["extract", "-", "--format", "json", "-j", "1"],
                                input="Minister Jane Doe opened the bridge in Astana on 3 March 2021.")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["warnings"][0]["type"] == "component_error" and record["articles"][0]["people"]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "kz_dates" in lines[0] and "(warning" in lines[0]
