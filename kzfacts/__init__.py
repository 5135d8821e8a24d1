"""kzfacts: people, organisations, dates, figures and quotes from English news articles.

    >>> import kzfacts
    >>> record = kzfacts.extract("President Tokayev said: “We will continue.”")
    >>> record["articles"][0]["quotes"][0]["speaker"]
    'Tokayev'

Heavy imports (spaCy, the model) happen on first use, so importing kzfacts is cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1"

if TYPE_CHECKING:
    from .api import Extractor

__all__ = ["Extractor", "SCHEMA_VERSION", "__version__", "extract", "load_extractor"]


def extract(text: str, *, reference_date: str | None = None, model: str | None = None,
            source: str = "-") -> dict[str, Any]:
    """Extract the facts of one text; returns the contract's record (see CONTRACT.md)."""
    return load_extractor(model=model).extract(text, reference_date=reference_date, source=source)


def load_extractor(*, model: str | None = None, patterns: str | None = None) -> Extractor:
    """Load the pipeline once (cached per model) for many `extract` calls."""
    from .api import load_extractor as _load

    return _load(model=model, patterns=patterns)


def __getattr__(name: str) -> Any:
    if name == "Extractor":
        from .api import Extractor

        return Extractor
    raise AttributeError(name)
