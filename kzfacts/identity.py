"""One identity per person and organisation across a corpus.

Within an article, kzfacts already folds "Tokayev", "President Tokayev" and "Kassym-Jomart
Tokayev" into one entity. Across articles the same name is written many ways, and this module
decides which entities of different articles are one:

- names equal once case, accents, punctuation and a leading "the" are set aside ("Republican
  party" and "Republican Party"), and a person's honorifics and epithets before the name ("Elbasy
  Nursultan Nazarbayev", "H.E. Mr. Ulugbek Lapasov", "Pres. Emomali Rahmon");
- for people whose name is shaped like a romanised Cyrillic one (`cyrillic_shaped`: a word with
  zh, kh, a q not before u or a leading ye before a consonant, or a surname's ending of
  `surname_endings.txt` after three letters or more), transliterations of one name: every word
  equal once Cyrillic romanisation's alternations are folded (`transliteration_fold`: zh/j/dzh,
  kh/h, q/k, y/i, ye/e, -yev/-ev, doubled letters): "Kasym-Zhomart Tokaev", "Qasym-Jomart Toqayev"
  and "Kassym-Jomart Tokayev" are one; "Ian Smith" and "Yan Smith", "Brian" and "Bryan Williams"
  are not;
- for people, a slip of one letter (`is_slip`) in the surname (the last word) when it or the other
  spelling is Cyrillic-shaped and the other words of the two names agree ("Shavkat Mirziyoeyv";
  not "David Thomson" and "David Thompson", nor "Gulnara" and "Gulnora Karimova");
- never, in those two joins, two entities one article keeps apart (`Item.article`): "Talgat
  Nazarov" and "Talgat Nazirov" named side by side are two people everywhere;
- for people, a one-word name (a surname) joins the one full name of the corpus it ends; when two
  full names share it ("John Smith", "Jane Smith"), it joins neither;
- a body every country has (`state_bodies.txt`: a Central Election Commission, a Foreign
  Ministry, any Ministry) is the country's its name gives ("Kazakhstan's ...", "Kyrgyz ..."),
  else that of the country its article is about (`article_country`); with neither it is its
  article's alone. Its other names are one: the synonyms on its line of `state_bodies.txt`
  ("Foreign Ministry" = "Ministry of Foreign Affairs"), and "X Ministry" = "Ministry of X";
- for organisations, an acronym joins the long form an article links it to (its `acronym`, or an
  acronym among its aliases), when it is linked to one long form only;
- a person the model called an organisation in one article joins the person another article's
  text makes a person (with titles), or the same name when it is shaped like a person's
  ("Ulugbek Lapasov": a surname's ending, no body's word).

Organisations get no folds and no slips: "Lyft" and "Lift", "Apple" and "Aple" are two.

Pure functions over `Item`s (one entity of one article); the summary and the database use it.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from . import resources

ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}\+?$")
_VOWELS = "aeiou"
# romanisations of one Cyrillic letter, folded to one form; doubled letters last ("Kassym" = "Kasym")
_FOLDS = ((re.compile(r"dzh|dj|zh"), "j"), (re.compile(r"kh"), "h"), (re.compile(r"q"), "k"),
          (re.compile(r"^ye"), "e"), (re.compile(r"y"), "i"), (re.compile(r"(.)\1+"), r"\1"))
SLIP_LENGTH = 5  # a shorter word a letter apart is as likely another name ("Petr", "Pete")
# letters only a romanisation from Cyrillic writes: zh (dzh), kh, q not before u, a leading ye before a consonant
_CYRILLIC_LETTERS = re.compile(r"zh|kh|q(?!u)|^ye[^aeiou]")
# forms of address news writes before a name that no list holds: they come off even a surname alone
_ADDRESS = frozenset({"pres", "president", "his excellency", "her excellency", "excellency"})
# epithets: they come off only when two words of name remain ("Hon" is also a given name: "Hon Lai")
_EPITHETS = frozenset({"elbasy", "hon", "honourable", "honorable", "his majesty", "her majesty"})


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


@resources.cached(maxsize=65536)
def fold_word(word: str) -> str:
    for pattern, repl in _FOLDS:
        word = pattern.sub(repl, word)
    return word


@resources.cached(maxsize=65536)
def cyrillic_shaped(word: str) -> bool:
    """Whether a word (`spelling_key`'s) is shaped like a romanised Cyrillic name: zh, kh, a q not
    before u or a leading ye before a consonant, or a surname's ending (`surname_endings.txt`:
    -ov, -eva, -uly, -enko ...) after three letters or more ("Tokaev", "Zhomart"; not "Smith", "Bryan")."""
    return bool(_CYRILLIC_LETTERS.search(word)) or surname_ending(word)


@resources.cached(maxsize=65_536)
def surname_ending(low: str) -> bool:
    """A word in lower case that ends like a Central Asian, Russian or Caucasian surname or
    patronymic (`surname_endings.txt`) after three letters or more."""
    return any(low.endswith(e) and len(low) >= len(e) + 3 for e in resources.word_list("surname_endings.txt"))


def _folds(kind: str, words: list[str]) -> list[str]:
    """A name's words as matched across spellings: a person's folded (`transliteration_fold`) when
    a word of the name is Cyrillic-shaped, else as they are."""
    if kind == "people" and any(cyrillic_shaped(w) for w in words):
        return [fold_word(w) for w in words]
    return list(words)


def name_letters(words: list[str]) -> str:
    """A name's folded words as one string: the spaces and hyphens between them are spellings too
    ("Kassym-Jomart" = "Kassymzhomart"), and so is a word's leading e or i (Cyrillic Э, written
    either way: "Emomali" = "Imomali")."""
    return "".join(re.sub(r"^e", "i", w) for w in words)


def transliteration_fold(name: str) -> str:
    """The form a name's romanisations from Cyrillic share, word by word: dzh, zh and j as j, kh
    as h, q as k, y as i, a leading ye as e, no doubled letters ("Qasym-Jomart Toqayev" =
    "Kassym-Jomart Tokayev", "Zheenbekov" = "Jeenbekov")."""
    return " ".join(fold_word(w) for w in spelling_key(name).split())


@resources.cached
def _honorifics() -> tuple[frozenset[str], frozenset[str]]:
    """(forms of address, which go before any name, even a surname alone: Mr, Dr, H.E., Pres.; titles
    and epithets, which leave at least two words of name: "Sheikh Hasina" keeps its "Sheikh")."""
    address = frozenset(resources.word_list("honorifics.txt")) | _ADDRESS
    return address, frozenset(resources.titles()) | _EPITHETS


@resources.cached(maxsize=65_536)  # a corpus repeats its names: each is read once (callers never change the list)
def bare_name(name: str) -> tuple[str, list[str]]:
    """A person's name without the honorifics and epithets written before it, and those, as
    written: "H.E. Mr. Ulugbek Lapasov" -> ("Ulugbek Lapasov", ["H.E.", "Mr."])."""
    address, titles = _honorifics()
    words = name.split()
    stripped: list[str] = []
    while len(words) > 1:
        for k in (3, 2, 1):
            lead = " ".join(words[:k]).lower().rstrip(".")
            rest = len(words) - k
            if rest >= 1 and lead in address or rest >= 2 and lead in titles:
                stripped.append(" ".join(words[:k]))
                words = words[k:]
                break
        else:
            break
    return " ".join(words), stripped


def roles_in(stripped: list[str]) -> list[str]:
    """The roles among the words `bare_name` took off a name: titles and epithets ("Elbasy",
    "President"), not forms of address ("Mr.", "H.E.", `honorifics.txt`), which are no role."""
    address = resources.word_list("honorifics.txt")
    return [w for w in stripped if w.lower().rstrip(".") not in address]


@dataclass
class Item:
    """One entity of one article: its type (people or organisations), name, other names, the
    titles the text gives it, the country its article is about (`article_country`), its mentions,
    and its article (any hashable id: two entities one article keeps apart are two people)."""

    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    acronym: str | None = None
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    mentions: int = 1
    article: Hashable | None = None


# ---- countries: of a body's name, of an article

@resources.cached
def _country_forms() -> dict[str, str]:
    """Forms that name a country (`spelling_key`) -> its CLDR name: the names, the nationality
    adjectives that begin one one-word name alone ("Kazakh" -> "Kazakhstan", "Russian" -> "Russia"),
    and the short forms and adjectives that begin none (US, UK, American, British)."""
    countries = sorted(resources.country_names())
    forms = {spelling_key(c): c for c in countries}
    for adjective in resources.demonyms():
        found = [c for c in countries if " " not in c and _adjective_of(spelling_key(adjective), spelling_key(c))]
        if len(found) == 1:
            forms.setdefault(spelling_key(adjective), found[0])
    names = {code: name for code, name in _territories().items() if name in resources.country_names()}
    for short, code in (("us", "US"), ("u s", "US"), ("american", "US"), ("uk", "GB"), ("u k", "GB"),
                        ("british", "GB"), ("turkish", "TR"), ("french", "FR"), ("dutch", "NL"), ("swiss", "CH")):
        if code in names:
            forms[short] = names[code]
    return forms


def _territories() -> dict[str, str]:
    from babel import Locale

    return dict(Locale("en").territories)


def _adjective_of(adjective: str, country: str) -> bool:
    """Whether a nationality adjective is the country's: it begins the country's name ("Kazakh"
    Kazakhstan, "Uzbek" Uzbekistan), or they share four letters or more and all but the country's
    last ("Chinese" China, "Russian" Russia; not "Iraqi" Iran)."""
    common = next((i for i, (a, b) in enumerate(zip(adjective, country)) if a != b), min(len(adjective), len(country)))
    return common >= 4 and (common == len(adjective) or common >= min(len(country) - 1, 6))


@resources.cached
def _place_countries() -> dict[str, str]:
    """Casefolded place names -> their country: the countries themselves, the cities CLDR names
    time zones after, and `capitals.tsv` (capitals CLDR has no zone for: Astana)."""
    out = {spelling_key(city): country for city, country in resources.city_countries().items()}
    out.update((spelling_key(city), country) for city, country in resources.table("capitals.tsv"))
    out.update(_country_forms())
    return out


def article_country(places: Iterable[tuple[str, int]]) -> str | None:
    """The country an article is about: of its places (name, mentions), the country mentioned
    most, itself or by its cities; on a tie the one named first; None when no place is of one."""
    counts: Counter[str] = Counter()
    for name, mentions in places:
        country = _place_countries().get(spelling_key(name))
        if country:
            counts[country] += max(mentions, 1)
    return max(counts, key=counts.__getitem__) if counts else None  # max keeps the first of equals


def _split_country(name: str) -> tuple[str | None, str]:
    """A body's name as (the country it names, the rest): "Kazakhstan's Central Election
    Commission" -> ("Kazakhstan", "central election commission"); "Ministry of Foreign Affairs of
    Uzbekistan" -> ("Uzbekistan", "ministry of foreign affairs")."""
    words = spelling_key(name).split()
    forms = _country_forms()
    for k in (3, 2, 1):
        if len(words) > k and " ".join(words[:k]) in forms:
            return forms[" ".join(words[:k])], " ".join(words[k:])
    for k in (3, 2, 1):
        tail = " ".join(words[-k:])
        head = words[:-k]
        if head and head[-1] == "of" and tail in forms:
            head = head[:-1]
            if head[-3:] == ["of", "the", "republic"] or head[-2:] == ["of", "republic"]:
                head = head[:head.index("of", len(head) - 3)]
            return forms[tail], " ".join(head)
    return None, " ".join(words)


def country_in_name(name: str) -> str | None:
    """The country a body's name gives, by its name or nationality, before or after ("of X")."""
    return _split_country(name)[0]


@resources.cached
def _state_bodies() -> dict[str, str]:
    """A generic body's names (`spelling_key`) -> the first on its line of `state_bodies.txt`
    (the others, tab-separated, are its synonyms)."""
    return {spelling_key(name): spelling_key(names[0]) for names in resources.table("state_bodies.txt") for name in names if name}


def _canonical_body(rest: str) -> str:
    """A generic body's name, its country aside, as one of its names: its line's first
    ("foreign ministry" -> "ministry of foreign affairs"), and "X Ministry" as "Ministry of X"."""
    words = rest.split()
    if rest not in _state_bodies() and len(words) > 1 and words[-1] == "ministry":
        rest = "ministry of " + " ".join(words[:-1])
    return _state_bodies().get(rest, rest)


def _generic(rest: str) -> bool:
    """Whether a body's name, its country aside, names a body every country has."""
    words = rest.split()
    return bool(words) and (rest in _state_bodies() or "ministry" in words or "ministries" in words)


def _body_parts(name: str, country: str | None) -> tuple[str, str | None, bool]:
    """(the words a body's name is matched by, the country it is of when it is a generic one, whether it is)."""
    named, rest = _split_country(name)
    if not _generic(rest):
        return spelling_key(name), None, False
    return _canonical_body(rest), named or country, True


# ---- identities

class _Sets:
    """Union-find over keys, each set knowing the articles its entities are of."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.articles: dict[str, set[Hashable]] = {}

    def note(self, key: str, article: Hashable | None) -> None:
        if article is not None:
            self.articles.setdefault(self.find(key), set()).add(article)

    def find(self, key: str) -> str:
        root = key
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression, iteratively
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: str, b: str, *, apart_in_articles: bool = False) -> None:
        """Join two keys' sets; with `apart_in_articles`, not when an article has an entity in each
        (it keeps them apart)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        seen_a, seen_b = self.articles.get(ra, set()), self.articles.get(rb, set())
        if apart_in_articles and not seen_a.isdisjoint(seen_b):
            return
        if len(seen_a) < len(seen_b):  # the smaller set of articles moves: near-linear
            ra, rb, seen_a, seen_b = rb, ra, seen_b, seen_a
        self.parent[rb] = ra
        if seen_b:
            self.articles.setdefault(ra, set()).update(self.articles.pop(rb))


@dataclass
class _Named:
    """What an item is matched by: its key, the words of its name (bare, for people), their folds."""

    item: Item
    key: str
    words: list[str]
    folds: list[str]
    country: str | None = None  # a generic body's


def _named(it: Item, index: int) -> _Named:
    named = _Named(it, *_matched_by(it.kind, it.name, it.country))
    if named.key.endswith("@?"):  # a generic body of no known country: its article's alone (or its own)
        named.key += f"#{it.article!r}" if it.article is not None else f"#item{index}"
    return named


@resources.cached(maxsize=65536)
def _matched_by(kind: str, name: str, country: str | None) -> tuple[str, list[str], list[str], str | None]:
    """(key, words, folds, a generic body's country) of a name: a corpus repeats its names."""
    if kind == "people":
        bare = spelling_key(bare_name(name)[0])
        return f"people:{bare}", bare.split(), _folds(kind, bare.split()), None
    core, country, generic = _body_parts(name, country)
    key = f"organisations:{core}" + (f"@{country or '?'}" if generic else "")
    return key, core.split(), core.split(), country


def identities(items: Iterable[Item], known: dict[str, str] | None = None) -> list[int]:
    """For each item, in order, its identity number (equal numbers: one real-world entity).

    `known` maps acronyms to long forms the gazetteer knows ("EU" -> "European Union"), for
    acronyms no article of the corpus spells out.
    """
    named = [_named(it, k) for k, it in enumerate(items)]
    sets = _Sets()
    for n in named:
        sets.note(n.key, n.item.article)
    _join_transliterations(named, sets)
    _join_slips(named, sets)
    _join_surnames(named, sets)
    _join_acronyms(named, sets, known or {})
    _join_people_called_bodies(named, sets)
    numbers: dict[str, int] = {}
    return [numbers.setdefault(sets.find(n.key), len(numbers)) for n in named]


def _join_transliterations(named: list[_Named], sets: _Sets) -> None:
    first: dict[str, str] = {}
    for n in named:
        if n.item.kind == "people" and n.folds:
            fold = name_letters(n.folds)
            sets.join(first.setdefault(fold, n.key), n.key, apart_in_articles=True)


def _join_slips(named: list[_Named], sets: _Sets) -> None:
    """People whose surnames are a slip apart (`is_slip`), one of them Cyrillic-shaped, the other
    words folding equal. Each surname is indexed by itself and its inner one-letter deletions:
    two words a slip apart share one of those (an added or dropped letter: one is the other's
    deletion; a changed letter or two swapped: a deletion of each), so only they are compared."""
    by_variant: dict[tuple, set[tuple[str, str]]] = defaultdict(set)
    for n in {n.key: n for n in named}.values():  # a key's words are the same every time it is seen
        if n.item.kind != "people" or len(n.words) < 2:
            continue
        rest = tuple(fold_word(w) for w in n.words[:-1])  # a slip's surname is Cyrillic-shaped: so is the name
        for form, word in enumerate((n.words[-1], fold_word(n.words[-1]))):
            if len(word) >= SLIP_LENGTH:
                for variant in {word, *(word[:i] + word[i + 1:] for i in range(1, len(word)))}:
                    by_variant[(rest, form, variant)].add((word, n.key))
    for (_, form, variant), found in by_variant.items():
        if len(found) < 2:
            continue
        for word, key in found:
            for other, other_key in found:
                if key < other_key and (cyrillic_shaped(word) or cyrillic_shaped(other)) and is_slip(word, other):
                    sets.join(key, other_key, apart_in_articles=True)


def is_slip(a: str, b: str) -> bool:
    """Whether one word is a writer's slip for the other: both of `SLIP_LENGTH` letters or more, the
    first letter kept, one letter added, dropped or changed, or two neighbours swapped
    ("Mirziyoeyv" for "Mirziyoyev", "Water" for "Waters"); but not a final "a" added, a Slavic
    surname's feminine form ("Petrova" beside "Petrov": another person), nor "Jansen" for
    "Hansen". The one rule for a slip: within an article (`grouping.near_spelling`) and across the
    corpus (`_join_slips`, which asks more of the names around it)."""
    if a == b or min(len(a), len(b)) < SLIP_LENGTH or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long = sorted((a, b), key=len)
        return long != short + "a" and any(long[:i] + long[i + 1:] == short for i in range(1, len(long)))
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _join_surnames(named: list[_Named], sets: _Sets) -> None:
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for n in named:
        if n.item.kind == "people" and len(n.words) > 1:
            full_by_surname[n.folds[-1]].add(sets.find(n.key))
    for n in named:
        if n.item.kind != "people" or len(n.words) != 1:
            continue
        fuller = {sets.find(k) for k in full_by_surname.get(n.folds[0], set())}
        if len(fuller) == 1:  # two full names with this surname: the surname alone is neither
            sets.join(next(iter(fuller)), n.key)


def _join_acronyms(named: list[_Named], sets: _Sets, known: dict[str, str]) -> None:
    long_forms: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    present = {n.key: n.country for n in named}
    for short, full in known.items():
        key, _, _, country = _matched_by("organisations", full, None)  # "National Bank of Kazakhstan": a country's
        if key in present:
            long_forms[spelling_key(short)].add((key, country))
    for n in named:
        if n.item.kind != "organisations" or ACRONYM.match(n.item.name):
            continue
        for short in {n.item.acronym, *n.item.aliases}:
            if short and ACRONYM.match(short):
                long_forms[spelling_key(short)].add((n.key, n.country))
    for n in named:
        if n.item.kind == "organisations" and ACRONYM.match(n.item.name):
            # a generic body's acronym ("CEC") is of the country its own article is about
            linked = {k for k, country in long_forms.get(spelling_key(n.item.name), set())
                      if country is None or country == n.item.country}
            if len(linked) == 1:
                sets.join(next(iter(linked)), n.key)


def _join_people_called_bodies(named: list[_Named], sets: _Sets) -> None:
    """A body whose name folds equal to a person's joins that person, when some article gives the
    person titles or the name is shaped like a person's: two or three words, none a body's, the
    last a Central Asian or Russian surname's ending ("Ulugbek Lapasov"; not "Morgan Stanley")."""
    people: dict[str, set[str]] = defaultdict(set)
    titled: set[str] = set()
    for n in named:
        if n.item.kind == "people":
            people[" ".join(n.folds)].add(n.key)
            if n.item.titles:
                titled.add(" ".join(n.folds))
    for n in named:
        if n.item.kind == "organisations" and n.country is None and not ACRONYM.match(n.item.name):
            bare = " ".join(_matched_by("people", n.item.name, None)[2])
            found = {sets.find(k) for k in people.get(bare, set())}
            if len(found) == 1 and (bare in titled or _person_shaped(bare_name(n.item.name)[0])):
                sets.join(next(iter(found)), n.key)


def _person_shaped(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and not any(w in resources.org_keywords() for w in words) \
        and surname_ending(words[-1].lower())


# ---- names

def display_name(names: Iterable[str], weights: Iterable[int] | None = None) -> str:
    """The name an identity is shown by: its most frequent fullest form (most words, then most
    capitalised words: "Republican Party", then most seen, each name counting its weight: its
    mentions; then the first seen)."""
    names = list(names)
    counts: Counter[str] = Counter()
    for name, weight in zip(names, weights if weights is not None else [1] * len(names), strict=True):
        counts[name] += weight
    # max keeps the first of equals: a tie goes to the first seen, never the alphabet's first
    return max(counts, key=lambda n: (not ACRONYM.match(n), len(n.split()), sum(w[:1].isupper() for w in n.split()),
                                      counts[n]))


def identity_name(members: list[Item]) -> tuple[str, list[str]]:
    """An identity's name and its other names as written: a person's best-attested full form
    without honorifics; a body every country has as "Central Election Commission (Kazakhstan)"."""
    raw = [m.name for m in members]
    weights = [max(m.mentions, 1) for m in members]
    if any(m.kind == "people" for m in members):
        name = display_name([bare_name(n)[0] for n in raw], weights)
    else:
        parts = [_body_parts(m.name, m.country) for m in members]
        countries = {country for _, country, generic in parts if generic}
        if len(countries) == 1 and None not in countries:
            cores = [(_strip_country(m.name), w) for m, (_, _, generic), w in zip(members, parts, weights) if generic]
            name = f"{display_name(*zip(*cores))} ({countries.pop()})"
        else:
            name = display_name(raw, weights)
    return name, sorted(set(raw) - {name})


def _strip_country(name: str) -> str:
    """A generic body's name as written without the country in it ("Kazakhstan's Central Election
    Commission" -> "Central Election Commission")."""
    country, rest = _split_country(name)
    if country is None:
        return re.sub(r"^(?i:the)\s+", "", name)
    words = name.split()
    target = rest.split()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            if spelling_key(" ".join(words[i:j])).split() == target:
                return " ".join(words[i:j])
    return name
