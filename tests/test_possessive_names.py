"""A name never holds an owner's possessive: "Breitbart’s Joel Pollak" is a body and its writer,
"Dave Leip’s Atlas" a person and his work (`boundaries.owner_and_owned`). Made-up sentences, none
from an evaluation text."""
from __future__ import annotations

import pytest

from .conftest import names

# (text, names that must not come out as a person or body, the person, the body or None)
OWNER_AND_OWNED = [
    ("Breitbart’s Joel Pollak reported that the hearing was closed.", "Breitbart’s Joel Pollak", "Joel Pollak", "Breitbart"),
    ("Kazinform’s Aigerim Sadykova wrote that the plant would open in May.", "Kazinform’s Aigerim Sadykova",
     "Aigerim Sadykova", "Kazinform"),
    ("Reuters’ Olzhas Auyezov reported from Almaty on Tuesday.", "Reuters’ Olzhas Auyezov", "Olzhas Auyezov", "Reuters"),
    ("Dave Leip’s Atlas of U.S. Presidential Elections called the county a bellwether.", "Dave Leip’s Atlas",
     "Dave Leip", None),
    ("Larry Sabato’s Crystal Ball said the race in Ohio was close.", "Larry Sabato’s Crystal Ball", "Larry Sabato", None),
    ("Barack Obama left office in January. The memo showed that Obama’s Initial Briefing was changed twice.",
     "Obama’s Initial Briefing", "Barack Obama", None),
    ("Critics said Trump’s Islamaphobia would cost him votes in the spring.", "Trump’s Islamaphobia", None, None),
    ("Tokayev’s Amanat party won most seats in the Mazhilis.", "Tokayev’s Amanat", None, None),
]


@pytest.mark.parametrize("text, whole, who, body", OWNER_AND_OWNED)
def test_a_possessive_parts_owner_and_owned(run, text, whole, who, body):
    art = run(text)
    found = names(art, "people") + names(art, "organisations")
    assert whole not in found
    if who:
        assert who in names(art, "people")
    if body:
        assert body in names(art, "organisations")


KEPT_WHOLE = [  # a body whose own name is built on a possessive
    ("The Korean People’s Army held drills near the border on Monday.", "Korean People’s Army"),
    ("Moody’s Investors Service raised Kazakhstan’s rating to Baa1 on Friday.", "Moody’s Investors Service"),
    ("The Women’s Union of Tajikistan opened a shelter in Khujand.", "Women’s Union of Tajikistan"),
    ("The New People’s Party won two seats in the local council.", "New People’s Party"),
    ("Standard & Poor’s Global Ratings kept Kazakhstan at BBB- on Friday.", "Standard & Poor’s Global Ratings"),
    ("Lloyd’s Register certified the new tanker in Aktau last week.", "Lloyd’s Register"),
    ("The painting was sold at Sotheby’s London for 2 million pounds.", "Sotheby’s London"),
]


@pytest.mark.parametrize("text, body", KEPT_WHOLE)
def test_a_body_named_with_a_possessive_stays_whole(run, text, body):
    assert body in names(run(text), "organisations")


PLACES = [  # a place's name keeps its possessive
    ("Boeing sold ten planes to airlines of the People’s Republic of China last year.", "People’s Republic of China"),
    ("Kazakhstan signed a water accord with the People’s Republic of China in Astana.", "People’s Republic of China"),
]


@pytest.mark.parametrize("text, place", PLACES)
def test_a_place_keeps_its_possessive(run, text, place):
    assert place in names(run(text), "places")
