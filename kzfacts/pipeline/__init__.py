"""kzfacts' spaCy components; `load_pipeline` builds the full pipeline."""
from __future__ import annotations

from .loading import load_pipeline, register_extensions

__all__ = ["load_pipeline", "register_extensions"]
