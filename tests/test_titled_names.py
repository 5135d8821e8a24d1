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


# a capitalised phrase ending in "of / for / to" before a title is no part of it (a headline's
# "Presentation of Credentials to President X"); a body before the role stays ("Agency for ... Chairman")
LEADING_CHAIN = [
    ("Presentation of Credentials to President Nazarbayev", "Nazarbayev", "President"),
    ("Support for Minister Karin Smith grew in May.", "Karin Smith", "Minister"),
    ("Visit of Ambassador Daniel Brooks to Aktau", "Daniel Brooks", "Ambassador"),
    ("Letter to Prime Minister Askar Mamin on Water", "Askar Mamin", "Prime Minister"),
    ("Interview with Deputy Minister Aidar Bekov on Trade", "Aidar Bekov", "Deputy Minister"),
    ("Chairman of the Agency for Strategic Planning Aidar Bekov spoke on Monday.", "Aidar Bekov",
     "Chairman of the Agency for Strategic Planning"),
]


@pytest.mark.parametrize("text, who, title", LEADING_CHAIN)
def test_a_phrase_ending_in_a_preposition_is_no_part_of_the_title(run, text, who, title):
    from .conftest import person as person_of

    assert person_of(run(text), who)["titles"] == [title]
