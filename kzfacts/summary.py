"""The corpus view: who is mentioned and quoted most, in how many articles."""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any


def _is_record_line(line: str) -> bool:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        return False
    return isinstance(obj, dict) and "schema_version" in obj and "articles" in obj


def _records_from_lines(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    for line in lines:
        if line.strip():
            yield json.loads(line)


def read_records(paths: list[str], *, jobs: int | None = None, quiet: bool = True) -> Iterator[dict[str, Any]]:
    """kzfacts records: read as they are from kzfacts JSON Lines output, else extracted from the articles."""
    articles: list[str] = []
    for raw in paths:
        if raw == "-":
            lines = sys.stdin.read().splitlines()
            first = next((ln for ln in lines if ln.strip()), "")
            if _is_record_line(first):
                yield from _records_from_lines(lines)
                continue
            yield from _extract_text("\n".join(lines))
            continue
        path = Path(raw)
        if path.is_file() and path.suffix in (".jsonl", ".json"):
            with path.open(encoding="utf-8") as fh:
                first = fh.readline()
                if _is_record_line(first):
                    yield json.loads(first)
                    yield from _records_from_lines(fh)
                    continue
        articles.append(raw)
    if articles:
        yield from _extract_paths(articles, jobs)


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


def _merge_surnames(people: dict[str, dict[str, Any]]) -> None:
    """ "Tokayev" in one article and "Kassym-Jomart Tokayev" in another: one person across the corpus,
    when exactly one full name ends with that surname."""
    for name in [n for n in people if len(n.split()) == 1]:
        fuller = [n for n in people if len(n.split()) > 1 and n.split()[-1] == name]
        if len(fuller) != 1:
            continue
        row, into = people.pop(name), people[fuller[0]]
        into["articles"] |= row["articles"]
        into["quoted_in"] |= row["quoted_in"]
        into["mentions"] += row["mentions"]
        into["quotes"] += row["quotes"]


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
