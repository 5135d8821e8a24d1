"""kzfacts' spaCy components; `load_pipeline` builds the full pipeline.

Nothing is imported here on purpose: `kzfacts.pipeline.facts` (the fact dataclasses) is read by the
registry, the schema and the writers, which must not pull in spaCy or the components.
"""
from __future__ import annotations

from typing import Any

__all__ = ["load_pipeline", "register_extensions"]


def __getattr__(name: str) -> Any:
    if name == "load_pipeline":
        from .loading import load_pipeline

        return load_pipeline
    if name == "register_extensions":
        from .extensions import register_extensions

        return register_extensions
    raise AttributeError(name)
