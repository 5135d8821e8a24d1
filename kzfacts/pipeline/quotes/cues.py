"""Cues: the reporting verb (or "according to", or a speech noun) that says a quote is speech, and
who may be speaking through it. `CUE_FINDERS` are tried in order; the first that finds a cue wins."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ... import resources
from ..support.syntax import heads
from ..support.tokens import tokens_of
from .context import QuoteContext, entity_at
from .marks import RawQuote

SUBJECT_DEPS = ("nsubj", "nsubjpass")
MAX_CLIMB = 6


def is_reporting_verb(token: Token) -> bool:
    """A verb that introduces reported speech (`reporting_verbs.txt`), or a word the tagger got
    wrong that acts as one ("says," before a quote); never a noun with its article ("The brand,")."""
    verbs = resources.reporting_verbs()
    lemma = token.lemma_.lower()
    t = tokens_of(token.doc)
    if lemma != "put" and lemma not in verbs and t.lower[token.i] not in verbs:
        return False  # the test every word fails first: no reporting verb at all
    if token.i >= 2 and t.text[token.i - 1] == "-" and t.lower[token.i - 2] == "so":
        return False  # "so-called"
    if token.pos_ == "PROPN" and token.ent_type_ and not token.is_sent_start:
        return False  # "the Washington Post,": a word of a name
    if lemma == "put" and any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children):
        return is_source_clause(token)  # "as the minister put it"
    if lemma in verbs or t.lower[token.i] in verbs:
        return token.pos_ in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS for c in token.children) or \
            token.i + 1 < len(token.doc) and t.text[token.i + 1] in (":", ",") \
            and not any(c.dep_ == "det" for c in token.children)
    return False


def is_source_clause(verb: Token) -> bool:
    """ "As Kursiv reported, ...": a clause that names the source of what the sentence says."""
    return verb.i in source_clause_heads(verb.doc)


def source_clause_heads(doc: Doc) -> set[int]:
    """The verbs of the Doc that `is_source_clause` says yes to: those an "as" marks."""
    t = tokens_of(doc)
    dep, head = t.dep, t.head
    return {head[k] for k in t.where_lower("as") if dep[k] == "mark"}


def find_cue(tokens: list[Token], q_start: int, q_end: int, governors: set[int] | None = None) -> Token | None:
    """The reporting verb governing the quote, else a source clause ("As Kursiv reported, ..."),
    else the nearest reporting verb among the given tokens."""
    marked = source_clause_heads(tokens[0].doc) if tokens else set()
    sources = [t for t in tokens if t.i in marked and is_reporting_verb(t)]
    if governors:
        ruling = [t for t in tokens if t.i in governors and is_reporting_verb(t)]
        if ruling:
            return min(ruling, key=lambda t: min(abs(t.idx - q_end), abs(t.idx - q_start)))
    if sources:
        return min(sources, key=lambda t: min(abs(t.idx - q_end), abs(t.idx - q_start)))
    best, best_d = None, 10 ** 9
    for t in tokens:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and tokens_of(t.doc).lower[t.i + 1] == "to":
            d = min(abs(t.idx - q_end), abs(t.idx - q_start))
            if d < best_d:
                best, best_d = t, d
            continue
        if is_reporting_verb(t):
            d = min(abs(t.idx - q_end), abs(t.idx - q_start))
            if d < best_d:
                best, best_d = t, d
    return best


def subjects_of(token: Token) -> list[Token]:
    subj = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if subj:
        return subj
    for agent in (c for c in token.children if c.dep_ == "agent"):
        objs = [g for g in agent.children if g.dep_ == "pobj"]
        if objs:
            return objs
    return []


SOURCE_PREPS = ("from", "by", "of", "on")


def source_of(noun: Token, depth: int = 0) -> list[Token]:
    """Who a document is from: "a statement from the ministry", "a release by the airline", "a
    statement on its website", "on the website of X" (one page deep)."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return owners[:1]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in SOURCE_PREPS):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if prep.lower_ != "on":
                return [obj]
            return source_of(obj, depth + 1) if depth < 1 else []
    return []


def subject_candidates(verb: Token) -> list[list[Token]]:
    """Who may be speaking through a cue verb, most likely first.

    The verb's own subject settles it. A participle ("..., adding that") or a clause on a
    noun ("a resolution calling on") takes the subject of the nearest reporting verb above
    it, then the noun it hangs on, then the nearest clause above that has a subject.
    """
    if verb.lower_ == "according":
        to = verb.doc[verb.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"][:1]
        # "according to a statement from the ministry / on its website": failing the document, its source
        return [objs] + [found for found in (source_of(o) for o in objs) if found]
    if verb.pos_ in ("NOUN", "PROPN") and verb.lower_ in resources.word_list("speech_nouns.txt"):
        # a speech noun: "Tokayev's statement", "a statement from the ministry", "a tweet by X"
        owners = [c for c in verb.children if c.dep_ == "poss"]
        sources = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                   for g in c.children if g.dep_ == "pobj"]
        return [found for found in (owners, sources) if found]
    # "Detik.com quoted Djamal as saying": the one quoted speaks, not the outlet
    quoting = verb.head.head if verb.head.lower_ == "as" and verb.head.dep_ == "prep" else verb
    quoted: list[list[Token]] = []
    if quoting.lemma_.lower() in ("quote", "cite"):
        objs = [c for c in quoting.children if c.dep_ == "dobj"]
        if objs:
            quoted.append(objs)
    if quoted and (quoting.i != verb.i or any(c.lower_ == "as" for c in quoting.children)):
        return quoted  # "X quoted a source as saying": the outlet is never who spoke
    own = subjects_of(verb)
    if own:
        return quoted + [own]
    # "prompted the Atlas to state": the object of the verb above speaks
    if verb.dep_ == "xcomp":
        objs = [c for c in verb.head.children if c.dep_ == "dobj"]
        if objs:
            quoted.append(objs)
    reporting: list[list[Token]] = []
    fallback: list[list[Token]] = []
    noun: list[list[Token]] = []
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        noun.append([verb.head])
    for tok in heads(verb, MAX_CLIMB):
        subj = subjects_of(tok)
        if not subj:
            continue
        if is_reporting_verb(tok) and not reporting:
            reporting.append(subj)
        elif not fallback:
            fallback.append(subj)
    return quoted + reporting + noun + fallback


def governing_cue(ctx: QuoteContext, q: RawQuote) -> Token | None:
    """The reporting verb governing the quote in its sentence, else the nearest one; in the
    paragraph before a quote that opens its own, the first reporting clause of its last
    sentence ("CNN reported that X testifies ..." and then the quote: CNN's)."""
    cue = find_cue(ctx.context_tokens(q), q.outer_start, q.outer_end, ctx.governors(q))
    if cue is not None and q.opens_paragraph and cue.idx < q.outer_start and \
            "\n" in ctx.text[cue.idx:q.outer_start]:
        return next((t for t in ctx.sent_of(cue.i) if not ctx.inside_quote(t.idx) and is_reporting_verb(t)
                     and subjects_of(t)), cue)
    return cue


def introducing_cue(ctx: QuoteContext, q: RawQuote) -> Token | None:
    """A reporting verb in a paragraph before the quote that ends with a colon ("He added:")."""
    return find_cue(ctx.introducing_line(q), q.outer_start, q.outer_end)


def speech_noun_cue(ctx: QuoteContext, q: RawQuote) -> Token | None:
    """ "Here is the statement from the ministry:", "a tweet by X on Monday:": a speech noun
    in an introducing line, with its source named beside it."""
    for tok in reversed(ctx.introducing_line(q)):
        if tok.lower_ in resources.word_list("speech_nouns.txt") and tok.pos_ == "NOUN" \
                and entity_at(ctx.index, tok.idx, tok.idx + len(tok)) is None and subject_candidates(tok):
            return tok
    return None


def statement_cue(ctx: QuoteContext, q: RawQuote) -> Token | None:
    """ "President Clinton released the following statement:": an introducing line's own verb."""
    intro = ctx.introducing_line(q)
    if intro:
        root = ctx.sent_of(intro[-1].i).root
        if root.pos_ in ("VERB", "AUX") and subjects_of(root):
            return root
    return None


# The order in which a quote's cue is looked for; the first that finds one wins.
CUE_FINDERS = (governing_cue, introducing_cue, speech_noun_cue, statement_cue)
