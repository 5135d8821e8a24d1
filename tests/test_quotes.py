from __future__ import annotations

import pytest

from kzfacts.pipeline.quotes import find_raw_quotes, is_name_like


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end].strip() for q in find_raw_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ("He said: “We will win.”", ["We will win."]),
    ('He said: "We will win."', ["We will win."]),
    ("«Bonjour», dit-il.", ["Bonjour"]),
    ("„Guten Tag“, sagte er.", ["Guten Tag"]),
    ("She said ‘no way’ to them.", ["no way"]),
    ("The country’s leader didn’t speak.", []),
    ("A stray ” mark and “ another", ["another"]),
    ("“", []),
    ('""', []),
])
def test_marks_pair_by_type_and_never_raise(text, expected):
    assert quoted(text) == expected


def test_multi_paragraph_quote_is_one_quote():
    text = "“First paragraph of the quote.\n\n“Second paragraph ends it.”\n\nNarration."
    (q,) = find_raw_quotes(text)
    assert text[q.start:q.end].startswith("First") and text[q.start:q.end].endswith("ends it.")


def test_quote_opened_mid_paragraph_ends_with_it():
    text = 'He said: "A lot to do.\n\n“Washington is helping."'
    assert [t.strip() for t in quoted(text)] == ["A lot to do.", "Washington is helping."]


@pytest.mark.parametrize("text, expected", [
    ("Dialogue Platform for the Human Dimension", True),
    ("listening state", False),
    ("We will see.", False),
])
def test_name_like(text, expected):
    assert is_name_like(text) is expected


def speakers(art):
    return [(q["text"], q["speaker"], q["cue"]) for q in art["quotes"]]


def test_said_after_quote(run):
    art = run("“We will raise output,” said Energy Minister Nurlan Nogayev.")
    assert speakers(art) == [("We will raise output", "Nurlan Nogayev", "said")]


def test_colon_introduction_and_pronoun(run):
    art = run("Jane Smith, director of Open Data Watch, said the plan was late.\n\n"
              "She added: “We are disappointed.”")
    assert art["quotes"][0]["speaker"] == "Jane Smith" and art["quotes"][0]["cue"] == "added"


def test_organisation_speaks(run):
    art = run("“Output reached 115 per cent in February,” said OPEC in a press statement.")
    assert art["quotes"][0]["speaker"] == "OPEC"


def test_plural_who_gives_both_speakers_and_they_resolves(run):
    art = run("Further comment comes from Simon Hewitt, a researcher at the institute, and its CEO "
              "Axel Goethals, who told this website, “The system is slowly opening.”\n\n"
              "But they caution: “This cannot happen overnight.”")
    first, second = art["quotes"]
    assert first["speakers"] == ["Simon Hewitt", "Axel Goethals"]
    assert second["speakers"] == ["Simon Hewitt", "Axel Goethals"] and second["cue"] == "caution"


def test_partial_quote(run):
    art = run("Former MEP Nirj Deva has said that “meaningful progress” has been made.")
    (q,) = art["quotes"]
    assert q["partial"] and q["speaker"] == "Nirj Deva"


def test_scare_quotes_and_names_are_not_quotes(run):
    art = run("Critics acknowledged the “positive” steps. The body “Dialogue Platform for the Human "
              "Dimension” met twice.")
    assert art["quotes"] == []


def test_unnamed_speaker_is_null(run):
    art = run("In their conclusions, the authors state: “Reform must go on.”")
    assert speakers(art) == [("Reform must go on.", None, "state")]


def test_according_to(run):
    art = run("“Demand is recovering,” according to Maria Lopez, an analyst at the bank.")
    assert speakers(art) == [("Demand is recovering", "Maria Lopez", "according to")]


def test_introducing_statement_line(run):
    art = run("When the talks ended, President John Carter released the following statement:\n\n"
              "“We offer our condolences to the families.”")
    assert art["quotes"][0]["speaker"] == "John Carter"


def test_name_between_quote_and_verb(run):
    art = run("“Yes, I support the plan,” Brent Bozell III, founder of the Media Research Center, tells reporters.")
    assert art["quotes"][0]["speaker"] == "Brent Bozell III"


def test_surname_only_subject_resolves_to_the_person(run):
    art = run("Maria Espinoza is running for Congress.\n\n“Washington is broken,” Espinoza tells reporters.")
    assert art["quotes"][0]["speaker"] == "Maria Espinoza"


def test_cue_less_quote_paragraph_takes_the_next_speaker(run):
    art = run("Jane Roe spoke on Monday.\n\n“Not only can we win, we will.”\n\n“We are ready,” Roe said.")
    assert [q["speaker"] for q in art["quotes"]] == ["Jane Roe", "Jane Roe"]


def test_so_called_is_no_cue(run):
    art = run("The so-called “fast track” plan was dropped in May.")
    assert art["quotes"] == []


def test_role_word_subject_speaks_through_its_apposition(run):
    art = run("Ryanair CEO, Michael O'Leary, justified the choice by saying, “The jet has the lowest costs.”")
    assert art["quotes"][0]["speaker"] == "Michael O'Leary"


def test_the_company_refers_back_to_the_named_organisation(run):
    art = run("Airbus found the fault in the wiring. In a statement, the company said that “the root cause "
              "is the mock-up software.”")
    assert art["quotes"][0]["speaker"] == "Airbus"


def test_outlet_quoting_someone_as_saying(run):
    art = run("Jusman Djamal is the transport minister. “We do not need European jets,” Detik.com quoted "
              "Djamal as saying.")
    assert art["quotes"][0]["speaker"] == "Jusman Djamal"


def test_they_is_never_one_earlier_person(run):
    art = run("Jane Roe welcomed the report.\n\nThe authors pay tribute to the “significant effort” they say "
              "has been made.")
    assert art["quotes"][0]["speaker"] is None


def test_pronoun_takes_the_nearest_subject_not_the_last_speaker(run):
    art = run("“Reform is vital,” President Jane Roe said.\n\n"
              "The mayor of Almaty, John Doe, told journalists the city was prepared. “We are ready,” he said.")
    assert [q["speaker"] for q in art["quotes"]] == ["Jane Roe", "John Doe"]


def test_split_quote_and_the_role_anaphor(run):
    art = run("Finance Minister Jane Roe defended the budget. “We will balance the books,” she said, "
              "“and we will not raise taxes.”\n\n“There is no alternative,” the minister added.")
    assert [q["speaker"] for q in art["quotes"]] == ["Jane Roe"] * 3


def test_british_single_quotes_with_apostrophes_inside(run):
    art = run("Opposition leader John Smith spoke. ‘We’re not convinced at all,’ he told the BBC.")
    assert [(q["text"], q["speaker"]) for q in art["quotes"]] == [("We’re not convinced at all", "John Smith")]


def test_headline_name_and_colon(run):
    art = run("Donald Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’\n\n"
              "Donald Trump spoke at Liberty University on Monday about his campaign and his plans.")
    assert art["quotes"][0]["speaker"] == "Donald Trump"


def test_object_control(run):
    art = run("That record prompted Dave Leip, who studies elections, to state, “Vigo County is the most "
              "prominent bellwether.”")
    assert art["quotes"][0]["speaker"] == "Dave Leip"
