"""Who said it on agency wires and press-service news (issue 38): one table of made-up
sentences per class. Each row: the text, words of the quote, the expected speaker (an entity's
`name`) and the words the attribution rests on (`speaker_mention`, checked by its offsets)."""
from __future__ import annotations

import pytest


def quote_with(article: dict, words: str) -> dict:
    found = [q for q in article["quotes"] if words in q["text"]]
    assert len(found) == 1, article["quotes"]
    return found[0]


def check(text: str, article: dict, words: str, speaker: str | None, evidence: str | None) -> None:
    quote = quote_with(article, words)
    assert quote["speaker"] == speaker, quote
    mention = quote["speaker_mention"]
    if speaker is None:
        assert mention is None
        return
    assert mention is not None and text[mention["start"]:mention["end"]] == mention["text"]
    assert mention["text"] == evidence


# 2. a body speaks through "it": the body the pronoun stands for (the nearest body that is a
# clause's subject before it), never null
BODY_PRONOUNS = [
    ("The Eurasian Development Bank said on Monday that lending grew. It said “demand for credit will stay high” "
     "in the region.", "demand for credit", "Eurasian Development Bank", "It"),
    ("The Ministry of Energy published its forecast on Friday. It said in a statement that “output will rise "
     "next year.”", "output will rise", "Ministry of Energy", "It"),
    ("Kazakhtelecom raised its tariffs in May.\n\n“The new prices cover our costs,” it said in a press release.",
     "new prices", "Kazakhtelecom", "it"),
    ("The Central Election Commission counted the ballots overnight. “Turnout was 64 percent,” it reported.",
     "Turnout was", "Central Election Commission", "it"),
    ("The regulator fined Halyk Bank. The Agency for Financial Supervision said the bank broke the rules. "
     "“The fine is final,” it noted.", "fine is final", "Agency for Financial Supervision", "it"),
    ("KazMunayGas signed the deal in Astana. It said on its website that “the field will be developed jointly.”",
     "field will be developed", "KazMunayGas", "It"),
]


@pytest.mark.parametrize("text, words, speaker, evidence", BODY_PRONOUNS)
def test_it_stands_for_the_body(run, text, words, speaker, evidence):
    check(text, run(text), words, speaker, evidence)
