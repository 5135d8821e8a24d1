"""Near-duplicate articles across a run: the same wire story on several sites, a republished press
release, a page quoting a story in full.

An article is the set of its word 5-grams (shingles) of normalised text (case folded, punctuation
dropped), summarised by a MinHash signature (datasketch); an LSH index over the signatures of the
originals seen so far names the candidates an article may repeat, and the estimated Jaccard
similarity of the two signatures decides. Cost grows with the corpus, not its square: each article
is one signature and one index query, and the index keeps signatures, never texts.

The first article in input order is the original; a later one whose shingles overlap an original's
by `THRESHOLD` (Jaccard) or more is its copy and names it. Copies are not indexed: `duplicate_of`
always names an original, never another copy. `bench/duplicates.py` measured the threshold.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

SHINGLE_WORDS = 5
NUM_PERM = 128  # permutations per signature: 512 bytes each (uint32)
THRESHOLD = 0.5  # Jaccard of shingle sets from which an article is a copy (bench/duplicates.py)
# the LSH's own threshold sits below the decision's, so that an article near THRESHOLD is still a
# candidate despite the banding's misses; the signatures then decide
LSH_THRESHOLD = 0.4
MIN_WORDS = 30  # shorter articles (a caption, a one-line brief, boilerplate) are neither copies nor originals

WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The text's words, case folded, punctuation dropped."""
    return WORD.findall(text.casefold())


def shingles(seq: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """The word `size`-grams of a text's `words`, as UTF-8 bytes (what the hash reads); all of
    them as one when there are fewer."""
    return {" ".join(seq[i:i + size]).encode("utf-8") for i in range(max(1, len(seq) - size + 1))} if seq else set()


@lru_cache(maxsize=1)
def _template():
    """A MinHash whose permutations every signature shares (making them per article costs more than the hashing)."""
    from datasketch import MinHash

    # CRC-32 in C, 8 times faster than the default SHA-1 in Python: MinHash needs distinct 32-bit
    # values, not a cryptographic hash, and the affine32 scheme mixes them (MurmurHash3's finaliser)
    return MinHash(num_perm=NUM_PERM, scheme="affine32", hashfunc=zlib.crc32)


def signature(text: str):
    """The MinHash (a datasketch `LeanMinHash`) of the text's shingles, or None for a text under
    `MIN_WORDS` words, which is never compared."""
    from datasketch import LeanMinHash, MinHash

    seq = words(text)
    if len(seq) < MIN_WORDS:
        return None
    template = _template()
    sig = MinHash(permutations=template.permutations, scheme=template.scheme, hashfunc=zlib.crc32)
    sig.update_batch(shingles(seq))
    return LeanMinHash(sig)


def from_digest(values: bytes):
    """A signature back from `digest_bytes` (the database keeps them so a later run finds its originals)."""
    import numpy as np
    from datasketch import LeanMinHash

    template = _template()
    return LeanMinHash(seed=template.seed, hashvalues=np.frombuffer(values, dtype="<u4").astype(np.uint32), scheme=template.scheme)


def digest_bytes(sig) -> bytes:
    """A signature's hash values as bytes (NUM_PERM little-endian uint32)."""
    return sig.hashvalues.astype("<u4").tobytes()


def similarity(a, b) -> float:
    """The estimated Jaccard similarity of two signatures' shingle sets."""
    return float((a.hashvalues == b.hashvalues).mean())


@dataclass
class DuplicateIndex:
    """The originals seen so far; `check` each article in input order.

    Keys are whatever names an article to the caller (hashable); `forget` drops originals, say
    those of an input about to be written again.
    """

    threshold: float = THRESHOLD
    lsh_threshold: float = LSH_THRESHOLD
    signatures: dict[Hashable, Any] = field(default_factory=dict)
    order: dict[Hashable, int] = field(default_factory=dict)  # when each was indexed: the earliest wins a tie
    added: int = 0

    def __post_init__(self) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=min(self.lsh_threshold, self.threshold), num_perm=NUM_PERM)

    def original_of(self, sig) -> Hashable | None:
        """The key of the indexed original most like `sig`, if it is like enough (a tie: the earliest indexed)."""
        scored = [(similarity(sig, self.signatures[key]), -self.order[key], key) for key in self.lsh.query(sig)]
        best = max(scored, default=None, key=lambda s: s[:2])
        return best[2] if best is not None and best[0] >= self.threshold else None

    def add(self, key: Hashable, sig) -> None:
        """Index `sig` as an original under `key`."""
        self.order[key] = self.added
        self.added += 1
        self.signatures[key] = sig
        self.lsh.insert(key, sig, check_duplication=False)

    def check(self, key: Hashable, sig) -> Hashable | None:
        """The original `sig` repeats, or None, in which case it is indexed as an original under `key`."""
        if sig is None:
            return None
        found = self.original_of(sig)
        if found is None:
            self.add(key, sig)
        return found

    def forget(self, keys: Iterable[Hashable]) -> None:
        for key in keys:
            if key in self.signatures:
                self.lsh.remove(key)
                del self.signatures[key], self.order[key]


def article_ref(record: dict[str, Any], index: int) -> tuple[tuple[str, Any], ...]:
    """How `duplicate_of` names an article: its record's `source` (and `origin`, where the record has
    one) and its index; a tuple of items, so it keys the index."""
    origin = (("origin", record["origin"]),) if record.get("origin") else ()
    return (("source", record["source"]), *origin, ("article", index))


@dataclass
class Deduplicator:
    """Marks the articles of each record, in input order, with the original each repeats.

    An input written again (a re-run into the same database) is no copy of itself: the originals
    remembered from the database under its key are forgotten before its record is marked (one run
    gives each input once; the same file named twice is a copy). With `wait`, the first
    article is kept as text until a second one comes: a run of one article never imports datasketch
    (scipy with it: half a second).
    """

    wait: bool = False
    index: DuplicateIndex | None = None
    by_input: dict[str, list[Hashable]] = field(default_factory=dict)  # the database's originals, by input key
    waiting: tuple[str, Hashable, str] | None = None  # (input key, ref, text) of the one article seen

    def _index(self) -> DuplicateIndex:
        if self.index is None:
            self.index = DuplicateIndex()
            if self.waiting is not None:
                key, ref, text = self.waiting
                self.waiting = None
                self.remember(key, ref, signature(text))
        return self.index

    def remember(self, key: str, ref: Hashable, sig) -> None:
        """An original seen before (a database's), under its input's `key`."""
        self._index().add(ref, sig)
        self.by_input.setdefault(key, []).append(ref)

    def mark(self, record: dict[str, Any], text: str | None, key: str) -> dict[int, bytes]:
        """Set each article's `duplicate_of` (the original's ref as a dict, or None); the new
        originals' signatures (`digest_bytes`) by article index. `text` is what the record's offsets index (a web
        page's record carries its own)."""
        if self.index is not None:
            self.index.forget(self.by_input.pop(key, ()))
        base = record.get("text") or text or ""
        originals: dict[int, bytes] = {}
        for art in record["articles"]:
            ref, body = article_ref(record, art["index"]), base[art["start"]:art["end"]]
            art["duplicate_of"] = None
            if self.wait and self.index is None and self.waiting is None:
                if len(words(body)) >= MIN_WORDS:
                    self.waiting = (key, ref, body)
                continue
            sig = signature(body)
            found = self._index().check(ref, sig)
            if found is not None:
                art["duplicate_of"] = dict(found)
            elif sig is not None:
                originals[art["index"]] = digest_bytes(sig)
        return originals
