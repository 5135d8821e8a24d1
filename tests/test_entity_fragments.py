"""Issue 19, two classes of boundary error, one table of made-up sentences each:
(A) two names joined into one span, (B) fragments of a longer capitalised run.
Decided in `mentions` (model_candidates, capitalised_runs, gather_mentions) and `boundaries`
(separate_names, clean_bounds, extend_org, trim_mention)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kzfacts.pipeline.entities.boundaries import separate_names, trim_mention
from kzfacts.pipeline.entities.common import Candidate
from kzfacts.pipeline.entities.mentions import capitalised_runs

from .conftest import names

BODY = "The court ruled on Monday.\n\n"  # a first line, so the sentence under test is no headline


# (A) two names in one span: a "," or "/" between two names, "at" + a name with its own
# organisation head, a trailing given name + surname that speaks, "of the" + a place
JOINED = [
    ("Officers were drawn from the Academy, Naval War College and the reserve.",
     ["Naval War College"], ["Academy, Naval War College"]),
    ("Pilots came from the Institute, Air Staff College and other schools.",
     ["Air Staff College"], ["Institute, Air Staff College"]),
    ("The latest Newsweek / Gallup survey was published on Monday.", ["Newsweek", "Gallup"], ["Newsweek / Gallup"]),
    ("A joint Harvard / Stanford team studied the data.", [], ["Harvard / Stanford"]),
    ("The show moved to the Block Museum of Art at Northwestern University last spring.",
     ["Block Museum of Art", "Northwestern University"], ["Block Museum of Art at Northwestern University"]),
    ("Engineers from Texas Tech University of the US and the University of Bath of the UK took part.",
     ["Texas Tech University", "University of Bath"], ["Texas Tech University of the US"]),
    ("Scientists from Boise State University of the US joined the project.",
     ["Boise State University"], ["Boise State University of the US"]),
]


@pytest.mark.parametrize("text, present, absent", JOINED)
def test_two_names_in_one_span_are_two(run, text, present, absent):
    orgs = names(run(text), "organisations")
    assert all(p in orgs for p in present), orgs
    assert not any(a in orgs for a in absent), orgs


@pytest.mark.parametrize("text, body, person", [
    ("The director of the Council on Foreign Relations Maria Lopez said the talks had failed.",
     "Council on Foreign Relations", "Maria Lopez"),
])
def test_a_speaker_after_a_body_is_no_part_of_it(run, text, body, person):
    art = run(text)
    assert body in names(art, "organisations") and person in names(art, "people")
    assert not any(person in n and n != person for n in names(art, "people") + names(art, "organisations"))


def _doc(vocab, words, tags, ents):
    return Doc(vocab, words=words, tags=tags, ents=ents)


@pytest.mark.parametrize("words, tags, ents, parts", [
    # "the religious schools Santo Spirito and Immacolata": "and" after a plural noun joins two names
    (["the", "schools", "Santo", "Spirito", "and", "Immacolata", "in", "Pisa"],
     ["DT", "NNS", "NNP", "NNP", "CC", "NNP", "IN", "NNP"],
     ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-GPE"], ["Santo Spirito", "Immacolata"]),
    (["the", "banks", "Credito", "Emiliano", "and", "Banca", "Sella"],
     ["DT", "NNS", "NNP", "NNP", "CC", "NNP", "NNP"],
     ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"], ["Credito Emiliano", "Banca Sella"]),
    # a singular head before it, or none: one name ("Procter and Gamble", "the Partnership and Cooperation Council")
    (["the", "company", "Procter", "and", "Gamble", "said"], ["DT", "NN", "NNP", "CC", "NNP", "VBD"],
     ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O"], ["Procter and Gamble"]),
    (["Procter", "&", "Gamble", "said"], ["NNP", "CC", "NNP", "VBD"], ["B-ORG", "I-ORG", "I-ORG", "O"],
     ["Procter & Gamble"]),
    # a slash or a comma between two names with their own heads
    (["the", "Newsmax", "/", "Zogby", "poll"], ["DT", "NNP", "SYM", "NNP", "NN"], ["O", "B-ORG", "I-ORG", "I-ORG", "O"],
     ["Newsmax", "Zogby"]),
    (["the", "Academy", ",", "Naval", "War", "College"], ["DT", "NNP", ",", "NNP", "NNP", "NNP"],
     ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"], ["Academy", "Naval War College"]),
    # "University of California, Berkeley": no head after the comma, one name
    (["the", "University", "of", "California", ",", "Berkeley"], ["DT", "NNP", "IN", "NNP", ",", "NNP"],
     ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"], ["University of California , Berkeley"]),
    (["Bank", "of", "America", "said"], ["NNP", "IN", "NNP", "VBD"], ["B-ORG", "I-ORG", "I-ORG", "O"],
     ["Bank of America"]),
])
def test_separate_names_in_a_model_span(blank, words, tags, ents, parts):
    doc = _doc(blank.vocab, words, tags, ents)
    ent = next(e for e in doc.ents if e.label_ == "ORG")
    assert [doc[s:e].text for s, e in separate_names(doc, ent.start, ent.end)] == parts


# (B) fragments: a piece of a longer run headed by a document or a title word, a mention inside
# a body's extended name, a place completing "University of X at Y", a caption's prefix, a
# spaced dash before an acronym
FRAGMENTS = [
    ("According to the Arts and Humanities Citation Index she is widely cited.", [], ["Arts"]),
    ("According to the Science and Engineering Citation Index Professor Hale is often cited.", [],
     ["Science and Engineering Citation", "Science and Engineering Citation Index"]),
    ("He served as Director of Media and Communications at a tennis tournament.", [], ["Media"]),
    ("The Andy Warhol Foundation for the Visual Arts gave the prints.",
     ["Andy Warhol Foundation for the Visual Arts"], ["Visual Arts"]),
    ("The Kresge Foundation for the Performing Arts gave the money.",
     ["Kresge Foundation for the Performing Arts"], ["Performing Arts"]),
    ("She teaches at the University of North Carolina at Greensboro.",
     ["University of North Carolina at Greensboro"], ["University of North Carolina"]),
    ("The prints went to Duke University and University of North Carolina at Chapel Hill, which also got some.",
     ["University of North Carolina at Chapel Hill"], ["University of North Carolina"]),
    ("He studied at the University of Wisconsin at Madison.",
     ["University of Wisconsin at Madison"], ["University of Wisconsin at"]),
    (BODY + "FILE - Tajikistan Airlines planes stand at the airport in Dushanbe.", ["Tajikistan Airlines"], []),
    (BODY + "Visitors came to Kazakhstan Oil & Gas - KIOGE, the largest show.", [], ["Kazakhstan Oil & Gas - KIOGE"]),
    (BODY + "The Eurasian Mining & Metals - EMM forum opened.", [], ["Eurasian Mining & Metals - EMM"]),
]


@pytest.mark.parametrize("text, present, absent", FRAGMENTS)
def test_a_fragment_of_a_longer_name_is_no_body(run, text, present, absent):
    orgs = names(run(text), "organisations")
    assert all(p in orgs for p in present), orgs
    assert not any(a in orgs for a in absent), orgs


@pytest.mark.parametrize("words, span", [
    (["Chairman", "and", "Executive", "Director"], (1, 3)),  # "and Executive"
    (["Minister", "of", "Foreign", "Affairs"], (1, 4)),  # "of Foreign Affairs"
    (["Head", "for", "Regional", "Policy"], (1, 4)),
])
def test_a_mention_opening_with_a_connector_is_cut_from_a_longer_name(blank, words, span):
    doc = Doc(blank.vocab, words=words)
    assert not trim_mention(doc, Candidate(*span, "ORG"), {})


def test_a_spaced_dash_ends_a_capitalised_run(blank):
    doc = Doc(blank.vocab, words=["FILE", "-", "Tajikistan", "Airlines", "said"], spaces=[True, True, True, True, False])
    assert [doc[s:e].text for s, e in capitalised_runs(doc)] == ["FILE", "Tajikistan Airlines"]
    doc = Doc(blank.vocab, words=["Rolls", "-", "Royce", "said"], spaces=[False, False, True, False])
    assert [doc[s:e].text for s, e in capitalised_runs(doc)] == ["Rolls-Royce"]


# names that stay as they are
KEPT = [
    ("Bank of America and Citigroup raised rates.", ["Bank of America", "Citigroup"]),
    ("The Ministry of Foreign Affairs said the talks went well.", ["Ministry of Foreign Affairs"]),
    ("Procter & Gamble raised its prices.", ["Procter & Gamble"]),
    ("The deal was signed by Wizz Air Holding and Abu Dhabi Developmental Holding Company.",
     ["Wizz Air Holding", "Abu Dhabi Developmental Holding Company"]),
    ("The Development Bank of the Philippines raised rates.", ["Development Bank of the Philippines"]),
    ("The Council of the European Union adopted the rules.", ["Council of the European Union"]),
    ("Halyk Bank and Kaspi Bank raised rates.", ["Halyk Bank", "Kaspi Bank"]),
    ("Rolls-Royce said its profit rose.", ["Rolls-Royce"]),
    ("Nazarbayev University and Astana Medical University signed a deal.",
     ["Nazarbayev University", "Astana Medical University"]),
]


@pytest.mark.parametrize("text, orgs", KEPT)
def test_whole_names_stay_whole(run, text, orgs):
    assert sorted(names(run(text), "organisations")) == sorted(orgs)
