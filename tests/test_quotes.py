from __future__ import annotations

import pytest

from kzfacts.pipeline.quotes.marks import find_raw_quotes, is_name_like


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
    ("Indian Americans for Hillary 2008.", True),
    ("I’m the Worst Thing That Ever Happened to the Establishment.", False),
    ("listening state", False),
    ("We will see.", False),
])
def test_name_like(text, expected):
    assert is_name_like(text) is expected


def speakers(art):
    return [q["speaker"] for q in art["quotes"]]


# (case, text, the speaker of each quote): one row per attribution pattern
ATTRIBUTION = [
    ("said after the quote", "“We will raise output,” said Energy Minister Nurlan Nogayev.", ["Nurlan Nogayev"]),
    ("colon introduction and pronoun", "Jane Smith, director of Open Data Watch, said the plan was late.\n\n"
     "She added: “We are disappointed.”", ["Jane Smith"]),
    ("an organisation speaks", "“Output reached 115 per cent in February,” said OPEC in a press statement.", ["OPEC"]),
    ("partial quote", "Former MEP Nirj Deva has said that “meaningful progress” has been made.", ["Nirj Deva"]),
    ("unnamed speaker", "In their conclusions, the authors state: “Reform must go on.”", [None]),
    ("according to", "“Demand is recovering,” according to Maria Lopez, an analyst at the bank.", ["Maria Lopez"]),
    ("statement line ending in a colon", "When the talks ended, President John Carter released the following "
     "statement:\n\n“We offer our condolences to the families.”", ["John Carter"]),
    ("name between quote and verb", "“Yes, I support the plan,” Brent Bozell III, founder of the Media Research "
     "Center, tells reporters.", ["Brent Bozell III"]),
    ("surname-only subject", "Maria Espinoza is running for Congress.\n\n“Washington is broken,” Espinoza tells "
     "reporters.", ["Maria Espinoza"]),
    ("cue-less paragraph takes the next speaker", "Jane Roe spoke on Monday.\n\n“Not only can we win, we will.”"
     "\n\n“We are ready,” Roe said.", ["Jane Roe", "Jane Roe"]),
    ("role word speaks through its apposition", "Ryanair CEO, Michael O'Leary, justified the choice by saying, "
     "“The jet has the lowest costs.”", ["Michael O'Leary"]),
    ("'the company' refers back", "Airbus found the fault in the wiring. In a statement, the company said that "
     "“the root cause is the mock-up software.”", ["Airbus"]),
    ("outlet quoting someone as saying", "Jusman Djamal is the transport minister. “We do not need European "
     "jets,” Detik.com quoted Djamal as saying.", ["Jusman Djamal"]),
    ("'they' is never one earlier person", "Jane Roe welcomed the report.\n\nThe authors pay tribute to the "
     "“significant effort” they say has been made.", [None]),
    ("pronoun takes the nearest subject", "“Reform is vital,” President Jane Roe said.\n\nThe mayor of Almaty, "
     "John Doe, told journalists the city was prepared. “We are ready,” he said.", ["Jane Roe", "John Doe"]),
    ("split quote and the role anaphor", "Finance Minister Jane Roe defended the budget. “We will balance the "
     "books,” she said, “and we will not raise taxes.”\n\n“There is no alternative,” the minister added.",
     ["Jane Roe"] * 3),
    ("British single quotes", "Opposition leader John Smith spoke. ‘We’re not convinced at all,’ he told the BBC.",
     ["John Smith"]),
    ("headline name and colon", "Donald Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’"
     "\n\nDonald Trump spoke at Liberty University on Monday about his campaign and his plans.", ["Donald Trump"]),
    ("object control", "That record prompted Dave Leip, who studies elections, to state, “Vigo County is the most "
     "prominent bellwether.”", ["Dave Leip"]),
]


@pytest.mark.parametrize("text, expected", [row[1:] for row in ATTRIBUTION], ids=[row[0] for row in ATTRIBUTION])
def test_attribution(run, text, expected):
    assert speakers(run(text)) == expected


def test_cues_and_partial_flags(run):
    art = run("Former MEP Nirj Deva has said that “meaningful progress” has been made. “Demand is recovering,” "
              "according to Maria Lopez, an analyst.")
    assert [(q["cue"], q["partial"]) for q in art["quotes"]] == [("said", True), ("according to", False)]


def test_plural_who_gives_both_speakers_and_they_resolves(run):
    art = run("Further comment comes from Simon Hewitt, a researcher at the institute, and its CEO "
              "Axel Goethals, who told this website, “The system is slowly opening.”\n\n"
              "But they caution: “This cannot happen overnight.”")
    first, second = art["quotes"]
    assert first["speakers"] == ["Simon Hewitt", "Axel Goethals"]
    assert second["speakers"] == ["Simon Hewitt", "Axel Goethals"] and second["cue"] == "caution"


@pytest.mark.parametrize("text", [
    "Critics acknowledged the “positive” steps. The body “Dialogue Platform for the Human Dimension” met twice.",
    "The so-called “fast track” plan was dropped in May.",
])
def test_not_quotes(run, text):
    assert run(text)["quotes"] == []


def test_british_quote_text_keeps_its_apostrophe(run):
    art = run("Opposition leader John Smith spoke. ‘We’re not convinced at all,’ he told the BBC.")
    assert art["quotes"][0]["text"] == "We’re not convinced at all"
