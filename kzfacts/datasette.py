"""Datasette metadata for a kzfacts database: what each table and column holds, the facets that
matter, and canned queries (`kzfacts datasette-metadata facts.db > facts.metadata.json`, then
`datasette facts.db -m facts.metadata.json`)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

TABLES: dict[str, dict[str, Any]] = {
    "sources": {"description": "One row per input: a file, a URL or a JSON Lines line, keyed by its origin.",
                "columns": {"origin": "The input's unique name: its resolved path or URL, FILE#LINE for a JSON "
                                      "Lines line, stdin:sha256:HASH of standard input's content",
                            "source": "The input as the user named it (a JSON Lines line's id)",
                            "error_type": "Why the input gave no facts (not_found, timeout, ...), or empty",
                            "warnings": "Components that failed on this text (JSON), their facts missing"},
                "facets": ["error_type"]},
    "articles": {"description": "One row per article (a file may hold several).", "label_column": "title",
                 "columns": {"idx": "The article's place in its input", "published": "Publication date (ISO)",
                             "published_source": "text: from a dateline; input: given with the input; "
                                                 "option: --reference-date; page: the web page's own date",
                             "duplicate_of": "The earlier article this one repeats (JSON: source, origin, article), "
                                             "or empty for an original"},
                 "facets": ["published_source"]},
    "signatures": {"description": "Each original article's MinHash signature (128 uint32) and its numbers' "
                                  "sketch (up to 32 uint32), by which a later run finds its copies "
                                  "(kzfacts/duplicates.py)."},
    "entities": {"description": "One row per person or organisation across the whole database: its spellings "
                                "in every article joined (kzfacts/identity.py); a body every country has is "
                                "named with its country: Central Election Commission (Kyrgyzstan).",
                 "label_column": "name",
                 "columns": {"aliases": "Other names it was written as (JSON)",
                             "articles": "Articles mentioning it", "mentions": "Times it is mentioned"},
                 "facets": ["type"]},
    "people": {"description": "People, one row per person per article.", "label_column": "name",
               "columns": {"titles": "Titles and roles stated in the text (JSON)",
                           "affiliations": "Who the person works for (JSON); one row each in affiliations",
                           "entity_id": "The person across the database (entities.id)",
                           "mention_count": "Mentions in this article"}},
    "organisations": {"description": "Organisations, one row per body per article.", "label_column": "name",
                      "columns": {"acronym": "Its acronym, where the text gives one",
                                  "entity_id": "The body across the database (entities.id)"}},
    "places": {"description": "Places, one row per place per article.", "label_column": "name"},
    "affiliations": {"description": "Who works where: a person's links to organisations stated in the text, "
                                    "one row per link (a person with two roles has two rows).",
                     "columns": {"person_id": "The person (people.id)", "person": "The person's name in this article",
                                 "organisation": "The organisation's name (as in organisations.name)",
                                 "role": "The role as written, without the organisation (director, Foreign "
                                         "Minister), or empty when the text states none",
                                 "former": "1 when the text says former, ex-, then, outgoing",
                                 "start": "Where the words stating the link begin in the input's text",
                                 "end": "Where they end"},
                     "facets": ["organisation", "role", "former"]},
    "mentions": {"description": "Every mention of a person, organisation or place, with its offsets.",
                 "facets": ["entity_table"]},
    "dates": {"description": "Dates and periods, resolved to ISO values.", "label_column": "text",
              "columns": {"value": "ISO 8601 at the stated granularity (2021-02-11, 2021-02, 199X)",
                          "relative": "1 for 'last year', 'this week' ...", "dates": "Every date of a list (JSON)"},
              "facets": ["granularity", "kind"]},
    "figures": {"description": "Amounts, percentages, counts and quantities.", "label_column": "text",
                "columns": {"value": "The number, scaled (1.8 billion is 1800000000)",
                            "unit": "ISO 4217 code for money, % for percentages, else what is counted",
                            "kind": "money, percent, quantity, count, ordinal or multiplier",
                            "unit_source": "Money: text (written), context or default (a bare $)"},
                "facets": ["unit", "kind"]},
    "quotes": {"description": "Quotations and who said them.", "label_column": "text",
               "columns": {"speaker": "The person or body who said it", "cue": "The verb that introduces it",
                           "speaker_mention": "The words the attribution rests on (JSON: text, start, end)",
                           "partial": "1 for a fragment inside the author's own sentence"},
               "facets": ["speaker", "cue"]},
}

# Each story once: the rows of an article that repeats an earlier one (`duplicate_of`) count no more.
ORIGINALS = "(select id from articles where duplicate_of is null)"

# The entity a quote's speaker is, in its own article: the speaker is written as a person's or a
# body's name or one of its aliases (the quote's row names no entity itself).
SPEAKER_ENTITY = ("coalesce("
                  "(select p.entity_id from people p where p.article_id = q.article_id and p.name = q.speaker), "
                  "(select o.entity_id from organisations o where o.article_id = q.article_id and o.name = q.speaker), "
                  "(select p.entity_id from people p, json_each(p.aliases) a where p.article_id = q.article_id "
                  "and a.value = q.speaker), "
                  "(select o.entity_id from organisations o, json_each(o.aliases) a where o.article_id = q.article_id "
                  "and a.value = q.speaker))")

QUERIES = {
    "quotes_by_person": {
        "title": "Quotes by a person or body",
        # by identity: "Tokayev" finds the quotes of every spelling of him the corpus writes ("Toqayev"),
        # each named as the entity is, with the speaker as the article wrote it; a copy's quotes once
        "sql": "with said as (select q.*, " + SPEAKER_ENTITY + " as entity_id from quotes q where q.speaker is not null "
               "and q.article_id in " + ORIGINALS + ") "
               "select coalesce(e.name, q.speaker) as speaker, q.speaker as written, q.text, a.title, s.source "
               "from said q join articles a on a.id = q.article_id join sources s on s.origin = a.origin "
               "left join entities e on e.id = q.entity_id where q.speaker like '%' || :speaker || '%' "
               "or e.name like '%' || :speaker || '%' or e.aliases like '%' || :speaker || '%' order by a.id",
    },
    "largest_sums_by_currency": {
        "title": "The largest sums in one currency, each with its article and source",
        # an article the text gives no title is named by its place in its source, shown beside it
        "sql": "select f.text, f.value, f.unit, coalesce(a.title, '(untitled article ' || (a.idx + 1) || ')') as article, "
               "a.source, a.id as article_id from figures f join articles a on a.id = f.article_id "
               "where f.kind = 'money' and f.unit = upper(:currency) order by f.value desc limit 100",
    },
    "mentioned_together": {
        "title": "Who is mentioned with whom (people, in the same article)",
        "sql": "select e1.name as person, e2.name as with_person, count(distinct p1.article_id) as articles "
               "from people p1 join people p2 on p1.article_id = p2.article_id and p1.entity_id < p2.entity_id "
               "and p1.article_id in " + ORIGINALS + " join entities e1 on e1.id = p1.entity_id join entities e2 on e2.id = p2.entity_id "
               "group by p1.entity_id, p2.entity_id order by articles desc, person limit 200",
    },
    "who_works_where": {
        "title": "Who works where, across the database",
        "sql": "select e.name as person, f.role, f.organisation, count(*) as articles from affiliations f "
               "join people p on p.id = f.person_id join entities e on e.id = p.entity_id "
               "where p.article_id in " + ORIGINALS + " group by e.id, f.role, f.organisation order by articles desc, person limit 500",
    },
    "most_quoted": {
        "title": "Who is quoted most",
        # by identity (entities), not by the speaker as written: the speaker is an entity of its article;
        # a copy of an earlier article (duplicate_of) is the same story, counted once
        "sql": "with said as (select q.article_id, q.speaker, " + SPEAKER_ENTITY + " as entity_id from quotes q where q.speaker is not null "
               "and q.article_id in " + ORIGINALS + ") "
               "select coalesce(e.name, s.speaker) as speaker, count(*) as quotes, count(distinct s.article_id) as articles "
               "from said s left join entities e on e.id = s.entity_id "
               "group by coalesce('entity ' || s.entity_id, 'speaker ' || s.speaker) order by quotes desc, speaker limit 100",
    },
}


def metadata(database: str | Path) -> dict[str, Any]:
    """Datasette metadata for the kzfacts database at `database` (its name is the file's stem)."""
    tables = {name: dict(info) for name, info in TABLES.items()}
    return {"title": "kzfacts", "description": "Facts from news articles: people, organisations, places, dates, "
                                               "figures and quotes, extracted by kzfacts.",
            "databases": {Path(database).stem: {"tables": tables, "queries": QUERIES}}}


def why_not_kzfacts(database: str | Path) -> str | None:
    """Why the file at `database` is no kzfacts database (missing, a folder, not SQLite, no
    `sources` table), or None; it is opened read-only, so nothing is created or changed."""
    import sqlite3
    from contextlib import closing

    from .errors import not_a_database
    from .files import special_kind

    path = Path(database)
    if not path.is_file():
        kind = special_kind(path.stat().st_mode) if path.exists() else None
        return not_a_database(str(path), f"it is {kind}" if kind else "no such file")
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            found = conn.execute("select 1 from sqlite_master where type = 'table' and name = 'sources'").fetchone()
    except sqlite3.Error as exc:
        return not_a_database(str(path), str(exc))
    return None if found else not_a_database(str(path), "it has no sources table")


def print_metadata(db: Path) -> int:
    """What `kzfacts datasette-metadata` does: the database's metadata as JSON on stdout."""
    import json

    from .console import writing_stdout
    from .errors import UsageError

    problem = why_not_kzfacts(db)
    if problem:
        raise UsageError(problem)
    from .writers.sqlite import add_missing_columns

    add_missing_columns(db)  # an earlier kzfacts' database: the canned queries read columns added since
    with writing_stdout():
        print(json.dumps(metadata(db), indent=2))
    return 0
