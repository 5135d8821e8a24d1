"""The corpus view: who is mentioned and quoted most, in how many articles."""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .records import RecordReadError, parse_records, record_files

ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}\+?$")


def read_records(paths: list[str], *, on_error: Callable[[str], None], jobs: int | None = None
                 ) -> Iterator[dict[str, Any]]:
    """kzfacts records: read as they are from kzfacts output (JSON Lines, JSON, folders of them),
    else extracted from the articles (text files, folders of them, article JSON Lines, stdin).
    A path that is neither is reported to `on_error` with the fix, and the others go on."""
    articles: list[str] = []
    for raw in paths:
        if raw == "-":
            text = sys.stdin.read()
            records = _records_or_none(text, "standard input") if text.lstrip().startswith(("{", "[")) else None
            yield from records if records is not None else _extract_text(text)
            continue
        path = Path(raw)
        if path.is_dir():
            files = record_files(path)
            found = [r for f in files for r in (_records_or_none(_read(f, on_error), str(f)) or [])]
            yield from found
            if not found or any(path.rglob("*.txt")):
                articles.append(raw)
            continue
        if not path.exists():
            on_error(f"{raw}: no such file or folder; check the path")
            continue
        if path.suffix in (".json", ".jsonl"):
            text = _read(path, on_error)
            try:
                yield from parse_records(text, raw)
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
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        on_error(f"{path}: cannot be read ({exc.__class__.__name__}); pass kzfacts output or article text")
        return ""


def _records_or_none(text: str, name: str) -> list[dict[str, Any]] | None:
    """The kzfacts records in a text, or None when it holds something else."""
    try:
        return parse_records(text, name)
    except RecordReadError:
        return None


def _extract_text(text: str) -> Iterator[dict[str, Any]]:
    from .api import load_extractor

    yield load_extractor().extract(text, source="-")


def _extract_paths(paths: list[str], jobs: int | None) -> Iterator[dict[str, Any]]:
    import os

    from .inputs import iter_inputs
    from .runner import Settings, run

    for _, record in run(iter_inputs(paths), Settings(), jobs=jobs or (os.cpu_count() or 1)):
        yield record


def summarise(records: Iterable[dict[str, Any]], *, top: int = 20) -> dict[str, Any]:
    """Counts per person and organisation: articles mentioning, mentions, quotes, articles quoting."""
    stats: dict[str, dict[str, dict[str, Any]]] = {"people": {}, "organisations": {}}
    files = articles = failed = 0
    acronyms: dict[str, str] = {}  # "EU" -> "European Union", where an article links them
    for rec in records:
        files += 1
        failed += bool(rec.get("error"))
        for n, art in enumerate(rec.get("articles") or []):
            articles += 1
            art_id = (rec.get("source"), n)
            speakers = defaultdict(int)
            for q in art.get("quotes") or []:
                for name in q.get("speakers") or ([q["speaker"]] if q.get("speaker") else []):
                    speakers[name] += 1
            for ent in art.get("organisations") or []:
                for short in [ent.get("acronym"), *(ent.get("aliases") or [])]:
                    if short and ACRONYM.match(short) and not ACRONYM.match(ent["name"]):
                        acronyms.setdefault(short, ent["name"])
            for key in ("people", "organisations"):
                for ent in art.get(key) or []:
                    row = stats[key].setdefault(ent["name"], {"name": ent["name"], "articles": set(), "mentions": 0,
                                                             "quotes": 0, "quoted_in": set()})
                    row["articles"].add(art_id)
                    row["mentions"] += len(ent.get("mentions") or [])
                    if speakers.get(ent["name"]):
                        row["quotes"] += speakers[ent["name"]]
                        row["quoted_in"].add(art_id)
    _merge_surnames(stats["people"])
    _merge_acronyms(stats["organisations"], acronyms)
    out: dict[str, Any] = {"files": files, "failed": failed, "articles": articles}
    for key, rows in stats.items():
        ranked = sorted(rows.values(), key=lambda r: (-len(r["articles"]), -r["quotes"], -r["mentions"], r["name"]))
        out[key] = [{"name": r["name"], "articles": len(r["articles"]), "mentions": r["mentions"],
                     "quotes": r["quotes"], "quoted_in_articles": len(r["quoted_in"])} for r in ranked[:top]]
        out[f"most_quoted_{key}"] = [
            {"name": r["name"], "quotes": r["quotes"], "quoted_in_articles": len(r["quoted_in"])}
            for r in sorted(rows.values(), key=lambda r: (-r["quotes"], -len(r["quoted_in"]), r["name"]))[:top]
            if r["quotes"]]
    return out


def _merge_acronyms(orgs: dict[str, dict[str, Any]], linked: dict[str, str]) -> None:
    """ "EU" in one article and "European Union" in another: one body, when an article of the
    corpus links the two (an acronym or alias) or the gazetteer does."""
    from . import resources

    known = {form: canon for form, canon in resources.organisation_ids().items() if ACRONYM.match(form)}
    for name in [n for n in orgs if ACRONYM.match(n)]:
        full = linked.get(name) or known.get(name)
        if full and full != name and full in orgs:
            _absorb(orgs[full], orgs.pop(name))


def _absorb(into: dict[str, Any], row: dict[str, Any]) -> None:
    into["articles"] |= row["articles"]
    into["quoted_in"] |= row["quoted_in"]
    into["mentions"] += row["mentions"]
    into["quotes"] += row["quotes"]


def _merge_surnames(people: dict[str, dict[str, Any]]) -> None:
    """ "Tokayev" in one article and "Kassym-Jomart Tokayev" in another: one person across the corpus,
    when exactly one full name ends with that surname."""
    for name in [n for n in people if len(n.split()) == 1]:
        fuller = [n for n in people if len(n.split()) > 1 and n.split()[-1] == name]
        if len(fuller) != 1:
            continue
        _absorb(people[fuller[0]], people.pop(name))


def render_table(stats: dict[str, Any], stream: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream)
    console.print(f"{stats['files']} files, {stats['articles']} articles, {stats['failed']} failed")
    for key, title in (("people", "People"), ("organisations", "Organisations")):
        table = Table(title=f"{title} mentioned most", title_justify="left", expand=True, header_style="bold")
        for col in ("name", "articles", "mentions", "quotes", "quoted in"):
            table.add_column(col, justify="left" if col == "name" else "right")
        for r in stats[key]:
            table.add_row(r["name"], str(r["articles"]), str(r["mentions"]), str(r["quotes"]),
                          str(r["quoted_in_articles"]))
        console.print(table)
