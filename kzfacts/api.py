"""The Python API: load the pipeline once, extract many texts."""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any

from . import errors
from .pipeline.support.text import doc_text, keep_text
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


def _set_reference(doc, reference_date: str | None, source: str) -> None:
    """The Doc's reference date, checked, and where it came from (`kzfacts.reference`)."""
    doc._.kz_reference_date = check_reference_date(reference_date)
    doc._.kz_reference_source = source if reference_date else None


def model_text(text: str) -> str:
    """The text as the model reads it: lone surrogates become U+FFFD (`inputs.clean_text`)."""
    from .inputs import clean_text

    return clean_text(text)


def restore_texts(record: dict[str, Any], text: str) -> dict[str, Any]:
    """Every fact's and mention's `text` sliced again from the input `text` (which model_text may
    have changed), so `text[start:end] == fact["text"]` holds for the input itself."""
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str) and isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
                node["text"] = text[node["start"]:node["end"]]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(record["articles"])
    return record


CHUNK_CHARS = 100_000  # texts longer than this are parsed in pieces: bounded memory, no E088
# pieces hold at most about this many tokens: 100,000 characters of prose are about 25,000, of bare
# punctuation (a text of quote marks) 75,000, which the parser holds at once (over 1 GB)
CHUNK_TOKENS = 40_000
_PUNCT = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb(),.;:!?-"


def token_estimate(text: str) -> int:
    """About how many tokens spaCy makes of a text: its words and its punctuation marks."""
    return len(text.split()) + sum(map(text.count, _PUNCT))


def needs_pieces(text: str) -> bool:
    """A text parsed in pieces: longer than CHUNK_CHARS, or denser in tokens than CHUNK_TOKENS."""
    return len(text) > CHUNK_CHARS or len(text) > CHUNK_TOKENS and token_estimate(text) > CHUNK_TOKENS


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most `size` characters that join back to `text`, cut at a line end when
    there is one, else after a sentence, else at white space."""
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n") + 1
        if cut < size // 4:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! ")) + 2
        if cut < size // 4:
            cut = max(window.rfind(" "), window.rfind("\t")) + 1
        if cut < size // 4:
            cut = size
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return [small for piece in pieces for small in _token_sized(piece, size)]


def _token_sized(piece: str, size: int) -> list[str]:
    """A piece as it is, or, when it holds more than CHUNK_TOKENS tokens, cut into smaller ones."""
    if size <= 5_000 or len(piece) <= CHUNK_TOKENS or token_estimate(piece) <= CHUNK_TOKENS:
        return [piece]
    return split_chunks(piece, size // 2)


def _drop_tensor(doc):
    """The Doc without its tok2vec output: once parsed, nothing reads it, and on a long text it
    is most of the memory (96 floats a token, in every piece and again in the joined Doc)."""
    doc.tensor = doc.tensor.ravel()[:0].copy()  # empty, and (a copy, not a view) holding no buffer
    return doc


class Extractor:
    """A loaded kzfacts pipeline. `extract` one text or `extract_many` with batching."""

    def __init__(self, model: str | None = None, *, patterns: str | None = None,
                 facts: tuple[str, ...] | None = None) -> None:
        from .pipeline import load_pipeline

        self.nlp = load_pipeline(model, patterns=patterns)
        self.nlp.max_length = max(self.nlp.max_length, CHUNK_CHARS + 1)
        for name in unneeded_components(self.nlp, facts):
            self.nlp.disable_pipe(name)  # `facts`: only these fact types' components, and what they build on

    def set_strict(self, strict: bool) -> None:
        """Whether an exception inside a kzfacts component propagates (a traceback) instead of
        becoming a warning on the record: set on this pipeline's own components."""
        from .pipeline.base import KzComponent

        for _, pipe in self.nlp.pipeline:
            if isinstance(pipe, KzComponent):
                pipe.strict = strict

    def make_doc(self, text: str, reference_date: str | None = None, reference_source: str = "input"):
        clean = model_text(text)
        doc = self.nlp.make_doc(clean)
        keep_text(doc, clean)  # every component reads doc.text: the string it was made from, not joined again
        _set_reference(doc, reference_date, reference_source)
        return doc

    def process(self, text: str, reference_date: str | None = None, reference_source: str = "input"):
        """The processed Doc of one text of any length."""
        if not needs_pieces(text):
            return self.nlp(self.make_doc(text, reference_date, reference_source))
        return self._process_chunked(text, reference_date, reference_source)

    def _process_chunked(self, text: str, reference_date: str | None, reference_source: str = "input"):
        from spacy.tokens import Doc

        from .registry import components

        analysis = [name for name in components()[1:] if name in self.nlp.pipe_names]  # the enabled ones
        with self.nlp.select_pipes(disable=analysis):
            parts = [_drop_tensor(part) for part in self.nlp.pipe(split_chunks(model_text(text)), batch_size=1)]
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W101\]")  # kz_articles is recomputed below
            doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
        del parts  # the joined Doc holds it all: the pieces need not live through the analysis
        _set_reference(doc, reference_date, reference_source)
        # the articles of the whole text, then the analysis over the joined, parsed Doc
        doc = self.nlp.get_pipe("kz_articles")(doc)
        for name in analysis:
            doc = self.nlp.get_pipe(name)(doc)
        return doc

    def extract(self, text: str, *, reference_date: str | None = None, source: str = "-",
                reference_source: str = "input") -> dict[str, Any]:
        """The contract's record for one text. `reference_date` (YYYY-MM-DD) resolves its relative
        dates and is its articles' `published` where the text gives none; `reference_source` says
        where it came from (`published_source`: input, option or page)."""
        return self._record(self.process(text, reference_date, reference_source), source, text)

    @staticmethod
    def _record(doc, source: str, text: str) -> dict[str, Any]:
        record = doc_to_record(doc, source)
        return record if doc_text(doc) == text else restore_texts(record, text)

    def extract_many(self, items: Iterable[tuple[str, str] | tuple[str, str, str | None]], *,
                     batch_size: int = 16) -> Iterator[dict[str, Any]]:
        """Records for (source, text) pairs or (source, text, reference date) triples, in input order.

        Short texts are parsed in batches with `nlp.pipe`; a long one waits for the batch
        before it to finish and is then parsed in chunks.
        """
        batch: list[tuple[str, str, str | None]] = []
        for given in items:
            item = _triple(given)
            if not needs_pieces(item[1]):
                batch.append(item)
                if len(batch) >= batch_size:
                    yield from self._pipe(batch, batch_size)
                    batch = []
                continue
            yield from self._pipe(batch, batch_size)
            batch = []
            yield self._record(self._process_chunked(item[1], item[2]), item[0], item[1])
        yield from self._pipe(batch, batch_size)

    def _pipe(self, batch: list[tuple[str, str, str | None]], batch_size: int) -> Iterator[dict[str, Any]]:
        pairs = ((self.make_doc(text, ref), (source, text)) for source, text, ref in batch)
        for doc, (source, text) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._record(doc, source, text)


def _triple(item: tuple) -> tuple[str, str, str | None]:
    if len(item) == 2:
        return item[0], item[1], None
    if len(item) == 3:
        return item[0], item[1], item[2]
    raise ValueError(f"extract_many takes (source, text) or (source, text, reference_date), not {len(item)} values")


def load_extractor(model: str | None = None, patterns: str | None = None, *, strict: bool = False,
                   facts: tuple[str, ...] | None = None) -> Extractor:
    """A cached Extractor per (model, patterns, strict, facts), however the arguments are passed.
    With `strict`, an exception inside a kzfacts component propagates instead of becoming a
    warning; with `facts` (fact types: "quotes", "people" ...), only the components those need run,
    and the other fact lists are empty."""
    return _cached_extractor(model, patterns, strict, tuple(sorted(facts)) if facts else None)


@lru_cache(maxsize=4)
def _cached_extractor(model: str | None, patterns: str | None, strict: bool,
                      facts: tuple[str, ...] | None) -> Extractor:
    extractor = Extractor(model, patterns=patterns, facts=facts)
    extractor.set_strict(strict)
    return extractor


def unneeded_components(nlp, facts: tuple[str, ...] | None) -> list[str]:
    """kzfacts' components that no fact type of `facts` needs (none when `facts` is None): each
    type's own component and, through their `needs`, the components it builds on are kept."""
    from .registry import FACT_TYPES, components

    if not facts:
        return []
    wanted = [f.component for f in FACT_TYPES if f.key in facts]
    kept: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name not in kept:
            kept.add(name)
            wanted.extend(getattr(nlp.get_pipe(name), "needs", ()))
    return [name for name in components() if name not in kept and name in nlp.pipe_names]
