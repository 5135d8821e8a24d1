"""The entities component as a whole (`kzfacts/pipeline/entities/component.py`): the order of the
mention steps, the gazetteer and the user's patterns, datelines, and tables across every stage."""
from __future__ import annotations

import pytest

from kzfacts.pipeline.entities.component import gazetteer_matcher, load_gazetteer

from .conftest import by_name, names


def test_user_patterns(tmp_path):
    from kzfacts.api import Extractor

    patterns = tmp_path / "p.jsonl"
    patterns.write_text('{"label": "ORG", "pattern": "Zorblax"}\n', encoding="utf-8")
    rec = Extractor(patterns=str(patterns)).extract("Zorblax opened a plant in Almaty on Monday.")
    assert "Zorblax" in by_name(rec["articles"][0], "organisations")


def test_dateline_city_is_a_place(run):
    art = run("Bank holds rate\n\nALMATY, March 3 (Reuters) - Kazakhstan's central bank kept its base rate "
              "unchanged on Friday, officials said.")
    assert "ALMATY" in by_name(art, "places") and "ALMATY" not in by_name(art, "organisations")


def test_place_only_dateline(run):
    art = run("Fund to list shares\n\nNUR-SULTAN – The national fund will list shares in December, it said.")
    assert "NUR-SULTAN" in by_name(art, "places")


# What the model tags reaches the output unless a rule has positive evidence against it.
@pytest.mark.parametrize("text, people, organisations", [
    # one-word bodies the model tags
    ("The Bundesbank said inflation would ease next year.", set(), {"Bundesbank"}),
    ("The ANC won the election, while the BJP lost seats.", set(), {"ANC", "BJP"}),
    # coordinated names split when the model saw two
    ("British Airways Plc and American Airlines agreed to share revenue.", set(),
     {"British Airways Plc", "American Airlines"}),
    ("Both the Irving Independent School District and the Irving Police Department denied it.", set(),
     {"Irving Independent School District", "Irving Police Department"}),
    # a rule's run stops where the model saw a person start
    ("Psychology major at University of Texas Arlington Amneh Jafari heard of the incident.",
     {"Amneh Jafari"}, {"University of Texas Arlington"}),
    # speaking is no evidence of a person for a name the model calls a body
    ("Apple Computer reported higher profit on Tuesday.", set(), {"Apple Computer"}),
    ("The White House said the president would veto the bill.", set(), {"White House"}),
    # positive evidence of a body for a name the model calls a person
    ("Best Buy said its sales fell in the quarter.", set(), {"Best Buy"}),
    ("Ryanair CEO Michael O'Leary ordered more jets.", {"Michael O'Leary"}, {"Ryanair"}),
    # clubs named after their towns, and a result after a team's name
    ("Manchester United beat Liverpool 2-1 on Sunday.", set(), {"Manchester United", "Liverpool"}),
    # a one-word person who acts in the clause stays
    ("Tokayev met Putin in Moscow on Friday.", {"Tokayev", "Putin"}, set()),
    # a name used as a modifier is still a mention of the body
    ("You are a Mets fan, and the Mets will win.", set(), {"Mets"}),
    # names that are bought and sold are bodies, tagged or not
    ("Shares of Gazprom fell 3% after the company said exports dropped.", set(), {"Gazprom"}),
    ("On Monday Kazatomprom shares rose 2%.", set(), {"Kazatomprom"}),
])
def test_model_entities_reach_the_output(run, text, people, organisations):
    art = run(text)
    assert set(by_name(art, "people")) == people
    assert organisations <= set(by_name(art, "organisations"))
    assert not organisations & set(by_name(art, "people"))


def test_mention_steps_are_an_ordered_list_of_documented_functions():
    from kzfacts.pipeline.entities import MENTION_STEPS

    assert [s.__name__ for s in MENTION_STEPS] == ["drop_taxonomy_names", "trim_mention", "cut_at_credits", "cut_at_numbers",
                                                   "title_words_out", "person_name_bounds", "person_behind_title", "strip_titles",
                                                   "person_after_title", "find_titles", "drop_noise", "label_on_evidence",
                                                   "drop_document_names", "extend_organisation", "body_of_unit", "headline_name_end",
                                                   "add_appositive_titles"]
    assert all(s.__doc__ for s in MENTION_STEPS)


@pytest.mark.parametrize("text, span, label, kept, after", [
    ("Chelsea beat Liverpool 2-1 on Sunday.", (2, 6), "ORG", True, "Liverpool"),
    ("Kazakhstan's President Tokayev spoke.", (2, 4), "PERSON", True, "Tokayev"),
    ("The Polish delegation arrived.", (1, 2), "NORP", False, None),
])
def test_mention_steps_one_by_one(nlp, text, span, label, kept, after):
    from kzfacts.pipeline.entities import MENTION_STEPS, Candidate

    doc = nlp(text)
    cand = Candidate(*span, label)
    assert all(step(doc, cand, {}) for step in MENTION_STEPS) == kept
    if kept:
        assert doc[cand.start:cand.end].text == after


def test_the_package_names_what_it_always_did():
    import kzfacts.pipeline.entities as entities
    from kzfacts.pipeline.entities import component, grouping

    assert {"EntityConsolidator", "MENTION_STEPS", "Candidate", "find_entities", "initials", "name_key"} <= set(entities.__all__)
    assert entities.EntityConsolidator is component.EntityConsolidator and entities.name_key is grouping.name_key


def test_the_gazetteer_file_and_its_matcher(blank, tmp_path):
    path = tmp_path / "names.jsonl"
    path.write_text('# a comment\n{"label": "ORG", "pattern": "Kazakh Invest", "id": "KAZAKH INVEST NC"}\n\n'
                    '{"label": "GPE", "pattern": "Almaty"}\n', encoding="utf-8")
    patterns = load_gazetteer(str(path))
    assert [p["pattern"] for p in patterns] == ["Kazakh Invest", "Almaty"]
    doc = blank("Kazakh Invest opened an office in Almaty.")
    matches = gazetteer_matcher(blank, patterns)(doc)
    assert [(blank.vocab.strings[k], doc[s:e].text) for k, s, e in matches] == [("KAZAKH INVEST NC", "Kazakh Invest")]


@pytest.mark.parametrize("name, forms", [
    ("Organization for Security and Co-operation in Europe",
     ["Organization for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe"]),
    ("Organisation for Economic Co-operation and Development",
     ["Organisation for Economic Co-operation and Development", "Organisation for Economic Cooperation and Development"]),
    ("Samruk-Kazyna", ["Samruk-Kazyna"]),
    ("Agence France-Presse", ["Agence France-Presse"]),
])
def test_a_known_name_is_found_with_or_without_a_prefix_hyphen(name, forms):
    from kzfacts.pipeline.entities.component import spellings

    assert spellings(name) == forms


def test_the_gazetteer_finds_a_name_written_without_its_hyphen(run):
    art = run("The Organization for Security and Cooperation in Europe said the vote was free.")
    assert "Organization for Security and Cooperation in Europe" in names(art, "organisations")
