"""One identity per person and organisation across a corpus.

Within an article, kzfacts already folds "Tokayev", "President Tokayev" and "Kassym-Jomart
Tokayev" into one entity. Across articles the same name is written many ways, and this module
decides which entities of different articles are one:

- names equal once case, accents, punctuation and a leading "the" are set aside ("Republican
  party" and "Republican Party"), and romanisations that differ only in a "y" between vowels
  ("Tokayev" / "Tokaev", "Mirziyoyev" / "Mirziyoev");
- for people, a one-word name (a surname) joins the one full name of the corpus it ends; when two
  full names share it ("John Smith", "Jane Smith"), it joins neither;
- for organisations, an acronym joins the long form an article links it to (its `acronym`, or an
  acronym among its aliases), when it is linked to one long form only.

Pure functions over (type, name, aliases, acronym) items; the summary and the database use it.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}\+?$")
_VOWELS = "aeiou"


def spelling_key(name: str) -> str:
    """The form two spellings of one name share: lower case, no accents or punctuation, no
    leading "the", and no "y" between two vowels (Tokayev = Tokaev)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[’'`]s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(re.sub(f"(?<=[{_VOWELS}])y(?=[{_VOWELS}])", "", w) for w in words)


@dataclass
class Item:
    """One entity of one article: its type (people or organisations), name, other names."""

    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    acronym: str | None = None


class _Sets:
    """Union-find over keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = key
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression, iteratively
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def identities(items: Iterable[Item], known: dict[str, str] | None = None) -> list[int]:
    """For each item, in order, its identity number (equal numbers: one real-world entity).

    `known` maps acronyms to long forms the gazetteer knows ("EU" -> "European Union"), for
    acronyms no article of the corpus spells out.
    """
    items = list(items)
    sets = _Sets()
    keys = [f"{it.kind}:{spelling_key(it.name)}" for it in items]
    for key in keys:
        sets.find(key)
    _join_people(items, keys, sets)
    _join_acronyms(items, keys, sets, known or {})
    numbers: dict[str, int] = {}
    return [numbers.setdefault(sets.find(k), len(numbers)) for k in keys]


def _join_people(items: list[Item], keys: list[str], sets: _Sets) -> None:
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for it, key in zip(items, keys, strict=True):
        words = spelling_key(it.name).split()
        if it.kind == "people" and len(words) > 1:
            full_by_surname[words[-1]].add(key)
    for it, key in zip(items, keys, strict=True):
        words = spelling_key(it.name).split()
        if it.kind != "people" or len(words) != 1:
            continue
        fuller = full_by_surname.get(words[0], set())
        if len(fuller) == 1:  # two full names with this surname: the surname alone is neither
            sets.join(next(iter(fuller)), key)


def _join_acronyms(items: list[Item], keys: list[str], sets: _Sets, known: dict[str, str]) -> None:
    long_forms: dict[str, set[str]] = defaultdict(set)
    present = set(keys)
    for short, full in known.items():
        if f"organisations:{spelling_key(full)}" in present:
            long_forms[spelling_key(short)].add(f"organisations:{spelling_key(full)}")
    for it, key in zip(items, keys, strict=True):
        if it.kind != "organisations" or ACRONYM.match(it.name):
            continue
        for short in {it.acronym, *it.aliases}:
            if short and ACRONYM.match(short):
                long_forms[spelling_key(short)].add(key)
    for it, key in zip(items, keys, strict=True):
        if it.kind == "organisations" and ACRONYM.match(it.name):
            linked = long_forms.get(spelling_key(it.name), set())
            if len(linked) == 1:
                sets.join(next(iter(linked)), key)


def display_name(names: Iterable[str]) -> str:
    """The name an identity is shown by: its most frequent fullest form (most words, then most seen)."""
    counts = Counter(names)
    return max(counts, key=lambda n: (not ACRONYM.match(n), len(n.split()), counts[n],
                                      sum(w[:1].isupper() for w in n.split()), n))
