"""Property-based tests through the real model: random dates, numbers, quote marks and Unicode.

Whatever the text, kzfacts gives a record with no error and no component warning (a warning
would mean an exception was caught inside a component), in strict JSON, with exact offsets,
and with no impossible date as a value.
"""
from __future__ import annotations

import json
import re
from datetime import date

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzfacts.schema import record_schema

from .conftest import assert_offsets

VALIDATOR = jsonschema.Draft202012Validator(record_schema())
FAST = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Jan", "Feb.", "Sept", "Dec"]
YEARS = st.one_of(st.integers(1500, 2199), st.integers(0, 99), st.integers(0, 99999), st.integers(10 ** 5, 10 ** 9))
DAYS = st.integers(0, 40)
REFERENCES = st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat) | \
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)


def no_constant(name: str):
    raise ValueError(f"not JSON: {name}")


def check(extractor, text: str, reference_date: str | None = None) -> dict:
    """The properties every record has; returns the record."""
    record = extractor.extract(text, reference_date=reference_date)
    assert record["error"] is None, record["error"]
    assert record["warnings"] == [], record["warnings"]
    VALIDATOR.validate(record)
    assert json.loads(json.dumps(record, allow_nan=False), parse_constant=no_constant) == record
    assert_offsets(text, record)
    for art in record["articles"]:
        for d in art["dates"]:
            for value in (d["value"], d.get("range_end"), *(d.get("values") or [])):
                assert_real(value)
    return record


def assert_real(value: str | None) -> None:
    """A day or month value names a day or month that exists, in the years 0001-9999."""
    if value is None:
        return
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        date.fromisoformat(value)
    elif re.fullmatch(r"XXXX-\d\d-\d\d", value):
        date.fromisoformat("2000" + value[4:])  # some year has it: 2000 is a leap year
    elif re.fullmatch(r"(?:\d{4}|XXXX)-\d\d", value):
        assert 1 <= int(value[5:]) <= 12, value
    assert re.match(r"(?:\d{4}|XXXX|\d{3}X|\d\dXX)(?:-|$)", value), value


@st.composite
def a_date(draw) -> str:
    """A date as news writes it, real or not: "31 April 2020", "Feb. 29", "2021-13-01", "2/30/99"."""
    day, year = draw(DAYS), draw(YEARS)
    month_name, month = draw(st.sampled_from(MONTH_NAMES)), draw(st.integers(0, 19))
    form = draw(st.sampled_from([
        f"{day} {month_name} {year}", f"{month_name} {day}, {year}", f"{month_name} {day}", f"{day} {month_name}",
        f"{year:04d}-{month:02d}-{day:02d}", f"{month}/{day}/{year}", f"{month_name} {year}", f"the {day}th of {month_name}",
        f"{day}-{day + 1} {month_name} {year}", f"from {month_name} {day} to {month_name} {year}",
    ]))
    return form


SENTENCES = ["The minister spoke on {}.", "{} was the deadline, Tokayev said.", "Oil rose in Astana on {} by 5%.",
             "Since {}, the bank has grown.", "“We will meet on {},” she said.", "{}"]


@FAST
@given(st.lists(a_date(), min_size=1, max_size=3), st.sampled_from(SENTENCES), REFERENCES)
def test_random_dates(extractor, dates, sentence, reference):
    check(extractor, " ".join(sentence.format(d) for d in dates), reference)


@st.composite
def a_number(draw) -> str:
    """A number in any of the forms a text can hold: 400 digits, decimals, exponents, grouping."""
    digits = draw(st.integers(1, 450))
    whole = draw(st.sampled_from(["9", "1", "0", "5"])) * digits
    return draw(st.sampled_from([
        whole, f"{whole}.{draw(st.integers(0, 10 ** 6))}", f"{draw(st.integers(0, 999))},{draw(st.integers(100, 999))}",
        f"{draw(st.integers(1, 99))}e{draw(st.integers(-400, 400))}", f"0.{whole}", f"-{whole}",
        f"{draw(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))}",
        "inf", "NaN", "Infinity",
    ]))


NUMBER_SENTENCES = ["It cost {} tenge.", "He paid ${} for it.", "Output rose {}% last year.", "{} people came.",
                    "about {} billion dollars", "Between {} and {} barrels per day.", "It was {}-{} percent.",
                    "{} million, {} thousand and {} cents", "ranked {}th", "{}"]


@FAST
@given(st.sampled_from(NUMBER_SENTENCES), st.lists(a_number(), min_size=3, max_size=3))
def test_random_numbers(extractor, sentence, numbers):
    record = check(extractor, sentence.format(*numbers))
    for art in record["articles"]:
        for fig in art["figures"]:
            assert isinstance(fig["value"], int | float) and abs(fig["value"]) < float("inf")


PIECES = ["Jane Doe", " said ", "“", "”", '"', "‘", "’", "«", "»", "„", "'", "\n\n", ": ", ", ", ". ",
          "President Tokayev", "the European Union", "Astana", "on 3 May 2021", "$5 million", "40%",
          "\ud800", "\udfff", "\udc80", "e\u0301", "\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645",
          "\u200f", "\u202e", "\u200b", "\ufeff", "\U0001f600", "\U0001f1f0\U0001f1ff", "\u2014", "\u00a0", "\t", "\x00"]


@FAST
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=40).map("".join), REFERENCES)
def test_random_quotes_and_unicode(extractor, text, reference):
    check(extractor, text, reference)


@FAST
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=200))
def test_any_characters_at_all(extractor, text):
    """Every code point, lone surrogates (category Cs) included."""
    check(extractor, text)
