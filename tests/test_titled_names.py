"""Who's who (issue 37), construction 1: a title with a body inside it, then the name, no comma.
The model often runs the body into the name ("Security Council of Kyrgyzstan Marat Imankulov");
the name leaves the body's span and is a person. Made-up sentences, none from an evaluation text."""
from __future__ import annotations

import pytest

from .conftest import names

TRAILING_NAMES = [
    ("Chief of Staff of the Presidential Administration Timur Dosov spoke at the forum.", "Timur Dosov"),
    ("Secretary of the Security Council of Kyrgyzstan Marat Imankulov held talks in Bishkek.", "Marat Imankulov"),
    ("Chairman of the Board of Samruk-Kazyna Nurlan Zhakupov opened the plant.", "Nurlan Zhakupov"),
    ("Head of the Migration Service of Tajikistan Rustam Nazarov arrived in Moscow.", "Rustam Nazarov"),
    ("Director of the National Bank of Uzbekistan Aziza Umarova signed the agreement.", "Aziza Umarova"),
    ("Governor of the Central Bank of Armenia Timur Avetisyan visited the exchange.", "Timur Avetisyan"),
    ("President of the Chamber of Commerce of Kazakhstan Aidar Bekov welcomed the guests.", "Aidar Bekov"),
    ("Chairman of the Committee for Water Resources Yerlan Nysanbayev inspected the dam.", "Yerlan Nysanbayev"),
]


@pytest.mark.parametrize("text, person", TRAILING_NAMES)
def test_a_name_after_a_body_inside_a_title_is_a_person(run, text, person):
    art = run(text)
    assert person in names(art, "people")
    assert not any(person.split()[-1] in org for org in names(art, "organisations") + names(art, "places"))


KEPT_BODIES = [  # a body whose own name ends in a person's: no cut
    ("The Nazarbayev University Foundation opened a new campus.", "Nazarbayev University Foundation"),
    ("He works at the Kunaev Institute of Physics in Almaty.", "Kunaev Institute of Physics"),
    ("Graduates of the Gumilyov Eurasian National University met in Astana.", "Gumilyov Eurasian National University"),
]


@pytest.mark.parametrize("text, body", KEPT_BODIES)
def test_a_body_named_after_a_person_stays_whole(run, text, body):
    assert body in names(run(text), "organisations")


# "Chargé", the chargé d'affaires' short title in embassy speeches, is a title, not a given name
CHARGE = [
    ("Thank you for the kind words, Chargé Ivanova, and welcome to Almaty.", "Ivanova"),
    ("Chargé Daniel Brooks met the minister on Monday in Bishkek.", "Daniel Brooks"),
]


@pytest.mark.parametrize("text, person", CHARGE)
def test_charge_is_a_title(run, text, person):
    from .conftest import person as person_of

    found = person_of(run(text), person)
    assert "Chargé" in found["titles"]
