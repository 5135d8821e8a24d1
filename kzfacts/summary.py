"""The corpus view: who is mentioned and quoted most, in how many articles."""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from . import errors
from .database import DatabaseReadError, is_database, read_database
from .errors import InputError
from .keys import OUTPUT_MARKER
from .records import RecordReadError, parse_records, read_file_text, record_files


def read_records(paths: list[str], *, on_error: Callable[[str], None], jobs: int | None = None
                 ) -> Iterator[dict[str, Any]]:
    """kzfacts records: read as they are from kzfacts output (JSON Lines, JSON, folders of them, a
    database written by `--db` or `load`), else extracted from the articles (text files, folders of
    them, article JSON Lines, stdin).
    A path that is neither is reported to `on_error` with the fix, and the others go on."""
    articles: list[str] = []
    for raw in paths:
        if raw == "-":
            text = sys.stdin.read()
            looks_like_json = text.lstrip().startswith(("{", "["))
            records = _records_or_none(text, "standard input", on_error) if looks_like_json else None
            yield from records if records is not None else _extract_text(text)
            continue
        path = Path(raw)
        if path.is_dir():
            files = record_files(path)
            if not files and (path / OUTPUT_MARKER).exists():  # an --output-dir of HTML or CSV
                on_error(errors.output_not_summarisable(raw))
                continue
            # a file of kzfacts output whose records were all malformed is still no article
            held = [found for found in (_records_or_none(_read(f, on_error), str(f), on_error) for f in files)
                    if found is not None]
            yield from (r for found in held for r in found)
            if not held or any(path.rglob("*.txt")):
                articles.append(raw)
            continue
        if not path.exists():
            on_error(f"{raw}: no such file or folder; check the path")
            continue
        if is_database(path):
            try:
                yield from read_database(path)
            except DatabaseReadError as exc:
                on_error(str(exc))
            continue
        if path.suffix in (".json", ".jsonl"):
            text = _read(path, on_error)
            try:
                yield from parse_records(text, raw, on_skip=on_error)
                continue
            except RecordReadError as exc:
                if path.suffix == ".json":
                    on_error(str(exc))
                    continue
        articles.append(raw)  # article text, or article JSON Lines
    if articles:
        yield from _extract_paths(articles, jobs)


def _read(path: Path, on_error: Callable[[str], None]) -> str:
    try:
        return read_file_text(path)
    except InputError as exc:
        on_error(exc.message)
        return ""
    except (OSError, UnicodeDecodeError) as exc:
        on_error(f"{path}: cannot be read ({exc.__class__.__name__}); pass kzfacts output or article text")
        return ""


def _records_or_none(text: str, name: str, on_error: Callable[[str], None]) -> list[dict[str, Any]] | None:
    """The kzfacts records in a text (a malformed one reported to `on_error` and skipped), or None
    when it holds something else."""
    try:
        return parse_records(text, name, on_skip=on_error)
    except RecordReadError:
        return None


def _extract_text(text: str) -> Iterator[dict[str, Any]]:
    from .api import load_extractor

    yield load_extractor().extract(text, source="-")


def _extract_paths(paths: list[str], jobs: int | None) -> Iterator[dict[str, Any]]:
    import os

    from .duplicates import Deduplicator
    from .inputs import iter_inputs
    from .runner import Settings, run

    dedup = Deduplicator(wait=True)  # as `kzfacts extract` marks them: each story is counted once
    for item, record in run(iter_inputs(paths), Settings(), jobs=jobs or (os.cpu_count() or 1)):
        dedup.mark(record, item.text, item.key)
        yield record


class Copies:
    """The articles that repeat an earlier one (`duplicate_of`, kzfacts/duplicates.py): left out of
    the counts, so each story counts once, and listed by the original they repeat."""

    def __init__(self) -> None:
        self.titles: dict[tuple, str | None] = {}  # every original's title, by its ref
        self.where: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        self.count = 0

    def is_copy(self, rec: dict[str, Any], index: int, art: dict[str, Any]) -> bool:
        """Whether the article is a copy (noted); else it is noted as a possible original."""
        from .duplicates import article_ref

        ref = dict(article_ref(rec, index))
        if not art.get("duplicate_of"):
            # a copy names its original by the input's key (the database's origin), which a record
            # read from JSON carries only as its source or its FILE#LINE: the key is made from those
            from .writers.sqlite import record_key

            for key in {ref.get("origin"), record_key(rec)}:
                self.titles[_ref_key(dict(article_ref(rec, index, key)))] = art.get("title")
            return False
        self.count += 1
        self.where[_ref_key(art["duplicate_of"])].append(ref)
        return True

    def listing(self, top: int) -> list[dict[str, Any]]:
        """The originals with the most copies first, each with its copies' places."""
        ranked = sorted(self.where.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
        return [{**dict(key), "title": self.titles.get(key), "copies": len(where), "where": where}
                for key, where in ranked]


REF_ORDER = {"source": 0, "origin": 1, "article": 2}


def _ref_key(ref: dict[str, Any]) -> tuple:
    """A `duplicate_of` (or an article's own ref) as a hashable key, its items in the contract's order."""
    return tuple(sorted(ref.items(), key=lambda kv: (REF_ORDER.get(kv[0], 3), kv[0])))


def summarise(records: Iterable[dict[str, Any]], *, top: int = 20) -> dict[str, Any]:
    """Counts per person and organisation, each one identity across the corpus (`identity.py`):
    articles mentioning, mentions, quotes, articles quoting, the names seen, and for people their
    roles and organisations."""
    from . import resources
    from .identity import ACRONYM as SHORT
    from .identity import Item, article_country, bare_name, identities, identity_name, roles_in

    seen: list[tuple[Item, dict[str, Any]]] = []  # one per entity per article
    files = articles = failed = 0
    copies = Copies()
    for rec in records:
        files += 1
        failed += bool(rec.get("error"))
        for n, art in enumerate(rec.get("articles") or []):
            articles += 1
            if copies.is_copy(rec, art.get("index", n), art):
                continue
            art_id = (rec.get("origin") or rec.get("source"), n)
            country = article_country((p["name"], len(p.get("mentions") or [])) for p in art.get("places") or [])
            quotes = _quotes_by_entity(art)
            for key in ("people", "organisations"):
                for k, ent in enumerate(art.get(key) or []):
                    item = Item(key, ent["name"], list(ent.get("aliases") or []), ent.get("acronym"),
                                list(ent.get("titles") or []), country, len(ent.get("mentions") or []), art_id)
                    seen.append((item, {"article": art_id, "mentions": item.mentions, "quotes": quotes[(key, k)],
                                        "titles": [*item.titles, *(roles_in(bare_name(item.name)[1]) if key == "people" else [])],
                                        "affiliations": ent.get("affiliations") or []}))
    known = {form: canon for form, canon in resources.organisation_ids().items() if SHORT.match(form)}
    groups: dict[int, list[tuple[Item, dict[str, Any]]]] = defaultdict(list)
    for number, pair in zip(identities([item for item, _ in seen], known), seen, strict=True):
        groups[number].append(pair)
    rows: dict[str, list[dict[str, Any]]] = {"people": [], "organisations": []}
    for members in groups.values():
        # a person the model called a body in one article is a person (identity.py)
        kind = "people" if any(item.kind == "people" for item, _ in members) else "organisations"
        name, aliases = identity_name([item for item, _ in members])
        row = {"name": name, "aliases": aliases,
               "articles": len({m["article"] for _, m in members}), "mentions": sum(m["mentions"] for _, m in members),
               "quotes": sum(m["quotes"] for _, m in members),
               "quoted_in_articles": len({m["article"] for _, m in members if m["quotes"]})}
        if kind == "people":
            row["roles"] = _most_common(t for _, m in members for t in m["titles"])
            row["organisations"] = _most_common(a["organisation"] for _, m in members for a in m["affiliations"])
        rows[kind].append(row)
    out: dict[str, Any] = {"files": files, "failed": failed, "articles": articles, "copies": copies.count,
                           "duplicates": copies.listing(top)}
    for key, found in rows.items():
        ranked = sorted(found, key=lambda r: (-r["articles"], -r["mentions"], -r["quotes"], r["name"]))
        out[key] = ranked[:top]
        out[f"most_quoted_{key}"] = [
            {"name": r["name"], "quotes": r["quotes"], "quoted_in_articles": r["quoted_in_articles"]}
            for r in sorted(found, key=lambda r: (-r["quotes"], -r["quoted_in_articles"], r["name"]))[:top]
            if r["quotes"]]
    return out


def _quotes_by_entity(article: dict[str, Any]) -> Counter[tuple[str, int]]:
    """The article's quotes per entity, (people or organisations, its index): a quote's speaker is
    the entity of that name, else the one with that alias (a record may name a speaker by either)."""
    entity_of: dict[str, tuple[str, int]] = {}
    for pass_aliases in (False, True):
        for key in ("people", "organisations"):
            for k, ent in enumerate(article.get(key) or []):
                for form in (ent.get("aliases") or []) if pass_aliases else [ent["name"]]:
                    entity_of.setdefault(form, (key, k))
    counts: Counter[tuple[str, int]] = Counter()
    for q in article.get("quotes") or []:
        for name in q.get("speakers") or ([q["speaker"]] if q.get("speaker") else []):
            if name in entity_of:
                counts[entity_of[name]] += 1
    return counts


def _most_common(values: Iterable[str], limit: int = 3) -> list[str]:
    """The values seen most, one per spelling that differs only in case ("President", "president"),
    each written as it is most often."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for value in values:
        forms[value.casefold()][value] += 1
    ranked = sorted(forms.values(), key=lambda seen: -sum(seen.values()))  # stable: the first seen first on a tie
    return [seen.most_common(1)[0][0] for seen in ranked[:limit]]


def render_table(stats: dict[str, Any], stream: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    from .display import as_text

    console = Console(file=stream)
    copies = f" ({stats['copies']} repeating an earlier one, counted once)" if stats["copies"] else ""
    console.print(f"{stats['files']} files, {stats['articles']} articles{copies}, {stats['failed']} failed")
    for key, title in (("people", "People"), ("organisations", "Organisations")):
        table = Table(title=f"{title} mentioned most", title_justify="left", expand=True, header_style="bold")
        people = key == "people"
        for col in ("name", *(("roles",) if people else ()), "articles", "mentions", "quotes",
                    "quoted in"):
            table.add_column(col, justify="left" if col[0] in "nr" else "right")
        for r in stats[key]:
            # names, roles and organisations are the articles' text: shown as Text, never read as markup
            about = [as_text("; ".join([*r.get("roles", []), *r.get("organisations", [])]))] if people else []
            table.add_row(as_text(r["name"]), *about, str(r["articles"]), str(r["mentions"]), str(r["quotes"]),
                          str(r["quoted_in_articles"]))
        console.print(table)
    if stats["duplicates"]:
        console.print(repeated_table(stats["duplicates"]))


SHOWN_COPIES = 5  # a table row names this many copies (the JSON names all)


def repeated_table(duplicates: list[dict[str, Any]]):
    """The stories published more than once: the original, how many copies, and where."""
    from rich.table import Table

    from .display import as_text

    table = Table(title="Stories repeated", title_justify="left", expand=True, header_style="bold")
    for col in ("story", "source", "copies", "copies in"):
        table.add_column(col, justify="right" if col == "copies" else "left")
    for d in duplicates:
        where = "; ".join(f"{w['source']} #{w['article']}" for w in d["where"][:SHOWN_COPIES])
        more = f" and {len(d['where']) - SHOWN_COPIES} more" if len(d["where"]) > SHOWN_COPIES else ""
        table.add_row(as_text(d["title"] or "(untitled)"), as_text(f"{d['source']} #{d['article']}"), str(d["copies"]),
                      as_text(where + more))
    return table


def summarise_paths(paths: list[str], output_format: str = "table", *, top: int = 20, jobs: int | None = None) -> int:
    """What `kzfacts summary` does: the corpus' summary on stdout; the exit status (1 when a path
    could not be read or nothing was found)."""
    import json

    from . import errors, options
    from .console import say, writing_stdout

    options.check_format(output_format, ("table", "json", "jsonl"))
    options.check_jobs(jobs)
    problems: list[str] = []

    def on_error(message: str) -> None:
        problems.append(message)
        say(message)

    stats = summarise(read_records(paths, on_error=on_error, jobs=jobs), top=top)
    if stats["files"] == 0:
        if not problems:
            say(errors.nothing_to_summarise(paths))
        return 1
    with writing_stdout():
        if output_format == "table":
            render_table(stats, sys.stdout)
        else:
            print(json.dumps(stats, ensure_ascii=False, indent=2 if output_format == "json" else None))
    return 1 if problems or stats["failed"] else 0
