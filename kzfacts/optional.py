"""Imports that a feature needs, failing with one line that names the package to install."""
from __future__ import annotations

import importlib
from types import ModuleType

from . import errors


def need(module: str, *, package: str, feature: str) -> ModuleType:
    """The imported `module`; raises KzError E007 naming the package to install when it cannot be imported."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise errors.missing_dependency(feature, package, exc) from None
