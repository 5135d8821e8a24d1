"""The Doc extensions kzfacts' components write: one per component (`doc._.kz_dates` ...), from the registry."""
from __future__ import annotations

from spacy.tokens import Doc

from ..registry import components


def register_extensions() -> None:
    """Register `doc._.<component>` for every kzfacts component, and `doc._.kz_reference_date` (idempotent)."""
    for name in (*components(), "kz_reference_date"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
