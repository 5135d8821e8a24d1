"""Output formats: Rich tables for people, JSON and JSON Lines for programs."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "json", "jsonl")


def write_atomic(path: Path, record: dict[str, Any]) -> None:
    """Write one record as a JSON file: a temporary file first, then a rename, so no half file is ever seen."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(record, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


class JsonLinesWriter:
    """One record per line, flushed as each is written."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(to_json_line(record) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


class JsonWriter:
    """One record for one input, else a JSON array streamed record by record."""

    def __init__(self, stream: IO[str], many: bool) -> None:
        self.stream, self.many, self.count = stream, many, 0

    def write(self, record: dict[str, Any]) -> None:
        text = json.dumps(record, ensure_ascii=False, indent=2)
        if self.many:
            self.stream.write(("[\n" if self.count == 0 else ",\n") + text)
        else:
            self.stream.write(text + "\n")
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.many:
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
            self.stream.flush()


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=True, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _fmt_value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.6g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def article_panel(article: dict[str, Any]) -> Panel:
    """One article's facts as a panel of tables."""
    parts: list[Any] = []
    people = [[p["name"], "; ".join(p.get("titles", [])), str(len(p["mentions"]))] for p in article["people"]]
    if people:
        parts.append(_table("People", ["name", "titles", "mentions"], people))
    orgs = [[o["name"], o.get("acronym") or "", str(len(o["mentions"]))] for o in article["organisations"]]
    if orgs:
        parts.append(_table("Organisations", ["name", "acronym", "mentions"], orgs))
    places = [[p["name"], str(len(p["mentions"]))] for p in article["places"]]
    if places:
        parts.append(_table("Places", ["name", "mentions"], places))
    dates = [[d["text"], _fmt_value(d["value"])] for d in article["dates"]]
    if dates:
        parts.append(_table("Dates", ["text", "value"], dates))
    figures = [[f["text"], _fmt_value(f["value"]), f["unit"] or ""] for f in article["figures"]]
    if figures:
        parts.append(_table("Figures", ["text", "value", "unit"], figures))
    quotes = [[", ".join(q["speakers"]) or "-", q["text"], q["cue"] or ""] for q in article["quotes"]]
    if quotes:
        parts.append(_table("Quotes", ["speaker", "quote", "cue"], quotes))
    if not parts:
        parts.append(Text("no facts found", style="dim"))
    title = article["title"] or "(untitled)"
    subtitle = f"by {article['author']}" if article["author"] else None
    return Panel(Group(*parts), title=Text(title, style="bold"), subtitle=subtitle, title_align="left")


class TableWriter:
    """Rich panels per article, for reading in a terminal."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def write(self, record: dict[str, Any]) -> None:
        self.console.rule(Text(record["source"], style="bold"))
        if record["error"]:
            self.console.print(Text(f"error: {record['error']['message']}", style="red"))
            return
        if not record["articles"]:
            self.console.print(Text("no articles (empty input)", style="dim"))
        for article in record["articles"]:
            self.console.print(article_panel(article))

    def close(self) -> None:
        pass


def make_writer(fmt: str, stream: IO[str], *, many: bool):
    """The writer for an output format."""
    if fmt == "jsonl":
        return JsonLinesWriter(stream)
    if fmt == "json":
        return JsonWriter(stream, many)
    return TableWriter(Console(file=stream, width=None, soft_wrap=False))
