"""A reading view: one self-contained HTML page per input, the text with every fact marked in
place and a compact table of facts after each article.

No JavaScript in a page and nothing fetched: inline CSS, values on hover (`title`), each quote's
speaker beside it, linked to the words it was found from; one table per fact type after each
article. (The folder's `index.html` sorts its table by a click, its one script.) The text is escaped, so markup inside an article is shown, never run. Facts may
overlap or nest (a date inside a quote): the text is cut at every fact boundary and each piece
is wrapped in the marks of the facts covering it, so the HTML stays well nested; every piece
of one fact carries the same `data-fact` id. Offsets come from the record itself, so the page
shows exactly what the JSON says.

An article the text gives no title is headed by the one `headlines.shown_title` makes, in italics.
Pages and index read at any width: fact tables scroll sideways in their own box rather than
widen the page or break a word, and below 56rem the index's rows become cards.
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from ..headlines import name_title, shown_title
from ..registry import FACT_TYPES, FactType, affiliation_cell, format_value

SUFFIX = ".html"
KINDS = {f.key: f.noun for f in FACT_TYPES}
STYLE = """
body{font:16px/1.6 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
header.source{font:600 14px system-ui,sans-serif;color:#555;border-bottom:1px solid #ccc;margin-bottom:1rem;overflow-wrap:anywhere}
h1,h2{line-height:1.25;overflow-wrap:break-word}h2.made,li.made a{font-style:italic}h2.made{color:#444}
.text{white-space:pre-wrap;overflow-wrap:break-word}
mark{background:none;border-radius:3px;padding:0 1px}
mark.person{background:#bfdbfe;box-shadow:inset 0 -2px #1d4ed8}
mark.organisation{background:#fed7aa;box-shadow:inset 0 -2px #c2410c}mark.place{background:#d9f99d;box-shadow:inset 0 -2px #4d7c0f}
mark.date{background:#fde2e2;border-bottom:2px solid #e11d48}mark.figure{background:#ede9fe;border-bottom:2px solid #7c3aed}
mark.quote{background:#f5f5f4;font-style:italic}mark.subject{background:none;border-bottom:2px dotted #7c3aed}
.speaker{font:600 12px system-ui,sans-serif;color:#fff;background:#57534e;border-radius:3px;padding:0 4px;
margin-right:3px;font-style:normal}
.legend span{margin-right:1rem;display:inline-block}
a.said-by{text-decoration:none}span.said-by:target+mark,span.said-by:target+*{outline:2px solid #57534e}
.scroll{overflow-x:auto;margin:.5rem 0 1.5rem;background:linear-gradient(90deg,#fff 30%,#fff0) left/2rem 100% local,
linear-gradient(270deg,#fff 30%,#fff0) right/2rem 100% local,linear-gradient(90deg,#0002,#0000) left/.6rem 100% scroll,
linear-gradient(270deg,#0002,#0000) right/.6rem 100% scroll;background-repeat:no-repeat}
table.facts{border-collapse:collapse;font:13px/1.45 system-ui,sans-serif;width:100%}
table.facts caption{text-align:left;font-weight:600;padding:2px 6px}
table.facts th,table.facts td{border-bottom:1px solid #e5e5e5;text-align:left;padding:3px 6px;vertical-align:top;
overflow-wrap:normal;word-break:normal;hyphens:manual}
table.facts .n{text-align:right;font-variant-numeric:tabular-nums}
body.index{max-width:min(72rem,100%);box-sizing:border-box}
table.index th{cursor:pointer;white-space:nowrap}table.index th:hover{color:#1d4ed8}
table.index td.title{min-width:16rem}table.index td.source{color:#555;min-width:12rem;max-width:16rem}
.copy{font-size:75%;color:#555;border:1px solid #999;border-radius:3px;padding:0 .25em}
ul.titles{list-style:none;margin:0;padding:0}ul.titles li+li{margin-top:.3rem}
.error{color:#b91c1c;font-family:system-ui,sans-serif}
@media (max-width:56rem){
body.index{margin-top:1rem}
table.facts.index,table.facts.index thead,table.facts.index tbody,table.facts.index tr,table.facts.index td{display:block}
table.facts.index thead tr{display:flex;flex-wrap:wrap;gap:0 .9rem;margin-bottom:.25rem}
table.facts.index thead tr::before{content:"sort by:";color:#555}
table.facts.index th{border:0;padding:0;font-weight:500;color:#1d4ed8;text-decoration:underline dotted}
table.facts.index tbody tr{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:0 1.25rem;
border:1px solid #d4d4d4;border-radius:6px;padding:.5rem .75rem;margin:.6rem 0}
table.facts.index td{border:0;padding:1px 0}
table.facts.index td.title,table.facts.index td.source{grid-column:1/-1;min-width:0;overflow-wrap:break-word}
table.facts.index td.title{font-size:15px;padding-bottom:2px}
table.facts.index td.n{display:flex;justify-content:space-between;gap:.5rem}
table.facts.index td.n::before{content:attr(data-label);color:#555;text-align:left}
}
@media (max-width:30rem){table.facts th,table.facts td{padding:3px 4px}}
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


def is_number_column(fact_type: FactType, column: str) -> bool:
    """Columns of counts and amounts: right-aligned in even-width digits, so they line up."""
    return column == "mentions" or (fact_type.key == "figures" and column == "value")


NUMBER = ' class="n"'


def fact_table(article: dict[str, Any]) -> str:
    """The article's facts: one table per fact type, with its own header row, each in a box that
    scrolls sideways on a narrow screen rather than breaking its words or widening the page."""
    tables = []
    for fact_type in FACT_TYPES:
        facts = article.get(fact_type.key, [])
        if not facts:
            continue
        numbers = [is_number_column(fact_type, c) for c in fact_type.columns]
        head = "".join(f'<th scope="col"{NUMBER if n else ""}>{escape(c)}</th>'
                       for c, n in zip(fact_type.columns, numbers, strict=True))
        rows = "".join("<tr>" + "".join(f'<td{NUMBER if n else ""}>{escape(c)}</td>'
                                        for c, n in zip(fact_type.row(f), numbers, strict=True)) + "</tr>"
                       for f in facts)
        tables.append(f'<div class="scroll"><table class="facts {fact_type.noun}"><caption>{escape(fact_type.title)} '
                      f"({len(facts)})</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")
    return "".join(tables) or '<p class="empty">No facts found.</p>'


MADE_FROM = {"first line": "The text has no title: its first line", "first sentence":
             "The text has no title: its first sentence", "file name": "The text has no title: its file name"}


def title_heading(article: dict[str, Any], text: str | None, source: str) -> str:
    """The article's <h2>: its own title, or one made (`headlines.shown_title`), set in italics and saying so."""
    shown = shown_title(article, text, source)
    if shown.made_from is None:
        return f"<h2>{escape(shown.text)}</h2>"
    return f'<h2 class="made" title="{escape(MADE_FROM[shown.made_from])}">{escape(shown.text)}</h2>'


def original_note(original: dict[str, Any], pages: dict[str, str]) -> str:
    """What a copy's page says of the article it repeats (`duplicate_of`), numbered from 1 as the
    pages are; a link to the original's page when it is in the same output folder (`pages`, by key)."""
    name = escape(original["source"])
    page_of = pages.get(original.get("origin") or "")
    if page_of is not None:
        name = f'<a href="{escape(page_link(page_of))}#article-{original["article"]}">{name}</a>'
    return f'<p class="copy">repeats article {original["article"] + 1} of {name}</p>'


def page(record: dict[str, Any], text: str | None, original_pages: dict[str, str] | None = None) -> str:
    """The whole page of one record; `original_pages`: the pages of the originals its copies repeat,
    relative to it, by the original's key."""
    body = [f'<header class="source">{escape(record["source"])}</header>']
    legend = "".join(f'<span><mark class="{k}">{k}</mark></span>' for k in KINDS.values())
    body.append(f'<p class="legend">{legend}</p>')
    if record["error"]:
        body.append(f'<p class="error">{escape(record["error"]["message"])}</p>')
    elif text is None:
        body.append('<p class="error">The input text is not available; facts are listed without it.</p>')
    for art in record["articles"]:
        byline = f'<p class="byline">by {escape(art["author"])}</p>' if art["author"] else ""
        published = f'<p class="published">published {escape(art["published"])}</p>' if art["published"] else ""
        if art.get("duplicate_of"):
            published += original_note(art["duplicate_of"], original_pages or {})
        shown = f'<div class="text">{marked_text(text, art["start"], art["end"], art)}</div>' if text is not None else ""
        body.append(f'<article id="article-{art["index"]}" data-index="{art["index"]}">'
                    f"{title_heading(art, text, record['source'])}{byline}{published}{shown}{fact_table(art)}</article>")
    first = shown_title(record["articles"][0], text, record["source"]).text if record["articles"] else record["source"]
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(first)}'
            f" \u2014 kzfacts</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")


class HtmlWriter:
    """One page per record; several records on one stream become one page each, one after the other."""

    suffix = SUFFIX

    def __init__(self, stream: IO[str], original_pages: dict[str, str] | None = None) -> None:
        self.stream = stream
        self.original_pages = original_pages

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        text = record.get("text", text)  # pages read from HTML carry the text they were extracted to
        self.stream.write(page(record, text, self.original_pages))
        self.stream.flush()

    def close(self) -> None:
        pass


def open(stream: IO[str], *, many: bool, original_pages: dict[str, str] | None = None  # noqa: A001  (the writer protocol's name)
         ) -> HtmlWriter:
    return HtmlWriter(stream, original_pages)


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


def index_titles(href: str, counts: dict[str, Any]) -> str:
    """The index's title cell: each article's shown title on its own line, linked to the article
    (a made one in italics); a page with none (an error record) by its input's name."""
    titles = [(t, None) if isinstance(t, str) else tuple(t) for t in counts.get("titles") or []]
    titles = titles or [(name_title(counts["source"]), "file name")]
    copies = set(counts.get("copies") or [])
    items = []
    for n, (text, made_from) in enumerate(titles):
        link = escape(page_link(href) + (f"#article-{n}" if n else ""))
        made = f' class="made" title="{escape(MADE_FROM.get(made_from, ""))}"' if made_from else ""
        copy = ' <span class="copy" title="repeats an earlier article: counted once">copy</span>' if n in copies else ""
        items.append(f'<li{made}><a href="{link}">{escape(text)}</a>{copy}</li>')
    return f'<ul class="titles">{"".join(items)}</ul>'


def breakable(name: str) -> str:
    """A file name, escaped, that may wrap after its underscores, dashes and slashes ("kz_kozlov_|verdict_|voa_2012.txt"):
    a long one otherwise widens its column past the screen."""
    return re.sub(r"([_\-/])(?=.)", r"\1<wbr>", escape(name))


def write_index(folder: Path, known: dict[str, dict[str, Any]], exclude: tuple[str, ...] = ()) -> None:
    """`index.html` in the folder: a table of every page in it, by their articles' titles, with each
    page's source and fact counts (`known`, by the page's path; a page without them is listed by
    its name; `exclude`d files are not pages); a click on a column's header sorts by it (the one
    script kzfacts writes: of the articles the index holds only their titles, escaped). Below 56rem (phones, narrow windows)
    each row is a card: the titles, the source, then the counts two or three abreast. No pages, no index."""
    pages = [(rel, known.get(rel) or _unknown_counts(rel)) for rel in folder_pages(folder, exclude)]
    if not pages:
        return
    keys = [f.key for f in FACT_TYPES]
    head = "".join(f'<th scope="col" title="sort"{NUMBER if k not in ("title", "source") else ""}>{escape(k)}</th>'
                   for k in ["title", "source", "articles", *keys])
    rows = []
    for href, counts in pages:
        cells = "".join(f'<td class="n" data-label="{k}">{counts[k]}</td>' for k in ["articles", *keys])
        error = f'<span class="error">{escape(counts["error"])}</span>' if counts["error"] else ""
        source = Path(counts["source"]).name or counts["source"]
        rows.append(f'<tr><td class="title">{index_titles(href, counts)}{error}</td>'
                    f'<td class="source" title="{escape(counts["source"])}">{breakable(source)}</td>{cells}</tr>')
    html = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>kzfacts</title>'
            f'<style>{STYLE}</style></head><body class="index"><h1>kzfacts: {len(pages)} page{"" if len(pages) == 1 else "s"}</h1>'
            f'<div class="scroll"><table class="facts index"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></div>"
            f"<script>{SORT_SCRIPT}</script></body></html>\n")
    (folder / "index.html").write_text(html, encoding="utf-8", errors="replace")
