"""Issue 37, organisation precision: names of places and things the model or a rule takes for a
body. Made-up sentences, none from an evaluation text."""
from __future__ import annotations

import pytest

from .conftest import names

PLACES_AND_THINGS = [
    # a state that no longer exists is a place, though "Union" is an organisation word
    ("After the collapse of the Soviet Union, Tajikistan fought a civil war that lasted five years.", "Soviet Union"),
    ("Kazakhstan declared independence from the Soviet Union in December 1991.", "Soviet Union"),
    ("Trade between East Germany and the Soviet Union grew in the 1970s.", "Soviet Union"),
    # a city CLDR names a time zone after
    ("Officials met in Dushanbe to discuss water, and the talks will continue in Bishkek next month.", "Dushanbe"),
    ("The summit in Dushanbe ended without a joint statement from the leaders.", "Dushanbe"),
    # a dateline whose city is followed by its state or country
    ("ALMATY, Kazakhstan - The central bank kept its base rate unchanged at its meeting on Friday.", "ALMATY"),
    ("FARGO, N.D. (May 2, 2019) -- Engineers of the river authority finished the new levee this week.", "FARGO"),
    # a language tag after a link
    ("The blogger Aidos Sarym wrote (RUS) that the trial had been closed to the press.", "RUS"),
    ("Another blogger replied (RUS): the court had no reason to close the hearing.", "RUS"),
    ("The editors of the site (KAZ) said they would appeal against the ban on Monday.", "KAZ"),
    # a currency the text also counts money in
    ("GDP reached 900 trillion Soum in 2023, and the Soum lost 4% against the dollar.", "Soum"),
    ("Uzbekistan's national currency Soum depreciated by 3.5% against the dollar.", "Soum"),
    # a disease's acronym
    ("The clinic treats patients with TB and malaria across the region.", "TB"),
    ("Funding will cover HIV, TB and hepatitis programmes in Kyrgyzstan.", "TB"),
    # one numbered edition of a gathering: an event
    ("The Sixth International Conference on Water Security opened in Almaty on Monday with 300 delegates.",
     "Sixth International Conference on Water Security"),
    ("Delegates at the 5th International Forum on Clean Energy in Bishkek agreed on a joint plan.",
     "International Forum on Clean Energy"),
    ("The 12th Eurasian Media Forum will be held in Astana next spring, the organisers said.", "Eurasian Media Forum"),
    ("The Second Regional Symposium on Child Health ended in Tashkent with a joint declaration.",
     "Second Regional Symposium on Child Health"),
    # a site is a place, a facility, not a body (name_heads.txt)
    ("Engineers cleaned up the Balkhash Test Site with help from the United States.", "Balkhash Test Site"),
    ("Engineers cleaned up the Aral Burial Site with help from the United States.", "Aral Burial Site"),
    ("The old Zhanatas Launch Site will become a museum, the ministry said.", "Zhanatas Launch Site"),
    ("The old Irtysh Test Site will become a museum, the ministry said.", "Irtysh Test Site"),
    ("The Karatau Test Site was used for hundreds of nuclear tests.", "Karatau Test Site"),
    ("The Aral Burial Site was used for hundreds of nuclear tests.", "Aral Burial Site"),
    ("Officials from the Zhanatas Launch Site met the delegation on Monday.", "Zhanatas Launch Site"),
    ("Officials from the Irtysh Test Site met the delegation on Monday.", "Irtysh Test Site"),
]


@pytest.mark.parametrize("text, thing", PLACES_AND_THINGS)
def test_a_place_or_a_thing_is_no_organisation(run, text, thing):
    art = run(text)
    assert thing not in names(art, "organisations") + names(art, "people")


KEPT_BODIES = [  # the same shapes where they do name a body
    ("The Eurasian Economic Union agreed on common tariffs in Moscow.", "Eurasian Economic Union"),
    ("Soviet Union Limited, a shipping company, said on Monday it had bought two tankers.", "Soviet Union Limited"),
    ("The Russian Union of Shipbuilders (RUS) said it would build two tankers for Kazakhstan.", "RUS"),
    ("Analysts at Rand said the army budget would grow by a fifth next year.", "Rand"),
    ("The Conference on Interaction and Confidence Building Measures in Asia met in Astana.",
     "Conference on Interaction and Confidence Building Measures in Asia"),
    ("The World Economic Forum said on Monday that growth in Central Asia would slow.", "World Economic Forum"),
]


@pytest.mark.parametrize("text, body", KEPT_BODIES)
def test_a_body_of_the_same_shape_stays(run, text, body):
    assert any(body == e["name"] or body in e["aliases"] for e in run(text)["organisations"])


HEADLINES = [  # (text, a person it names or None, words no person's or body's name may hold)
    ("Remarks by Assistant Secretary Moreno - April 11, 2021\n\nBishkek, Kyrgyzstan\n\nApril 11, 2021\n\n"
     "As Prepared for Delivery\n\nThank you for that kind introduction. It is a pleasure to be back in Bishkek this week.",
     "Moreno", "April"),
    ("Kazakh Senator Has Died\n\nBy Staff Reporter June 2, 2016\n\nThe senator, known for his work on the water "
     "law, was 81 years old, his family said on Monday.", None, "Died"),
    ("Tajik Leader Has Arrived in Moscow\n\nBy Staff Reporter June 2, 2016\n\nThe president landed on Monday for "
     "two days of talks on trade and migration, his office said.", None, "Leader"),
    ("Deputy Minister Aidar Bekov Opening Remarks at the Regional Water Forum in Almaty\n\nMonday, March 6, 2023\n\n"
     "The forum brought together experts from five countries to discuss how the rivers of the region are shared.",
     "Aidar Bekov", "Remarks"),
    ("Mission Director Peter Olsen Welcome Remarks at the Regional Conference on Child Health\n\n"
     "Friday, September 22, 2023\n\nGood morning, and thank you all for coming to this conference on the health "
     "of children.", "Peter Olsen", "Remarks"),
    ("U.S. Ambassador Laura Keane\n\nComments to the Press Corps of Uzbekistan Following her Meeting with the "
     "Foreign Minister\n\nOctober 8, 2018\n\nIt was a great honor for me to meet the Foreign Minister today and to "
     "talk about trade and water.", None, "Following"),
    ("Water Talks in Central Asia\n\nCategories: Central Asia & Caucasus, Environment, Digital Activism, Media & "
     "Journalism\n\nThe five states met on Monday to discuss how to share the water of the two great rivers of the "
     "region.", None, "Activism"),
    ("Water Talks in Central Asia\n\nCategories: Central Asia & Caucasus, Environment, Digital Activism, Media & "
     "Journalism\n\nThe five states met on Monday to discuss how to share the water of the two great rivers of the "
     "region.", None, "Journalism"),
    ("Election Day in Bishkek\n\nTags: Elections, Civic Engagement, Human Rights Advocacy, Youth Movements\n\n"
     "Voters queued for hours outside polling stations across the capital on Sunday, observers said.", None, "Youth"),
    ("Election Day in Bishkek\n\nTags: Elections, Civic Engagement, Human Rights Advocacy, Youth Movements\n\n"
     "Voters queued for hours outside polling stations across the capital on Sunday, observers said.", None, "Civic"),
]


@pytest.mark.parametrize("text, person, word", HEADLINES)
def test_a_headline_name_ends_where_its_words_stop_being_a_name(run, text, person, word):
    """In a headline-case line a name ends before a verb, after the model's own person, and before a
    spaced dash with a date; a line of categories or tags names no one."""
    art = run(text)
    found = names(art, "people") + names(art, "organisations")
    assert person is None or person in names(art, "people")
    assert not any(word in name for name in found)


def test_a_line_of_categories_keeps_its_date(run):
    art = run("Water Talks in Central Asia\n\nCategories: August 15, 2008, Central Asia, Digital Activism\n\n"
              "The five states met on Monday to discuss how to share the water of the two great rivers.",
              reference_date="2008-08-16")
    assert any(d["value"] == "2008-08-15" for d in art["dates"])


HEADING_GUESSES = [  # (text, a "body" only a heading in headline case names)
    ("Press Availability\n\nAlmaty, Kazakhstan\n\nMay 3, 2022\n\nGood afternoon. Thank you all for coming today to "
     "talk about the talks on trade and water.", "Press Availability"),
    ("Media Availability\n\nTashkent, Uzbekistan\n\nMay 3, 2022\n\nGood afternoon. Thank you all for coming today to "
     "talk about the talks on trade and water.", "Media Availability"),
    ("U.S., Uzbek Relations\n\nThe two countries agreed on Monday to expand trade and to cooperate on water and "
     "energy, officials said in Tashkent.", "Uzbek Relations"),
    ("U.S., Kyrgyz Relations\n\nThe two countries agreed on Monday to expand trade and to cooperate on water and "
     "energy, officials said in Bishkek.", "Kyrgyz Relations"),
    ("Kazakhstan - Country Investment Guide\n\nMarket Overview\n\nLast published date:\n\nKazakhstan's economy grew "
     "by 4% last year, with oil output at a record and the service industry the main contributor to growth.",
     "Country Investment Guide"),
    ("Turkmenistan - Country Commercial Guide\n\nMarket Overview\n\nLast published date:\n\nTurkmenistan's economy "
     "grew by 6% last year, with gas exports at a record and construction the main contributor to growth.",
     "Country Commercial Guide"),
    ("U.S. Ambassador John Miller\n\nComments to the Business Media of Uzbekistan Following his Meeting with the "
     "Prime Minister\n\nMay 8, 2018\n\nIt was a great honor for me to meet the Prime Minister today and to talk "
     "about trade.", "Business Media of Uzbekistan"),
    ("Press Briefing\n\nRobert Wells\n\nAssistant Secretary, Bureau of Energy Resources\n\nAstana, Kazakhstan\n\n"
     "January 15, 2013\n\nThanks everybody for coming. We are here today to talk about energy and trade.",
     "Press Briefing"),
]


@pytest.mark.parametrize("text, guess", HEADING_GUESSES)
def test_a_heading_guess_the_text_does_not_repeat_is_no_body(run, text, guess):
    assert guess not in names(run(text), "organisations")


KEPT_HEADING_BODIES = [  # a body a title names on a header line, or one the text repeats
    ("Press Briefing\n\nRobert Wells\n\nAssistant Secretary, Bureau of Energy Resources\n\nAstana, Kazakhstan\n\n"
     "January 15, 2013\n\nThanks everybody for coming. We are here today to talk about energy and trade.",
     "Bureau of Energy Resources"),
    ("Kazakh Oil Company Raises Output\n\nAlmaty, Kazakhstan\n\nMay 3, 2022\n\nThe Kazakh Oil Company said on "
     "Monday it had raised output by a tenth at its western fields.", "Kazakh Oil Company"),
]


@pytest.mark.parametrize("text, body", KEPT_HEADING_BODIES)
def test_a_heading_body_a_title_names_or_the_text_repeats_stays(run, text, body):
    assert body in names(run(text), "organisations")


MISSPELLED_PLACES = [  # one slip of the keys from a country's or a region's name (CLDR)
    ("The minister said that cooperation with the bank in Cental Asia will improve the response to the floods.",
     "Cental Asia"),
    ("Japan is a key partner for Kyrgyzstna in its drive to modernize the energy sector.", "Kyrgyzstna"),
    ("China is a major partner for Turkmenistna in its drive to sell gas to new markets.", "Turkmenistna"),
    ("The fund said that its work with the ministry in Tajikistna will improve the response to drought.", "Tajikistna"),
    ("The fund said that its work with the ministry in Kazakhstna will improve the response to drought.", "Kazakhstna"),
    ("Korea is a key partner for Uzbekistna in its drive to build new roads.", "Uzbekistna"),
    ("Turkey is a major partner for Kyrgyzstna in its drive to expand its textile industry.", "Kyrgyzstna"),
    ("The agency said that cooperation with the clinics in Turkmenistna will improve care for mothers.",
     "Turkmenistna"),
]


@pytest.mark.parametrize("text, place", MISSPELLED_PLACES)
def test_a_misspelled_country_is_a_place(run, text, place):
    art = run(text)
    assert place not in names(art, "organisations") and place in names(art, "places")


TYPED_BY_A_NOUN = [  # a body's class noun before a name, or a list of names, says they are bodies
    ("Another private TV station NTA was told not to report on the protests, bloggers said.", ["NTA"]),
    ("Under the deal, pharmaceutical companies Novartis and Sanofi will supply the vaccines.", ["Novartis", "Sanofi"]),
    ("The opposition parties Ak Orda and Bir Jol said they would boycott the vote.", ["Ak Orda"]),
    ("The banks Halyk and Kaspi raised their deposit rates on Monday.", ["Halyk", "Kaspi"]),
    ("The airlines Scat and Qazaq Air will add flights to Turkey this summer.", ["Scat", "Qazaq Air"]),
    ("The newspapers Vremya and Karavan printed the letter on their front pages.", ["Vremya", "Karavan"]),
    ("Medicines donated by the drug companies Pfizer and Bayer arrived in Bishkek.", ["Pfizer", "Bayer"]),
    ("The retailers Magnum and Small cut the price of bread on Monday.", ["Magnum"]),
    ("The mobile firms Beeline and Kcell raised their prices by a tenth.", ["Beeline", "Kcell"]),
    ("The private TV stations Kanal Sem and Tolkun were told not to report on the strike.", ["Kanal Sem", "Tolkun"]),
]


@pytest.mark.parametrize("text, bodies", TYPED_BY_A_NOUN)
def test_a_name_after_a_body_noun_is_a_body(run, text, bodies):
    art = run(text)
    assert set(bodies) <= set(names(art, "organisations"))
    assert not set(bodies) & set(names(art, "people"))


NAMED_AGAIN = [  # a body's class noun introduces the name once; the name alone later is the same body
    ("The Tajik national carrier, Somon Havo, flew the aid to Dushanbe. The minister thanked Somon Havo for its help.",
     "Somon Havo"),
    ("The state broadcaster, Kazakh Eli, aired the speech. Viewers praised Kazakh Eli for its coverage.", "Kazakh Eli"),
    ("The opposition party, Ata Jol, won ten seats. Voters who backed Ata Jol said they wanted change.", "Ata Jol"),
    ("The private lender, Demir Kazakh, cut its rates. Analysts said Demir Kazakh would gain customers.",
     "Demir Kazakh"),
    ("The newspaper, Vecherny Bishkek, printed the letter. Readers wrote to Vecherny Bishkek to complain.",
     "Vecherny Bishkek"),
    ("The pharmaceutical company, Nobel Almaty, gave the drugs. Doctors thanked Nobel Almaty for the gift.",
     "Nobel Almaty"),
    ("The airline, Tez Jet, cancelled its flights. Passengers said Tez Jet had not told them in time.", "Tez Jet"),
    ("The publisher, Kyrgyz Jer, printed the books. Teachers thanked Kyrgyz Jer for the gift.", "Kyrgyz Jer"),
]


@pytest.mark.parametrize("text, body", NAMED_AGAIN)
def test_a_body_a_class_noun_introduced_stays_a_body(run, text, body):
    art = run(text)
    assert body in names(art, "organisations") and body not in names(art, "people")


# (text, the name, what it is: "organisations" or None for no entity) — a person's name never ends in a country's
COUNTRY_AFTER_A_WORD = [
    ("AmCham Tajikistan held its annual dinner in Dushanbe, and ministers attended.", "AmCham Tajikistan", "organisations"),
    ("KPMG Kazakhstan said audit fees rose by 5% last year.", "KPMG Kazakhstan", "organisations"),
    ("PwC Uzbekistan opened a second office in Samarkand.", "PwC Uzbekistan", "organisations"),
    ("Managing Kazakhstan's oil wealth has never been easy, the report said.", "Managing Kazakhstan", None),
    ("Governing Kyrgyzstan's south requires patience, the analyst wrote.", "Governing Kyrgyzstan", None),
    ("Rebuilding Tajikistan's roads will take a decade, officials said.", "Rebuilding Tajikistan", None),
]


@pytest.mark.parametrize("text, name, kind", COUNTRY_AFTER_A_WORD)
def test_a_name_ending_in_a_country_is_no_person(run, text, name, kind):
    art = run(text)
    assert name not in names(art, "people")
    if kind:
        assert name in names(art, kind)


CAPTIONS = [  # a photo caption's prefix before a spaced dash is no dateline and no place
    "FILE - Kazakh opposition leader Arman Bekov is seen in court in Aktau, Kazakhstan, Oct. 8, 2012.",
    "PHOTO - Workers repair the pipeline near Atyrau on Monday, May 3, 2021.",
    "VIDEO - The president speaks to reporters in Bishkek on Friday.",
]


@pytest.mark.parametrize("text", CAPTIONS)
def test_a_caption_prefix_is_no_place(run, text):
    art = run(text)
    assert not {"FILE", "PHOTO", "VIDEO"} & set(names(art, "places") + names(art, "organisations"))
