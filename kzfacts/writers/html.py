"""A reading view: one self-contained HTML page per input, the text with every fact marked in
place and a compact table of facts after each article.

No JavaScript in a page and nothing fetched: inline CSS, values on hover (`title`), each quote's
speaker beside it, linked to the words it was found from; one table per fact type after each
article. (The folder's `index.html` sorts its table by a click, its one script.) The text is escaped, so markup inside an article is shown, never run. Facts may
overlap or nest (a date inside a quote): the text is cut at every fact boundary and each piece
is wrapped in the marks of the facts covering it, so the HTML stays well nested; every piece
of one fact carries the same `data-fact` id. Offsets come from the record itself, so the page
shows exactly what the JSON says.
"""
from __future__ import annotations

from html import escape
from urllib.parse import quote
from pathlib import Path
from typing import IO, Any

from ..registry import FACT_TYPES, affiliation_cell, format_value

SUFFIX = ".html"
KINDS = {f.key: f.noun for f in FACT_TYPES}
STYLE = """
body{font:16px/1.6 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
header.source{font:600 14px system-ui,sans-serif;color:#555;border-bottom:1px solid #ccc;margin-bottom:1rem}
.text{white-space:pre-wrap}
mark{background:none;border-radius:3px;padding:0 1px}
mark.person{background:#bfdbfe;box-shadow:inset 0 -2px #1d4ed8}
mark.organisation{background:#fed7aa;box-shadow:inset 0 -2px #c2410c}mark.place{background:#d9f99d;box-shadow:inset 0 -2px #4d7c0f}
mark.date{background:#fde2e2;border-bottom:2px solid #e11d48}mark.figure{background:#ede9fe;border-bottom:2px solid #7c3aed}
mark.quote{background:#f5f5f4;font-style:italic}mark.subject{background:none;border-bottom:2px dotted #7c3aed}
.speaker{font:600 12px system-ui,sans-serif;color:#fff;background:#57534e;border-radius:3px;padding:0 4px;
margin-right:3px;font-style:normal}
.legend span{margin-right:1rem}
a.said-by{text-decoration:none}span.said-by:target+mark,span.said-by:target+*{outline:2px solid #57534e}
table.facts{border-collapse:collapse;font:13px system-ui,sans-serif;margin:.5rem 0 1.5rem;width:100%}
table.facts caption{text-align:left;font-weight:600;padding:2px 6px}table.facts td{overflow-wrap:anywhere}
body.index{max-width:min(72rem,100%);box-sizing:border-box}table.index th{cursor:pointer}td.n{text-align:right}
table.facts th,table.facts td{border-bottom:1px solid #e5e5e5;text-align:left;padding:2px 6px;vertical-align:top}
.error{color:#b91c1c;font-family:system-ui,sans-serif}
"""


def _facts(article: dict[str, Any]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, id, hover text) of every marked stretch of an article."""
    out = []
    for key, kind in KINDS.items():
        for n, fact in enumerate(article.get(key, [])):
            fid = f"a{article['index']}-{kind}-{n}"
            if key in ("people", "organisations", "places"):
                # a person's role and organisation on hover over every mention, not only in the table below
                works = affiliation_cell(fact)
                hover = f"{kind}: {fact['name']}" + (f" \u2014 {works}" if works else "")
                out += [(m["start"], m["end"], kind, fid, hover) for m in fact["mentions"]]
            elif key == "dates":
                out.append((fact["start"], fact["end"], kind, fid, f"date: {fact['value'] or '?'}"))
            elif key == "figures":
                unit = f" {fact['unit']}" if fact["unit"] else ""
                subject = fact.get("subject")
                of = f" \u2014 of {subject['text']}" if subject else ""
                out.append((fact["start"], fact["end"], kind, fid,
                            f"{fact['kind']}: {format_value(fact['value'])}{unit}{of}"))
                if subject:  # what the figure measures, marked apart so a reader sees the pair
                    out.append((subject["start"], subject["end"], "subject", f"{fid}-of",
                                f"what {fact['text']} measures"))
            else:
                speakers = ", ".join(fact["speakers"]) or "unattributed"
                out.append((fact["start"], fact["end"], kind, fid, f"quote: {speakers}"))
    return out


def marked_text(text: str, start: int, end: int, article: dict[str, Any]) -> str:
    """text[start:end] escaped, with every fact of the article marked; quotes open with their speaker."""
    facts = [f for f in _facts(article) if start <= f[0] < f[1] <= end]
    cuts = sorted({start, end, *(f[0] for f in facts), *(f[1] for f in facts)})
    quotes = {f[0]: f for f in facts if f[2] == "quote"}
    speaker_of = {f"a{article['index']}-quote-{n}": (", ".join(q["speakers"]) or "unattributed", q.get("speaker_mention"))
                  for n, q in enumerate(article.get("quotes", []))}
    # each quote's label links to the words its speaker was found from ("he", "the minister", a name)
    evidence = {m["start"] for _, m in speaker_of.values() if m and start <= m["start"] < end}
    cuts = sorted({*cuts, *evidence})
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a in evidence:
            parts.append(f'<span class="said-by" id="said-{a}"></span>')
        if a in quotes:
            q = quotes[a]
            name, mention = speaker_of[q[3]]
            label = f'<span class="speaker" data-quote="{q[3]}">{escape(name)}</span>'
            if mention:
                hover = f"said by: \u201c{mention['text']}\u201d (character {mention['start']})"
                label = f'<a class="said-by" href="#said-{mention["start"]}" title="{escape(hover)}">{label}</a>'
            parts.append(label)
        piece = escape(text[a:b])
        # quotes outermost, then longer facts outside shorter ones
        covering = sorted((f for f in facts if f[0] <= a and b <= f[1]), key=lambda f: (f[2] != "quote", f[0] - f[1]))
        for _, _, kind, fid, hover in reversed(covering):
            piece = f'<mark class="{kind}" data-fact="{fid}" title="{escape(hover)}">{piece}</mark>'
        parts.append(piece)
    return "".join(parts)


def fact_table(article: dict[str, Any]) -> str:
    """The article's facts: one table per fact type, with its own header row."""
    tables = []
    for fact_type in FACT_TYPES:
        facts = article.get(fact_type.key, [])
        if not facts:
            continue
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in fact_type.columns)
        rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in fact_type.row(f)) + "</tr>" for f in facts)
        tables.append(f'<table class="facts {fact_type.noun}"><caption>{escape(fact_type.title)} ({len(facts)})'
                      f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return "".join(tables) or '<p class="empty">No facts found.</p>'


def page(record: dict[str, Any], text: str | None) -> str:
    """The whole page of one record."""
    body = [f'<header class="source">{escape(record["source"])}</header>']
    legend = "".join(f'<span><mark class="{k}">{k}</mark></span>' for k in KINDS.values())
    body.append(f'<p class="legend">{legend}</p>')
    if record["error"]:
        body.append(f'<p class="error">{escape(record["error"]["message"])}</p>')
    elif text is None:
        body.append('<p class="error">The input text is not available; facts are listed without it.</p>')
    for art in record["articles"]:
        title = escape(art["title"] or "(untitled)")
        byline = f'<p class="byline">by {escape(art["author"])}</p>' if art["author"] else ""
        published = f'<p class="published">published {escape(art["published"])}</p>' if art["published"] else ""
        shown = f'<div class="text">{marked_text(text, art["start"], art["end"], art)}</div>' if text is not None else ""
        body.append(f'<article data-index="{art["index"]}"><h2>{title}</h2>{byline}{published}{shown}'
                    f"{fact_table(art)}</article>")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(record["source"])}'
            f" \u2014 kzfacts</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")


class HtmlWriter:
    """One page per record; several records on one stream become one page each, one after the other."""

    suffix = SUFFIX

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        text = record.get("text", text)  # pages read from HTML carry the text they were extracted to
        self.stream.write(page(record, text))
        self.stream.flush()

    def close(self) -> None:
        pass


def open(stream: IO[str], *, many: bool) -> HtmlWriter:  # noqa: A001  (the writer protocol's name)
    return HtmlWriter(stream)


def page_link(relpath: str) -> str:
    """A link to a page in the folder that no browser can read as a scheme or a host: percent-encoded
    and starting with ./ (a file named 'javascript:alert(1).txt' stays a file)."""
    return "./" + quote(relpath, safe="/", errors="surrogateescape")  # a name's undecodable bytes, as they are


SORT_SCRIPT = """
document.querySelectorAll("table.index th").forEach((th, col) => th.addEventListener("click", () => {
  const body = th.closest("table").tBodies[0], rows = [...body.rows], up = th.dataset.order !== "up";
  const key = r => { const t = r.cells[col].dataset.sort ?? r.cells[col].textContent; return isNaN(t) ? t.toLowerCase() : +t; };
  rows.sort((a, b) => (key(a) > key(b) ? 1 : key(a) < key(b) ? -1 : 0) * (up ? 1 : -1));
  th.dataset.order = up ? "up" : "down"; body.append(...rows);
}));
"""


def folder_pages(folder: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    """Every page under the folder (its path there), sorted: kzfacts' own from every run, not the
    index page itself, the `exclude`d files (a database kept there) nor dot-files (a page being
    written is a dot-file until it is whole)."""
    skip = {"index" + SUFFIX, *exclude}
    pages = []
    for path in folder.rglob("*" + SUFFIX):
        rel = path.relative_to(folder)
        if rel.as_posix() not in skip and not any(part.startswith(".") for part in rel.parts) \
                and path.is_file():
            pages.append(rel.as_posix())
    return sorted(pages)


def _unknown_counts(relpath: str) -> dict[str, Any]:
    """A page the folder's manifest has no counts for (written by an older kzfacts): its name, no counts."""
    return {"source": relpath, "error": None, "articles": "", "titles": [], **{f.key: "" for f in FACT_TYPES}}


def write_index(folder: Path, known: dict[str, dict[str, Any]], exclude: tuple[str, ...] = ()) -> None:
    """`index.html` in the folder: a table of every page in it, by their articles' titles, with each
    page's source and fact counts (`known`, by the page's path; a page without them is listed by
    its name; `exclude`d files are not pages); a click on a column's header sorts by it (the one
    script kzfacts writes: the index holds no article text). No pages, no index."""
    pages = [(rel, known.get(rel) or _unknown_counts(rel)) for rel in folder_pages(folder, exclude)]
    if not pages:
        return
    keys = [f.key for f in FACT_TYPES]
    head = "".join(f'<th scope="col" title="sort">{escape(k)}</th>' for k in ["title", "source", "articles", *keys])
    rows = []
    for href, counts in pages:
        cells = "".join(f'<td class="n">{counts[k]}</td>' for k in ["articles", *keys])
        titles = "; ".join(counts.get("titles") or []) or Path(counts["source"]).name or counts["source"]
        error = f'<br><span class="error">{escape(counts["error"])}</span>' if counts["error"] else ""
        source = Path(counts["source"]).name or counts["source"]
        rows.append(f'<tr><td><a href="{escape(page_link(href))}">{escape(titles)}</a>{error}</td>'
                    f'<td title="{escape(counts["source"])}">{escape(source)}</td>{cells}</tr>')
    html = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>kzfacts</title>'
            f'<style>{STYLE}</style></head><body class="index"><h1>kzfacts: {len(pages)} pages</h1>'
            f'<table class="facts index"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"<script>{SORT_SCRIPT}</script></body></html>\n")
    (folder / "index.html").write_text(html, encoding="utf-8", errors="replace")
