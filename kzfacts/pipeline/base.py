"""What every kzfacts component shares with spaCy's own: state that survives `nlp.to_disk`,
a clear error, not a TypeError, when it runs without the components it builds on, and failing
soft: an exception inside one component on one text costs that component's facts, not the text's."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from .. import errors, resources
from .support.tokens import sharing_tokens


class KzComponent:
    """Base of kzfacts' pipeline components.

    `resources` are the files of `models/` the component reads; `to_disk` writes them beside the
    pipeline and `from_disk` installs them, so a saved pipeline needs no packaged lists.
    `needs` are the kzfacts components that must run first; `needs_parse` says the model's
    parser must have run. A subclass's `find` returns what goes on `doc._.<extension>`; when it
    raises, the component writes `fallback` there instead and records a warning (`add_warning`),
    so the components after it still run; a `strict` component lets the exception through, for a
    traceback (`kzfacts extract --debug`, `load_extractor(strict=True)`).
    """

    name: str
    extension: str  # the Doc extension the component writes: doc._.kz_dates
    resources: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    needs_parse: bool = True
    strict: bool = False  # let an exception in `find` through instead of failing soft

    def __call__(self, doc: Doc) -> Doc:
        self.check(doc)  # a pipeline built wrong is the user's to fix: it raises, never a warning
        try:
            with sharing_tokens(doc):
                found = self.find(doc)
        except Exception as exc:  # TextTimeout is a BaseException and still stops the text
            if self.strict:
                raise
            found = self.fallback(doc)
            add_warning(doc, "component_error", f"{self.name}: {type(exc).__name__}: {one_line(exc)}")
        setattr(doc._, self.extension, found)
        return doc

    def find(self, doc: Doc) -> Any:
        """This component's facts on `doc`."""
        raise NotImplementedError

    def fallback(self, doc: Doc) -> Any:
        """What `doc._.<extension>` holds when `find` failed: no facts."""
        return []

    def check(self, doc: Doc) -> None:
        """Raise KzError E005 when a component this one builds on has not run on `doc`."""
        for need in self.needs:
            if getattr(doc._, need) is None:
                raise errors.out_of_order(self.name, need)
        if self.needs_parse and len(doc) and not doc.has_annotation("DEP"):
            raise errors.out_of_order(self.name, "parser")

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        """Nothing to learn: the rules' data is read from `models/` on first use."""

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in self.resources:
            (path / name).write_text(resources.read_text(name), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> KzComponent:
        path = Path(path)
        resources.install({name: (path / name).read_text(encoding="utf-8")
                           for name in self.resources if (path / name).is_file()})
        return self


WARNING_CHARS = 300


def one_line(exc: BaseException) -> str:
    """An exception's message on one line, at most WARNING_CHARS long."""
    text = re.sub(r"\s+", " ", str(exc)).strip() or "(no message)"
    text = re.sub("[\ud800-\udfff]", "\ufffd", text)  # UTF-8 cannot carry a lone surrogate
    return text if len(text) <= WARNING_CHARS else text[:WARNING_CHARS - 3] + "..."


def add_warning(doc: Doc, kind: str, message: str) -> None:
    """Record a warning on `doc._.kz_warnings`; the record carries it as `warnings`."""
    doc._.kz_warnings = [*(doc._.kz_warnings or []), {"type": kind, "message": message}]
