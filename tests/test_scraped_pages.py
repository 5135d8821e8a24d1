"""Articles as scraped (issue 39): date lines, headlines, bylines, several stories on one page and the
furniture between a header and its body. Every line here is made up; each table is a class of page."""
from __future__ import annotations

import time

import pytest

from kzfacts.pipeline.articles import find_articles, find_author, is_furniture
from kzfacts.pipeline.datelines import date_line, dateline_date
from kzfacts.pipeline.support.text import Line

from .conftest import names

BODY = ("The regional council said on Tuesday that it would double the number of rural clinics "
        "over the next three years, with most of the money going to mountain districts.")
MORE = ("Officials added that the plan still needed the approval of the finance committee, "
        "which meets again next month.")

# 1. date lines of every agency style, alone on their line: (line, ISO date)
DATE_LINES = [
    ("12.05.2024, 09:41", "2024-05-12"),
    ("03.11.2023 17:05", "2023-11-03"),
    ("12 May 2024 09:41 (UTC+04:00)", "2024-05-12"),
    ("Published May 12, 2024", "2024-05-12"),
    ("Published: 7 March 2022, 11:20", "2022-03-07"),
    ("Monday, 12 May 2024", "2024-05-12"),
    ("Thursday, February 3, 2022", "2022-02-03"),
    ("May 12, 2024 | 09:41", "2024-05-12"),
    ("Updated: 12 May 2024", "2024-05-12"),
    ("Last updated on 2 April 2021 at 14:02 GMT+6", "2021-04-02"),
    ("By Dana Omarova in Business on 12 May 2024", "2024-05-12"),
    ("By Trend News September 09, 2019", "2019-09-09"),
    ("12 May 2024, 09:41 | 1,254 views", "2024-05-12"),
    ("Last Published: 8/23/2019", "2019-08-23"),
    ("2023-06-30 08:15", "2023-06-30"),
    ("Sat, 4 Nov 2023 10:00 am", "2023-11-04"),
    ("09:41 / 12.05.2024", "2024-05-12"),
    ("By Dana Omarova - May 12, 2024", "2024-05-12"),
    ("Yerlan Bekov | 12 May 2024, 09:41", "2024-05-12"),
    ("Aigerim Sultan \u00b7 May 12, 2024", "2024-05-12"),
]

# lines that hold a date among other words, or no date at all: never a date line
NOT_DATE_LINES = [
    "Remarks by the Deputy Minister - June 3, 2021",
    "Floods hit Atyrau region on 12 May 2024",
    "March 8 celebrations across the region",
    "12 people injured in bus crash",
    "1,254 views",
    "Published by the regional akimat",
    "May 12",
    "By Dana Omarova",
    "Tenge Falls Again - May 12, 2024",
    "Kazakh Grain Exports Rise | May 12, 2024",
]


@pytest.mark.parametrize("line, value", DATE_LINES)
def test_a_date_line_gives_its_date(line, value):
    assert date_line(line) == value


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_a_line_with_more_than_a_date_is_no_date_line(line):
    assert date_line(line) is None


# 1. datelines opening a story's first paragraph: (paragraph, year of a date line above, ISO date)
DATELINES = [
    ("ALMATY/MAY 12 2024 (Bulletin) — The bank raised its rate.", None, "2024-05-12"),
    ("TASHKENT, May 12 (Reuters) - Uzbekistan's cabinet approved the plan.", "2024-05-13", "2024-05-12"),
    ("BISHKEK, Jan. 30 (Kabar) - The parliament met.", "2022-01-30", "2022-01-30"),
    ("DUSHANBE, December 31 (Asia-Plus) - The fund said.", "2025-01-02", "2024-12-31"),
    ("Ashgabat, Turkmenistan, March 3, 2020 - The ministry said.", None, "2020-03-03"),
    ("OSH, Kyrgyzstan (Oct. 2, 2019) -- The clinic opened.", None, "2019-10-02"),
    ("April 14, 2023, Astana, Kazakhstan – Today the minister met the delegation.", None, "2023-04-14"),
    ("TASHKENT, May 12 (Reuters) - No date line above gives the year.", None, None),
    ("ASTANA. KAZINFORM – The senate passed the law.", None, None),
    ("BAKU, Azerbaijan, May 12. The central bank kept its rate.", "2024-05-12", "2024-05-12"),
    ("Bishkek, May 10 /Kabar/. The parliament met on Friday.", "2024-05-12", "2024-05-10"),
    ("NUR-SULTAN, June 1, 2021. The government said.", None, "2021-06-01"),
    ("Washington, June 1. The talks resumed.", None, None),
    ("Mr. Bekov said on May 12. The talks resumed.", "2024-05-12", None),
]


@pytest.mark.parametrize("text, above, value", DATELINES)
def test_a_dateline_gives_its_date_with_the_year_of_a_date_line_above(text, above, value):
    assert dateline_date(text, above) == value


def test_date_lines_never_stall():
    digits = "1" * 1_000_000
    started = time.monotonic()
    assert date_line(digits) is None
    assert dateline_date(digits, None) is None
    assert dateline_date("ALMATY, " + "May " * 200_000 + "- x", None) is None
    assert len(find_articles(digits + "\n" + BODY)) == 1
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("page, published", [
    (f"Wheat quota raised\n12.05.2024, 09:41\n{BODY}\n{MORE}", "2024-05-12"),
    (f"Wheat quota raised\n12 May 2024 09:41 (UTC+04:00)\n{BODY}", "2024-05-12"),
    (f"Wheat quota raised\nBy Dana Omarova in Business on 12 May 2024\n{BODY}", "2024-05-12"),
    (f"Wheat quota raised\nMay 12, 2024 | 09:41\nASTANA. KAZINFORM – {BODY}", "2024-05-12"),
    (f"Wheat quota raised\n12 May 2024, 09:41 | 1,254 views\n{BODY}", "2024-05-12"),
    (f"Wheat quota raised\n13 May 2024\nTASHKENT, May 12 (Reuters) - {BODY}", "2024-05-12"),
    (f"Wheat quota raised\nALMATY/MAY 12 2024 (Bulletin) — {BODY}", "2024-05-12"),
    (f"Wheat quota raised\nThe plan in brief\nAstana, Kazakhstan\nMonday, 12 May 2024\n{BODY}", "2024-05-12"),
    (f"Updated: 12 May 2024\nWheat quota raised\n{BODY}", "2024-05-12"),
    (f"Wheat quota raised\nYerlan Bekov | 12 May 2024, 09:41\n{BODY}", "2024-05-12"),
    (f"Wheat quota raised\n12 May 2024\nBAKU, Azerbaijan, May 11. {BODY}", "2024-05-11"),
])
def test_the_header_sets_published(page, published):
    (art,) = find_articles(page)
    assert art.published == published


# 2. headlines: (page, title)
HEADLINES = [
    (f"Wheat quota raised\n12.05.2024, 09:41\n{BODY}", "Wheat quota raised"),
    (f"Borders stay open - President\n12 May 2024\n{BODY}", "Borders stay open - President"),
    (f"Will the tenge hold?\nBy Dana Omarova\n{BODY}", "Will the tenge hold?"),
    (f"Three things to know about the new tax code:\nMay 12, 2024 | 09:41\n{BODY}",
     "Three things to know about the new tax code:"),
    (f"12.05.2024, 09:41\nWheat quota raised\n{BODY}", "Wheat quota raised"),
    (f"Updated: 12 May 2024\nWheat quota raised\n{BODY}", "Wheat quota raised"),
    (f"By Trend\n{BODY}", None),
    (f"Web Desk\n{BODY}", None),
    (f"12 May 2024, 09:41 | 1,254 views\n{BODY}", None),
    (f"Photo: Akorda\n{BODY}", None),
    (f"Last Published: 8/23/2019\nThe market offers a number of openings for exporters.\n{BODY}", None),
    (f"Grain deliveries to rise in July.\n{BODY}", "Grain deliveries to rise in July"),
    (f"New U.S. consulate opens in Almaty.\n{BODY}", "New U.S. consulate opens in Almaty"),
    (f"Wheat quota raised\nExporters get a larger share of the harvest\nMonday, 12 May 2024\n{BODY}",
     "Wheat quota raised"),
    (f"Wheat quota raised\nAstana, Kazakhstan\nMay 12, 2024\nAs prepared for delivery\n{BODY}", "Wheat quota raised"),
    ("Wheat quota raised\nFarmers at a market in Kostanay\n“We have waited for this,” one farmer said, "
     "as the first trucks of the season arrived at the elevator.", "Wheat quota raised"),
    (f"Wheat quota raised\nPrice list\nLast updated:\n{BODY}", "Wheat quota raised"),
]


@pytest.mark.parametrize("page, title", HEADLINES)
def test_the_headline_is_the_title(page, title):
    arts = find_articles(page)
    assert arts[0].title == (title.rstrip(". ") if title else None)


# 3. bylines: (byline line, author)
BYLINES = [
    ("By Dana Omarova", "Dana Omarova"),
    ("Dana Omarova, Kazinform correspondent", "Dana Omarova"),
    ("Author: Yerlan Bekov", "Yerlan Bekov"),
    ("Text: Aigerim Sultan, photo: Timur Ospanov", "Aigerim Sultan"),
    ("By Trend", None),
    ("By Azernews", None),
    ("Web Desk", None),
    ("By Staff Reporter", None),
    ("Astana, Kazakhstan", None),
    ("By VOA News", None),
    ("Yerlan Bekov | 12 May 2024, 09:41", "Yerlan Bekov"),
]


@pytest.mark.parametrize("byline, author", BYLINES)
def test_a_byline_gives_a_person_only(byline, author):
    assert find_author("No writer named here.", byline) == author


@pytest.mark.parametrize("byline, author", BYLINES[:5])
def test_a_byline_under_a_headline_is_the_author(byline, author):
    (art,) = find_articles(f"Wheat quota raised\n{byline}\n{BODY}")
    assert art.title == "Wheat quota raised" and art.author == author


def test_a_dated_byline_gives_author_and_date():
    (art,) = find_articles(f"Wheat quota raised\nBy Dana Omarova in Business on 12 May 2024\n{BODY}")
    assert (art.author, art.published) == ("Dana Omarova", "2024-05-12")


# 4. several stories on one page: (page, [(title, published)])
STORY_A = ("ASTANA. KAZINFORM – The ministry of agriculture raised the wheat export quota by a fifth, "
           "the ministry said.")
STORY_B = ("TASHKENT, May 12 (Reuters) - Uzbekistan opened a new railway line to the Afghan border, "
           "the railway company said.")
STORY_C = ("The Kyrgyz central bank kept its base rate at 9 percent on Monday, citing slowing inflation "
           "and a stable som.")
PAGES = [
    (f"Wheat quota raised\n12.05.2024, 09:41\n{STORY_A}\n{MORE}\nRailway line opens\n12.05.2024, 10:15\n{STORY_B}",
     [("Wheat quota raised", "2024-05-12"), ("Railway line opens", "2024-05-12")]),
    (f"Wheat quota raised\n11 May 2024 09:41 (UTC+04:00)\n{STORY_A}\nRate kept at 9 percent\n"
     f"10 May 2024 18:02 (UTC+04:00)\n{STORY_C}",
     [("Wheat quota raised", "2024-05-11"), ("Rate kept at 9 percent", "2024-05-10")]),
    (f"12.05.2024, 09:41\nWheat quota raised\n{STORY_A}\n11.05.2024, 17:30\nRate kept at 9 percent\n{STORY_C}",
     [("Wheat quota raised", "2024-05-12"), ("Rate kept at 9 percent", "2024-05-11")]),
    (f"Wheat quota raised\nMay 12, 2024 | 09:41\n{STORY_A}\nRailway line opens\nMay 12, 2024 | 08:05\n{STORY_B}\n"
     f"Rate kept at 9 percent\nMay 11, 2024 | 19:00\n{STORY_C}",
     [("Wheat quota raised", "2024-05-12"), ("Railway line opens", "2024-05-12"),
      ("Rate kept at 9 percent", "2024-05-11")]),
    (f"Wheat quota raised\nBy Dana Omarova in Business on 12 May 2024\n{STORY_A}\nRate kept at 9 percent\n"
     f"By Yerlan Bekov in Finance on 6 May 2024\n{STORY_C}",
     [("Wheat quota raised", "2024-05-12"), ("Rate kept at 9 percent", "2024-05-06")]),
    (f"Wheat quota raised\n12 May 2024, 09:41 | 1,254 views\n{STORY_A}\nShare\nRate kept at 9 percent\n"
     f"9 May 2024, 16:20 | 877 views\n{STORY_C}",
     [("Wheat quota raised", "2024-05-12"), ("Rate kept at 9 percent", "2024-05-09")]),
]


@pytest.mark.parametrize("page, stories", PAGES)
def test_each_story_is_its_own_article(page, stories):
    arts = find_articles(page)
    assert [(a.title, a.published) for a in arts] == stories
    for art, first_words in zip(arts, [s[0] for s in stories]):
        assert page[art.start:art.end].count(first_words) == 1


# 5. furniture between header and body: no article text, no title
FURNITURE = [
    "Photo credit: Akorda",
    "Photo: Akorda press service",
    "Read also: Tenge weakens against the dollar",
    "Read more: Astana hosts the summit",
    "KZT/USD = 0.0021",
    "USD/KZT 478.50 | EUR/KZT 521.30 | RUB/KZT 5.21",
    "Subscribe to our Telegram channel",
    "Follow us on Instagram and Facebook",
    "Share",
    "1,254 views",
]
NOT_FURNITURE = [
    "Photo exhibition opens in Almaty",
    "Read the minister's full statement below.",
    "Subscribers of the state telecom will pay more",
    "KZT weakens against USD",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_between_header_and_body(line):
    assert is_furniture(Line(0, len(line), line))
    page = f"Wheat quota raised\n12.05.2024, 09:41\n{line}\n{BODY}\n{line}\n{MORE}"
    (art,) = find_articles(page)
    assert art.title == "Wheat quota raised" and art.published == "2024-05-12"
    pos = page.index(line)
    assert any(s <= pos < e for s, e in art.furniture)


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_lines_like_furniture_that_are_text(line):
    assert not is_furniture(Line(0, len(line), line))


def test_furniture_line_is_never_a_title():
    (art,) = find_articles(f"Photo credit: Akorda\n{BODY}")
    assert art.title is None


# A person a title names in a headline-case heading is kept, though the body does not repeat the name
TITLED_IN_HEADINGS = [
    ("Remarks by Deputy Minister Arman Bekov at the Water Forum\n\nThank you all for coming to the forum today. "
     "Water is our most precious resource.", "Arman Bekov"),
    ("Regional Director Aigerim Sultan Opens the Trade Fair\n\nThe fair opened on Monday with two hundred stands. "
     "Visitors came from five countries.", "Aigerim Sultan"),
    ("Statement by Under Secretary Mark Lind on the Election\n\nThe United States welcomes the peaceful vote. "
     "We urge all parties to respect the result.", "Mark Lind"),
    ("Ambassador Anna Berg Presents Her Credentials\n\nThe ceremony took place at the palace on Tuesday. "
     "It lasted an hour.", "Anna Berg"),
    ("Minister Omar Aziz Visits the New Clinic\n\nThe clinic will serve ten thousand people. It cost two million "
     "dollars.", "Omar Aziz"),
    ("Chairman Ivan Petrov Meets the Investors\n\nThe meeting focused on the new plant. Talks will go on in May.",
     "Ivan Petrov"),
]


@pytest.mark.parametrize("text, name", TITLED_IN_HEADINGS)
def test_a_titled_person_in_a_heading_is_kept(run, text, name):
    assert name in names(run(text), "people")
