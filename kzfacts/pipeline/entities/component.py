"""The order of the stages, and the spaCy component that runs them.

`find_candidates` gathers mentions (`mentions`) and puts each through `MENTION_STEPS`, the
boundary and label steps in order; `find_entities` then, per article, makes the dateline a place,
drops a headline's guesses, settles labels, groups (`grouping`) and links people to bodies
(`affiliations`). `EntityConsolidator` owns the gazetteer. Which step runs before which is
decided here.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ... import resources
from ..base import KzComponent
from ..facts import Entity
from ..support.text import article_at
from ..support.tokens import tokens_of
from .affiliations import link_people
from .boundaries import (
    add_appositive_titles,
    body_of_unit,
    cut_at_credits,
    cut_at_numbers,
    drop_generic_units,
    extend_organisation,
    find_titles,
    person_name_bounds,
    strip_titles,
    title_words_out,
    trim_mention,
)
from .common import Candidate
from .evidence import is_headline_case
from .given_names import full_name_mentions
from .grouping import apply_user_ids, group_entities
from .handles import handle_mentions
from .headlines import drop_heading_guesses, drop_taxonomy_names, headline_name_end
from .mentions import gather_mentions, surname_mentions
from .noise import drop_document_names, drop_headline_guesses, drop_noise, drop_title_organisations
from .types import consistent_labels, dateline_place, label_on_evidence, person_after_title, person_behind_title

# Each mention goes through these steps in order; a step that returns False drops it.
MENTION_STEPS = (drop_taxonomy_names, trim_mention, cut_at_credits, cut_at_numbers, title_words_out, person_name_bounds,
                 person_behind_title, strip_titles, person_after_title, find_titles, drop_noise, label_on_evidence,
                 drop_document_names, extend_organisation, body_of_unit, headline_name_end, add_appositive_titles)


def find_candidates(doc: Doc, known: list[tuple[int, int]] = (), ids: Mapping[str, str] | None = None) -> list[Candidate]:
    """Every entity mention the rules accept: gathered, put through MENTION_STEPS in order, and the
    unknown organisations inside people's titles dropped."""
    ids = resources.organisation_ids() if ids is None else ids
    kept = [c for c in gather_mentions(doc, known) if all(step(doc, c, ids) for step in MENTION_STEPS)]
    kept += [c for c in handle_mentions(doc, kept) if all(step(doc, c, ids) for step in MENTION_STEPS)]
    # before the titles' bodies are dropped: a full name found here brings its title ("Secretary of State")
    kept += full_name_mentions(doc, kept, ids, MENTION_STEPS)
    return drop_generic_units(doc, drop_title_organisations(doc, kept, ids))


def find_entities(doc: Doc, known: list[tuple[int, int]] = (), ids: Mapping[str, str] | None = None) -> list[Entity]:
    """All entities of every article in the doc (mentions outside articles are dropped).

    `known` are token spans of gazetteer organisations.
    """
    toks = tokens_of(doc)
    per_article: dict[int, list[Candidate]] = defaultdict(list)
    ids = resources.organisation_ids() if ids is None else ids
    for c in find_candidates(doc, known, ids):
        art = article_at(doc._.kz_articles, toks.idx[c.start])
        if art is not None:
            per_article[art.index].append(c)
    for art in doc._.kz_articles or []:
        if art.dateline_place:
            dateline_place(doc, art, per_article[art.index])
        if art.title and art.title_start is not None and is_headline_case(art.title) and art.index in per_article:
            per_article[art.index] = drop_headline_guesses(doc, per_article[art.index], art.title_start + len(art.title), ids)
        if art.index in per_article:
            per_article[art.index] = drop_heading_guesses(doc, per_article[art.index], art, ids)
    out = []
    articles = {art.index: art for art in doc._.kz_articles or []}
    for index, cands in sorted(per_article.items()):
        art = articles[index]
        cands += [c for c in surname_mentions(doc, cands, art.start, art.end) if all(step(doc, c, ids) for step in MENTION_STEPS)]
        consistent_labels(doc, cands, ids)
        entities = group_entities(doc, [c for c in cands if c.label != "DROP"], index, ids)
        link_people(doc, entities)
        out.extend(entities)
    return out


PREFIX_HYPHEN = re.compile(r"\b([A-Z]?[a-z]{1,4})-([a-z]{3,})")  # "Co-operation", "Re-construction"


def spellings(name: str) -> list[str]:
    """A gazetteer name as written, and without the hyphen after a prefix ("Co-operation" is also
    written "Cooperation")."""
    joined = PREFIX_HYPHEN.sub(r"\1\2", name)
    return [name] if joined == name else [name, joined]


def gazetteer_matcher(nlp, patterns: list[dict]) -> PhraseMatcher:
    """A phrase matcher of the gazetteer's organisation names (EntityRuler JSONL with string
    patterns), each in its `spellings`."""
    matcher = PhraseMatcher(nlp.vocab)
    for p in patterns:
        if isinstance(p.get("pattern"), str) and p.get("label", "ORG") == "ORG":
            matcher.add(p.get("id") or p["pattern"], [nlp.make_doc(form) for form in spellings(p["pattern"])])
    return matcher


def load_gazetteer(name: str) -> list[dict]:
    """EntityRuler JSONL patterns from a file path, or from a packaged resource of that name."""
    path = Path(name)
    if path.is_file():
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
                and not line.startswith("#")]
    return list(resources.jsonl(name))


class EntityConsolidator(KzComponent):
    """spaCy component: `doc._.kz_entities`, people, organisations and places per article.

    The gazetteer (spaCy EntityRuler JSONL: a packaged name in `models/` or a path) is this
    component's own: its names win over the model's spans they overlap ("Samruk" tagged alone in
    "Samruk-Kazyna", unless the model's span is a longer name of the same kind), and its `id`s
    are the canonical names that merge forms ("EU" and "European Union"). It travels with
    `nlp.to_disk`.
    """

    resources = ("org_keywords.txt", "club_suffixes.txt", "legal_forms.txt", "company_descriptors.txt", "titles.txt", "demonyms.txt", "surname_endings.txt", "company_morphemes.txt", "class_nouns.tsv", "outlet_heads.txt", "match_words.txt", "reporting_verbs.txt",
                 "anaphors.txt", "common_acronyms.txt", "name_heads.txt", "event_heads.txt", "body_roles.txt",
                 "portfolio_titles.txt", "role_words.txt", "unit_words.tsv", "domain_words.txt", "former_words.txt",
                 "affiliation_verbs.tsv", "portfolio_bodies.tsv", "former_states.txt", "currency_additions.tsv",
                 "taxonomy_labels.txt", "party_titles.txt", "member_descriptors.txt", "posting_nouns.tsv", "unit_modifiers.txt", "governing_boards.txt", "lower_body_heads.txt", "honorifics.txt", "gathering_heads.txt", "numbers.tsv")
    extension = "kz_entities"
    needs = ("kz_articles",)
    GAZETTEER_FILE = "gazetteer.jsonl"

    def __init__(self, nlp, name: str = "kz_entities", *, gazetteer: str | None = "organisations.jsonl") -> None:
        self.name, self.nlp = name, nlp
        self.gazetteer = gazetteer
        self.user_ids: dict[str, str] = {}  # the user's patterns (--patterns): a form -> its canonical name
        self.patterns: list[dict] | None = None  # read on first use: `from_disk` may bring its own first

    def set_gazetteer(self, patterns: list[dict]) -> None:
        self.patterns = patterns
        self.matcher = gazetteer_matcher(self.nlp, patterns)
        self.ids = {form: p.get("id") or p["pattern"] for p in patterns if isinstance(p.get("pattern"), str)
                    for form in spellings(p["pattern"])}

    def initialize(self, get_examples=None, *, nlp=None, gazetteer: str | None = None) -> None:
        """`[initialize.components.kz_entities] gazetteer = "my_names.jsonl"` replaces the gazetteer."""
        if gazetteer:
            self.set_gazetteer(load_gazetteer(gazetteer))

    def find(self, doc: Doc) -> list[Entity]:
        if self.patterns is None:
            self.set_gazetteer(load_gazetteer(self.gazetteer) if self.gazetteer else [])
        known = [(s, e) for _, s, e in self.matcher(doc)]
        found = find_entities(doc, known, self.ids)
        return apply_user_ids(found, self.user_ids) if self.user_ids else found

    def to_disk(self, path, *, exclude=()) -> None:
        super().to_disk(path, exclude=exclude)
        if self.patterns is None:
            self.set_gazetteer(load_gazetteer(self.gazetteer) if self.gazetteer else [])
        lines = [json.dumps(p, ensure_ascii=False) for p in self.patterns]
        (Path(path) / self.GAZETTEER_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path, *, exclude=()) -> EntityConsolidator:
        super().from_disk(path, exclude=exclude)
        self.set_gazetteer(load_gazetteer(str(Path(path) / self.GAZETTEER_FILE)))
        return self
