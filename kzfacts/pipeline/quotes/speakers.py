"""Speakers: who a quote's cue names. `SPEAKER_FINDERS` look for the speaker of a cue,
`SUBJECT_RESOLVERS` say what a subject stands for (a pronoun, "who", a name, a surname) and
`HEAD_FINDERS` which entity a subject's head names (its own mention, an apposition, a role or body
named before, the body whose spokesman it is); in each list the first that decides wins."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Token

from ... import resources
from ..entities.titles import bare_role, role_phrase, role_synonyms
from ..facts import Entity, Mention
from ..support.syntax import heads
from .context import QuoteContext, entity_at
from .cues import CUE_FINDERS, MAX_CLIMB, SUBJECT_DEPS, is_reporting_verb, subject_candidates, subjects_of
from .marks import RawQuote, end_before

PERSON_PRONOUNS = {"he", "she", "him", "her"}
PLURAL_PRONOUNS = {"they", "them"}
WRITER_WORDS = {"i", "we"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "representative", "spokesmen", "representatives"}
MAX_CHAIN = 3  # pronoun to pronoun, relative pronoun to its noun: never more links than this


Resolved = tuple[list[str], "Mention | None"]


@dataclass
class Attribution:
    speakers: list[str]
    cue: str | None
    mention: Mention | None = None


def noun_phrase(token: Token) -> tuple[int, int]:
    """Character bounds of a subject's noun phrase without relative clauses and appositions."""
    left = token.left_edge.idx
    last = token
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "prep", "pobj") and child.i == last.i + 1:
            # "the head of the Institute": a preposition brings its object's phrase
            objs = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
            last = objs[-1] if objs and objs[-1].i - child.i <= 6 else child
    return left, last.idx + len(last)


def attribute(ctx: QuoteContext, q: RawQuote, article: int) -> Attribution:
    """The speaker of a quote: the first of CUE_FINDERS that finds a cue, then the first of
    SPEAKER_FINDERS that names someone for it; with no cue, a name and a colon before it."""
    cue = next((c for find in CUE_FINDERS if (c := find(ctx, q)) is not None), None)
    if cue is None:
        # "Trump: ‘I’m the worst thing ...’": a name and a colon introduce the quote
        named = name_before_colon(ctx, q, article)
        return Attribution([named[0].name], None, named[1]) if named else Attribution([], None)
    names: list[str] = []
    mention = None
    for find in SPEAKER_FINDERS:
        names, mention = find(ctx, q, cue, article)
        if names:
            break
    cue_text = "according to" if cue.lower_ == "according" else cue.text
    return Attribution(names, cue_text, mention)


def cue_subjects(ctx: QuoteContext, q: RawQuote, cue: Token, article: int) -> tuple[list[str], Mention | None]:
    """The subjects of the cue (`subject_candidates`, most likely first), resolved to entities."""
    names: list[str] = []
    mention = None
    for subj in subject_candidates(cue):
        for s in subj:
            if ctx.inside_quote(s.idx):
                continue
            found, m = resolve(ctx, s, article)
            names.extend(n for n in found if n not in names)
            mention = mention or m
        if names:
            break
    return names, mention


def name_before_verb(ctx: QuoteContext, q: RawQuote, cue: Token, article: int) -> tuple[list[str], Mention | None]:
    """ '," Brent Bozell III, founder of ..., tells': the name between the quote and its verb."""
    if cue.idx >= q.outer_end:
        found = ctx.first_between(q.outer_end, cue.idx, article)
        if found is not None:
            return [found[0].name], found[1]
    return [], None


MAX_AFTER_VERB = 6  # "commented [3]LJ user X": the name comes within a few words of the verb
CLAUSE_ENDS = {",", ".", ";", ":", "\u201c", "\u201d", '"', "!", "?"}


def name_after_verb(ctx: QuoteContext, q: RawQuote, cue: Token, article: int) -> tuple[list[str], Mention | None]:
    """ "“Good-bye!” commented LJ user X in ...", "“Who is next?” – asks X, “...”": a verb right
    after a quote and the name right after the verb, whatever the parse made of the name (an
    object), speak that quote and the one the clause runs into."""
    k = bisect.bisect_left(ctx.quote_starts, cue.idx) - 1
    if k < 0 or ctx.text[ctx.quote_spans[k][1]:cue.idx].strip(" ,.!?-\u2013\u2014\u201d\u2019\""):
        return [], None  # the verb does not follow a quote at once
    if cue.idx < q.outer_start and k + 1 < len(ctx.quote_spans) and ctx.quote_spans[k + 1][0] > q.outer_end:
        return [], None  # a quote after the verb: only the next one
    for tok in cue.doc[cue.i + 1:cue.i + 1 + MAX_AFTER_VERB]:
        if tok.text in CLAUSE_ENDS or ctx.inside_quote(tok.idx):
            break
        ent = entity_at(ctx.index, tok.idx, tok.idx + len(tok))
        if ent is not None and ent.article == article:
            return [ent.name], ctx.mention_of(ent, tok.idx, tok.idx + len(tok))
    return [], None


def name_before_cue(ctx: QuoteContext, q: RawQuote, cue: Token, article: int) -> tuple[list[str], Mention | None]:
    """ "User tengri_88 replies:" where the parse lost the subject: in an introducing line that
    ends with its verb and a colon, the name right before the verb speaks."""
    after = cue.idx + len(cue)
    if cue.idx >= q.outer_start or ctx.text[after:after + 1] != ":":
        return [], None
    end = end_before(ctx.text, cue.idx)
    hi = bisect.bisect_left(ctx.index, end, key=lambda x: x[0])
    for s, e, ent in reversed(ctx.index[max(0, hi - 3):hi]):
        if e == end and ent.article == article:
            return [ent.name], Mention(ctx.text[s:e], s, e)
    return [], None


def reporter_above_writer(ctx: QuoteContext, q: RawQuote, cue: Token, article: int) -> tuple[list[str], Mention | None]:
    """ "Brafman noted that I had long felt that way, and “...”": a cue whose subject is the
    writer ("I", "we") hangs under the reporting clause that speaks; its subject speaks."""
    if not any(s.lower_ in WRITER_WORDS for subj in subject_candidates(cue)[:1] for s in subj):
        return [], None
    for verb in heads(cue, MAX_CLIMB):
        if is_reporting_verb(verb) and subjects_of(verb):
            return cue_subjects(ctx, q, verb, article)
    return [], None


def name_before_colon(ctx: QuoteContext, q: RawQuote, article: int) -> tuple[Entity, Mention] | None:
    colon = end_before(ctx.text, q.outer_start)
    if not colon or ctx.text[colon - 1] != ":":
        return None
    end = end_before(ctx.text, colon - 1)
    hi = bisect.bisect_left(ctx.index, end, key=lambda x: x[0])
    for s, e, ent in reversed(ctx.index[max(0, hi - 3):hi]):
        if e == end and ent.article == article:
            return ent, Mention(ctx.text[s:e], s, e)
    # "Tokayev: “...”" in a headline the model left untagged: the article's one person of that name
    word = ctx.doc.char_span(end - 1, end, alignment_mode="expand")
    if word is not None and len(word) == 1 and word[0].text[:1].isupper():
        people = ctx.by_word.get((article, word[0].text), {})
        if len(people) == 1:
            return next(iter(people.values())), ctx.token_mention(word[0])
    return None


def resolve(ctx: QuoteContext, subj: Token, article: int, depth: int = 0) -> tuple[list[str], Mention | None]:
    """The names a subject stands for, and the words that say so (the pronoun, the name, the
    role phrase): the first of SUBJECT_RESOLVERS that takes the subject decides."""
    for resolver in SUBJECT_RESOLVERS:
        found = resolver(ctx, subj, article, depth)
        if found is not None:
            return found
    return [], None


def person_pronoun(ctx: QuoteContext, subj: Token, article: int, depth: int) -> Resolved | None:
    """ "he", "she": the person the paragraph is about (the nearest subject that names or
    stands for a person), else the one person quoted last, else the nearest person named."""
    if subj.lower_ not in PERSON_PRONOUNS:
        return None
    word = ctx.token_mention(subj)
    ent = recent_subject(ctx, subj, article)
    if ent is not None:
        return [ent.name], word
    if ctx.last.get(article) and ctx.last_labels.get(article) == "PERSON" and len(ctx.last[article]) == 1:
        return ctx.last[article], word
    ent = ctx.nearest_before(subj.idx, "PERSON", article)
    return ([ent.name], word) if ent else ([], None)


def group_pronoun(ctx: QuoteContext, subj: Token, article: int, depth: int) -> Resolved | None:
    """ "they": the last group that spoke, or the last body that did; never one person."""
    if subj.lower_ not in PLURAL_PRONOUNS:
        return None
    last = ctx.last.get(article) or []
    if len(last) > 1 or last and ctx.last_labels.get(article) == "ORG":
        return last, ctx.token_mention(subj)
    return [], None


def body_pronoun(ctx: QuoteContext, subj: Token, article: int, depth: int) -> Resolved | None:
    """ "it said in a statement", "on its website": the body the text is about (the nearest clause subject that
    names a body, in its sentence or the one before), else the body quoted last; never a person."""
    if subj.lower_ not in ("it", "its"):
        return None
    word = ctx.token_mention(subj)
    ent = recent_subject(ctx, subj, article, label="ORG")
    if ent is not None:
        return [ent.name], word
    if ctx.last.get(article) and ctx.last_labels.get(article) == "ORG" and len(ctx.last[article]) == 1:
        return ctx.last[article], word
    return [], None


def relative_pronoun(ctx: QuoteContext, subj: Token, article: int, depth: int) -> Resolved | None:
    """ "Aliya Nurova, who chairs the board, said": the noun the relative clause hangs on."""
    if subj.lower_ not in RELATIVE_PRONOUNS or subj.head.dep_ != "relcl" or depth >= MAX_CHAIN:
        return None
    return resolve(ctx, subj.head.head, article, depth + 1)


def named_subject(ctx: QuoteContext, subj: Token, article: int, depth: int) -> Resolved | None:
    """A subject and its conjuncts that name entities (through HEAD_FINDERS); people
    conjoined with a body ("X, a researcher at the Institute, and its CEO Y") speak, not the body."""
    found: list[tuple[Entity, Token]] = []
    for h in sorted([subj, *subj.conjuncts], key=lambda t: t.i):
        ent = entity_of(ctx, h, article)
        if ent and all(ent is not e for e, _ in found):
            found.append((ent, h))
    if any(e.label == "PERSON" for e, _ in found):
        found = [(e, h) for e, h in found if e.label == "PERSON"]
    if not found:
        return None
    ent, h = found[0]
    # a role word standing for a name in its sentence ("X, a researcher at Y, said"): the name is the evidence
    sent = ctx.sent_of(h.i)
    mention = ctx.mention_of(ent, h.idx, h.idx + len(h)) or ctx.mention_of(ent, sent.start_char, sent.end_char)
    return [e.name for e, _ in found], mention or ctx.phrase_mention(h)


def surname_subject(ctx: QuoteContext, subj: Token, article: int, depth: int) -> Resolved | None:
    """ "Espinoza tells" where the model missed "Espinoza": the article's one person of that name."""
    ent = ctx.person_by_surname(subj, article)
    return ([ent.name], ctx.token_mention(subj)) if ent is not None else None


def entity_of(ctx: QuoteContext, head: Token, article: int) -> Entity | None:
    """The named entity a subject's head stands for: the first of HEAD_FINDERS that names one."""
    for finder in HEAD_FINDERS:
        ent = finder(ctx, head, article)
        if ent is not None:
            return ent
    return None


def own_mention(ctx: QuoteContext, head: Token, article: int) -> Entity | None:
    """The head is a word of an entity's mention."""
    return entity_at(ctx.index, head.idx, head.idx + len(head))


def apposition(ctx: QuoteContext, head: Token, article: int) -> Entity | None:
    """ "One reader, Dana Serikova, wrote", "Ryanair CEO, Michael O'Leary", "the mayor of
    Almaty, Yerbolat Dossayev" (the name is the head's apposition) and "Sam Hale, a Junior Researcher ..." (the role is the name's);
    a role word (a title) stands only for a person."""
    role = head.lower_ in resources.title_words()
    linked = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
    if role:  # "the mayor of Almaty, Yerbolat Dossayev": the parse hangs the name on the role's "of" object
        linked += [a for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj" for a in g.children if a.dep_ == "appos"]
    for c in linked:
        ent = entity_at(ctx.index, c.idx, c.idx + len(c))
        if ent and (ent.label == "PERSON" or not role and head.pos_ == "NOUN"):
            return ent
    return None


MAX_TITLE_TOKENS = 12  # "the Deputy Chairman of the Management Board of KEGOC": longer is no title


def name_ending_title(ctx: QuoteContext, head: Token, article: int) -> Entity | None:
    """ "said the Chairman of the Board of Samruk-Kazyna Nurlan Zhakupov": a role phrase that
    runs on, with no comma, into a person's name names that person (not the body inside it)."""
    if head.lower_ not in resources.title_words():
        return None
    edge = head.right_edge
    if not 0 < edge.i - head.i <= MAX_TITLE_TOKENS or \
            any(t.is_punct and t.text not in "-'\u2019." for t in head.doc[head.i:edge.i + 1]):
        return None
    ent = entity_at(ctx.index, edge.idx, edge.idx + len(edge))
    return ent if ent is not None and ent.label == "PERSON" and ent.article == article else None


def role_anaphor(ctx: QuoteContext, head: Token, article: int) -> Entity | None:
    """ "the minister added", "the Head of State said", "the Uzbek leader": the nearest person
    named before with that role (`role_synonyms.tsv` says which titles a role phrase stands
    for); a role one person holds in a country or a city that no one named holds is the
    person the paragraph is about ("Tokayev chaired ... “...,” the President noted")."""
    if head.lower_ not in resources.title_words() or not ctx.definite(head):
        return None
    synonyms = role_synonyms()
    phrase = role_phrase(head) if bare_role(head) else None
    words = synonyms.get(phrase) or (head.lower_,)
    ent = ctx.nearest_titled(head.idx, words, article)
    if ent is None and phrase in synonyms:
        ent = recent_subject(ctx, head, article)
    return ent


def body_anaphor(ctx: QuoteContext, head: Token, article: int) -> Entity | None:
    """ "the company said", "according to the newspaper": the nearest body named before
    (not "the state company", whose own words name another body)."""
    if ctx.definite(head) and head.lower_ in resources.word_list("anaphors.txt") and \
            not any(c.dep_ in ("compound", "amod", "poss") and c.text[:1].isupper() for c in head.children):
        return ctx.nearest_before(head.idx, "ORG", article)
    return None


def noun_phrase_entity(ctx: QuoteContext, head: Token, article: int) -> Entity | None:
    """An entity inside the subject's noun phrase ("the head of the Institute")."""
    a, b = noun_phrase(head)
    return entity_at(ctx.index, a, b)


def owner(ctx: QuoteContext, head: Token, article: int) -> Entity | None:
    """ "the ministry's press service", "the press office of Kazatomprom", "the bank's
    spokesman", "a spokeswoman for the company": the body whose office or spokesman it is speaks."""
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [g for c in head.children if c.dep_ == "prep" and c.i == head.i + 1
               and (c.lower_ == "of" or c.lower_ == "for" and head.lower_ in SPOKESPEOPLE)
               for g in c.children if g.dep_ == "pobj"]
    for tok in owners:
        ent = own_mention(ctx, tok, article) or body_anaphor(ctx, tok, article)
        if ent is not None and ent.label == "ORG":
            return ent
    return None


def recent_subject(ctx: QuoteContext, pronoun: Token, article: int, depth: int = 0,
                   label: str = "PERSON") -> Entity | None:
    """The nearest person (or body, by `label`) before a pronoun who is a clause's subject, in its
    sentence or the one before; a pronoun subject there ("He was joined by ...") stands for the
    one before it."""
    key = (pronoun.i, article, depth, label)
    if key in ctx.subjects_seen:  # each pronoun's chain is walked once: many pronouns stay linear
        return ctx.subjects_seen[key]
    start = ctx.sent_starts[pronoun.i]
    if start > 0:
        start = ctx.sent_starts[start - 1]
    same = PERSON_PRONOUNS if label == "PERSON" else {"it"}
    found = None
    for tok in reversed(ctx.doc[start:pronoun.i]):
        if tok.dep_ in SUBJECT_DEPS and not ctx.inside_quote(tok.idx):
            ent = ctx.person_in(tok, article, label)
            if ent is None and tok.lower_ in same and depth < MAX_CHAIN:
                ent = recent_subject(ctx, tok, article, depth + 1, label)
            if ent is not None:
                found = ent
                break
    ctx.subjects_seen[key] = found
    return found


SPEAKER_FINDERS = (cue_subjects, name_before_verb, name_after_verb, name_before_cue,
                   reporter_above_writer)
# What a subject stands for: the first resolver that takes the subject decides (None: not mine).
SUBJECT_RESOLVERS = (person_pronoun, body_pronoun, group_pronoun, relative_pronoun, named_subject, surname_subject)
# Which entity a subject's head names: the first that finds one wins.
HEAD_FINDERS = (own_mention, apposition, name_ending_title, role_anaphor, body_anaphor, noun_phrase_entity, owner)
