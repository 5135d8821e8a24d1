"""Rich panels per article for reading in a terminal; one table per fact type, from the registry."""
from __future__ import annotations

from typing import IO, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..display import as_text
from ..headlines import shown_title
from ..registry import FACT_TYPES

SUFFIX = ".txt"


def _table(title: str, columns: tuple[str, ...], rows: list[list[str]]) -> Table:
    """A fact type's table; every cell holds text from the input, so each is a Text (never markup)."""
    table = Table(title=title, title_justify="left", show_lines=False, expand=True, header_style="bold")
    # the first column names the fact: wide enough for a full name before the others take room
    first = min(max((len(r[0]) for r in rows), default=0), 24)
    for n, col in enumerate(columns):
        table.add_column(col, overflow="fold", min_width=first if n == 0 else None)
    for row in rows:
        table.add_row(*(as_text(cell) for cell in row))
    return table


def article_panel(article: dict[str, Any], text: str | None = None, source: str = "") -> Panel:
    """One article's facts as a panel of tables, under its title (`headlines.shown_title`: a made
    one, for an article the text gives none, in italics)."""
    parts: list[Any] = [_table(f.title, f.columns, [f.row(x) for x in article[f.key]])
                        for f in FACT_TYPES if article.get(f.key)]
    if not parts:
        parts.append(Text("no facts found", style="dim"))
    shown = shown_title(article, text, source)
    title = as_text(shown.text, "bold" if shown.made_from is None else "bold italic")
    subtitle = as_text(f"by {article['author']}") if article["author"] else None
    return Panel(Group(*parts), title=title, subtitle=subtitle, title_align="left")


class TableWriter:
    suffix = SUFFIX

    def __init__(self, console: Console) -> None:
        self.console = console

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        self.console.rule(as_text(record["source"], "bold"))
        if record["error"]:
            self.console.print(as_text(f"error: {record['error']['message']}", "red"))
            return
        if not record["articles"]:
            self.console.print(Text("no articles (empty input)", style="dim"))
        for article in record["articles"]:
            self.console.print(article_panel(article, record.get("text", text), record["source"]))

    def close(self) -> None:
        pass


def open(stream: IO[str], *, many: bool, console: Console | None = None) -> TableWriter:  # noqa: A001
    return TableWriter(console or Console(file=stream, width=None, soft_wrap=False))
