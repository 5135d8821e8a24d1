"""Merges of organisation mentions into one entity (issue 19), decided in
`kzfacts/pipeline/entities/grouping.py`: which two names of one article are one body, and which
two names that share words are not. Made-up sentences.

The tables give the mentions by hand (`[...]` an organisation, `{...}` a place) on
`spacy.blank("en")`, so they test the grouping stage alone, whatever the model or the earlier
stages find; the last table runs the whole pipeline on sentences where the model finds both names.
"""
from __future__ import annotations

import re

import pytest

from kzfacts.pipeline.entities.common import Candidate
from kzfacts.pipeline.entities.grouping import group_entities

MARK = re.compile(r"\[([^\]]+)\]|\{([^}]+)\}")


def grouped(blank, marked: str) -> list[set[str]]:
    """The names of each entity that grouping makes of the marked mentions."""
    text, spans, at = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[at:m.start()]
        name = m.group(1) or m.group(2)
        spans.append((len(text), len(text) + len(name), "ORG" if m.group(1) else "GPE"))
        text += name
        at = m.end()
    text += marked[at:]
    doc = blank(text)
    cands = []
    for start, end, label in spans:
        span = doc.char_span(start, end)
        assert span is not None, (text, start, end)
        cands.append(Candidate(span.start, span.end, label))
    return [{e.name, *e.aliases} for e in group_entities(doc, cands, 0, {}) if e.label == "ORG"]


def together(groups: list[set[str]], a: str, b: str) -> bool:
    return any(a in g and b in g for g in groups)


# A name written with a place before it, and the same name without: one body ("the Home Office",
# "the United Kingdom Home Office"); two places before one name are two bodies.
@pytest.mark.parametrize("marked, a, b, same", [
    ("The [Home Office] issued new rules . A spokesman for the [United Kingdom Home Office] declined to comment .",
     "Home Office", "United Kingdom Home Office", True),
    ("The [United States Air Force] tested the jet . The [Air Force] said it flew well .",
     "United States Air Force", "Air Force", True),
    ("The [Daily News] , a {New York} tabloid , ran it first . The [New York Daily News] later corrected it .",
     "Daily News", "New York Daily News", True),
    ("The [Kazakhstan Stock Exchange] opened lower . Traders at the [Stock Exchange] blamed oil .",
     "Kazakhstan Stock Exchange", "Stock Exchange", True),
    ("The [Canada Revenue Agency] audited the firm . The [Revenue Agency] said the audit was routine .",
     "Canada Revenue Agency", "Revenue Agency", True),
    ("The [U.S. Air Force] and the [Air Force] band played .", "U.S. Air Force", "Air Force", True),
    # negatives: another place, another body
    ("The [European Union] criticised the [Soviet Union] in 1980 .", "European Union", "Soviet Union", False),
    ("The [European Parliament] and the [Kazakh Parliament] signed a memorandum .",
     "European Parliament", "Kazakh Parliament", False),
    ("The [Kazakhstan Stock Exchange] and the [London Stock Exchange] merged indices . {London} cheered .",
     "Kazakhstan Stock Exchange", "London Stock Exchange", False),
    ("The [Italian Senate] wrote to the [French Senate] .", "Italian Senate", "French Senate", False),
    ("The [Communist Party] , not the [New Communist Party] , won .", "Communist Party", "New Communist Party", False),
    ("The [Democratic Party] lost seats while the [Social Democratic Party] gained them .",
     "Democratic Party", "Social Democratic Party", False),
])
def test_a_place_before_a_name(blank, marked, a, b, same):
    assert together(grouped(blank, marked), a, b) is same


# An acronym and the acronym with a descriptor word after it ("CBC" and "CBC News"): one body;
# with another organisation word after it ("UN Development Programme") another body.
@pytest.mark.parametrize("marked, a, b, same", [
    ("[CBC] reported the fire . [CBC News] said three people died .", "CBC", "CBC News", True),
    ("[BBC] carried the interview . [BBC News] published the transcript .", "BBC", "BBC News", True),
    ("[HSBC] posted a profit . [HSBC Holdings] said costs fell .", "HSBC", "HSBC Holdings", True),
    ("[NBC News] said ten million watched . [NBC] aired the debate .", "NBC News", "NBC", True),
    ("[WPP] cut its forecast . [WPP Group] shares fell .", "WPP", "WPP Group", True),
    # negatives
    ("The [UN] praised the plan . The [UN Development Programme] will fund it .", "UN", "UN Development Programme", False),
    ("The [EU] and the [EU Council] met .", "EU", "EU Council", False),
    ("[CNN] interviewed the head of [CNN Foundation] .", "CNN", "CNN Foundation", False),
    ("The [OSCE] sent the [OSCE Office] a letter .", "OSCE", "OSCE Office", False),
    ("[ABC] bought [ABC Bank] .", "ABC", "ABC Bank", False),
])
def test_an_acronym_and_its_descriptor(blank, marked, a, b, same):
    assert together(grouped(blank, marked), a, b) is same


# A name of two words or more and that name with "of ..." or "for ..." after it ("Comic Corps",
# "Comic Corps of Canada"): one body; one word ("Bank", "Bank of America") or a longer part
# before "of" ("United Nations Office for Drugs and Crime") is not this prefix.
@pytest.mark.parametrize("marked, a, b, same", [
    ("The [Comic Corps of Canada] met in Toronto . [Comic Corps] members voted .", "Comic Corps of Canada", "Comic Corps", True),
    ("The [Andy Warhol Foundation for the Visual Arts] sued . The [Andy Warhol Foundation] will appeal .",
     "Andy Warhol Foundation for the Visual Arts", "Andy Warhol Foundation", True),
    ("The [Supreme Court of Cassation] ruled . Lawyers said the [Supreme Court] had no choice .",
     "Supreme Court of Cassation", "Supreme Court", True),
    ("The [National Academy of Sciences] published it . The [National Academy] wants more study .",
     "National Academy of Sciences", "National Academy", True),
    ("The [Royal Society for the Protection of Birds] counted geese . The [Royal Society] said numbers rose .",
     "Royal Society for the Protection of Birds", "Royal Society", True),
    ("The [Italian Supreme Court of Cassation] ruled . The [Supreme Court] said the tax was due .",
     "Italian Supreme Court of Cassation", "Supreme Court", True),
    # negatives
    ("The [United Nations Office for Drugs and Crime] reported . The [United Nations] welcomed it .",
     "United Nations Office for Drugs and Crime", "United Nations", False),
    ("The [European Court of Justice] and the [European Court of Human Rights] differ .",
     "European Court of Justice", "European Court of Human Rights", False),
    ("The [European Court of Justice] and the [European Court of Human Rights] differ . The [European Court] said .",
     "European Court of Justice", "European Court", False),
    ("[Bank of America] and the [World Bank] lent money .", "Bank of America", "World Bank", False),
    ("The [National Bank of Kazakhstan] and the [National Bank of Ukraine] talked .",
     "National Bank of Kazakhstan", "National Bank of Ukraine", False),
])
def test_a_name_before_of_or_for(blank, marked, a, b, same):
    assert together(grouped(blank, marked), a, b) is same


# "Head of Name" and "Name" alone ("Church of Scientology", "Scientology"), and "Head of Name"
# and "Name Head" ("Ministry of Energy", "Energy Ministry"): one body; a country after "of" is
# the country, not the body.
@pytest.mark.parametrize("marked, a, b, same", [
    ("The [Church of Scientology] sued . It is a war that [Scientology] has waged for years .",
     "Church of Scientology", "Scientology", True),
    ("The [University of Helsinki] hired her . At [Helsinki] she studied ants .", "University of Helsinki", "Helsinki", True),
    ("The [Ministry of Energy] approved it . The [Energy Ministry] said drilling starts in June .",
     "Ministry of Energy", "Energy Ministry", True),
    ("The [Ministry of Culture] restored it . A [Culture Ministry] official spoke .", "Ministry of Culture", "Culture Ministry", True),
    ("The [Kazakh Energy Ministry] approved it . The [Ministry of Energy] agreed .", "Kazakh Energy Ministry", "Ministry of Energy", True),
    ("The [University of Helsinki] hired her . [Helsinki University] is proud .", "University of Helsinki", "Helsinki University", True),
    # negatives
    ("The [Government of Kazakhstan] and [Kazakhstan] signed .", "Government of Kazakhstan", "Kazakhstan", False),
    ("The [Ministry of Energy] and the [Finance Ministry] agreed .", "Ministry of Energy", "Finance Ministry", False),
    ("The [Bank of Japan] cut rates . [Japan] cheered .", "Bank of Japan", "Japan", False),
    ("The [Union of Rationalist Atheists] and the [Rationalist Party] wrote .", "Union of Rationalist Atheists", "Rationalist Party", False),
    ("The [Ministry of Foreign Affairs] and the [Foreign Office] met .", "Ministry of Foreign Affairs", "Foreign Office", False),
])
def test_a_head_of_a_name(blank, marked, a, b, same):
    assert together(grouped(blank, marked), a, b) is same


# The head word alone after a longer name ("the World Bank" ... "the Bank"): that body; with two
# bodies of that head ("Asian Development Bank", "World Bank") the one named last before it, as
# with a surname; before any of them, none.
@pytest.mark.parametrize("marked, a, b, same", [
    ("The [World Bank] approved a loan . The [Bank] said it would monitor spending .", "World Bank", "Bank", True),
    ("The [Supreme Court of Cassation] ruled . The [Court] said the tax was legal .", "Supreme Court of Cassation", "Court", True),
    ("The [Federal Reserve Board] raised rates . The [Board] said inflation was high .", "Federal Reserve Board", "Board", True),
    ("The [International Criminal Court] opened the case . The [Court] set a date .", "International Criminal Court", "Court", True),
    ("The [Asian Development Bank] approved a loan . The [Bank] will open an office .", "Asian Development Bank", "Bank", True),
    ("The [European Parliament] voted . The [Parliament] will debate it again .", "European Parliament", "Parliament", True),
    ("The [Asian Development Bank] and the [World Bank] met . The [Bank] said more .", "World Bank", "Bank", True),
    # negatives
    ("The [Asian Development Bank] and the [World Bank] met . The [Bank] said more .", "Asian Development Bank", "Bank", False),
    ("The [Bank] said more . The [Asian Development Bank] and the [World Bank] met .", "World Bank", "Bank", False),
    ("The [Court] ruled first . Later the [International Criminal Court] opened a case .", "International Criminal Court", "Court", False),
    ("The [World Bank] and [Bank of America] met . The [Bank] said more .", "World Bank", "Bank", False),
    ("The [World Bank] lent money . [Bank of America] did too .", "World Bank", "Bank of America", False),
])
def test_a_head_word_alone(blank, marked, a, b, same):
    assert together(grouped(blank, marked), a, b) is same


# One name written two ways: case, a possessive, the dots of an abbreviation.
@pytest.mark.parametrize("marked, a, b, same", [
    ("The [Republican Party] chose . Officials of the [Republican party] spoke .", "Republican Party", "Republican party", True),
    ("The [New People's Party] won . The [New People Party] leader spoke .", "New People's Party", "New People Party", True),
    ("The [Workers' Party] rallied . The [Workers Party] leader spoke .", "Workers' Party", "Workers Party", True),
    ("[St. John Ambulance] sent crews . [St John Ambulance] said two were hurt .", "St. John Ambulance", "St John Ambulance", True),
    ("[U.S. Steel] lost money . [US Steel] shares fell .", "U.S. Steel", "US Steel", True),
    # negatives
    ("The [People's Party] and the [New People's Party] both won .", "People's Party", "New People's Party", False),
    ("The [Workers' Party] and the [Workers Union] met .", "Workers' Party", "Workers Union", False),
    ("The [Liberal Party] and the [Liberal Democrats] met .", "Liberal Party", "Liberal Democrats", False),
    ("The [National Front] and the [Popular Front] met .", "National Front", "Popular Front", False),
    ("[St. John Ambulance] and [St. John College] met .", "St. John Ambulance", "St. John College", False),
])
def test_one_name_written_two_ways(blank, marked, a, b, same):
    assert together(grouped(blank, marked), a, b) is same


# The whole pipeline, on sentences where the model finds both names.
@pytest.mark.parametrize("text, a, b, same", [
    ("The Home Office issued new visa rules on Monday. A spokesman for the United Kingdom Home Office "
     "declined to comment.", "Home Office", "United Kingdom Home Office", True),
    ("CBC reported the fire on Sunday. CBC News said three people died in the blaze.", "CBC", "CBC News", True),
    ("The Comic Corps of Canada held its annual meeting in Toronto. Comic Corps members voted to expand.",
     "Comic Corps of Canada", "Comic Corps", True),
    ("The World Bank approved a loan on Monday. The Bank said it would monitor spending closely.", "World Bank", "Bank", True),
    ("The Church of Scientology sued the website. It is another skirmish in a war that Scientology has been "
     "waging for years.", "Church of Scientology", "Scientology", True),
    ("The Ministry of Energy approved the plan. The Energy Ministry said drilling would start in June.",
     "Ministry of Energy", "Energy Ministry", True),
    ("The European Union criticised the Soviet Union in a 1980 statement, historians say.",
     "European Union", "Soviet Union", False),
    ("The European Parliament and the Kazakh Parliament signed a memorandum on Tuesday.",
     "European Parliament", "Kazakh Parliament", False),
    ("Bank of America and the World Bank lent money to the city.", "Bank of America", "World Bank", False),
    ("The Democratic Party lost seats while the Social Democratic Party gained them.",
     "Democratic Party", "Social Democratic Party", False),
])
def test_merges_through_the_pipeline(run, text, a, b, same):
    groups = [{o["name"], *o["aliases"]} for o in run(text)["organisations"]]
    assert together(groups, a, b) is same
