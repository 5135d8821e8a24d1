"""Articles as scraped (issue 39): date lines, headlines, bylines, several stories on one page and the
furniture between a header and its body. Every line here is made up; each table is a class of page."""
from __future__ import annotations

import time

import pytest

from kzfacts.pipeline.articles import find_articles, find_author, is_furniture
from kzfacts.pipeline.datelines import date_line, dateline_date
from kzfacts.pipeline.support.text import Line

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
]


@pytest.mark.parametrize("byline, author", BYLINES)
def test_a_byline_gives_a_person_only(byline, author):
    assert find_author("No writer named here.", byline) == author


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


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_lines_like_furniture_that_are_text(line):
    assert not is_furniture(Line(0, len(line), line))


def test_furniture_line_is_never_a_title():
    (art,) = find_articles(f"Photo credit: Akorda\n{BODY}")
    assert art.title is None
