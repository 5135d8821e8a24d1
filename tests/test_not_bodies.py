"""Issue 37, organisation precision: names of places and things the model or a rule takes for a
body. Made-up sentences, none from an evaluation text."""
from __future__ import annotations

import pytest

from .conftest import names

PLACES_AND_THINGS = [
    # a state that no longer exists is a place, though "Union" is an organisation word
    ("After the collapse of the Soviet Union, Tajikistan fought a civil war that lasted five years.", "Soviet Union"),
    ("Kazakhstan declared independence from the Soviet Union in December 1991.", "Soviet Union"),
    ("Trade between East Germany and the Soviet Union grew in the 1970s.", "Soviet Union"),
    # a city CLDR names a time zone after
    ("Officials met in Dushanbe to discuss water, and the talks will continue in Bishkek next month.", "Dushanbe"),
    ("The summit in Dushanbe ended without a joint statement from the leaders.", "Dushanbe"),
    # a dateline whose city is followed by its state or country
    ("ALMATY, Kazakhstan - The central bank kept its base rate unchanged at its meeting on Friday.", "ALMATY"),
    ("FARGO, N.D. (May 2, 2019) -- Engineers of the river authority finished the new levee this week.", "FARGO"),
    # a language tag after a link
    ("The blogger Aidos Sarym wrote (RUS) that the trial had been closed to the press.", "RUS"),
    ("Another blogger replied (RUS): the court had no reason to close the hearing.", "RUS"),
    ("The editors of the site (KAZ) said they would appeal against the ban on Monday.", "KAZ"),
    # a currency the text also counts money in
    ("GDP reached 900 trillion Soum in 2023, and the Soum lost 4% against the dollar.", "Soum"),
    ("Uzbekistan's national currency Soum depreciated by 3.5% against the dollar.", "Soum"),
    # a disease's acronym
    ("The clinic treats patients with TB and malaria across the region.", "TB"),
    ("Funding will cover HIV, TB and hepatitis programmes in Kyrgyzstan.", "TB"),
]


@pytest.mark.parametrize("text, thing", PLACES_AND_THINGS)
def test_a_place_or_a_thing_is_no_organisation(run, text, thing):
    art = run(text)
    assert thing not in names(art, "organisations") + names(art, "people")


KEPT_BODIES = [  # the same shapes where they do name a body
    ("The Eurasian Economic Union agreed on common tariffs in Moscow.", "Eurasian Economic Union"),
    ("Soviet Union Limited, a shipping company, said on Monday it had bought two tankers.", "Soviet Union Limited"),
    ("The Russian Union of Shipbuilders (RUS) said it would build two tankers for Kazakhstan.", "RUS"),
    ("Analysts at Rand said the army budget would grow by a fifth next year.", "Rand"),
]


@pytest.mark.parametrize("text, body", KEPT_BODIES)
def test_a_body_of_the_same_shape_stays(run, text, body):
    assert any(body == e["name"] or body in e["aliases"] for e in run(text)["organisations"])
