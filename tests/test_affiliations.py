"""Affiliations: which organisation entity the text links each person to, and in what role.

Made-up sentences, several per kind of evidence; each row names one person and every
organisation that person should be linked to (nothing more), with the role and `former`.
"""
from __future__ import annotations

import pytest

from .conftest import ANY, links

TITLE_BEFORE_NAME = [
    ("World Bank Vice-President Anna Berg visited Almaty on Monday.", "Anna Berg",
     {"World Bank": ("Vice-President", False)}),
    ("OPEC Secretary-General Mohammad Barkindo said output would rise.", "Mohammad Barkindo",
     {"OPEC": ("Secretary-General", False)}),
    ("Oxfam International director Maria Lopez criticised the plan on Friday.", "Maria Lopez",
     {"Oxfam International": ("director", False)}),
    ("Halyk Bank chairman Erik Larsen announced the results on Tuesday.", "Erik Larsen",
     {"Halyk Bank": ("chairman", False)}),
    ("Ryanair CEO Michael O'Leary said fares would fall.", "Michael O'Leary",
     {"Ryanair": ("CEO", False)}),
    ("Labour Party MP John Hale voted against the budget.", "John Hale",
     {"Labour Party": ("MP", False)}),
]

APPOSITION = [
    ("Willem Janssen, director of the Baltic Energy Institute, warned of shortages.", "Willem Janssen",
     {"Baltic Energy Institute": ("director", False)}),
    ("Sara Kim, a spokeswoman for the Asian Development Bank, declined to comment.", "Sara Kim",
     {"Asian Development Bank": ("spokeswoman", False)}),
    ("Tom Hardy, a member of the Green Party's board, spoke on Friday.", "Tom Hardy",
     {"Green Party": ("member of the board", False)}),
    ("Ivan Petrov, chairman of the management board of the Caspian Oil Company, signed the deal.", "Ivan Petrov",
     {"Caspian Oil Company": ("chairman of the management board", False)}),
    ("Ahmed Khan, a senior researcher at the Central Asia Policy Institute, said reforms were slow.", "Ahmed Khan",
     {"Central Asia Policy Institute": ("senior researcher", False)}),
    ("Peter Lund, UN spokesperson for Refugees, said the camps were full.", "Peter Lund",
     {"UN": ("spokesperson for Refugees", False)}),
]

CLAUSE = [
    ("Daniel Ortiz, who heads the National Statistics Agency, presented the data.", "Daniel Ortiz",
     {"National Statistics Agency": ("heads", False)}),
    ("Erika Braun, who chairs the Berlin Climate Council, opened the meeting.", "Erika Braun",
     {"Berlin Climate Council": ("chairs", False)}),
    ("Karim Aliyev was appointed head of the State Audit Committee in May.", "Karim Aliyev",
     {"State Audit Committee": ("head", False)}),
    ("Nora Holm is the executive director of the Arctic Research Foundation.", "Nora Holm",
     {"Arctic Research Foundation": ("executive director", False)}),
    ("Paul Meyer, who works for the European Investment Bank, lives in Luxembourg.", "Paul Meyer",
     {"European Investment Bank": (None, False)}),
    ("Olga Ivanova has served as president of the Eurasian Medical Association since 2019.", "Olga Ivanova",
     {"Eurasian Medical Association": ("president", False)}),
]

OF_ORGANISATION = [
    ("Alberto Rossi, of the Institute for Strategic Studies, says the reforms matter.", "Alberto Rossi",
     {"Institute for Strategic Studies": (None, False)}),
    ("Jan de Vries of the Dutch Labour Party said the vote was close.", "Jan de Vries",
     {"Dutch Labour Party": (None, False)}),
    ("Mei Chen, from the Shanghai Trade Association, attended the forum.", "Mei Chen",
     {"Shanghai Trade Association": (None, False)}),
    ("Martin Kraus of Deutsche Bank said rates would rise.", "Martin Kraus",
     {"Deutsche Bank": (None, False)}),
    ("Amina Yusuf, of the African Union Commission, called for calm.", "Amina Yusuf",
     {"African Union Commission": (None, False)}),
]

POSSESSIVE = [
    ("Kaspi Bank's chief executive Mikhail Lomtadze said profits rose.", "Mikhail Lomtadze",
     {"Kaspi Bank": ("chief executive", False)}),
    ("The Astana Development Foundation's chairman, Serik Akhmetov, opened the session.", "Serik Akhmetov",
     {"Astana Development Foundation": ("chairman", False)}),
    ("The Nordic Institute for Peace Research published a report, and its director Hans Olsen presented it.",
     "Hans Olsen", {"Nordic Institute for Peace Research": ("director", False)}),
    ("Toyota Motor Corporation's president Akio Toyoda announced the plan.", "Akio Toyoda",
     {"Toyota Motor Corporation": ("president", False)}),
    ("Jane Doe, the Global Health Fund's spokeswoman, confirmed the grant.", "Jane Doe",
     {"Global Health Fund": ("spokeswoman", False)}),
]

FORMER = [
    ("Former World Bank President James Wolfensohn spoke at the forum.", "James Wolfensohn",
     {"World Bank": ("President", True)}),
    ("Jon Berg, the former director of the Norwegian Refugee Council, said aid was late.", "Jon Berg",
     {"Norwegian Refugee Council": ("director", True)}),
    ("Anna Weber, who left the Christian Democratic Union in 2015, now writes novels.", "Anna Weber",
     {"Christian Democratic Union": (None, True)}),
    ("The outgoing Halyk Bank chairman Erik Larsen gave his last speech.", "Erik Larsen",
     {"Halyk Bank": ("chairman", True)}),
    ("Lars Nilsson, then chairman of the Swedish Football Association, approved the deal.", "Lars Nilsson",
     {"Swedish Football Association": ("chairman", True)}),
    ("Ex-Oxfam director Maria Lopez criticised the plan on Friday.", "Maria Lopez",
     {"Oxfam": ("director", True)}),
]

COUNTRY_ONLY = [
    ("Kazakh Foreign Minister Mukhtar Tileuberdi met reporters in Astana.", "Mukhtar Tileuberdi", {}),
    ("French President Emmanuel Macron arrived in Berlin on Monday.", "Emmanuel Macron", {}),
    ("Kazakhstan's Prime Minister Askar Mamin visited Almaty.", "Askar Mamin", {}),
    ("Nursultan Abenov, the President of Kazakhstan, spoke on Monday.", "Nursultan Abenov", {}),
    ("German Chancellor Olaf Scholz met reporters in Warsaw.", "Olaf Scholz", {}),
    ("Polish Finance Minister Tadeusz Kowalski said the Central Bank would act.", "Tadeusz Kowalski", {}),
]

# a minister is linked to the ministry of their portfolio when the text names it as an organisation
PORTFOLIO = [
    ("Energy Minister Nurlan Nogayev said the Ministry of Energy would publish the figures.", "Nurlan Nogayev",
     {"Ministry of Energy": ("Energy Minister", False)}),
    ("The Ministry of Finance published the budget. Finance Minister Yerlan Dosov presented it.", "Yerlan Dosov",
     {"Ministry of Finance": ("Finance Minister", False)}),
    ("Foreign Minister Anna Lind said the Ministry of Foreign Affairs would respond.", "Anna Lind",
     {"Ministry of Foreign Affairs": ("Foreign Minister", False)}),
]

TABLE = [pytest.param(*row, id=f"{kind}-{i}") for kind, rows in (
    ("title", TITLE_BEFORE_NAME), ("apposition", APPOSITION), ("clause", CLAUSE), ("of", OF_ORGANISATION),
    ("possessive", POSSESSIVE), ("former", FORMER), ("country", COUNTRY_ONLY), ("portfolio", PORTFOLIO),
) for i, row in enumerate(rows)]


@pytest.mark.parametrize("text, name, expected", TABLE)
def test_affiliations(run, text, name, expected):
    art = run(text)
    got = links(art, name)
    assert set(got) == set(expected), got
    orgs = {o["name"] for o in art["organisations"]}
    for org, (role, former) in expected.items():
        a = got[org]
        assert org in orgs
        if role is not ANY:
            assert a["role"] == role, a
        assert a["former"] is former, a
        assert 0 <= a["start"] < a["end"] <= len(text)


def test_evidence_offsets_hold_the_organisation(run):
    text = "Willem Janssen, director of the Baltic Energy Institute, warned of shortages."
    a = links(run(text), "Willem Janssen")["Baltic Energy Institute"]
    assert text[a["start"]:a["end"]] == "director of the Baltic Energy Institute"


def test_people_always_carry_a_list(run):
    art = run("John Smith met Mary Jones in London on Monday.")
    assert art["people"] and all(p["affiliations"] == [] for p in art["people"])


def test_organisations_and_places_have_no_affiliations(run):
    art = run("Willem Janssen, director of the Baltic Energy Institute, flew to Paris.")
    assert all("affiliations" not in e for e in art["organisations"] + art["places"])


def test_finders_are_an_ordered_list_of_documented_functions():
    from kzfacts.pipeline.entities.affiliations import AFFILIATION_FINDERS

    assert [f.__name__ for f in AFFILIATION_FINDERS] == ["title_phrase", "apposition_before", "apposition_after",
                                                         "of_organisation", "clause"]
    assert all(f.__doc__ for f in AFFILIATION_FINDERS)


def test_two_ministries_that_fit_give_no_link(run):
    art = run("The Ministry of Energy and the Energy Ministry of Tatarstan met. Energy Minister Ivan Sorokin spoke.")
    assert links(art, "Ivan Sorokin") == {}


def test_a_title_without_a_body_links_nothing(run):
    art = run("Prime Minister Askar Mamin met the board of the Halyk Bank on Monday.")
    assert links(art, "Askar Mamin") == {}


def test_at_a_place_of_meeting_is_no_link(run):
    art = run("The ambassador met Karl Weiss at the Asian Development Bank on Monday.")
    assert links(art, "Karl Weiss") == {}
