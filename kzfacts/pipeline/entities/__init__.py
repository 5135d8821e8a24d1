"""People, organisations and places: one entry per real-world entity in each article.

Mentions come from the model's entities plus two layout rules (a titled name is a person; a
capitalised name headed by an organisation word is an organisation). They are cleaned
(titles, "the", possessives), relabelled on evidence, and grouped per article into entities
with aliases, titles and acronyms.

One module per stage a mention goes through, so a wrong entity leads to the module that decided it:

- `mentions`: finding mentions. Which spans are candidates at all: the model's entities, the
  gazetteer's names and the rules' spans (capitalised runs, titled names, speakers, traded names,
  acronyms in parentheses), and which wins where they overlap (`gather_mentions`).
- `boundaries`: settling boundaries. Where a mention starts and ends ("the", possessives, results,
  caption credits, numbers, a run into the model's next entity, "of/for/on" after a body) and the
  titles before and after a person's name.
- `headlines`: headline-case lines, where capitals say nothing: where a name there ends (before
  a verb, after the model's own person, before a spaced dash with a date), the bodies only a
  heading guesses, and the names of a page's line of categories or tags, which are no one's.
- `evidence`: what the text says of a name (`body_evidence`, `person_evidence`, `introduced_as`,
  its head word, a model code, a match it plays): tests that decide nothing themselves.
- `noise`: the mentions that are no entity (`is_noise`, document names, an organisation inside a
  person's title, a headline's guesses).
- `types`: deciding the type, person, organisation or place (`relabel`, `consistent_labels`); the
  only module that writes a mention's label.
- `titles`: titles and roles, the one home of that knowledge. The title phrase before a name
  (`title_before`, `title_phrase_start`), role words, "former" words and the role phrases that
  stand for a person named before (`role_phrase`, `role_synonyms`); boundaries, affiliations and
  the quote speakers read them here.
- `grouping`: grouping into entities. Which mentions of one article name one entity
  (`group_entities`: spelling, surnames, short forms, acronyms, parentheses, canonical ids), and
  its name, aliases and titles.
- `affiliations`: who works where. `AFFILIATION_FINDERS` link each person to the organisations
  their title phrase, appositions, "of" phrases and clauses name (`link_people`).
- `component`: the order. `MENTION_STEPS` (the boundary and label steps each mention goes
  through in turn), `find_entities` (per article), the gazetteer and the `EntityConsolidator`
  spaCy component.
- `common`: the `Candidate` (a mention before grouping) and the word lists and token tests the
  stages share.

Imports run one way: every module imports `common` and `titles`; `types` reads `grouping`'s
`name_key` and `initials`; `noise` and `types` read `evidence`; `mentions` uses `boundaries` and
`evidence`; `component` uses every stage.
"""
from __future__ import annotations

from .common import Candidate
from .component import MENTION_STEPS, EntityConsolidator, find_candidates, find_entities, gazetteer_matcher, load_gazetteer
from .grouping import apply_user_ids, group_entities, initials, name_key
from .mentions import gather_mentions

__all__ = ["MENTION_STEPS", "Candidate", "EntityConsolidator", "apply_user_ids", "find_candidates", "find_entities",
           "gather_mentions", "gazetteer_matcher", "group_entities", "initials", "load_gazetteer", "name_key"]
