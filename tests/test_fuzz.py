"""Fuzzing through the real model: short texts of the shapes news throws at a parser.

Blank pipelines never build the parses that hung kzfacts ("In 1996." parsed with a preposition
as its root), so these texts go through the whole pipeline, each under a time bound.
"""
from __future__ import annotations

import random

import jsonschema
import pytest

from kzfacts.deadline import TextTimeout, time_limit
from kzfacts.schema import record_schema

from .conftest import assert_offsets

SEED = 20261128
N_TEXTS = 300
BOUND = 10.0  # seconds for one short text: a hundred times what one takes

WORDS = ["Astana", "Almaty", "Tokayev", "Kazakhstan", "KASE", "Samruk-Kazyna", "Halyk", "Bank", "Ministry", "of",
         "Energy", "said", "the", "oil", "rose", "fell", "to", "in", "on", "by", "since", "until", "May", "June",
         "Monday", "2021", "1996", "5", "%", "tenge", "$", "billion", "million", "per", "barrel", "\u201c", "\u201d",
         '"', "'", "(", ")", "-", "\u2014", ":", ",", ".", "and", "he", "she", "they", "who", "President", "CEO",
         "Reuters", "AP", "Kairat", "FC", "United", "2-1", "1-0", "vs", "Q3", "yoy", "&", "Inc", "Ltd"]
PREPOSITIONS = ["In", "Until", "Since", "By", "After", "Before", "From", "During", "Through", "Over", "Under", "About"]
WHENS = ["1996", "May", "June 5", "January", "2030", "last year", "next week", "Tuesday", "the 1990s", "Q3 2021",
         "early December", "mid-2024", "5 March 2021", "2021-04-02"]
CITIES = ["ALMATY", "ASTANA", "TASHKENT", "BISHKEK", "LONDON", "NEW YORK"]


def prepositional(rng: random.Random) -> str:
    text = f"{rng.choice(PREPOSITIONS)} {rng.choice(WHENS)}."
    return text.upper() if rng.random() < 0.3 else text


def headline(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 10))).upper()


def dateline(rng: random.Random) -> str:
    day = f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{rng.choice(CITIES)}, {day} (Reuters) - " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))


def table_row(rng: random.Random) -> str:
    names = ["Kairat Almaty", "Astana FC", "Manchester United", "Halyk Bank", "KEGOC", "Kazatomprom", "Tobol"]
    cells = [rng.choice(names), *(str(rng.randint(0, 120)) for _ in range(rng.randint(1, 6)))]
    if rng.random() < 0.5:
        cells.append(f"{rng.uniform(-9, 9):+.2f}%")
    return rng.choice(["\t", "  ", " | ", ","]).join(cells)


def a_list(rng: random.Random) -> str:
    return "\n".join(f"{rng.choice(['-', '*', '1.', '•'])} {' '.join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))}"
                     for _ in range(rng.randint(2, 6)))


def single_token(rng: random.Random) -> str:
    return rng.choice(WORDS + WHENS + PREPOSITIONS)


def punctuation(rng: random.Random) -> str:
    return "".join(rng.choice(".,;:!?-\u2014()[]\u201c\u201d\"'\u2018\u2019\u00ab\u00bb") for _ in range(rng.randint(1, 30)))


def quote_marks(rng: random.Random) -> str:
    return rng.choice(["\u201c\u201d", '""', "\u201c \u201d said he.", "\u2018\u2019", "\u00ab\u00bb",
                       "\u201c\n\n\u201c", 'He said: "', "\u201cWe will.\u201d"])


def long_sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(150, 400)))


def word_salad(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))


SHAPES = [prepositional, headline, dateline, table_row, a_list, single_token, punctuation, quote_marks,
          long_sentence, word_salad]


def fuzz_texts() -> list[str]:
    rng = random.Random(SEED)
    return [SHAPES[i % len(SHAPES)](rng) for i in range(N_TEXTS)]


@pytest.mark.parametrize("shape", [s.__name__ for s in SHAPES])
def test_every_generated_text_returns_a_valid_record_quickly(extractor, shape):
    validator = jsonschema.Draft202012Validator(record_schema())
    index = [s.__name__ for s in SHAPES].index(shape)
    texts = fuzz_texts()[index::len(SHAPES)]
    assert len(texts) == N_TEXTS // len(SHAPES)
    for text in texts:
        try:
            with time_limit(BOUND):
                record = extractor.extract(text, reference_date="2021-04-02", source="fuzz")
        except TextTimeout:
            pytest.fail(f"no answer within {BOUND} s for {text!r}")
        validator.validate(record)
        assert record["error"] is None
        assert_offsets(text, record)


@pytest.mark.parametrize("text, value", [("In 1996.", "1996"), ("Until May.", "2021-05"), ("AFTER JUNE 5", "2021-06-05"),
                                         ("BY 2030", "2030"), ("Since January", "2021-01")])
def test_lone_prepositional_dates_resolve(run, text, value):
    (date,) = run(text, reference_date="2021-04-02")["dates"]
    assert date["value"] == value
