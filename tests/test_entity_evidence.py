"""Entities decided by evidence beside or inside the name: one table of made-up sentences per class."""
from __future__ import annotations

import pytest

from .conftest import names


def all_names(article: dict, key: str) -> set[str]:
    return {n for e in article[key] for n in [e["name"], *e["aliases"]]}


# a Central Asian or Slavic surname ("-ov", "-ova", "-yev", "-uly" ...) after a given name is a
# person's name, where the model missed it or called it an organisation
SURNAMES = [
    ("Sadyr Japarov spoke at the congress on Friday.", "Sadyr Japarov"),
    ("Aliya Nurova opened the school on Monday.", "Aliya Nurova"),
    ("Marat Ospanov visited the mine with his deputy.", "Marat Ospanov"),
    ("Gulnara Ismailova visited the mine in May.", "Gulnara Ismailova"),
    ("The contract was signed by Bakhyt Sultanbekov and two bankers.", "Bakhyt Sultanbekov"),
    ("Farrukh Tursunov, a lawyer in Tashkent, filed the appeal.", "Farrukh Tursunov"),
    ("Asylbek Zhaksylykuly chaired the meeting in Shymkent.", "Asylbek Zhaksylykuly"),
]


@pytest.mark.parametrize("text, person", SURNAMES)
def test_a_surname_makes_a_person(run, text, person):
    article = run(text)
    assert person in names(article, "people")
    assert person not in names(article, "organisations")


@pytest.mark.parametrize("text, kept", [
    ("The Rostov plant cut output.", "people"),
    ("Trains from Kirov Street run every hour.", "people"),
    ("The Molotov cocktail was thrown at the police.", "people"),
])
def test_a_place_or_thing_with_such_an_ending_is_no_person(run, text, kept):
    assert names(run(text), kept) == []


# a one-word company name built from company morphemes (-telecom, -prom, -gaz, -neft ...) is a body
COMPANY_WORDS = [
    ("“We will appeal the ruling,” Kazakhtelecom said in a statement on Friday.", "Kazakhtelecom"),
    ("Uzbekneftegaz signed the deal with two Chinese firms.", "Uzbekneftegaz"),
    ("Turkmengaz raised its prices for the third time.", "Turkmengaz"),
    ("Kazatomprom cut its output forecast on Monday.", "Kazatomprom"),
    ("Kyrgyztelecom said the network would be restored.", "Kyrgyztelecom"),
]


@pytest.mark.parametrize("text, body", COMPANY_WORDS)
def test_a_company_word_is_a_body(run, text, body):
    article = run(text)
    assert body in names(article, "organisations")
    assert body not in names(article, "people")


# a capitalised function word that opens the sentence is not part of the name after it
LEADING_WORDS = [
    ("As Breitbart News reported, the talks failed.", "Breitbart News"),
    ("If Halyk Bank raises its rates, others will follow.", "Halyk Bank"),
    ("While Kaspi Bank grew, its rivals shrank.", "Kaspi Bank"),
    ("After Air Astana cancelled the flights, passengers waited.", "Air Astana"),
    ("Unlike the Asian Development Bank, the fund kept its forecast.", "Asian Development Bank"),
]


@pytest.mark.parametrize("text, body", LEADING_WORDS)
def test_a_leading_function_word_is_not_in_the_name(run, text, body):
    assert body in names(run(text), "organisations")


# a surname alone, where the article names one person with it, is that person
SURNAMES_ALONE = [
    ("Celebrities Julianne Moore and Kerry Washington spoke out. Moore thanked him for the steps.",
     "Julianne Moore", "Moore"),
    ("Aigul Sarsenova opened the bridge on Monday. Sarsenova said it cost five billion tenge.",
     "Aigul Sarsenova", "Sarsenova"),
    ("The report was written by Daniyar Kenzhebayev. Kenzhebayev works at the institute.",
     "Daniyar Kenzhebayev", "Kenzhebayev"),
    ("Anna Berg won the race. Berg thanked her coach.", "Anna Berg", "Berg"),
    ("John Smith and Mary Jones met in Astana. Jones later left for Moscow.", "Mary Jones", "Jones"),
]


@pytest.mark.parametrize("text, person, alias", SURNAMES_ALONE)
def test_a_surname_alone_is_the_articles_person(run, text, person, alias):
    article = run(text)
    (entity,) = [e for e in article["people"] if e["name"] == person]
    assert alias in entity["aliases"]
    assert alias not in names(article, "people") and alias not in names(article, "organisations")


# a poster named by a role word (user, commenter, blogger) is a person, handle and all
POSTERS = [
    ("User steppe_wolf answers:\n\n“Nobody asked the residents.”", "steppe_wolf"),
    ("Commenter Timur_88 replies:\n\n“This has happened before.”", "Timur_88"),
    ("Blogger Aigerim writes:\n\n“The roads are terrible this spring.”", "Aigerim"),
    ("Twitter user @almaty_air posted:\n\n“The air is grey again today.”", "@almaty_air"),
    ("Reader dana.s wrote:\n\n“I waited three hours at the border.”", "dana.s"),
]


@pytest.mark.parametrize("text, person", POSTERS)
def test_a_poster_is_a_person(run, text, person):
    article = run(text)
    assert person in names(article, "people")
    assert article["quotes"][0]["speaker"] == person


# the common noun a name is introduced with says what it is: "the band X" is a body, "the film X"
# is no entity, "illustrator X" is a person (models/class_nouns.tsv)
CLASS_NOUNS = [
    ("The Kazakh team Astana Motors won the final.", "organisations", "Astana Motors"),
    ("Fans of the band Ninety One filled the hall.", "organisations", "Ninety One"),
    ("The German magazine Der Spiegel published the letters.", "organisations", "Der Spiegel"),
    ("The broadcaster Khabar 24 showed the match.", "organisations", "Khabar 24"),
    ("The esports team Virtus Pro beat its rivals.", "organisations", "Virtus Pro"),
    ("The book was drawn by illustrator Johnnie Marsh.", "people", "Johnnie Marsh"),
    ("The novel's author is writer Aner Shalev.", "people", "Aner Shalev"),
    ("The song was recorded by singer Dimash Kudaibergen.", "people", "Dimash Kudaibergen"),
]


@pytest.mark.parametrize("text, key, name", CLASS_NOUNS)
def test_a_class_noun_says_what_a_name_is(run, text, key, name):
    article = run(text)
    assert name in names(article, key)
    other = "people" if key == "organisations" else "organisations"
    assert name not in names(article, other)


NOT_BODIES = [
    ("She starred in the 1969 film Easy Rider.", "Easy Rider"),
    ("Her graphic novel Angel Catbird sold well.", "Angel Catbird"),
    ("The cruise ship Freewinds docked in Aruba.", "Freewinds"),
    ("The spacecraft Tianwen reached orbit.", "Tianwen"),
    ("The album Golden Steppe came out in May.", "Golden Steppe"),
    ("The software Mozilla Firefox lost users.", "Mozilla Firefox"),
]


@pytest.mark.parametrize("text, name", NOT_BODIES)
def test_a_work_vehicle_or_product_is_no_entity(run, text, name):
    article = run(text)
    assert name not in names(article, "organisations") and name not in names(article, "people")


# a name listed among people is a person ("Chuck Close, Walker Evans and Robert Frank")
PERSON_LISTS = [
    ("The show has works by Chuck Close, Walker Evans and Robert Frank.", "Walker Evans"),
    ("Speakers included Aigul Sarsenova, Dean Kamen and John Smith.", "Dean Kamen"),
    ("Mary Jones, Britney Spears and Anna Berg sang.", "Britney Spears"),
    ("The jury was Peter Brown, Annie Oakley and Tom Reed.", "Annie Oakley"),
    ("Goals came from Anna Berg and Thibaut Courtois.", "Thibaut Courtois"),
]


@pytest.mark.parametrize("text, person", PERSON_LISTS)
def test_a_name_in_a_list_of_people_is_a_person(run, text, person):
    article = run(text)
    assert person in names(article, "people") and person not in names(article, "organisations")


# a name whose last word is a newspaper's head word is an outlet, a body
OUTLETS = [
    ("The Sydney Morning Herald reported the story on Monday.", "Sydney Morning Herald"),
    ("Khaled Ali, an editor at the Saudi Gazette, said the crane fell.", "Saudi Gazette"),
    ("According to the Toronto Star, the deal was signed.", "Toronto Star"),
    ("The Edmonton Sun carried the photo on its front page.", "Edmonton Sun"),
    ("The Steppe Chronicle published the letter.", "Steppe Chronicle"),
    ("He told the Almaty Tribune that prices would rise.", "Almaty Tribune"),
]


@pytest.mark.parametrize("text, body", OUTLETS)
def test_a_newspaper_is_a_body(run, text, body):
    article = run(text)
    assert body in names(article, "organisations") and body not in names(article, "people")


# a country or city that plays a match (next to a result, or beating another side) is the team
TEAMS = [
    ("Kazakhstan beat Uzbekistan 2 – 1 in the Asian Cup match on Friday.", ["Kazakhstan", "Uzbekistan"]),
    ("In the first game, Sweden defeated South Korea 1 – 0 at the stadium.", ["Sweden", "South Korea"]),
    ("Belgium 3 – 0 Panama was the score after ninety minutes of the match.", ["Belgium", "Panama"]),
    ("In the final, Japan faced Iran at the stadium. Japan scored twice in the match.", ["Japan", "Iran"]),
    ("Kazakhstan drew with Kyrgyzstan 1 – 1 in the league match.", ["Kazakhstan", "Kyrgyzstan"]),
]


@pytest.mark.parametrize("text, teams", TEAMS)
def test_a_country_playing_a_match_is_the_team(run, text, teams):
    article = run(text)
    assert set(teams) <= set(names(article, "organisations"))


@pytest.mark.parametrize("text, place", [
    ("Kazakhstan signed a trade deal with Uzbekistan on Friday.", "Kazakhstan"),
    ("Russia faced new sanctions after the vote.", "Russia"),
    ("Japan beat its export record in 2023.", "Japan"),
])
def test_a_country_that_plays_no_match_stays_a_place(run, text, place):
    article = run(text)
    assert place in names(article, "places") and place not in names(article, "organisations")


# a single capitalised word that is a common noun elsewhere in the text is no body
COMMON_WORDS = [
    ("Citizens\n\nMany citizens complained about the prices.", "Citizens"),
    ("Media\n\nThe media reported the fire late.", "Media"),
    ("Future\n\nThe future of the plant is unclear.", "Future"),
    ("The Government will decide in May. The government has not commented.", "Government"),
    ("Customs cannot check every truck, a customs officer said.", "Customs"),
]


@pytest.mark.parametrize("text, word", COMMON_WORDS)
def test_a_capitalised_common_word_is_no_body(run, text, word):
    assert word not in names(run(text), "organisations")


@pytest.mark.parametrize("text, body", [
    ("The Senate passed the bill on Monday.", "Senate"),
    ("Kazatomprom cut output. Kazatomprom said demand was weak.", "Kazatomprom"),
    ("The Mazhilis passed the bill. Deputies of the Mazhilis voted for it.", "Mazhilis"),
])
def test_a_capitalised_name_with_no_common_use_stays(run, text, body):
    assert body in names(run(text), "organisations")


# a results line or a standings row names teams
RESULTS = [
    ("Premier League results:\nLeeds 2 Everton 1\nChelsea 0 Arsenal 3", ["Leeds", "Everton", "Chelsea", "Arsenal"]),
    ("Results on Saturday:\nAstana 1 Kairat 1\nTobol 2 Aktobe 0", ["Astana", "Kairat", "Tobol", "Aktobe"]),
    ("Standings:\nDETROIT 5 3 1 .625\nBOSTON 4 4 1 .500", ["DETROIT", "BOSTON"]),
    ("Group A:\nOrdabasy 3 Zhetysu 2\nKaisar 1 Atyrau 1", ["Ordabasy", "Zhetysu", "Kaisar", "Atyrau"]),
    ("Scores:\nManchester United 2 Leicester City 1\nAston Villa 0 Everton 0", ["Manchester United", "Leicester City"]),
]


@pytest.mark.parametrize("text, teams", RESULTS)
def test_a_results_line_names_teams(run, text, teams):
    article = run(text)
    assert set(teams) <= set(names(article, "organisations"))
    assert not set(teams) & set(names(article, "people"))


# a one-word name shaped like a surname, doing what people do, is a person
@pytest.mark.parametrize("text, person", [
    ("Nazarbayev spoke first. The talks lasted an hour.", "Nazarbayev"),
    ("Tokayev signed the decree on Monday.", "Tokayev"),
    ("Mirziyoyev told ministers to cut costs.", "Mirziyoyev"),
    ("Japarov arrived in Moscow on Tuesday.", "Japarov"),
    ("Rahmonov's visit was short.", "Rahmonov"),
])
def test_a_surname_alone_doing_things_is_a_person(run, text, person):
    article = run(text)
    assert person in names(article, "people") and person not in names(article, "organisations")


# a country standing alone is a place, not a body (CLDR's country names), unless it plays a match
@pytest.mark.parametrize("text, country", [
    ("Uzbekistan said it would join the union.", "Uzbekistan"),
    ("Talks between Kyrgyzstan and Tajikistan resumed.", "Kyrgyzstan"),
    ("Turkmenistan signed the gas deal on Monday.", "Turkmenistan"),
    ("South Korea and Japan agreed to talk.", "South Korea"),
    ("Mongolia hosted the summit in June.", "Mongolia"),
])
def test_a_country_alone_is_a_place(run, text, country):
    article = run(text)
    assert country in names(article, "places") and country not in names(article, "organisations")


# a body's product is no body: "its iPhone", "the Model Y", a name with a model number
@pytest.mark.parametrize("text, product", [
    ("Tesla said its Cybertruck would ship in May.", "Cybertruck"),
    ("Samsung said its Galaxy sold well in Almaty.", "Galaxy"),
    ("Microsoft released Windows 11 in October.", "Windows 11"),
    ("The Astana market index, the KASE index, rose.", "KASE"),
    ("Delegates flew to Baku, where COP29 opened.", "COP29"),
])
def test_a_product_or_event_is_no_body_or_person(run, text, product):
    article = run(text)
    assert all(product not in names(article, key) for key in ("organisations", "people", "places"))


# one person whatever the transliteration or a letter's slip in one article
SPELLINGS = [
    ("Nursultan Nazarbayev opened the session. Later Nazarbaev met the press.", "Nursultan Nazarbayev", "Nazarbaev"),
    ("President Kassym-Jomart Tokayev arrived. Tokaev said the talks went well.", "Kassym-Jomart Tokayev", "Tokaev"),
    ("Shavkat Mirziyoyev met officials. Mirziyoev said reforms would continue.", "Shavkat Mirziyoyev", "Mirziyoev"),
    ("The curator K.C. Maurer chose the photos. Mauer said they were rare.", "K.C. Maurer", "Mauer"),
    ("Kristen Wilkins wrote the guide. Kristin Wilkins said it took a year.", "Kristen Wilkins", "Kristin Wilkins"),
]


@pytest.mark.parametrize("text, person, variant", SPELLINGS)
def test_one_person_whatever_the_spelling(run, text, person, variant):
    article = run(text)
    (entity,) = [e for e in article["people"] if e["name"] == person]
    assert variant in entity["aliases"]
    assert len(article["people"]) == 1


@pytest.mark.parametrize("text", [
    "Bill Clinton met Bill Clifton in Astana.",
    "Anna Berg and Anna Borg both ran.",
    "John Smith spoke. Later Jon Smyth answered.",
])
def test_different_people_stay_apart(run, text):
    assert len(run(text)["people"]) == 2


@pytest.mark.parametrize("text, name", [
    ("Cyclone Phailin hit the coast on Saturday.", "Cyclone Phailin"),
    ("Space Shuttle Columbia landed in Florida.", "Space Shuttle Columbia"),
    ("Hurricane Katrina flooded the city.", "Hurricane Katrina"),
    ("The museum shows Space Shuttle Atlantis.", "Space Shuttle Atlantis"),
    ("The house on Castlefrank Road was sold.", "Castlefrank Road"),
])
def test_a_storm_vehicle_or_road_is_no_person(run, text, name):
    assert name not in names(run(text), "people")


@pytest.mark.parametrize("text, body, not_body", [
    ("A State Department Spokesperson declined to comment.", "State Department", "State Department Spokesperson"),
    ("The NASA Administrator visited the site.", "NASA", "NASA Administrator"),
    ("A Kazatomprom Spokesman confirmed the cut.", "Kazatomprom", "Kazatomprom Spokesman"),
    ("The Office of the President issued a decree.", "Office of the President", "Office"),
    ("Halyk Bank Chairman Umut Shayakhmetova spoke.", "Halyk Bank", "Halyk Bank Chairman"),
])
def test_a_title_after_a_body_is_no_word_of_its_name(run, text, body, not_body):
    found = names(run(text), "organisations")
    assert body in found and not_body not in found


@pytest.mark.parametrize("text, name", [
    ("The photo is under the GNU Free Documentation License.", "GNU Free Documentation License"),
    ("Police ran Operation Clambake for a year.", "Operation Clambake"),
    ("The Spacecraft Stardust returned in 2006.", "Spacecraft Stardust"),
    ("Cyclone Phailin closed the port.", "Cyclone Phailin"),
    ("The code is released under the Apache License.", "Apache License"),
])
def test_a_licence_operation_or_vehicle_is_no_body(run, text, name):
    assert name not in names(run(text), "organisations")


# "Akim of Almaty Yerbolat Dossayev": the place after "title of" belongs to the title
@pytest.mark.parametrize("text, person", [
    ("Akim of Almaty Yerbolat Dossayev inspected the site.", "Yerbolat Dossayev"),
    ("President of Kyrgyzstan Sadyr Japarov arrived in Astana.", "Sadyr Japarov"),
    ("Minister of Energy Almasadam Satkaliyev spoke first.", "Almasadam Satkaliyev"),
    ("Mayor of Bishkek Aibek Junushaliev opened the park.", "Aibek Junushaliev"),
    ("Governor of Samarkand Erkinjon Turdimov met farmers.", "Erkinjon Turdimov"),
])
def test_a_titles_place_is_not_in_the_name(run, text, person):
    assert person in names(run(text), "people")


@pytest.mark.parametrize("text, name", [
    ("The new plane is the\nBoeing 737 Max 8", "Max"),
    ("Almaty 5 3", "Almaty"),
])
def test_one_line_of_numbers_is_no_table(run, text, name):
    assert name not in names(run(text), "organisations")


@pytest.mark.parametrize("word, shaped", [
    ("Kazakhtelecom", True), ("Uzbekneftegaz", True), ("KazMunayGas", True), ("Turkmengaz", True),
    ("Vargas", False), ("Baitemir", False), ("Douglas", False), ("Kazatomprom", True),
])
def test_a_company_word_needs_a_countrys_stem_or_an_inner_capital(blank, word, shaped):
    from kzfacts.pipeline.entities.common import company_shaped

    assert company_shaped(blank(word)[0]) is shaped


def test_a_long_title_case_line_is_no_title(run):
    text = " ".join(["Minister Aaaa Bbbb Cccc"] * 300)
    article = run(text)
    from kzfacts.pipeline.entities.titles import MAX_TITLE_WORDS

    assert all(len(t.split()) <= MAX_TITLE_WORDS for p in article["people"] for t in p["titles"])


@pytest.mark.parametrize("text, body", [
    ("Samruk-Kazyna sold its Kcell shares. Kcell said the deal closed.", "Kcell"),
    ("The fund raised its Tengizchevroil stake. Tengizchevroil did not comment.", "Tengizchevroil"),
])
def test_a_body_whose_shares_are_owned_is_still_a_body(run, text, body):
    assert body in names(run(text), "organisations")


def test_possessives_after_reads_the_subtree(nlp):
    from pathlib import Path

    from kzfacts.pipeline.entities.evidence import possessives_after

    text = (Path(__file__).resolve().parent.parent / "samples" / "kazakhstan_digest.txt").read_text(encoding="utf-8")
    doc = nlp(text[:6000] + " Best Buy said its sales fell and his plan, which her board liked, failed.")
    checked = 0
    for head in doc:
        for end in (head.i, head.i + 2, head.left_edge.i):
            expected = {t.lower_ for t in head.subtree if t.i >= end and t.dep_ == "poss"}
            assert possessives_after(head, end) == expected
            checked += bool(expected)
    assert checked > 20
