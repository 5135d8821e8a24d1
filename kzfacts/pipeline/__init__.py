"""kzfacts' spaCy components; `load_pipeline` builds the full pipeline."""
from __future__ import annotations

from .extensions import register_extensions
from .loading import load_pipeline

__all__ = ["load_pipeline", "register_extensions"]
