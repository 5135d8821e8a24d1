"""Stage 4, grouping mentions into entities: which mentions of one article name the same entity.

Mentions group by their spelling (`name_key`), a person's surname or initial ("Tokayev", "J.
Smith"), a body's short form ("Boeing" for "Boeing Commercial Airplanes", not "Wizz Air" for
"Wizz Air Holding"), an acronym's initials or a parenthesis after the name ("(NCPT)"), and the
gazetteer's and the user's canonical names; the entity's name is its longest form, the others its
aliases. Two entities that should be one, or one that should be two, are decided here.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ... import resources
from ..facts import Entity, Mention
from .common import ACRONYM, Candidate


def name_key(text: str) -> str:
    text = re.sub(r"[\u2019']s$", "", text)
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().casefold()


def initials(text: str) -> str:
    words = [w for w in re.split(r"[\s-]+", text) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


@dataclass
class _Group:
    label: str
    forms: list[tuple[str, int, int, Candidate]] = field(default_factory=list)
    key: str | None = None


def _mention(doc: Doc, c: Candidate) -> Mention:
    """The mention's words: the name, with the honorific it was written with, whole ("Finance
    Minister Yerulan Zhamaubayev", not "Minister Yerulan Zhamaubayev", when its title is "Finance
    Minister"; a nationality before the title stays out)."""
    first = c.title_start if c.title_start is not None else c.start
    if c.title_start is not None:
        for title in c.titles:
            words = title.split()
            k = len(words)
            if 1 < k <= c.title_start + 1 and doc[c.title_start - k + 1:c.title_start + 1].text == title:
                lead = c.title_start - k + 1
                while lead < c.title_start and doc[lead].lower_ in resources.demonyms():
                    lead += 1
                first = min(first, lead)
    span = doc[first:c.end]
    return Mention(span.text, span.start_char, span.end_char)


def group_entities(doc: Doc, cands: list[Candidate], article: int, ids: Mapping[str, str]) -> list[Entity]:
    """Group one article's mentions into entities."""
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], _Group] = {}
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.start))
    for c in order:
        text = doc[c.start:c.end].text
        key = name_key(text)
        label = c.label
        group = by_key.get((label, key))
        if group is None and label == "ORG":
            canon = ids.get(text)
            if canon:
                group = by_key.get((label, "id:" + canon))
        if group is None and label == "PERSON":
            group = _person_group(doc, groups, c)
        if group is None and label in ("ORG", "GPE") and ACRONYM.match(text.replace(".", "")):
            group = _acronym_group(doc, groups, c, text.replace(".", ""))
        if group is None and label == "ORG":
            group = _short_form_group(groups, text)
        if group is None:
            group = _Group(label)
            groups.append(group)
        group.forms.append((text, c.start, c.end, c))
        by_key[(label, key)] = group
        if label == "ORG" and ids.get(text):
            by_key[(label, "id:" + ids[text])] = group
    _merge_parentheticals(doc, groups)
    return [_to_entity(doc, g, article, ids) for g in groups if g.forms]


def _person_group(doc: Doc, groups: list[_Group], c: Candidate) -> _Group | None:
    tokens = [w.lower() for w in doc[c.start:c.end].text.split() if any(ch.isalpha() for ch in w)]
    if not tokens:
        return None
    matches = []
    for g in groups:
        if g.label != "PERSON":
            continue
        name_tokens = [t.lower() for t in re.split(r"\s+", max((f[0] for f in g.forms), key=len))]
        if len(tokens) == 1 and tokens[0] in (name_tokens[-1], name_tokens[0]) and len(name_tokens) > 1:
            matches.append(g)
        elif len(tokens) > 1 and tokens[-1] == name_tokens[-1] and (tokens[0] == name_tokens[0] or tokens[0][0] == name_tokens[0][0] and len(tokens[0]) <= 2):
            matches.append(g)
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        before = [(max(f[1] for f in g.forms if f[1] < c.start), g) for g in matches if any(f[1] < c.start for f in g.forms)]
        return max(before, key=lambda x: x[0])[1] if before else None
    return None


def org_core(text: str) -> str:
    """An organisation name without legal-form suffixes or a leading country ("U.S. Air Force")."""
    words = text.replace(",", " ").split()
    legal_forms = resources.word_list("legal_forms.txt")
    while len(words) > 1 and words[-1] in legal_forms:
        words.pop()
    if len(words) > 1 and (words[0] in ("US", "U.S.", "UK", "U.K.") or words[0].lower() in resources.demonyms()):
        words.pop(0)
    return " ".join(words)


def _short_form_group(groups: list[_Group], text: str) -> _Group | None:
    """ "Aer Lingus" = "Aer Lingus Group PLC"; "Boeing" = "Boeing Commercial Airplanes" (not "Wizz Air Holding")."""
    core = org_core(text)
    keywords = resources.org_keywords()
    matches = []
    for g in groups:
        if g.label != "ORG":
            continue
        for form, _, _, _ in g.forms:
            other = org_core(form)
            if other == core:
                matches.append(g)
                break
            rest = other[len(core):].split() if other.startswith(core + " ") else None
            if rest and len(core.split()) == 1 and not ACRONYM.match(core) and \
                    all(w in resources.word_list("company_descriptors.txt") or w not in keywords for w in rest):
                matches.append(g)
                break
    return matches[0] if len(matches) == 1 else None


def _acronym_group(doc: Doc, groups: list[_Group], c: Candidate, text: str) -> _Group | None:
    letters = text.rstrip("+")
    for g in groups:
        if g.label != c.label:
            continue
        for form, _, _, _ in g.forms:
            if ACRONYM.match(form):
                continue
            if initials(form) == letters or initials(re.sub(r"\b(?:of|the|and|for|on|through|in)\b", "", form)) == letters:
                return g
            # "OSCE Office of ... (ODIHR)": the acronym may skip a leading known acronym
            parts = form.split(" ", 1)
            if len(parts) == 2 and ACRONYM.match(parts[0]) and initials(parts[1]) == letters:
                return g
    return None


def _merge_parentheticals(doc: Doc, groups: list[_Group]) -> None:
    """ "National Council on Public Trust (NCPT)", "... Law (Venice Commission)": one entity."""
    for g in list(groups):
        for _, s, e, _ in list(g.forms):
            if s >= 2 and doc[s - 1].text == "(":
                prev = None
                for other in groups:
                    if other is g or other.label != g.label or not other.forms:
                        continue
                    if any(oe == s - 1 for _, _, oe, _ in other.forms):
                        prev = other
                if prev is not None and (ACRONYM.match(doc[s:e].text) or g.label == "ORG"):
                    prev.forms.extend(g.forms)
                    g.forms = []
                    break


def _to_entity(doc: Doc, g: _Group, article: int, ids: Mapping[str, str]) -> Entity:
    forms = sorted(g.forms, key=lambda f: f[1])
    names = [f[0] for f in forms]
    full = [n for n in names if not ACRONYM.match(n)] or names
    name = max(full, key=lambda n: (len(n.split()), len(n)))
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
