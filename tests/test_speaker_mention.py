"""Each quote's speaker_mention: the words its attribution rests on, with exact offsets."""
from __future__ import annotations

import pytest

CASES = [
    # a name
    # the entity's own mention, as its mentions list has it (a title before the name included)
    ("“The road will open in May,” said Transport Minister Aigul Sarsenova.", "Aigul Sarsenova",
     "Transport Minister Aigul Sarsenova"),
    ("“We are ready,” Daniyar Kenzhebayev told the forum.", "Daniyar Kenzhebayev", "Daniyar Kenzhebayev"),
    ("Marat Ospanov said: “The plant is safe.”", "Marat Ospanov", "Marat Ospanov"),
    ("“Prices will fall,” Elena Petrova, an analyst at Halyk Finance, said.", "Elena Petrova", "Elena Petrova"),
    ("“Trade will double,” Ivan Sokolov said on Monday.", "Ivan Sokolov", "Ivan Sokolov"),
    # a pronoun
    ("Aigul Sarsenova visited the site. “The road will open in May,” she said.", "Aigul Sarsenova", "she"),
    ("Minister Marat Ospanov spoke in Almaty. “The plant is safe,” he added.", "Marat Ospanov", "he"),
    ("Ivan Sokolov met traders on Monday. “Trade will double,” he told them.", "Ivan Sokolov", "he"),
    ("Elena Petrova gave a lecture in Astana. “Prices will fall,” she said.", "Elena Petrova", "she"),
    ("Daniyar Kenzhebayev opened the plant. He said: “It will employ 300 people.”", "Daniyar Kenzhebayev", "He"),
    # a role phrase standing for a body
    ("The National Bank of Kazakhstan raised its rate. “Inflation is too high,” the bank said.",
     "National Bank of Kazakhstan", "the bank"),
    ("Kazatomprom cut its forecast. “Demand is weak,” the company said in a statement.", "Kazatomprom", "the company"),
]


@pytest.mark.parametrize("text, speaker, evidence", CASES)
def test_the_evidence_of_an_attribution(run, text, speaker, evidence):
    (quote,) = run(text)["quotes"]
    assert quote["speaker"] == speaker
    mention = quote["speaker_mention"]
    assert mention["text"] == evidence and text[mention["start"]:mention["end"]] == evidence


def test_a_quote_that_continues_one_shares_its_evidence(run):
    text = ("“The road will open in May,” said Aigul Sarsenova.\n\n“It will cost 5 billion tenge,” "
            "\n\n“We will build three bridges.”")
    quotes = run(text)["quotes"]
    assert all(q["speaker_mention"] == quotes[0]["speaker_mention"] for q in quotes if q["speaker"])


@pytest.mark.parametrize("text", ["The term “listening state” was coined in 2019.",
                                  "“We will see,” someone wrote on a wall."])
def test_no_speaker_no_evidence(run, text):
    assert all(q["speaker_mention"] is None for q in run(text)["quotes"] if q["speaker"] is None)


@pytest.mark.parametrize("text, speaker", [
    ("Assistant Attorney General Peter Kane said: “We will appeal.”", "Peter Kane"),
    ("“No comment,” said Deputy Attorney General Lisa Monroe.", "Lisa Monroe"),
    ("Blogger Aigerim Dauletova writes:\n\n“The roads are terrible this spring.”", "Aigerim Dauletova"),
    ("“The plan failed,” Columnist Ann Lee wrote.", "Ann Lee"),
    ("Assistant Secretary of State Robert Ford said: “We are ready to help.”", "Robert Ford"),
])
def test_titles_never_leak_into_the_speaker(run, text, speaker):
    (quote,) = run(text)["quotes"]
    assert quote["speaker"] == speaker


@pytest.mark.parametrize("text, speaker, evidence", [
    ("The Financial Times ran the story. According to the newspaper, “the deal is off.”", "Financial Times",
     "the newspaper"),
    ("The US Embassy issued a note. “We are concerned,” the embassy said.", "US Embassy", "the embassy"),
    ("Transparency International published its index. “Corruption is rising,” the watchdog said.",
     "Transparency International", "the watchdog"),
    ("The Mazhilis passed the bill. “The law protects investors,” the parliament said in a statement.",
     "Mazhilis", "the parliament"),
    ("The Eurasian Economic Union met in Minsk. “Tariffs will fall,” the alliance said.",
     "Eurasian Economic Union", "the alliance"),
])
def test_a_body_named_by_its_kind_is_the_speaker(run, text, speaker, evidence):
    (quote,) = run(text)["quotes"]
    assert quote["speaker"] == speaker and quote["speaker_mention"]["text"] == evidence
