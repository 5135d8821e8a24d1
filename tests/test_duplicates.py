"""Near-duplicate articles (kzfacts/duplicates.py): copies found, distinct stories on one event kept
apart, input order deciding the original; through `kzfacts extract` (JSON Lines, the database) and
`kzfacts summary`."""
from __future__ import annotations

import json
import sqlite3

import pytest

from kzfacts import duplicates
from kzfacts.duplicates import Deduplicator, DuplicateIndex, signature

from .conftest import invoke

STORY = """National Bank raises base rate to 16.75 percent

ALMATY, March 3 (KazNews) - The National Bank of Kazakhstan raised its base rate by 25 basis points to
16.75 percent on Friday, citing persistent inflation and a weaker tenge in the first two months of the year.

Governor Timur Suleimenov told reporters in Almaty that annual inflation had reached 9.8 percent in
February, above the bank's target corridor, and that food prices were rising faster than expected.

The decision surprised most analysts polled last week, who had expected the regulator to hold the rate
steady until the summer while the government prepares its new budget for the regions.

"We will keep monetary conditions tight for as long as the inflation outlook requires," Suleimenov said,
adding that the next decision on the rate is due in April after the bank reviews new data.

Banks in Kazakhstan are expected to raise their own lending rates for businesses and households in the
coming weeks, which could slow the growth of consumer credit that has driven retail spending.
"""

SAME_EVENT = """Kazakhstan tightens policy as prices climb

ASTANA - Kazakhstan's central bank lifted borrowing costs on Friday for the first time this year, moving
its key rate up a quarter point to 16.75 percent as shoppers faced higher bills for bread, meat and fuel.

Economists at Halyk Finance said the move showed the regulator was worried about the tenge, which has lost
ground against the dollar since January, and about spending promised before the regional elections.

Shop owners in the capital said customers were buying less, and several importers warned that the weaker
currency would push prices up again by the spring unless the exchange rate settled soon.

The bank's governor Timur Suleimenov is expected to speak to parliament next week about the outlook for
inflation, which officials now expect to stay above nine percent for most of the year.
"""

BOILERPLATE = "\n\nSubscribe to our newsletter for the latest news from Central Asia. Share this story."


def paragraphs(text: str) -> list[str]:
    return text.strip().split("\n\n")


def copies_of(text: str) -> dict[str, str]:
    """The story as other sites publish it."""
    parts = paragraphs(text)
    return {
        "as it is": text,
        "retitled": "\n\n".join(["Kazakh regulator lifts key rate again", *parts[1:]]),
        "a paragraph dropped": "\n\n".join(parts[:3] + parts[4:]),
        "dateline changed": text.replace("ALMATY, March 3 (KazNews) -", "By Staff Reporter, Astana Times:"),
        "boilerplate added": text + BOILERPLATE,
    }


@pytest.mark.parametrize("kind", list(copies_of(STORY)))
def test_a_copy_names_its_original(kind):
    index = DuplicateIndex()
    assert index.check("original", signature(STORY)) is None
    assert index.check("copy", signature(copies_of(STORY)[kind])) == "original"


def test_different_stories_on_one_event_are_not_joined():
    index = DuplicateIndex()
    assert index.check("bank raises rate", signature(STORY)) is None
    assert index.check("prices climb", signature(SAME_EVENT)) is None
    assert duplicates.similarity(signature(STORY), signature(SAME_EVENT)) < 0.1


def test_half_of_a_story_spliced_into_another_is_a_story_of_its_own():
    spliced = "\n\n".join(paragraphs(STORY)[:3] + paragraphs(SAME_EVENT)[2:])
    index = DuplicateIndex()
    index.check("bank raises rate", signature(STORY))
    index.check("prices climb", signature(SAME_EVENT))
    assert index.check("spliced", signature(spliced)) is None


def test_the_first_in_input_order_is_the_original_of_every_copy():
    index = DuplicateIndex()
    found = [index.check(n, signature(text)) for n, text in enumerate(copies_of(STORY).values())]
    assert found == [None, 0, 0, 0, 0]
    assert index.keys == [0]  # copies are not indexed: duplicate_of never names a copy


def test_words_are_folded_and_shingles_are_five_words():
    assert duplicates.words("The Bank's rate, 16.75%!") == ["the", "bank", "s", "rate", "16", "75"]
    assert duplicates.shingles(["a", "b", "c", "d", "e", "f"]) == {b"a b c d e", b"b c d e f"}


def test_a_short_text_is_never_compared():
    assert signature("Continue reading") is None
    index = DuplicateIndex()
    assert index.check("short", None) is None and len(index) == 0


def test_a_signature_survives_the_database():
    sig = signature(STORY)
    again = duplicates.from_digest(duplicates.digest_bytes(sig))
    assert len(duplicates.digest_bytes(sig)) == duplicates.NUM_PERM * 4
    assert duplicates.similarity(sig, again) == 1.0


def record(source: str, text: str) -> dict:
    return {"source": source, "articles": [{"index": 0, "start": 0, "end": len(text)}]}


def test_records_are_marked_with_their_original():
    dedup = Deduplicator()
    first, copy = record("a.txt", STORY), record("b.txt", STORY + BOILERPLATE)
    assert dedup.mark(first, STORY, "/x/a.txt").keys() == {0}  # an original: its signature for the database
    assert dedup.mark(copy, STORY + BOILERPLATE, "/x/b.txt") == {}
    assert first["articles"][0]["duplicate_of"] is None
    # the input's key too: "a.txt" alone could be any folder's (a run from inside it)
    assert copy["articles"][0]["duplicate_of"] == {"source": "a.txt", "origin": "/x/a.txt", "article": 0}


def test_an_input_the_database_holds_is_no_copy_of_itself_when_written_again():
    dedup = Deduplicator(rewrites=True)
    dedup.remember("/x/a.txt", duplicates.article_ref({"source": "a.txt"}, 0, "/x/a.txt"), signature(STORY))
    again, copy = record("./a.txt", STORY), record("b.txt", STORY)
    dedup.mark(again, STORY, "/x/a.txt")
    dedup.mark(copy, STORY, "/x/b.txt")
    assert again["articles"][0]["duplicate_of"] is None
    assert copy["articles"][0]["duplicate_of"] == {"source": "./a.txt", "origin": "/x/a.txt", "article": 0}


def test_one_input_named_twice_into_a_database_is_no_copy_of_itself():
    dedup = Deduplicator(rewrites=True)
    first, again = record("corpus/a.txt", STORY), record("./corpus/a.txt", STORY)
    assert dedup.mark(first, STORY, "/x/corpus/a.txt").keys() == {0}
    assert dedup.mark(again, STORY, "/x/corpus/a.txt").keys() == {0}  # it replaces the first: its signature kept
    assert again["articles"][0]["duplicate_of"] is None
    later = record("b.txt", STORY)
    dedup.mark(later, STORY, "/x/b.txt")
    assert later["articles"][0]["duplicate_of"] == {"source": "./corpus/a.txt", "origin": "/x/corpus/a.txt", "article": 0}
    # without a database the two are two records, the second a copy (a third too)
    dedup = Deduplicator(wait=True)
    marks = []
    for _ in range(3):
        twice = record("a.txt", STORY)
        dedup.mark(twice, STORY, "/x/a.txt")
        marks.append(twice["articles"][0]["duplicate_of"])
    assert marks == [None, *[{"source": "a.txt", "origin": "/x/a.txt", "article": 0}] * 2]


def test_a_jsonl_line_is_named_by_its_origin_too():
    dedup = Deduplicator()
    dedup.mark(record("id-1", STORY) | {"origin": "feed.jsonl#1"}, STORY, "k1")
    copy = {"source": "id-2", "origin": "feed.jsonl#2", "articles": [{"index": 0, "start": 0, "end": len(STORY)}]}
    dedup.mark(copy, STORY, "k2")
    assert copy["articles"][0]["duplicate_of"] == {"source": "id-1", "origin": "k1", "article": 0}


def test_one_article_alone_needs_no_index():
    dedup = Deduplicator(wait=True)
    one = record("a.txt", STORY)
    dedup.mark(one, STORY, "a")
    assert one["articles"][0]["duplicate_of"] is None and dedup.index is None  # datasketch not even imported
    copy = record("b.txt", STORY)
    dedup.mark(copy, STORY, "b")
    assert copy["articles"][0]["duplicate_of"] == {"source": "a.txt", "origin": "a", "article": 0}


# ---- through the command line (the model)


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(SAME_EVENT, encoding="utf-8")
    (folder / "c.txt").write_text(copies_of(STORY)["retitled"] + BOILERPLATE, encoding="utf-8")
    return folder


def test_extract_marks_the_copy_in_json_lines_and_the_database(batch, tmp_path, extractor):
    db = tmp_path / "facts.db"
    result = invoke("extract", str(batch), "--format", "jsonl", "--db", str(db), "-q", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    marks = {r["source"].rsplit("/", 1)[-1]: r["articles"][0]["duplicate_of"] for r in records}
    original = {"source": str(batch / "a.txt"), "origin": str((batch / "a.txt").resolve()), "article": 0}
    assert marks == {"a.txt": None, "b.txt": None, "c.txt": original}
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("select source, duplicate_of from articles").fetchall())
        kept = conn.execute("select count(*) from signatures").fetchone()[0]
    assert rows == {str(batch / "a.txt"): None, str(batch / "b.txt"): None,
                    str(batch / "c.txt"): json.dumps(original)}
    assert kept == 2  # the originals'
    # the corpus views count the story once: the entities table and the most-quoted query
    from kzfacts.datasette import QUERIES
    with sqlite3.connect(db) as conn:
        articles = conn.execute("select articles from entities where name = 'Timur Suleimenov'").fetchone()[0]
        quoted = {row[0]: row[1:] for row in conn.execute(QUERIES["most_quoted"]["sql"])}
        said = conn.execute(QUERIES["quotes_by_person"]["sql"], {"speaker": "Suleimenov"}).fetchall()
    assert articles == 2  # the story and the other report, not its copy
    assert quoted["Timur Suleimenov"] == (1, 1)
    assert len(said) == 1  # his quote once, not again from the copy

    # a later run into the database: the copy is found against what it holds
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "d.txt").write_text(STORY.replace("Friday", "Friday morning"), encoding="utf-8")
    later = invoke("extract", str(tmp_path / "later" / "d.txt"), "--format", "jsonl", "--db", str(db), "-q")
    assert json.loads(later.stdout)["articles"][0]["duplicate_of"] == original

    off = invoke("extract", str(batch), "--format", "jsonl", "--no-dedup", "-q")
    assert all("duplicate_of" not in r["articles"][0] for r in map(json.loads, off.stdout.splitlines()))


def test_summary_counts_the_story_once_and_lists_its_copy(batch, tmp_path, extractor):
    out = tmp_path / "facts.jsonl"
    out.write_text(invoke("extract", str(batch), "--format", "jsonl", "-q").stdout, encoding="utf-8")
    result = invoke("summary", str(out), "--format", "json")
    stats = json.loads(result.stdout)
    assert (stats["articles"], stats["copies"]) == (3, 1)
    assert stats["duplicates"] == [{"source": str(batch / "a.txt"), "origin": str((batch / "a.txt").resolve()), "article": 0,
                                    "title": "National Bank raises base rate to 16.75 percent", "copies": 1,
                                    "where": [{"source": str(batch / "c.txt"), "article": 0}]}]
    suleimenov = next(p for p in stats["people"] if p["name"] == "Timur Suleimenov")
    assert suleimenov["articles"] == 2  # the story and the other report, not its copy
    table = invoke("summary", str(out))
    assert "1 repeating an earlier one, counted once" in table.stdout
    assert "Stories repeated" in table.stdout


def test_one_input_named_twice_into_a_database_is_stored_once_as_an_original(batch, tmp_path, extractor, monkeypatch):
    monkeypatch.chdir(batch.parent)
    result = invoke("extract", "in/a.txt", "./in/a.txt", "--db", "dup.db", "-q")
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect("dup.db") as conn:
        rows = conn.execute("select source, duplicate_of from articles").fetchall()
        kept = conn.execute("select count(*) from signatures").fetchone()[0]
        articles = conn.execute("select articles from entities where name = 'Timur Suleimenov'").fetchone()[0]
    assert (rows, kept, articles) == ([("./in/a.txt", None)], 1, 1)


def test_a_copy_names_its_original_by_its_key_across_runs_from_other_folders(tmp_path, extractor, monkeypatch):
    for name, text in (("x", STORY), ("y", copies_of(STORY)["retitled"])):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(text, encoding="utf-8")
        monkeypatch.chdir(tmp_path / name)  # each run from inside its folder: both inputs are "a.txt"
        assert invoke("extract", "a.txt", "--db", str(tmp_path / "g.db"), "-q").exit_code == 0
    with sqlite3.connect(tmp_path / "g.db") as conn:
        marks = dict(conn.execute("select origin, duplicate_of from articles").fetchall())
    original = str((tmp_path / "x" / "a.txt").resolve())
    assert json.loads(marks[str((tmp_path / "y" / "a.txt").resolve())]) == {"source": "a.txt", "origin": original, "article": 0}
    stats = json.loads(invoke("summary", str(tmp_path / "g.db"), "--format", "json").stdout)
    assert [(d["origin"], d["title"], d["copies"]) for d in stats["duplicates"]] == \
        [(original, "National Bank raises base rate to 16.75 percent", 1)]


def test_the_summary_table_names_five_copies_and_counts_the_rest():
    import io

    from rich.console import Console

    from kzfacts.summary import repeated_table

    where = [{"source": f"site{n}.txt", "article": 0} for n in range(7)]
    out = io.StringIO()
    Console(file=out, width=200).print(repeated_table([{"source": "a.txt", "article": 0, "title": "Rate rise",
                                                        "copies": 7, "where": where}]))
    assert "site4.txt #0 and 2 more" in out.getvalue() and "site5.txt" not in out.getvalue()


# ---- different stories that share most of their words: a company's footer, a central bank's template

FOOTER = """About Samruk Energy Group

Samruk Energy Group is the largest power holding of Kazakhstan, founded in 2007. The group runs coal,
gas and hydro plants in seven regions, operates the Moinak and Shardara stations, supplies heat to the
cities of Almaty and Ekibastuz, and employs more than 11,000 people. Its shareholder is the national
welfare fund, which approves the group's investment programme and its long-term development strategy
every year. The group publishes its financial statements in accordance with international standards and
is rated by the leading international agencies. For media enquiries, please contact the press office of
the group in Astana through its website or its official channels on social networks."""

PLANT_NEWS = """Samruk Energy starts repairs at Ekibastuz unit

ASTANA - Samruk Energy said on Tuesday that it began repairs of unit 4 at its Ekibastuz power plant,
which will stay offline for 45 days while 230 workers replace the boiler and the turbine blades.

""" + FOOTER

DIVIDEND_NEWS = """Samruk Energy to pay first dividend since 2019

ASTANA - Samruk Energy will pay 8.5 billion tenge in dividends for last year, chief financial officer
Aliya Temirkhanova told reporters, the first payout in five years after profit rose 62 percent.

""" + FOOTER

RELEASE = """On the base rate

The Monetary Policy Committee of the National Bank of the Kyrgyz Republic decided to keep the policy rate
at 9 percent. Annual inflation in {month} was {inflation} percent, in line with the forecast of the
National Bank. Inflationary pressure from external factors persists, and prices for food and fuel in the
partner countries remain high, while domestic demand is supported by remittances and lending. The
Committee considers the current monetary conditions appropriate for bringing inflation back to its target
in the medium term. The next meeting of the Committee on the policy rate will be held on {day}, 2024, and
the press release will be published on the official website of the National Bank at {hour}:00 Bishkek time.
"""


def test_two_stories_with_one_footer_are_not_copies():
    exact = len(duplicates.shingles(duplicates.words(PLANT_NEWS)) & duplicates.shingles(duplicates.words(DIVIDEND_NEWS))) \
        / len(duplicates.shingles(duplicates.words(PLANT_NEWS)) | duplicates.shingles(duplicates.words(DIVIDEND_NEWS)))
    assert exact >= duplicates.THRESHOLD  # alike in words: only the numbers tell them apart
    dedup = Deduplicator()
    plant, dividend = record("plant.txt", PLANT_NEWS), record("dividend.txt", DIVIDEND_NEWS)
    dedup.mark(plant, PLANT_NEWS, "/x/plant.txt")
    dedup.mark(dividend, DIVIDEND_NEWS, "/x/dividend.txt")
    assert dividend["articles"][0]["duplicate_of"] is None


def test_two_releases_from_one_template_are_not_copies_but_a_release_repeated_is():
    may = RELEASE.format(month="May", inflation="5.2", day="July 26", hour="15")
    june = RELEASE.format(month="June", inflation="4.8", day="August 30", hour="16")
    assert duplicates.similarity(signature(may), signature(june)) >= 0.7
    index = DuplicateIndex()
    assert index.check("may", signature(may), duplicates.numbers(may)) is None
    assert index.check("june", signature(june), duplicates.numbers(june)) is None
    reposted = "Kyrgyz central bank holds rate\n\n" + may
    assert index.check("reposted", signature(reposted), duplicates.numbers(reposted)) == "may"


def test_numbers_agree_when_one_holds_most_of_the_others():
    numbers = duplicates.numbers
    assert duplicates.numbers_agree(numbers("1 2 3 4 5"), numbers("1 2 3 4 2024"))  # 4 of 5
    assert not duplicates.numbers_agree(numbers("1 2 3 4 5"), numbers("1 2 6 7 8"))  # 2 of 5
    assert duplicates.numbers_agree(numbers("1 2"), numbers("7 8 9"))  # too few to tell
    many = " ".join(str(n) for n in range(100))
    assert len(numbers(many)) == duplicates.NUMBERS_KEPT
    assert duplicates.numbers_agree(numbers(many), numbers(many + " 5000"))
    assert not duplicates.numbers_agree(numbers(many), numbers(" ".join(str(n) for n in range(1000, 1100))))


def stored(source: str, text: str) -> dict:
    """A record the database writer takes: one article, no facts."""
    article = {"index": 0, "title": None, "author": None, "published": None, "start": 0, "end": len(text),
               "people": [], "organisations": [],
               "places": [], "dates": [], "figures": [], "quotes": []}
    return {"source": source, "error": None, "articles": [article]}


def test_a_copy_of_an_original_replaced_by_another_story_counts_again(tmp_path):
    from kzfacts.writers.sqlite import DatabaseWriter

    def write(writer, dedup, name, text):
        rec = stored(name, text)
        writer.write(rec, f"/x/{name}", dedup.mark(rec, text, f"/x/{name}"))

    writer, dedup = DatabaseWriter(tmp_path / "h.db"), Deduplicator(rewrites=True)
    write(writer, dedup, "a.txt", STORY)
    write(writer, dedup, "b.txt", STORY + BOILERPLATE)
    write(writer, dedup, "a.txt", STORY.replace("Friday", "Friday morning"))  # edited, the same story
    mark = "select duplicate_of from articles where source = 'b.txt'"
    assert json.loads(writer.db.execute(mark).fetchone()[0]) == {"source": "a.txt", "origin": "/x/a.txt", "article": 0}
    write(writer, dedup, "a.txt", SAME_EVENT)  # overwritten with another story: b repeats nothing now
    assert writer.db.execute(mark).fetchone()[0] is None
    writer.close()


def test_the_html_page_of_a_copy_names_its_original_from_1_and_links_its_page(tmp_path):
    from kzfacts.writers import FolderWriter

    folder = FolderWriter(tmp_path / "out", "html")
    dedup = Deduplicator()
    for name in ("news/a.txt", "b.txt"):
        rec = stored(name, STORY) | {"schema_version": "1"}
        dedup.mark(rec, STORY, f"/x/{name}")
        folder.write(rec, STORY, name, name, key=f"/x/{name}")
    folder.close()
    copy = (tmp_path / "out" / "b.html").read_text(encoding="utf-8")
    assert 'repeats article 1 of <a href="./news/a.html#article-0">news/a.txt</a>' in copy
    alone = stored("c.txt", STORY)
    alone["articles"][0]["duplicate_of"] = {"source": "elsewhere.txt", "origin": "/y/elsewhere.txt", "article": 2}
    from kzfacts.writers.html import page
    assert "repeats article 3 of elsewhere.txt</p>" in page(alone, STORY)  # no page of it here: no link


def test_the_html_index_marks_the_copy(batch, tmp_path, extractor):
    out = tmp_path / "pages"
    assert invoke("extract", str(batch), "--format", "html", "-o", str(out), "-q").exit_code == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    rows = index.split("<tr>")[2:]  # after the header's
    marked = [row for row in rows if 'class="copy"' in row]
    assert len(marked) == 1 and "c.txt" in marked[0]
