"""Loading the rule resources shipped in `models/` (installed as `kzfacts.models`)."""
from __future__ import annotations

import json
from functools import cache, lru_cache
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


def cached(fn=None, *, maxsize: int | None = None):
    """`functools.cache` for anything read or derived from resources: cleared when a pipeline
    installs its own. With `maxsize` (for functions of a text's words), an LRU cache that size."""
    def wrap(f):
        wrapped = lru_cache(maxsize=maxsize)(f)
        _CACHED.append(wrapped)
        return wrapped
    return wrap(fn) if fn is not None else wrap


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
def newsroom_words() -> frozenset[str]:
    return frozenset(f.casefold() for f in _lines("newsroom_words.txt"))


@cached
def taxonomy_labels() -> frozenset[str]:
    return frozenset(f.casefold() for f in _lines("taxonomy_labels.txt"))


@cached
def currency_codes() -> frozenset[str]:
    """Every ISO 4217 code CLDR knows, current and historic (Babel)."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@cached
def currencies() -> dict[str, str]:
    """Currency form -> ISO 4217 code: CLDR's English names, singular and plural, and symbols for
    every code (Babel), then `currency_additions.tsv`. Word forms lower-cased, symbols as they are."""
    from babel.numbers import get_currency_name, get_currency_symbol

    forms: dict[str, str] = {}
    for code in sorted(currency_codes()):
        for count in (None, 1, 2):
            forms.setdefault(get_currency_name(code, count=count, locale="en").lower(), code)
        symbol = get_currency_symbol(code, "en")
        if symbol != code:
            forms.setdefault(symbol, code)
    for form, code, *_ in table("currency_additions.tsv"):
        forms[form if not form.replace(" ", "").replace("-", "").isalpha() or form.isupper() else form.lower()] = code
    return forms


@cached
def currency_shares() -> dict[str, float]:
    """Form -> its share of the main unit: subunits ("pence" -> 0.01), "million" codes ("MUSD" -> 1e6)."""
    return {form.lower(): float(row[0]) for form, _, *row in table("currency_additions.tsv") if row}


@cached
def dollar_places() -> dict[str, str]:
    """Words that say which dollar a bare "$" is: "canadian" and "canada" -> CAD, "hong kong" -> HKD
    (CLDR: the adjective of each "... Dollar" and the territories that use it)."""
    from babel import Locale
    from babel.numbers import get_currency_name, get_territory_currencies

    dollars = {code: get_currency_name(code, locale="en") for code in currency_codes()}
    dollars = {code: name for code, name in dollars.items() if name.endswith(" Dollar")}
    out = {name[: -len(" Dollar")].lower(): code for code, name in dollars.items()}
    for territory, place in Locale("en").territories.items():
        if territory.isalpha():
            current = get_territory_currencies(territory, tender=True)
            if current and current[0] in dollars:
                out[place.lower()] = current[0]
    out.pop("us", None)
    return out


@cached
def country_names() -> frozenset[str]:
    """English names of the world's countries and territories (CLDR through Babel): "Uzbekistan",
    "South Korea"; groupings such as "European Union" and "United Nations" are left out."""
    from babel import Locale

    groupings = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
    return frozenset(name for code, name in Locale("en").territories.items()
                     if code.isalpha() and code not in groupings)


@cached
def region_names() -> frozenset[str]:
    """English names of continents and world regions (CLDR's numeric territories): "Central Asia"."""
    from babel import Locale

    return frozenset(name for code, name in Locale("en").territories.items() if code.isdigit())


@cached
def place_names() -> frozenset[str]:
    """Countries' and world regions' English names together (`country_names`, `region_names`)."""
    return country_names() | region_names()


@cached
def city_names() -> frozenset[str]:
    """English names of the cities CLDR names the world's time zones after (through Babel):
    "Dushanbe", "Almaty", "Ho Chi Minh City". Not the zones named after a station, an island, a
    county ("Knox, Indiana") or a word that is also an organisation word or a title ("Center")."""
    from babel.core import get_global
    from babel.dates import get_timezone_location

    not_cities = ("Station", "Island", "Islands", "Atoll", "Land", "Archipelago")
    words = org_keywords() | title_words()
    out = set()
    for zone in get_global("zone_territories"):
        if "/" not in zone or zone.startswith("Etc/"):
            continue
        city = get_timezone_location(zone, locale="en", return_city=True)
        if "," not in city and city.split()[-1] not in not_cities and city not in words and city.lower() not in words:
            out.add(city)
    return frozenset(out)


@cached
def city_countries() -> dict[str, str]:
    """The cities of `city_names` -> the English name of their country (CLDR, through Babel):
    "Bishkek" -> "Kyrgyzstan"."""
    from babel import Locale
    from babel.core import get_global
    from babel.dates import get_timezone_location

    territories = Locale("en").territories
    cities = city_names()
    out = {}
    for zone, code in get_global("zone_territories").items():
        if "/" in zone and not zone.startswith("Etc/") and code in territories:
            city = get_timezone_location(zone, locale="en", return_city=True)
            if city in cities:
                out[city] = territories[code]
    return out


@cached
def former_states() -> frozenset[str]:
    """Names of states that no longer exist (`former_states.txt`): "Soviet Union", "Yugoslavia"."""
    return word_list("former_states.txt")


@cached
def language_tags() -> frozenset[str]:
    """Three-letter ISO 639-2 codes of the languages that have a two-letter code ("rus", "eng",
    "kaz"), from CLDR's language aliases (Babel): the tag a page puts after a link in that language."""
    from babel import Locale
    from babel.core import get_global

    two = {code for code in Locale("en").languages if len(code) == 2}
    return frozenset(code for code, target in get_global("language_aliases").items()
                     if len(code) == 3 and code.isalpha() and target in two)


@cached
def dateline_dollars() -> dict[str, str]:
    """Dateline city -> the dollar of its country ("toronto" -> CAD), from `dateline_cities.tsv`."""
    return dict(table("dateline_cities.tsv"))


@cached
def narrow_symbols() -> dict[str, str]:
    """Currency symbols as each currency's own country writes them ("₸" -> KZT, "₴" -> UAH), from
    CLDR's locale of each territory's first official language. Read on first need (about a second)."""
    from babel import Locale
    from babel.core import UnknownLocaleError
    from babel.languages import get_official_languages
    from babel.numbers import get_territory_currencies

    found: dict[str, set[str]] = {}
    for territory in Locale("en").territories:
        if not territory.isalpha():
            continue
        current = get_territory_currencies(territory, tender=True)
        languages = get_official_languages(territory)
        if not current or not languages:
            continue
        try:
            symbol = Locale.parse(f"{languages[0]}_{territory}").currency_symbols.get(current[0])
        except (UnknownLocaleError, ValueError):
            continue
        if symbol and not symbol.isascii() and symbol.strip():
            found.setdefault(symbol.strip(), set()).add(current[0])
    return {symbol: codes.pop() for symbol, codes in found.items() if len(codes) == 1}


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
