"""Values that cannot be: impossible days, years past 9999, numbers past a float, lone surrogates.
Each keeps its text and offsets, never costs the text its other facts, and never breaks JSON."""
from __future__ import annotations

import json
from datetime import date

import jsonschema
import pytest

from kzfacts.pipeline.dates.grammar import is_real_date, iso_date, normalise_date, parse_absolute
from kzfacts.schema import record_schema

from .conftest import assert_offsets

VALIDATOR = jsonschema.Draft202012Validator(record_schema())


def no_constant(name: str):
    raise ValueError(f"not JSON: {name}")


def strict_json(record: dict) -> dict:
    """The record through strict JSON: no NaN or Infinity either way."""
    return json.loads(json.dumps(record, allow_nan=False), parse_constant=no_constant)


def checked(extractor, text: str, reference_date: str | None = None) -> dict:
    record = extractor.extract(text, reference_date=reference_date)
    assert record["error"] is None and record["warnings"] == []
    VALIDATOR.validate(record)
    assert strict_json(record) == record
    assert_offsets(text, record)
    return record


@pytest.mark.parametrize("text, ref, dates", [
    # the reported cases: the text keeps its other facts, the impossible day has no value
    ("The minister spoke on 29 February 2021.", None, [("29 February 2021", None, "day")]),
    ("The minister spoke on 31 April 2020.", None, [("31 April 2020", None, "day")]),
    ("The minister spoke on 31 December 99999.", None, [("31 December 99999", None, "day")]),
    ("The minister spoke on 31 December 99999.", "2020-06-01", [("31 December 99999", None, "day")]),
    ("The minister spoke on 31 April 2020.", "2020-06-01", [("31 April 2020", None, "day")]),
    ("The minister spoke on 29 February 2020.", None, [("29 February 2020", "2020-02-29", "day")]),
    ("On April 31 he left.", "2020-06-01", [("April 31", None, "day")]),
    ("They spoke on 30 February.", "2020-06-01", [("30 February", None, "day")]),
    ("Dated 2020-04-31.", None, [("2020-04-31", None, "day")]),
    ("Dated 2020-13-01.", None, [("2020-13-01", None, "day")]),
    ("It was 2/30/2021.", None, [("2/30/2021", None, "day")]),
    # a yearless 29 February takes the leap year near the reference date
    ("On February 29 he left.", "2021-03-10", [("February 29", "2020-02-29", "day")]),
    ("It happened on 31 December 2500.", "2020-06-01", [("31 December 2500", None, "day")]),
    ("It happened in December 99999.", "2020-06-01", [("December 99999", None, "month")]),
    ("It happened on 5 May, 2021.", None, [("5 May, 2021", "2021-05-05", "day")]),
])
def test_impossible_dates_have_no_value(extractor, text, ref, dates):
    (art,) = checked(extractor, text, ref)["articles"]
    assert [(d["text"], d["value"], d["granularity"]) for d in art["dates"]] == dates


def test_an_impossible_date_costs_no_other_fact(extractor):
    text = "President Tokayev said on 29 February 2021 in Astana that Kazakhstan would spend $5 million."
    (art,) = checked(extractor, text)["articles"]
    assert [p["name"] for p in art["people"]] == ["Tokayev"]
    assert [p["name"] for p in art["places"]] == ["Astana", "Kazakhstan"]
    assert [(f["text"], f["value"]) for f in art["figures"]] == [("$5 million", 5000000)]
    assert [(d["text"], d["value"]) for d in art["dates"]] == [("29 February 2021", None)]


@pytest.mark.parametrize("text, anchor, value", [
    ("29 February 2021", None, None),
    ("29 February 2024", None, "2024-02-29"),
    ("29 February", None, "XXXX-02-29"),  # some year has it
    ("31 April", None, None),  # no year has it
    ("29 February", date(2021, 3, 10), "2020-02-29"),
    ("29 February", date(2022, 6, 1), None),  # no leap year among 2021-2023
    ("31 December 99999", None, None),
    ("December 31 99999", None, None),
    ("2021-00-10", None, None),
    ("2021-12-32", None, None),
    ("12/31/2021", None, "2021-12-31"),
    ("May 2021", None, "2021-05"),
])
def test_the_grammar_gives_only_real_days(text, anchor, value):
    assert normalise_date(text, anchor=anchor).value == value


@pytest.mark.parametrize("text, reference", [
    ("tomorrow", date(9999, 12, 31)), ("next week", date(9999, 12, 31)), ("next year", date(9999, 1, 1)),
    ("next decade", date(9999, 1, 1)), ("next January", date(9999, 6, 1)), ("Friday", date(9999, 12, 31)),
    ("yesterday", date(1, 1, 1)), ("last week", date(1, 1, 1)), ("two weeks ago", date(1, 1, 1)),
    ("3 years ago", date(1, 6, 1)), ("last decade", date(1, 6, 1)), ("the same day last year", date(1, 6, 1)),
    ("last Friday", date(1, 1, 1)),
])
def test_relative_dates_past_the_calendar_have_no_value(text, reference):
    parsed = normalise_date(text, anchor=reference, reference=reference, future=True)
    assert parsed is not None and parsed.value is None


@pytest.mark.parametrize("year, month, day, real", [
    (2021, 2, 29, False), (2020, 2, 29, True), (1900, 2, 29, False), (2000, 2, 29, True), ("XXXX", 2, 29, True),
    ("XXXX", 4, 31, False), (2021, 4, 30, True), (2021, 13, 1, False), (2021, 0, 1, False), (10000, 1, 1, False),
    (0, 1, 1, False), (9999, 12, 31, True),
])
def test_is_real_date(year, month, day, real):
    assert is_real_date(year, month, day) is real


def test_iso_date_of_an_impossible_value_is_none():
    assert iso_date("2020-04-31") is None and iso_date("2020-13") is None and iso_date("2020-04-30") == date(2020, 4, 30)


def test_a_dateline_with_an_impossible_day_publishes_nothing():
    assert parse_absolute("February 30, 2021", None) == (None, "day", len("February 30, 2021"))


BIG = "9" * 400


@pytest.mark.parametrize("text, figures", [
    (f"It cost {BIG} tenge.", []),
    (f"It cost ${BIG} and 5 tenge.", [("5 tenge", 5)]),
    (f"Between 5-{BIG} people came.", []),  # an infinite upper end is no range
    (f"{'9' * 300} billion billion dollars", []),
    ("It cost 1e400 tenge.", []),
    ("It cost 2.5 million tenge.", [("2.5 million tenge", 2500000)]),
])
def test_a_number_past_a_float_is_no_figure(extractor, text, figures):
    (art,) = checked(extractor, text)["articles"]
    assert [(f["text"], f["value"]) for f in art["figures"]] == figures


@pytest.mark.parametrize("digits, value", [(300, 1e300), (16, 1e16), (15, 999999999999999)])
def test_huge_whole_values_are_floats_not_endless_ints(extractor, digits, value):
    text = f"He paid ${'9' * digits}."
    (art,) = checked(extractor, text)["articles"]
    (fig,) = art["figures"]
    assert fig["value"] == value and type(fig["value"]) is type(value)


@pytest.mark.parametrize("text", [
    "President Tokayev\ud800 said: \u201cWe\udfff will.\u201d on 5 May 2021, it cost $5\ud800 million.",
    "\ud800",
    "\udc80\udc80 The Senate met in Astana on 3 March 2021.",
    "Tok\ud800ayev met Na\udc00zarbayev in Ast\ud800ana.",
])
def test_lone_surrogates_in_the_text(extractor, text):
    record = extractor.extract(text)
    assert record["error"] is None and record["warnings"] == []
    VALIDATOR.validate(record)
    assert_offsets(text, record)  # the input's own characters, surrogates and all
    json.loads(json.dumps(record, allow_nan=False))  # escaped as \\ud800, which JSON allows


def test_surrogates_in_a_batch_and_in_chunks(extractor):
    from kzfacts.api import CHUNK_CHARS

    short = "Tokayev\ud800 spoke in Astana on 3 March 2021."
    long = ("\ud800 The Senate met in Astana on 3 March 2021. " * (CHUNK_CHARS // 40 + 10))
    for text, record in zip([short, long, short],
                            extractor.extract_many([("a", short, None), ("b", long, None), ("c", short, None)]),
                            strict=True):
        assert record["error"] is None and record["warnings"] == []
        assert_offsets(text, record)
