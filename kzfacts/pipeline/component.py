"""What every kzfacts component shares with spaCy's own: state that survives `nlp.to_disk`,
and a clear error, not a TypeError, when it runs without the components it builds on."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from .. import errors, resources


class KzComponent:
    """Base of kzfacts' pipeline components.

    `resources` are the files of `models/` the component reads; `to_disk` writes them beside the
    pipeline and `from_disk` installs them, so a saved pipeline needs no packaged lists.
    `needs` are the kzfacts components that must run first; `needs_parse` says the model's
    parser must have run.
    """

    name: str
    resources: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    needs_parse: bool = True

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
