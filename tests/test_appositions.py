"""Who's who (issue 37), constructions 5, 6 and 9: appositions on either side of a name, relative
clauses and verbs of office (a pronoun subject too), and lists of officials. Made-up sentences, none
from an evaluation text; each row names a person and every organisation that person should be
linked to (nothing more), with the role where it matters (ANY: not checked)."""
from __future__ import annotations

import pytest

from .conftest import ANY, links, names

# 5. the role phrase in commas after the name, or before it; the name is a person whatever the model said
APPOSITIONS = [
    ("Marta Ruiz, the EBRD's head for Central Asia, said the loan was approved.", "Marta Ruiz",
     {"EBRD": "head for Central Asia"}),
    ("The chairman of the Senate, Maulen Bekov, opened the session on Monday.", "Maulen Bekov",
     {"Senate": "chairman"}),
    ("Jon Tanaka, a senior economist at Nomura, expects rates to fall.", "Jon Tanaka",
     {"Nomura": "senior economist"}),
    pytest.param("Ilya Fedorov, spokesman for Rosatom, declined to comment.", "Ilya Fedorov", {"Rosatom": "spokesman"},
                 marks=pytest.mark.xfail(reason="the model types the one-word body a person; nothing general says "
                                                "a body, as 'spokesman for' also takes a person")),
    ("The head of Kyrgyzstan's State Tax Service, Almaz Duishenov, announced the new rules.", "Almaz Duishenov",
     {"State Tax Service": "head"}),
    ("The director of the Kazakh Institute for Strategic Studies, Aliya Nurlanova, told reporters the talks would "
     "resume.", "Aliya Nurlanova", {"Kazakh Institute for Strategic Studies": "director"}),
    ("The governor of the National Bank, Erbolat Saidov, raised the base rate.", "Erbolat Saidov",
     {"National Bank": "governor"}),
    ("Timur Bekmuratov, an analyst at Fitch Ratings, said the outlook was stable.", "Timur Bekmuratov",
     {"Fitch Ratings": "analyst"}),
    ("Nodir Rashidov, the chief executive of Uzbekneftegaz, said output rose.", "Nodir Rashidov",
     {"Uzbekneftegaz": "chief executive"}),
    ("Director of the Migration Service, Dr. Rustam Khodjaev, said the rules would change.", "Rustam Khodjaev",
     {"Migration Service": "Director"}),
    ("Daniyar Kasymov, a senior US official, revealed the plan.", "Daniyar Kasymov", {}),
    ("We welcome the Country Director of the Asian Development Bank (ADB) in Kazakhstan, Hiroshi Tanaka; he opened "
     "the forum.", "Hiroshi Tanaka", {"Asian Development Bank": "Country Director"}),
    ("The Eurasian Relief Fund (ERF) Regional Director for Central Asia, Dr. Leyla Aliyeva, opened the clinic.",
     "Leyla Aliyeva", {"Eurasian Relief Fund": ANY}),
    ("We thank Minister of Health, Dr. Timur Sadykov; and the Eurasian Relief Fund (Eurasian Help for Every Life) "
     "Senior Regional Director for Europe and Asia, Dr. Leyla Aliyeva, announced the shipment.", "Leyla Aliyeva",
     {"Eurasian Relief Fund": "Senior Regional Director for Europe and Asia"}),
]


@pytest.mark.parametrize("text, person, expected", APPOSITIONS)
def test_an_apposition_links_the_person_to_the_body(run, text, person, expected):
    art = run(text)
    assert person in names(art, "people")
    assert person not in names(art, "organisations") + names(art, "places")
    got = links(art, person)
    assert set(got) == set(expected), got
    for org, role in expected.items():
        assert org in names(art, "organisations")
        assert role is ANY or got[org]["role"] == role, got[org]


# 6. relative clauses and verbs of office, and a pronoun subject after the person was named
CLAUSES = [
    ("Ayan Zhusupova, who heads the Agency for Financial Monitoring, presented the figures.", "Ayan Zhusupova",
     {"Agency for Financial Monitoring": "heads"}),
    ("Bakyt Tursunov, who chairs the board of KEGOC, announced the dividend.", "Bakyt Tursunov", {"KEGOC": ANY}),
    ("Irina Volkova, who chairs the supervisory board of the Caspian Shipping Company, resigned.", "Irina Volkova",
     {"Caspian Shipping Company": ANY}),
    ("Aliya Serikova heads the press service of the Ministry of Justice.", "Aliya Serikova",
     {"Ministry of Justice": ANY}),
    ("Aidos Serikbayev was appointed chairman of Kazakhtelecom in March.", "Aidos Serikbayev",
     {"Kazakhtelecom": "chairman"}),
    ("Marat Zhanuzakov has led the Development Bank of Kazakhstan since 2022.", "Marat Zhanuzakov",
     {"Development Bank of Kazakhstan": "led"}),
    ("Gulmira Sadykova was detained on Monday. She works with the Central Asian Bureau for Human Rights.",
     "Gulmira Sadykova", {"Central Asian Bureau for Human Rights": None}),
    ("Dmitry Orlov was arrested last year. He had worked for the Eurasian Rail Company.", "Dmitry Orlov",
     {"Eurasian Rail Company": None}),
    ("Yerlan Abenov, who runs the Almaty Chamber of Commerce, welcomed the delegation.", "Yerlan Abenov",
     {"Almaty Chamber of Commerce": "runs"}),
    ("Daniyar Kassymov was questioned together with Ms. Anna Petrova. He works for the Nordic Investment Bank.",
     "Daniyar Kassymov", {"Nordic Investment Bank": None}),
]

PRONOUN_NO_LINK = [  # the pronoun is someone else: a person named after the first, a body, or not the subject before
    ("Dmitry Orlov spoke about his son on Monday. \"He works for the Eurasian Rail Company,\" he said.",
     "Dmitry Orlov"),  # a quotation's pronoun is the speaker's to resolve
    ("Dmitry Orlov met Anna Berg on Monday. She works for the Nordic Investment Bank.", "Dmitry Orlov"),
    ("Dmitry Orlov praised the Eurasian Rail Company. It works with the Asian Development Bank.", "Dmitry Orlov"),
    ("The police questioned Anna Petrova on Monday. He works for the Nordic Investment Bank.", "Anna Petrova"),
    ("Daniyar Kassymov was questioned together with Mr. Oleg Petrov. He works for the Nordic Investment Bank.",
     "Daniyar Kassymov"),
]


@pytest.mark.parametrize("text, person, expected", CLAUSES)
def test_a_clause_links_the_person_to_the_body(run, text, person, expected):
    got = links(run(text), person)
    assert set(got) == set(expected), got
    for org, role in expected.items():
        if role is not ANY:
            assert got[org]["role"] == role, got[org]


@pytest.mark.parametrize("text, person", PRONOUN_NO_LINK)
def test_a_pronoun_for_someone_else_links_nothing(run, text, person):
    assert links(run(text), person) == {}


# 9. lists of officials: every person of the list, with exactly their own links
LISTS = [
    pytest.param("He held meetings with Anna Lee, President of Visa Europe; Tom Black, CEO of Citi; and Omar Aziz, "
                 "chairman of Qatar Airways.",
                 {"Anna Lee": {"Visa Europe"}, "Tom Black": {"Citi"}, "Omar Aziz": {"Qatar Airways"}},
                 marks=pytest.mark.xfail(reason="nothing finds 'Visa Europe': an unknown body of common words after "
                                                "'President of' reads like a portfolio ('Director of Public Relations')")),
    ("He held meetings with Anna Lee, President of the Visa Europe Foundation; Tom Black, CEO of Citi; and Omar Aziz, "
     "chairman of Qatar Airways.",
     {"Anna Lee": {"Visa Europe Foundation"}, "Tom Black": {"Citi"}, "Omar Aziz": {"Qatar Airways"}}),
    ("The panel featured Sara Kim, a senior economist at the Asian Development Bank; Pavel Orlov, head of research "
     "at the Caspian Capital Group; and Li Wei, director of the Silk Road Fund.",
     {"Sara Kim": {"Asian Development Bank"}, "Pavel Orlov": {"Caspian Capital Group"}, "Li Wei": {"Silk Road Fund"}}),
    ("We thank the Honorable Minister of Education, Dr. Saule Ibraimova; Director of the UNICEF Regional Office "
     "for Europe, Dr. Paul Hansen; and Director of the National Center of Cardiology, Dr. Bolat Seitov.",
     {"Saule Ibraimova": set(), "Paul Hansen": {"UNICEF Regional Office for Europe"},
      "Bolat Seitov": {"National Center of Cardiology"}}),
    ("Also present were Consul General Daniel Rosen, World Bank Senior Economist Ilya Sokolov, from the "
     "U.S. Embassy in Astana.", {"Daniel Rosen": {"U.S. Embassy in Astana"}, "Ilya Sokolov": {"World Bank", "U.S. Embassy in Astana"}}),
    ("The delegation included Deputy Minister Aigerim Sadykova and Deputy Director Nurlan Omarov, from the "
     "Ministry of Trade.", {"Aigerim Sadykova": {"Ministry of Trade"}, "Nurlan Omarov": {"Ministry of Trade"}}),
    ("She thanked Nurlan Abdirov, Chairman of the Astana Innovation Council, and Dana Kim, Director of the Tech "
     "Garden Foundation, for their support.",
     {"Nurlan Abdirov": {"Astana Innovation Council"}, "Dana Kim": {"Tech Garden Foundation"}}),
    ("Among the guests were Uzbekistan Airways CEO Ravshan Ibragimov, Air Astana President Peter Foster and "
     "Turkish Airlines chairman Ahmet Bolat.", {"Ravshan Ibragimov": {"Uzbekistan Airways"},
                                                 "Peter Foster": {"Air Astana"}, "Ahmet Bolat": {"Turkish Airlines"}}),
    ("The speakers were Dana Ospan, Director of the Almaty Arts Foundation; and Erik Holm, from the Nordic Energy "
     "Agency.", {"Dana Ospan": {"Almaty Arts Foundation"}, "Erik Holm": {"Nordic Energy Agency"}}),
    ("Present were the Minister of Energy, Dr. Aliya Tulegenova; Director of the Caspian Pipeline Consortium, "
     "Dr. Hamid Sharif; Head of the Eurasian Economic Commission, Mr. Nikolai Gorban.",
     {"Aliya Tulegenova": set(), "Hamid Sharif": {"Caspian Pipeline Consortium"},
      "Nikolai Gorban": {"Eurasian Economic Commission"}}),
    ("Nonpartisan Anna Wong and Li Kwok-man of the Workers Federation were re-elected.",
     {"Anna Wong": set(), "Li Kwok-man": {"Workers Federation"}}),
    ("Deputy Minister Aigerim Sadykova and Deputy Director Nurlan Omarov of the Ministry of Trade spoke.",
     {"Aigerim Sadykova": set(), "Nurlan Omarov": {"Ministry of Trade"}}),
    ("Guests included Consul General Ivan Petrov, EBRD Director Olga Kim, from the European Business "
     "Association.", {"Ivan Petrov": {"European Business Association"},
                      "Olga Kim": {"EBRD", "European Business Association"}}),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_each_official_of_a_list_gets_their_own_links(run, text, expected):
    art = run(text)
    for person, orgs in expected.items():
        assert set(links(art, person)) == orgs, (person, links(art, person))


# the model sometimes types one name of a list of people a place ("A, B, and Sapardurdy X"): listed
# with people and shaped like a person's name (a surname's ending), it is a person
LISTED_AS_PLACE = [
    ("Aida Karimova, Ogulnabat Tachmuradova, and Gurbanberdy Nazarov were jailed.", "Gurbanberdy Nazarov", "PERSON"),
    ("Police detained Yerlan Akhmetov, Dana Omarova and Bakhyt Tursynbayev on Friday.", "Bakhyt Tursynbayev", "PERSON"),
    ("Kanat Sadykov and Asel Zhunusova signed the letter.", "Kanat Sadykov", "PERSON"),
    ("The prize went to Murat Abenov, Ilya Smirnov and Oksana Petrova.", "Ilya Smirnov", "PERSON"),
    ("Judges Timur Akhmediyarov, Roza Iskakova and Marat Serikbayev heard the case.", "Roza Iskakova", "PERSON"),
    ("Arman Dzhumageldiyev and Saule Tokhtarova founded the group.", "Saule Tokhtarova", "PERSON"),
    ("Anna Lee, Tom Black and South Korea signed the charter.", "South Korea", "GPE"),  # a country stays a place
    ("Anna Lee met Tom Black in East Kazakhstan.", "East Kazakhstan", "GPE"),  # not listed with them
    ("Anna Lee, Tom Black and Nur-Sultan Region joined.", "Nur-Sultan Region", "GPE"),  # no surname's ending
]


@pytest.mark.parametrize("text, name, expected", LISTED_AS_PLACE)
def test_a_name_listed_with_people_typed_a_place(nlp, text, name, expected):
    from kzfacts.pipeline.entities.common import Candidate
    from kzfacts.pipeline.entities.types import listed_with_people

    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline[:nlp.pipe_names.index("ner") + 1]:
        doc = proc(doc)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    cands = [Candidate(e.start, e.end, e.label_) for e in doc.ents if e.end <= span.start or e.start >= span.end]
    cands.append(Candidate(span.start, span.end, "GPE"))
    listed_with_people(doc, cands, {})
    assert cands[-1].label == expected


# a body only bodies have a role of ("CEO of Y", "shareholders of Y") is a body, whatever the model typed it
BODY_ROLE_OF = [
    ("Tom Black, CEO of Citi, said the deal was closed.", "Tom Black", "Citi"),
    ("Lina Ko, CEO of Kolesa, said the market had grown.", "Lina Ko", "Kolesa"),
    ("Anna Lee, CEO of Jusan, said the loan book was sound.", "Anna Lee", "Jusan"),
    ("Ivan Petrov, owner of Arbat, said the shop would stay open.", "Ivan Petrov", "Arbat"),
    ("Tom Black, the chief executive of Kcell, said subscribers grew.", "Tom Black", "Kcell"),
    ("Aigul Nurova, a senior executive of Tengiz, said output rose.", "Aigul Nurova", "Tengiz"),
    ("The CEO of Beeline, Kamila Sadykova, said the network was ready.", "Kamila Sadykova", "Beeline"),
    ("Erik Holm, chairman of Magnum, said prices would hold.", "Erik Holm", "Magnum"),
]


@pytest.mark.parametrize("text, person, body", BODY_ROLE_OF)
def test_the_body_of_a_body_role_is_linked(run, text, person, body):
    art = run(text)
    assert body in names(art, "organisations")
    assert set(links(art, person)) == {body}


# "the bank's chief economist": the body named before whose name holds the noun
DEFINITE_OWNER = [
    ("The Caspian Development Bank raised its forecast. \"Growth is strong,\" said Aida Sultanova, the bank's chief "
     "economist.", "Aida Sultanova", {"Caspian Development Bank": "chief economist"}),
    ("The Almaty Water Authority finished the canal. Khaled Nasser, the authority's lead engineer in the region, "
     "said it would open in May.", "Khaled Nasser", {"Almaty Water Authority": "lead engineer in the region"}),
    ("The Global Clean Air Fund approved the grant. Maria Costa, the fund's regional director, welcomed it.",
     "Maria Costa", {"Global Clean Air Fund": "regional director"}),
    ("The Ministry of Water Resources published the plan. The ministry's spokesman, Arman Zhakupov, defended it.",
     "Arman Zhakupov", {"Ministry of Water Resources": "spokesman"}),
    ("The Eurasian Rail Company cut fares. Its rival grew. Dana Sadykova, the company's chief executive, was "
     "pleased.", "Dana Sadykova", {"Eurasian Rail Company": "chief executive"}),
    ("The Steppe Wildlife Foundation counted the saiga. Oleg Ivanov, the foundation's director, gave the numbers.",
     "Oleg Ivanov", {"Steppe Wildlife Foundation": "director"}),
    ("The Kazakh Nuclear Agency opened a lab. The agency's head, Ruslan Bekov, cut the ribbon.", "Ruslan Bekov",
     {"Kazakh Nuclear Agency": "head"}),
    ("The Caspian Shipping Union met the Almaty Port Authority. Ilya Petrov, the union's chairman, signed first.",
     "Ilya Petrov", {"Caspian Shipping Union": "chairman"}),
    ("Halyk Bank and the Tengiz Oil Group signed a deal. Anna Berg, the group's treasurer, praised it.",
     "Anna Berg", {"Tengiz Oil Group": "treasurer"}),
]


@pytest.mark.parametrize("text, person, expected", DEFINITE_OWNER)
def test_the_body_a_definite_noun_takes_up(run, text, person, expected):
    got = links(run(text), person)
    assert set(got) == set(expected), got
    for org, role in expected.items():
        assert got[org]["role"] == role, got[org]
