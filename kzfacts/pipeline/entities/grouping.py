"""Stage 4, grouping mentions into entities: which mentions of one article name the same entity.

Mentions group by their spelling (`name_key`), a person's surname or initial ("Tokayev", "J.
Smith"), a body's short form ("Boeing" for "Boeing Commercial Airplanes", not "Wizz Air" for
"Wizz Air Holding"; "Home Office" for "United Kingdom Home Office", not "Soviet Union" for
"European Union"; "Supreme Court" and "Court" for "Supreme Court of Cassation"), an acronym's initials or a parenthesis after the name ("(NCPT)"), and the
gazetteer's and the user's canonical names; the entity's name is its longest form, the others its
aliases. Two entities that should be one, or one that should be two, are decided here.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ... import resources
from ...identity import fold_word, is_slip, name_letters, spelling_key
from ..facts import Entity, Mention
from ..support.tokens import tokens_of
from .common import ACRONYM, Candidate

_POSSESSIVE_END = re.compile(r"[\u2019']s$")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A name's key for matching: no possessive, one kind of apostrophe and space, case folded."""
    text = _POSSESSIVE_END.sub("", text)
    return _SPACES.sub(" ", text.replace("\u2019", "'")).strip().casefold()


@functools.lru_cache(maxsize=65536)
def initials(text: str) -> str:
    words = [w for w in re.split(r"[\s-]+", text) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


@dataclass
class _Group:
    label: str
    forms: list[tuple[str, int, int, Candidate]] = field(default_factory=list)
    key: str | None = None
    _words: tuple[int, list[str]] = (0, [])

    def name_words(self) -> list[str]:
        """The lower-cased words of the group's longest form, read again only when a form was added."""
        if self._words[0] != len(self.forms):
            self._words = (len(self.forms), [t.lower() for t in re.split(r"\s+", max((f[0] for f in self.forms), key=len))])
        return self._words[1]


def _mention(doc: Doc, c: Candidate) -> Mention:
    """The mention's words: the name, with the honorific it was written with, whole ("Finance
    Minister Yerulan Zhamaubayev", not "Minister Yerulan Zhamaubayev", when its title is "Finance
    Minister"; a nationality before the title stays out)."""
    t = tokens_of(doc)
    first = c.title_start if c.title_start is not None else c.start
    if c.title_start is not None:
        for title in c.titles:
            words = title.split()
            k = len(words)
            if 1 < k <= c.title_start + 1 and t.span_text(c.title_start - k + 1, c.title_start + 1) == title:
                lead = c.title_start - k + 1
                while lead < c.title_start and t.lower[lead] in resources.demonyms():
                    lead += 1
                first = min(first, lead)
    return Mention(t.span_text(first, c.end), t.idx[first], t.end_char(c.end))


def group_entities(doc: Doc, cands: list[Candidate], article: int, ids: Mapping[str, str]) -> list[Entity]:
    """Group one article's mentions into entities."""
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], _Group] = {}
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.start))
    t = tokens_of(doc)
    places = frozenset(name_key(t.span_text(c.start, c.end)) for c in cands if c.label == "GPE")
    for c in order:
        text = t.span_text(c.start, c.end)
        key = name_key(text)
        label = c.label
        group = by_key.get((label, key))
        if group is None and label == "ORG":
            canon = ids.get(text)
            if canon:
                group = by_key.get((label, "id:" + canon))
        if group is None and label == "PERSON":
            group = _person_group(text, groups, c)
        if group is None and label in ("ORG", "GPE") and ACRONYM.match(text.replace(".", "")):
            group = _acronym_group(doc, groups, c, text.replace(".", ""))
        if group is None and label == "ORG":
            group = _short_form_group(groups, text, c.start, places)
        if group is None:
            group = _Group(label)
            groups.append(group)
        group.forms.append((text, c.start, c.end, c))
        by_key[(label, key)] = group
        if label == "ORG" and ids.get(text):
            by_key[(label, "id:" + ids[text])] = group
    _merge_parentheticals(doc, groups)
    return [_to_entity(doc, g, article, ids) for g in groups if g.forms]


def _person_group(text: str, groups: list[_Group], c: Candidate) -> _Group | None:
    """The person a mention names: by its surname alone (of one word or more: "Al Jasser" after
    "Muhammad Al Jasser") or its first and last names; failing
    that, by a spelling a letter apart or another transliteration ("Mauer" for "Maurer",
    "Kristin" for "Kristen", "Nazarbaev" for "Nazarbayev"); `text` is the mention's."""
    tokens = [w.lower() for w in text.split() if any(ch.isalpha() for ch in w)]
    if not tokens:
        return None
    for same in (str.__eq__, near_spelling):
        # beside a first name a surname may differ only by transliteration ("Bill Clifton" is not "Bill Clinton")
        same_surname = str.__eq__ if same is str.__eq__ else same_transliteration
        matches = []
        for g in groups:
            if g.label != "PERSON":
                continue
            name_tokens = g.name_words()
            if len(tokens) == 1 and len(name_tokens) > 1 and (same(tokens[0], name_tokens[-1]) or same(tokens[0], name_tokens[0])):
                matches.append(g)
            elif len(tokens) > 1 and same_surname(tokens[-1], name_tokens[-1]) and (
                    same(tokens[0], name_tokens[0]) or tokens[0][0] == name_tokens[0][0] and len(tokens[0]) <= 2):
                matches.append(g)
            elif 1 < len(tokens) < len(name_tokens) and all(map(same, tokens, name_tokens[-len(tokens):])):
                matches.append(g)  # a surname of two words after the full name ("Al Jasser", "Van Dijk")
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            before = [(max(f[1] for f in g.forms if f[1] < c.start), g) for g in matches if any(f[1] < c.start for f in g.forms)]
            return max(before, key=lambda x: x[0])[1] if before else None
    return None


@functools.lru_cache(maxsize=65536)
def transliteration_key(word: str) -> str:
    """One form for a name's transliterations: the corpus identity's spelling key (no accents, no
    "y" between vowels: "Tokayev" = "Tokaev"), and no doubled letters ("Buchtmann" = "Buchtman")."""
    return re.sub(r"(.)\1", r"\1", spelling_key(word))


def same_transliteration(a: str, b: str) -> bool:
    return transliteration_key(a) == transliteration_key(b)


def near_spelling(a: str, b: str) -> bool:
    """Two spellings of one name: the same transliteration, or a slip of one letter (`is_slip`,
    the corpus identity's rule: "Mirziyoeyv" for "Mirziyoyev")."""
    return a == b or transliteration_key(a) == transliteration_key(b) or is_slip(a, b) or romanisations(a, b)


def romanisations(a: str, b: str) -> bool:
    """Two romanisations of one Cyrillic word, a hyphen aside ("Kassym-Jomart", "Kassymzhomart";
    "Emomali", "Imomali"): `_person_group` asks it only beside an equal surname or a full name."""
    return name_letters([fold_word(w) for w in a.split("-")]) == name_letters([fold_word(w) for w in b.split("-")])


_LINKS = ("of", "for")


@resources.cached
def _countries() -> frozenset[str]:
    """Country names (`resources.country_names`) and the short forms news writes before a
    body's name, casefolded."""
    return frozenset({n.casefold() for n in resources.country_names()} | {"us", "u.s.", "uk", "u.k."})


@resources.cached
def _regions() -> frozenset[str]:
    """CLDR's English names of continents and world regions ("Asia", "Central Asia"), casefolded."""
    return frozenset(n.casefold() for n in resources.region_names())


@resources.cached(maxsize=4096)
def _place_split(text: str, places: frozenset[str] = frozenset()) -> tuple[str, tuple[str, ...]]:
    """A body's name as (the place before it, its other words): legal forms after it dropped
    ("Aer Lingus Group PLC"), and a leading country ("United Kingdom Home Office"), nationality
    ("Kazakh Parliament") or place the article names elsewhere ("New York Daily News") set apart."""
    words = text.replace(",", " ").split()
    legal_forms = resources.word_list("legal_forms.txt")
    while len(words) > 1 and words[-1] in legal_forms:
        words.pop()
    for k in (3, 2, 1):
        if len(words) > k:
            lead = " ".join(words[:k]).casefold()
            if lead in _countries() or lead in places or k == 1 and lead in resources.demonyms():
                return lead, tuple(words[k:])
    return "", tuple(words)


def _same_place(a: str, b: str) -> bool:
    """Two places before one name that may be one place: either missing, the same, or one country
    and its nationality ("Kazakhstan", "Kazakh"; "Russia", "Russian"), never two ("European",
    "Soviet")."""
    if not a or not b:
        return True
    a, b = a.replace(".", ""), b.replace(".", "")
    if a == b:
        return True
    if " " in a or " " in b:
        return False
    shorter = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), shorter)
    return common >= min(shorter, 6)


@functools.lru_cache(maxsize=4096)
def _norm(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words compared across spellings: case, a possessive and an abbreviation's dots aside
    ("New People's Party" = "New People Party", "St. John" = "St John")."""
    return tuple(re.sub(r"(?:[\u2019']s?)$", "", w.replace(".", "")).casefold() for w in words)


def _head_of(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """ "Ministry of Energy" -> ("Ministry", ["Energy"]); "Church of the Nazarene" -> ("Church", ["Nazarene"])."""
    if len(words) >= 3 and words[1] == "of" and words[0][:1].isupper():
        rest = words[3:] if words[2] == "the" else words[2:]
        if rest and rest[0][:1].isupper():
            return words[0], rest
    return None


@resources.cached(maxsize=4096)
def _one_body(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether a name (`short`, not longer in words) names the body `long` names, places aside."""
    descriptors = resources.word_list("company_descriptors.txt")
    keywords = resources.org_keywords()
    s, n = _norm(short), _norm(long)
    if s == n:
        return True
    rest = long[len(short):] if n[:len(s)] == s and len(long) > len(short) else None
    if rest and len(short) == 1:
        # "Boeing" = "Boeing Commercial Airplanes", "CBC" = "CBC News" (not "UN Development Programme")
        if ACRONYM.match(short[0]):
            return all(w in descriptors for w in rest)
        return all(w in descriptors or w not in keywords for w in rest)
    link = next((i for i, w in enumerate(long) if w in _LINKS), None)
    if link is not None and len(short) >= 2 and n[:link] == s:
        return True  # "Comic Corps" = "Comic Corps of Canada", not "United Nations" = "... Office for Drugs"
    for a, b in ((short, long), (long, short)):
        head = _head_of(b)
        if head and _norm(a) == _norm((*head[1], head[0])):
            return True  # "Energy Ministry" = "Ministry of Energy"
    head = _head_of(long)
    if head and _norm(head[1]) == s and " ".join(short).casefold() not in _countries() | _regions():
        return True  # "Scientology" = "Church of Scientology", not "Kazakhstan" = "Government of Kazakhstan"
    return False


def _head(words: tuple[str, ...]) -> str:
    """A name's head word: its last before "of" or "for" ("Court" of "Supreme Court of Cassation")."""
    link = next((i for i, w in enumerate(words) if w in _LINKS), len(words))
    return words[link - 1] if link else words[-1]


def _short_form_group(groups: list[_Group], text: str, start: int = 0,
                      places: frozenset[str] = frozenset()) -> _Group | None:
    """The one body of the article this name names in short: "Aer Lingus" = "Aer Lingus Group PLC",
    "Boeing" = "Boeing Commercial Airplanes" (not "Wizz Air Holding"), "Home Office" = "United
    Kingdom Home Office", "CBC" = "CBC News", "Supreme Court" = "Supreme Court of Cassation",
    "Energy Ministry" = "Ministry of Energy", and a head word alone after its body ("the Bank" after
    "the World Bank"). With two such bodies ("Asian Development Bank", "World Bank"), the one named
    last before it, as with a surname; none before either."""
    place, core = _place_split(text, places)
    matches = []
    for g in groups:
        if g.label != "ORG":
            continue
        for form, s, _, _ in g.forms:
            other_place, other = _place_split(form, places)
            if not _same_place(place, other_place):
                continue
            short, long = (core, other) if len(core) <= len(other) else (other, core)
            if _one_body(short, long) or \
                    len(core) == 1 and not place and len(other) > 1 and s < start and core[0] == _head(other) and \
                    core[0][:1].isupper() and not ACRONYM.match(core[0]):
                matches.append(g)
                break
    if len(matches) > 1:
        before = [(max(f[1] for f in g.forms if f[1] < start), g) for g in matches if any(f[1] < start for f in g.forms)]
        return max(before, key=lambda x: x[0])[1] if before else None
    return matches[0] if matches else None


@functools.lru_cache(maxsize=65536)
def _initials_of_content(form: str) -> str:
    """The initials of a name without its small words ("of", "the"...)."""
    return initials(re.sub(r"\b(?:of|the|and|for|on|through|in)\b", "", form))


def _acronym_group(doc: Doc, groups: list[_Group], c: Candidate, text: str) -> _Group | None:
    letters = text.rstrip("+")
    for g in groups:
        if g.label != c.label:
            continue
        for form, _, _, _ in g.forms:
            if ACRONYM.match(form):
                continue
            if initials(form) == letters or _initials_of_content(form) == letters:
                return g
            # "OSCE Office of ... (ODIHR)": the acronym may skip a leading known acronym
            parts = form.split(" ", 1)
            if len(parts) == 2 and ACRONYM.match(parts[0]) and initials(parts[1]) == letters:
                return g
    return None


def _merge_parentheticals(doc: Doc, groups: list[_Group]) -> None:
    """ "National Council on Public Trust (NCPT)", "... Law (Venice Commission)": one entity."""
    text = tokens_of(doc).text
    for g in list(groups):
        for form, s, e, _ in list(g.forms):
            if s >= 2 and text[s - 1] == "(":
                prev = None
                for other in groups:
                    if other is g or other.label != g.label or not other.forms:
                        continue
                    if any(oe == s - 1 for _, _, oe, _ in other.forms):
                        prev = other
                if prev is not None and (ACRONYM.match(form) or g.label == "ORG"):
                    prev.forms.extend(g.forms)
                    g.forms = []
                    break


def _to_entity(doc: Doc, g: _Group, article: int, ids: Mapping[str, str]) -> Entity:
    forms = sorted(g.forms, key=lambda f: f[1])
    names = [f[0] for f in forms]
    full = [n for n in names if not ACRONYM.match(n)] or names
    name = max(full, key=lambda n: (len(n.split()), len(n)))
    if g.label == "PERSON":
        name = _best_attested(name, names)
    aliases: list[str] = []
    titles: list[str] = []
    mentions = []
    for text, _, _, c in forms:
        m = _mention(doc, c)
        mentions.append(m)
        for alias in (text, m.text):
            if alias != name and alias not in aliases:
                aliases.append(alias)
        for t in c.titles:
            if t not in titles:
                titles.append(t)
    acronym = next((n for n in names if ACRONYM.match(n) and n != name), None)
    canon = ids.get(name) or (acronym and ids.get(acronym))
    if g.label == "ORG" and canon and canon != name and canon not in aliases and ACRONYM.match(name):
        aliases.append(canon)
    return Entity(g.label, name, article, mentions, aliases, titles if g.label == "PERSON" else [], acronym if g.label != "PERSON" else None)


def _best_attested(name: str, forms: list[str]) -> str:
    """A person's full name with its surname as the text writes it most, when the full name's is a
    slip of it ("Shavkat Mirziyoeyv" once, "Mirziyoyev" four times: "Shavkat Mirziyoyev");
    a transliteration is no slip, and a tie keeps the name as written."""
    words = name.split()
    if len(words) < 2:
        return name
    last = words[-1]
    seen = Counter(f.split()[-1] for f in forms if f.split())
    slips = [w for w in seen if w != last and near_spelling(w.lower(), last.lower())
             and not same_transliteration(w.lower(), last.lower())]
    best = max(slips, key=lambda w: (seen[w], w), default=None)
    return " ".join([*words[:-1], best]) if best and seen[best] > seen[last] else name


def apply_user_ids(entities: list[Entity], user_ids: Mapping[str, str]) -> list[Entity]:
    """Entities named by the `id` of a user's pattern that found one of their forms ("Nur-Sultan"
    with id "Astana" is Astana); two entities of one article and label that it names alike are one."""
    merged: dict[tuple[int, str, str], Entity] = {}
    out: list[Entity] = []
    for ent in entities:
        forms = [ent.name, *ent.aliases, *(m.text for m in ent.mentions)]
        canon = next((user_ids[f] for f in forms if f in user_ids), None)
        if canon and canon != ent.name:
            ent.aliases = [a for a in dict.fromkeys([ent.name, *ent.aliases]) if a != canon]
            ent.name = canon
        key = (ent.article, ent.label, ent.name)
        into = merged.get(key)
        if into is None:
            merged[key] = ent
            out.append(ent)
            continue
        into.mentions = sorted([*into.mentions, *ent.mentions], key=lambda m: m.start)
        into.aliases += [a for a in ent.aliases if a not in into.aliases and a != into.name]
        into.titles += [t for t in ent.titles if t not in into.titles]
    return out
