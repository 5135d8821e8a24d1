"""The Doc extensions kzfacts' components write: one per component (`doc._.kz_dates` ...), from the registry."""
from __future__ import annotations

from spacy.tokens import Doc

from ..registry import components


def register_extensions() -> None:
    """Register `doc._.<component>` for every kzfacts component, `doc._.kz_reference_date` with
    `doc._.kz_reference_source` (`kzfacts.reference`) and `doc._.kz_warnings` (what went wrong inside
    a component, see `base.add_warning`) (idempotent)."""
    for name in (*components(), "kz_reference_date", "kz_reference_source", "kz_warnings"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
