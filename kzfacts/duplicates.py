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


def from_digest(seed: int, values: bytes):
    """A signature back from `digest_bytes` (the database keeps them so a resumed run finds its originals)."""
    import numpy as np
    from datasketch import LeanMinHash

    return LeanMinHash(seed=seed, hashvalues=np.frombuffer(values, dtype=np.uint32), scheme="affine32")


def digest_bytes(sig) -> bytes:
    return sig.hashvalues.astype("uint32").tobytes()


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
