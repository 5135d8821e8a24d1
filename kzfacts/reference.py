"""An input's reference date: what its relative dates ("on Tuesday", "last year") resolve against,
and its articles' `published` where the text itself gives no date; with where it came from.

It is decided once, when an input is built (`given`): the input's own date (a JSON Lines
`published`) wins over `--reference-date`. Only a web page's own date, known once its HTML is read,
is added later (`or_page`), where nothing was given. A date the article states (a dateline) still
wins over all of them, for its own article: `record.article_record`.
"""
from __future__ import annotations

from dataclasses import dataclass

@dataclass(frozen=True)
class Reference:
    """A reference date (YYYY-MM-DD) and its source: `input` (given with the input: a JSON Lines
    `published`, the API's `reference_date`), `option` (`--reference-date`) or `page` (a web page's
    own metadata)."""

    date: str
    source: str


def given(own: str | None, option: str | None) -> Reference | None:
    """An input's reference date: its own, else the option's, else none."""
    if own:
        return Reference(own, "input")
    return Reference(option, "option") if option else None


def or_page(reference: Reference | None, page_date: str | None) -> Reference | None:
    """A web page's own date counts only where nothing was given."""
    if reference is not None or not page_date:
        return reference
    return Reference(page_date, "page")
