"""A count and a half ("seven-and-a-half years", "one and a half times"): one value, never a
figure cut at "and". Made-up sentences, none from an evaluation text."""
from __future__ import annotations

import pytest

DURATIONS = [  # the model dates the spaced form: a duration (sentence, the duration)
    ("She was jailed for two and a half years for fraud.", "two and a half years"),
    ("The inspection lasted one and a half weeks.", "one and a half weeks"),
    ("The former minister served 7.5 years of his sentence.", "7.5 years"),
]


@pytest.mark.parametrize("sentence, text", DURATIONS)
def test_a_count_and_a_half_the_model_dates_is_a_duration(run, sentence, text):
    art = run(sentence, reference_date="2021-04-02")
    assert (text, "duration") in [(d["text"], d["kind"]) for d in art["dates"]]


VALUES = [  # (sentence, figure text, value, unit)
    ("The court sentenced the activist on Monday to seven-and-a-half years in prison.", "seven-and-a-half years", 7.5, "year"),
    ("He spent four-and-a-half years in exile in Moscow.", "four-and-a-half years", 4.5, "year"),
    ("Repairs took three-and-a-half months, the operator said.", "three-and-a-half months", 3.5, "month"),
    ("Grain exports grew one-and-a-half times last year.", "one-and-a-half times", 1.5, None),
    ("Output rose by one and a half times in the first quarter.", "one and a half times", 1.5, None),
    ("Tariffs were raised two-and-a-half times since January.", "two-and-a-half times", 2.5, None),
    ("Imports of cars rose 3 and a half times in 2023.", "3 and a half times", 3.5, None),
    ("The mine produced two-and-a-half tonnes of gold.", "two-and-a-half", 2.5, None),
]


@pytest.mark.parametrize("sentence, text, value, unit", VALUES)
def test_a_count_and_a_half_is_one_value(run, sentence, text, value, unit):
    figures = [(f["text"], f["value"], f["unit"]) for f in run(sentence, reference_date="2021-04-02")["figures"]]
    assert (text, value, unit) in figures
    assert not any(t.endswith("-and") or t == "a half" for t, _, _ in figures)
