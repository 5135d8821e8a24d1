"""The Python API: load the pipeline once, extract many texts."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any

from . import errors
from .record import doc_to_record


def check_reference_date(value: str | None) -> str | None:
    """A valid YYYY-MM-DD string or None; raises KzError otherwise."""
    if value is None or value == "":
        return None
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise errors.bad_reference_date(value) from exc
    return value


class Extractor:
    """A loaded kzfacts pipeline. `extract` one text or `extract_many` with batching."""

    def __init__(self, model: str | None = None, *, patterns: str | None = None) -> None:
        from .pipeline import load_pipeline

        self.nlp = load_pipeline(model, patterns=patterns)

    def make_doc(self, text: str, reference_date: str | None = None):
        doc = self.nlp.make_doc(text)
        doc._.kz_reference_date = check_reference_date(reference_date)
        return doc

    def extract(self, text: str, *, reference_date: str | None = None, source: str = "-") -> dict[str, Any]:
        """The contract's record for one text."""
        return doc_to_record(self.nlp(self.make_doc(text, reference_date)), source)

    def extract_many(self, items: Iterable[tuple[str, str]], *, reference_date: str | None = None,
                     batch_size: int = 16) -> Iterator[dict[str, Any]]:
        """Records for (source, text) pairs, in order."""
        pairs = ((self.make_doc(text, reference_date), source) for source, text in items)
        for doc, source in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield doc_to_record(doc, source)


@lru_cache(maxsize=4)
def load_extractor(model: str | None = None, patterns: str | None = None) -> Extractor:
    """A cached Extractor per (model, patterns)."""
    return Extractor(model, patterns=patterns)
