"""HTML fixtures: the sample articles wrapped the way news sites wrap them."""
from __future__ import annotations

import html
import json
import re

from .conftest import SAMPLE

# the sample's four articles: (start, end) of each in the file, and a publication date for its page
ARTICLES = [(18, 8370, "2021-02-15"), (8373, 15048, "2021-03-10"), (15069, 16662, "2021-04-02"),
            (16684, 18472, "2021-03-25")]

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{title} | The Steppe Herald</title>
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{date}T09:30:00+06:00">
<meta name="author" content="{author}">
<script type="application/ld+json">{jsonld}</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<header><a href="/">The Steppe Herald</a><nav><ul><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li>
<li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author} | {date}</p>
{paragraphs}
<div class="share">Share on Facebook | Share on Twitter | Share on Telegram | Copy link</div>
</article>
<section class="related"><h2>Related stories</h2><ul>
<li><a href="/a1">Erdogan and Macron meet Mirziyoyev in Samarkand</a></li>
<li><a href="/a2">Gazprom and Rosneft to merge, says Medvedev</a></li>
<li><a href="/a3">Barclays hires Goldman Sachs banker Jane Fowler</a></li></ul></section>
<section id="comments"><h2>Comments</h2>
<div class="comment"><span class="user">Bob Whitaker</span> wrote: <p>“Nobody at the Ministry of Finance will read this,” said my neighbour Tom Jenkins.</p></div>
</section></main>
<footer>&copy; 2021 The Steppe Herald. Contact: newsroom@steppeherald.example</footer>
</body></html>
"""


def article_parts(index: int) -> tuple[str, str, list[str], str]:
    """Title, byline and body paragraphs of one sample article, and its page's date."""
    text = SAMPLE.read_text(encoding="utf-8")
    start, end, date = ARTICLES[index]
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text[start:end]) if b.strip()]
    return blocks[0], blocks[1], blocks[2:], date


def plain_text(index: int) -> str:
    """The article as plain text: its title and body."""
    title, _, paragraphs, _ = article_parts(index)
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def page(index: int, *, charset: str = "utf-8", author: str = "Aigerim Sarsenova") -> str:
    """The article as a news site would serve it."""
    title, _, paragraphs, date = article_parts(index)
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                         "datePublished": f"{date}T09:30:00+06:00", "author": {"@type": "Person", "name": author}},
                        ensure_ascii=False)
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return TEMPLATE.format(charset=charset, title=html.escape(title), date=date, author=author, jsonld=jsonld,
                           paragraphs=body)


NOT_AN_ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign in | The Steppe Herald</title></head>
<body><header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<main><h1>Sign in to continue reading</h1><form><input name="email"><input name="password" type="password">
<button>Sign in</button></form><ul><li><a href="/a1">Story one</a></li><li><a href="/a2">Story two</a></li></ul></main>
</body></html>
"""

BROKEN = ("<html><head><title>Broken page</title><body><div><p>" + "The Bank of England raised rates on Thursday, "
          "Governor Andrew Bailey said. " * 6 + "<p>“Inflation is too high,” Bailey told reporters in London"
          "<div><span>unclosed")
