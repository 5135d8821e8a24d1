from __future__ import annotations

import pytest

from kzfacts.pipeline.articles import find_articles, find_author, is_furniture, mark_line_starts
from kzfacts.pipeline.support.text import Line, split_lines

BODY = ("The minister said on Monday that the government would present a new budget to parliament "
        "next month, with more spending on schools and hospitals.")


def test_plain_article_is_one_article_with_title():
    text = f"Budget to rise next year\n\n{BODY}\n\n{BODY}\n"
    (art,) = find_articles(text)
    assert art.title == "Budget to rise next year"
    assert art.start == 0 and art.end == len(text.rstrip())
    assert art.author is None


def test_text_without_heading_is_one_untitled_article():
    text = f"{BODY}\n{BODY}"
    (art,) = find_articles(text)
    assert art.title is None and art.start == 0


def test_digest_splits_on_title_and_byline_and_skips_furniture():
    text = (f"Connect with us\n\nFirst story title\n\nJane Doe\n\n{BODY}\n\nContinue Reading\n\n"
            f"Second story title\n\nGuest contributor\n\n{BODY} writes John Smith.\n\nContinue Reading\n")
    first, second = find_articles(text)
    assert first.title == "First story title" and first.author == "Jane Doe"
    assert second.title == "Second story title" and second.author == "John Smith"
    assert text[first.start:first.end].startswith("First story title")
    assert "Continue Reading" not in text[first.start:first.end]
    assert first.end <= second.start


def test_subheading_inside_an_article_does_not_split_it():
    text = f"Big title here\n\n{BODY}\n\nBackground\n\n{BODY}\n"
    assert len(find_articles(text)) == 1


def test_dateline_gives_publication_date():
    text = f"Airline orders jets\n\nJune 13, 2005\n\n{BODY}\n"
    (art,) = find_articles(text)
    assert art.published == "2005-06-13"


@pytest.mark.parametrize("line, expected", [
    ("Continue Reading", True), ("Connect with us", True), ("Read more »", True),
    ("The minister said so.", False), ("Continue reading the report", False),
])
def test_furniture(line, expected):
    assert is_furniture(Line(0, len(line), line)) is expected


@pytest.mark.parametrize("body, byline, expected", [
    ("Some text, writes Colin Stevens.", "Guest contributor", "Colin Stevens"),
    ("Some text, writes Abira Kuandyk in Business.", "Astana Times", "Abira Kuandyk"),
    ("No writer named here.", "By Jane Doe", "Jane Doe"),
    ("No writer named here.", None, None),
])
def test_find_author(body, byline, expected):
    assert find_author(body, byline) == expected


def test_empty_text_has_no_articles():
    assert find_articles("") == [] and find_articles("  \n\n ") == []


def test_split_lines_offsets_slice_the_text():
    text = "  one  \r\n\ntwo\n"
    for line in split_lines(text):
        assert text[line.start:line.end] == line.text


def test_line_starts_become_sentence_starts(blank):
    doc = blank("A title\n\nBody text here")
    mark_line_starts(doc)
    body = next(t for t in doc if t.text == "Body")
    assert body.is_sent_start


@pytest.mark.parametrize("line, place, date", [
    ("ALMATY, March 3 (Reuters) - Kazakhstan's central bank kept its rate.", "ALMATY", "March 3"),
    ("DALLAS (AP) — Democratic candidate Martin O'Malley is shifting staff.", "DALLAS", None),
    ("NUR-SULTAN, June 1, 2021 (Kazinform) – The government said.", "NUR-SULTAN", "June 1, 2021"),
])
def test_dateline_prefix(line, place, date):
    from kzfacts.pipeline.articles import dateline_prefix

    m = dateline_prefix(line)
    assert (m["place"], m["date"]) == (place, date)


def test_dateline_with_a_year_is_the_publication_date():
    (art,) = find_articles("Talks resume\n\nNUR-SULTAN, June 1, 2021 (Kazinform) – The government said it "
                           "would resume talks with the unions next week.")
    assert art.published == "2021-06-01" and art.dateline_place is not None
