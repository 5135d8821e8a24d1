"""Loading the rule resources shipped in `models/` (installed as `kzfacts.models`)."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


@cache
def _models_dir():
    # installed, `models/` is the package `kzfacts.models`; run from a source checkout, it sits beside kzfacts/
    try:
        return resources.files("kzfacts.models")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "models"


_installed: dict[str, str] = {}  # lists a pipeline loaded from disk brought with it
_CACHED: list = []


def cached(fn):
    """`functools.cache` for anything read or derived from resources: cleared when a pipeline installs its own."""
    wrapped = cache(fn)
    _CACHED.append(wrapped)
    return wrapped


def install(texts: dict[str, str]) -> None:
    """Use these texts for these resource names instead of the packaged files (`from_disk`)."""
    if not texts:
        return
    _installed.update(texts)
    for fn in _CACHED:
        fn.cache_clear()


def read_text(name: str) -> str:
    """Text of a resource: one a loaded pipeline installed, else the file in `models/`;
    raises FileNotFoundError if it is missing."""
    if name in _installed:
        return _installed[name]
    return _models_dir().joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    out = []
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@cached
def word_list(name: str) -> frozenset[str]:
    """The set of entries of a one-per-line list (comments and blanks skipped)."""
    return frozenset(_lines(name))


@cached
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


@cached
def jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Records of a JSON Lines resource."""
    return tuple(json.loads(line) for line in _lines(name))


@cached
def json_file(name: str) -> dict[str, Any]:
    return json.loads(read_text(name))


@cached
def titles() -> frozenset[str]:
    """Lower-cased titles and roles, single- and multi-word."""
    return frozenset(t.lower() for t in _lines("titles.txt"))


# words of multi-word titles that also name bodies or join phrases: not title words on their own
_NOT_TITLE_WORDS = frozenset({"of", "the", "and", "at", "in", "for", "european", "parliament", "state", "large",
                              "general", "member", "first", "second", "in-chief", "justice"})


@cached
def title_words() -> frozenset[str]:
    """Words that make up titles, lower-cased ("foreign", "minister" ...), without function words."""
    words = {w for t in titles() for w in t.split() if w not in _NOT_TITLE_WORDS}
    return frozenset(words | {t for t in titles() if " " not in t})


@cached
def demonyms() -> frozenset[str]:
    return frozenset(d.lower() for d in _lines("demonyms.txt"))


@cached
def org_keywords() -> frozenset[str]:
    return word_list("org_keywords.txt")


@cached
def reporting_verbs() -> frozenset[str]:
    return frozenset(v.lower() for v in _lines("reporting_verbs.txt"))


@cached
def furniture() -> frozenset[str]:
    return frozenset(f.casefold() for f in _lines("furniture.txt"))


@cached
def currencies() -> dict[str, str]:
    """Currency form -> ISO 4217 code; word forms are lower-cased, symbols kept as is."""
    return {form if not form.isalpha() or form.isupper() else form.lower(): code
            for form, code, *_ in table("currencies.tsv")}


@cached
def currency_shares() -> dict[str, float]:
    """Subunit form -> its share of the main unit ("pence" -> 0.01)."""
    return {form.lower(): float(row[0]) for form, _, *row in table("currencies.tsv") if row}


@cached
def numbers() -> dict[str, tuple[float, str]]:
    """Number word -> (value, type)."""
    return {word: (float(value), kind) for word, value, kind in table("numbers.tsv")}


@cached
def organisation_ids() -> dict[str, str]:
    """Known organisation form -> canonical name (the `id` of its EntityRuler pattern)."""
    return {p["pattern"]: p["id"] for p in jsonl("organisations.jsonl") if isinstance(p["pattern"], str)}




@cached
def qualifiers() -> dict[str, str]:
    """Qualifier before a figure -> what it makes it: "approximate" ("nearly") or "bound" ("at least")."""
    return {q: kind for q, kind in table("qualifiers.txt")}


@cached
def time_units() -> dict[str, str]:
    """Time-unit word -> the unit it counts ("weeks" -> "week", "weekend" -> "week")."""
    return {word: unit for word, unit in table("time_units.tsv")}
