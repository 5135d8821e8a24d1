"""Issue 40: figures' values on real news: ranks, units over several words, money in codes and
abbreviations, thousands marked with a dot, "one ... to another" (made-up sentences)."""
from __future__ import annotations

import pytest


VALUES = [  # ranks, units over several words, money written with codes and abbreviations
    ("Kazakhstan is the world's fourth-largest uranium producer.", "fourth-largest", 4, None, "ordinal"),
    ("It is the second-biggest bank in the country.", "second-biggest", 2, None, "ordinal"),
    ("The pipeline carries 65 billion cubic metres per year.", "65 billion cubic metres per year", 65e9,
     "cubic metres per year", "quantity"),
    ("Workers sent home USD 3.83 billion.", "USD 3.83 billion", 3.83e9, "USD", "money"),
    ("Workers sent home 3.83 bln US dollars.", "3.83 bln US dollars", 3.83e9, "USD", "money"),
    ("The budget holds KZT 1.2 trillion for roads.", "KZT 1.2 trillion", 1.2e12, "KZT", "money"),
    ("The budget holds 1.2 trln tenge for roads.", "1.2 trln tenge", 1.2e12, "KZT", "money"),
    ("The site counted more than 22.000 unique visits.", "more than 22.000 unique visits", 22000,
     "visits", "count"),
    ("The ADB approved a $500 million loan.", "$500 million", 5e8, "USD", "money"),  # "a $" is no A$
    ("Brent traded at $71 a barrel.", "$71 a barrel", 71, "USD", "money"),
    ("The police bought 120 police cars.", "120 police cars", 120, "police cars", "count"),
]


@pytest.mark.parametrize("sentence, text, value, unit, kind", VALUES)
def test_value(run, sentence, text, value, unit, kind):
    figures = {f["text"]: f for f in run(sentence)["figures"]}
    assert text in figures, list(figures)
    fig = figures[text]
    assert (fig["value"], fig["unit"], fig["kind"]) == (pytest.approx(value), unit, kind)


@pytest.mark.parametrize("sentence", [
    "Power passed from one government to another.",
    "Delegates moved from one room to another.",
])
def test_no_figure(run, sentence):
    assert run(sentence)["figures"] == []


def test_any_one_is_no_count(run):
    assert [f["text"] for f in run("If any one party wins, it will govern alone.")["figures"]] == []
