"""Near-duplicate articles across a run: the same wire story on several sites, a republished press
release, a page quoting a story in full.

An article is the set of its word 5-grams (shingles) of normalised text (case folded, punctuation
dropped), summarised by a MinHash signature (datasketch); an LSH index over the signatures of the
originals seen so far names the candidates an article may repeat, and the estimated Jaccard
similarity of the two signatures decides. Cost grows with the corpus, not its square: each article
is one signature and one index query, and the index keeps signatures, never texts. datasketch makes
the signatures; the banding is ours (`DuplicateIndex`), a third of the memory of datasketch's.

The first article in input order is the original; a later one whose shingles overlap an original's
by `THRESHOLD` (Jaccard) or more, and that repeats its figures and dates (`numbers_agree`: two
stories under one long footer, or two releases from one template, share words, not numbers), is its
copy and names it. Copies are not indexed: `duplicate_of`
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
# LSH banding: an original is a candidate when all ROWS values of one of BANDS bands are equal,
# which a pair at Jaccard 0.5 passes with probability 1 - (1 - 0.5**3)**21 = 0.94 and at 0.6 with
# 0.994, and a pair at 0.05 with 0.003; the signatures then decide (bench/duplicates.py)
BANDS, ROWS = 21, 3
MIN_WORDS = 30  # shorter articles (a caption, a one-line brief, boilerplate) are neither copies nor originals
# A copy also repeats its original's figures and dates: of the numbers of the one with fewer, at
# least NUMBER_SHARE are in the other, when both have MIN_NUMBERS or more. Two stories sharing a
# long footer, or two releases from one template (another month, another rate), overlap in words
# but not in numbers; bench/duplicates.py: planted copies keep 0.75 or more, such pairs 0.67 and 0.5
NUMBER_SHARE, MIN_NUMBERS = 0.7, 3
NUMBERS_KEPT = 32  # the smallest hashes of an article's distinct numbers (a bottom-k sketch): 128 bytes

WORD = re.compile(r"\w+")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")  # a number standing alone: not the 380 of A380


def words(text: str) -> list[str]:
    """The text's words, case folded, punctuation dropped."""
    return WORD.findall(text.casefold())


def shingles(seq: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """The word `size`-grams of a text's `words`, as UTF-8 bytes (what the hash reads); all of
    them as one when there are fewer."""
    return {" ".join(seq[i:i + size]).encode("utf-8") for i in range(max(1, len(seq) - size + 1))} if seq else set()


def numbers(text: str):
    """The sketch of the text's distinct numbers (digits with their decimal and thousands marks, not
    inside a word): the `NUMBERS_KEPT` smallest CRC-32 values, sorted (a numpy uint32 array)."""
    import numpy as np

    found = sorted({zlib.crc32(n.encode("ascii", "replace")) for n in NUMBER.findall(text)})
    return np.array(found[:NUMBERS_KEPT], dtype=np.uint32)


def numbers_agree(a, b) -> bool:
    """Whether two articles' `numbers` sketches allow one to be a copy of the other: either has under
    `MIN_NUMBERS`, or the one with fewer has `NUMBER_SHARE` of its numbers in the other. A sketch
    holds a sample when an article has more than `NUMBERS_KEPT`: the share is then read below the
    smaller of the two largest values kept, where both samples are whole."""
    import numpy as np

    if a is None or b is None or min(len(a), len(b)) < MIN_NUMBERS:
        return True
    if NUMBERS_KEPT in (len(a), len(b)):
        top = min(a[-1], b[-1])
        a, b = a[a <= top], b[b <= top]
    fewer = min(len(a), len(b))
    return fewer == 0 or len(np.intersect1d(a, b, assume_unique=True)) / fewer >= NUMBER_SHARE


@lru_cache(maxsize=1)
def _template():
    """A MinHash whose permutations every signature shares (making them per article costs more than the hashing)."""
    from datasketch import MinHash

    # CRC-32 in C, 8 times faster than the default SHA-1 in Python: MinHash needs distinct 32-bit
    # values, not a cryptographic hash, and the affine32 scheme mixes them (MurmurHash3's finaliser)
    return MinHash(num_perm=NUM_PERM, scheme="affine32", hashfunc=zlib.crc32)


def signature(text: str):
    """The MinHash signature (NUM_PERM uint32, a numpy array) of the text's shingles, or None for a
    text under `MIN_WORDS` words, which is never compared."""
    from datasketch import MinHash

    seq = words(text)
    if len(seq) < MIN_WORDS:
        return None
    template = _template()
    sig = MinHash(permutations=template.permutations, scheme=template.scheme, hashfunc=zlib.crc32)
    sig.update_batch(shingles(seq))
    return sig.hashvalues


def from_digest(values: bytes):
    """A signature (or a `numbers` sketch) back from `digest_bytes` (the database keeps them so a later
    run finds its originals)."""
    import numpy as np

    return np.frombuffer(values, dtype="<u4").astype(np.uint32)


def digest_bytes(sig) -> bytes:
    """A signature (or a `numbers` sketch) as bytes: little-endian uint32."""
    return sig.astype("<u4").tobytes()


def similarity(a, b) -> float:
    """The estimated Jaccard similarity of two signatures' shingle sets: the share of equal values."""
    return float((a == b).mean())


def same_story(minhash: bytes, figures: bytes | None, other: bytes, other_figures: bytes | None) -> bool:
    """Whether two stored signatures (`digest_bytes`: MinHash, `numbers` sketch or None) are one story."""
    return similarity(from_digest(minhash), from_digest(other)) >= THRESHOLD and numbers_agree(
        *(from_digest(f) if f is not None else None for f in (figures, other_figures)))


@dataclass
class DuplicateIndex:
    """The originals seen so far, by LSH banding of their signatures; `check` each article in input order.

    Keys are whatever names an article to the caller (hashable); `forget` drops originals, say
    those a database holds of an input about to be written again. Each original costs its
    signature and one dict entry per band (about 3 KB, measured): datasketch's `MinHashLSH` keeps a
    Python set per bucket and took 11 KB each, 1.1 GB for 100,000 articles.
    """

    threshold: float = THRESHOLD
    bands: int = BANDS
    rows: int = ROWS

    def __post_init__(self) -> None:
        self.tables: list[dict[bytes, int | list[int]]] = [{} for _ in range(self.bands)]
        self.keys: list[Hashable | None] = []  # by id, in the order indexed (None: forgotten)
        self.stored: list[bytes | None] = []  # each id's signature
        self.figures: list[bytes | None] = []  # each id's `numbers` sketch (None: not known, an older database's)
        self.ids: dict[Hashable, int] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def _buckets(self, sig) -> list[tuple[dict[bytes, int | list[int]], bytes]]:
        size = self.rows
        return [(table, sig[band * size:(band + 1) * size].tobytes()) for band, table in enumerate(self.tables)]

    def candidates(self, sig) -> set[int]:
        """The ids of the originals that share a band with `sig`."""
        found: set[int] = set()
        for table, bucket in self._buckets(sig):
            held = table.get(bucket)
            if isinstance(held, int):
                found.add(held)
            elif held is not None:
                found.update(held)
        return found

    def original_of(self, sig, nums=None) -> Hashable | None:
        """The key of the indexed original most like `sig`, if it is like enough and its numbers agree
        with `nums` (`numbers_agree`); a tie: the earliest indexed."""
        import numpy as np

        scored = [(similarity(sig, np.frombuffer(self.stored[i], dtype=np.uint32)), -i) for i in self.candidates(sig)]
        alike = sorted((s for s in scored if s[0] >= self.threshold), reverse=True)
        return next((self.keys[-i] for _, i in alike if numbers_agree(nums, self._figures(-i))), None)

    def _figures(self, number: int):
        held = self.figures[number]
        return None if held is None else from_digest(held)

    def add(self, key: Hashable, sig, nums=None) -> None:
        """Index `sig` (and its article's `numbers`, where known) as an original under `key`."""
        number = self.ids[key] = len(self.keys)
        self.keys.append(key)
        self.stored.append(sig.astype("uint32").tobytes())
        self.figures.append(None if nums is None else digest_bytes(nums))
        for table, bucket in self._buckets(sig):
            held = table.setdefault(bucket, number)
            if isinstance(held, list):
                held.append(number)
            elif held != number:  # a second original in the bucket: a list from now on (most never get one)
                table[bucket] = [held, number]

    def check(self, key: Hashable, sig, nums=None) -> Hashable | None:
        """The original `sig` (with the article's `numbers`) repeats, or None, in which case it is
        indexed as an original under `key`."""
        if sig is None:
            return None
        found = self.original_of(sig, nums)
        if found is None:
            self.add(key, sig, nums)
        return found

    def forget(self, keys: Iterable[Hashable]) -> None:
        import numpy as np

        for key in keys:
            number = self.ids.pop(key, None)
            if number is None:
                continue
            for table, bucket in self._buckets(np.frombuffer(self.stored[number], dtype=np.uint32)):
                held = table[bucket]
                if isinstance(held, list):
                    held.remove(number)
                    if len(held) == 1:
                        table[bucket] = held[0]
                else:
                    del table[bucket]
            self.keys[number] = self.stored[number] = self.figures[number] = None


def article_ref(record: dict[str, Any], index: int, key: str | None = None) -> tuple[tuple[str, Any], ...]:
    """How `duplicate_of` names an article: its record's `source`, its input's `key` (the database's
    `origin`: a resolved path, a URL, FILE#LINE, a hash of standard input; else the record's own
    `origin`, where it has one) and its index; a tuple of items, so it keys the index."""
    origin = key or record.get("origin")
    return (("source", record["source"]), *((("origin", origin),) if origin else ()), ("article", index))


@dataclass
class Deduplicator:
    """Marks the articles of each record, in input order, with the original each repeats.

    An input written again is no copy of itself: with `rewrites` (a database, which keeps one record
    per input key) the originals remembered under its key, the database's or this run's (the same
    file named twice), are forgotten before its record is marked. Without, the same file named
    twice is two records, the second a copy. With `wait`, the first
    article is kept as text until a second one comes: a run of one article never imports datasketch
    (scipy with it: half a second).
    """

    wait: bool = False
    rewrites: bool = False
    index: DuplicateIndex | None = None
    by_input: dict[str, list[Hashable]] = field(default_factory=dict)  # the originals a rewrite replaces, by input key
    waiting: tuple[str, Hashable, str] | None = None  # (input key, ref, text) of the one article seen

    def _index(self) -> DuplicateIndex:
        if self.index is None:
            self.index = DuplicateIndex()
            if self.waiting is not None:
                _, ref, text = self.waiting
                self.waiting = None
                self.index.add(ref, signature(text), numbers(text))
        return self.index

    def remember(self, key: str, ref: Hashable, sig, nums=None) -> None:
        """An original seen before (a database's), under its input's `key`; `nums`: its `numbers`
        sketch, None where not known (a database of an earlier kzfacts)."""
        self._index().add(ref, sig, nums)
        self.by_input.setdefault(key, []).append(ref)

    def mark(self, record: dict[str, Any], text: str | None, key: str) -> dict[int, dict[str, bytes]]:
        """Set each article's `duplicate_of` (the original's ref as a dict, or None); the new
        originals' signatures by article index, as the database keeps them (`minhash`: `digest_bytes`;
        `numbers`: the sketch's bytes). `text` is what the record's offsets index (a web page's
        record carries its own)."""
        if self.index is not None:
            self.index.forget(self.by_input.pop(key, ()))
        base = record.get("text") or text or ""
        originals: dict[int, dict[str, bytes]] = {}
        for art in record["articles"]:
            ref, body = article_ref(record, art["index"], key), base[art["start"]:art["end"]]
            art["duplicate_of"] = None
            if self.wait and self.index is None and self.waiting is None:
                if len(words(body)) >= MIN_WORDS:
                    self.waiting = (key, ref, body)
                continue
            sig = signature(body)
            nums = numbers(body) if sig is not None else None  # a text too short to compare: no numbers either
            found = self._index().check(ref, sig, nums)
            if found is not None:
                art["duplicate_of"] = dict(found)
            elif sig is not None:
                originals[art["index"]] = {"minhash": digest_bytes(sig), "numbers": digest_bytes(nums)}
                if self.rewrites:
                    self.by_input.setdefault(key, []).append(ref)
        return originals
