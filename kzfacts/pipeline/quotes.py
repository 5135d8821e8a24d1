"""Quotes: quotation spans found on the raw text, attributed through the parse.

Marks are paired by type on each paragraph and never raise on stray or unbalanced marks; a
paragraph that opens with a quote mark and leaves it open continues into the next paragraph
that opens with one. The speaker is the subject of the reporting verb governing the quote,
resolved through pronouns, "who" and conjunctions to the article's named entities.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from .. import resources
from .base import KzComponent
from .facts import Entity, Mention, Quote
from .support.syntax import heads
from .support.text import article_at, doc_text, sentence_ends, sentence_starts, split_lines
from .support.tokens import tokens_of

OPENERS = {"\u201c": "double", "\u00ab": "double", "\u201e": "double", "\u2018": "single"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
PERSON_PRONOUNS = {"he", "she", "him", "her"}
PLURAL_PRONOUNS = {"they", "them"}
WRITER_WORDS = {"i", "we"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
MAX_CLIMB = 6
MAX_CHAIN = 3  # pronoun to pronoun, relative pronoun to its noun: never more links than this
SPEAKER_WORDS = {"i", "i'm", "i've", "i'll", "i'd", "me", "my", "we", "we're", "we've", "we'll", "us", "our",
                 "you", "you're", "your"}


@dataclass
class RawQuote:
    """A quotation found on the text: content bounds, outer bounds (with marks), paragraph."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    open_end: bool = False
    opens_paragraph: bool = False
    mark: str = "\u201c"


# every mark `_is_opener` or `_is_closer` can say yes to
_MARKS = re.compile("[\u201c\u00ab\u201e\u2018\"\u201d\u00bb\u2019]")


def _is_opener(text: str, i: int) -> str | None:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in OPENERS:
        if ch == "\u2018" and not (prev.isspace() or prev in "(\u201c\"[\u2014-") :
            return None
        return OPENERS[ch]
    if ch == '"' and (prev.isspace() or prev in "([{\u2014\u2013-:/") and not nxt.isspace():
        return "double"
    return None


def _is_closer(text: str, i: int, kind: str) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if kind == "double":
        return ch in ("\u201d", "\u00bb", '"') or ch == "\u201c" and not nxt.isalnum()
    # a single closer is not an apostrophe: "country’s" and "don’t" keep their letter after
    return ch == "\u2019" and not prev.isspace() and not nxt.isalpha()


def find_raw_quotes(text: str) -> list[RawQuote]:
    """Quotations on the text, paragraph by paragraph; never raises."""
    found: list[RawQuote] = []
    for line in split_lines(text):
        s = line.text
        open_kind: str | None = None
        open_at = 0
        for m in _MARKS.finditer(s):  # only a mark can open or close: the other characters are skipped
            i = m.start()
            if open_kind is not None:
                if _is_closer(s, i, open_kind) and i > open_at + 1:
                    found.append(RawQuote(line.start + open_at + 1, line.start + i, line.start + open_at,
                                          line.start + i + 1, opens_paragraph=open_at == 0, mark=s[open_at]))
                    open_kind = None
                    continue
                if open_kind != "single" or m.group() not in ("\u201c", '"'):
                    continue
                open_kind = None  # a stray single mark: the double mark matters more, and may open here
            kind = _is_opener(s, i)
            if kind:
                open_kind, open_at = kind, i
        if open_kind is not None and len(s) - open_at > 2:
            found.append(RawQuote(line.start + open_at + 1, line.end, line.start + open_at, line.end,
                                  open_end=True, opens_paragraph=open_at == 0, mark=s[open_at]))
    return _join_paragraphs(text, found)


def indented_quotes(doc: Doc, quotes: list[RawQuote]) -> list[RawQuote]:
    """ "Blogger Aigerim writes:" and then indented paragraphs without marks: a quoted post.

    Only after a line that ends with a reporting verb and a colon, so an indented list or a
    table is never taken for speech."""
    text = doc_text(doc)
    lines = split_lines(text)
    marked = {q.outer_start for q in quotes}
    found: list[RawQuote] = []
    k = 0
    while k < len(lines) - 1:
        intro, k = lines[k], k + 1
        if not intro.text.endswith(":") or not _indented(text, lines[k].start) or lines[k].start in marked:
            continue
        words = intro.text[:-1].split()
        if not words or intro.text[-2:-1].isspace():
            continue  # a colon alone on its line, or after a space ("writes :"): no verb right before it
        verb = doc.char_span(intro.end - 1 - len(words[-1]), intro.end - 1, alignment_mode="expand")
        if verb is None or not len(verb) or verb[-1].lemma_.lower() not in resources.reporting_verbs():
            continue
        first = last = lines[k]
        while k + 1 < len(lines) and _indented(text, lines[k + 1].start) and lines[k + 1].start not in marked:
            k += 1
            last = lines[k]
        found.append(RawQuote(first.start, last.end, first.start, last.end, opens_paragraph=True, mark="indent"))
    return found


def _indented(text: str, line_start: int) -> bool:
    """A line whose first word comes after two spaces or a tab."""
    head = text[text.rfind("\n", 0, line_start) + 1:line_start]
    return head.startswith("\t") or len(head) >= 2


def _join_paragraphs(text: str, quotes: list[RawQuote]) -> list[RawQuote]:
    """A paragraph that opens a quote and leaves it open continues into the next one that opens one
    with the same mark: a paragraph opening with another mark (“ inside a block quoted with ")
    is a quote of its own, quoted inside the block."""
    out: list[RawQuote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (prev and prev.open_end and prev.opens_paragraph and q.opens_paragraph and q.mark == prev.mark
                and not text[prev.outer_end:q.outer_start].strip()):
            prev.end, prev.outer_end, prev.open_end = q.end, q.outer_end, q.open_end
            continue
        out.append(q)
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Quote bounds without surrounding space and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def is_name_like(quoted: str) -> bool:
    """ "Dialogue Platform for the Human Dimension": a quoted name or title, not speech.

    American style puts a closing full stop or comma inside the marks even after a name
    (a group called “Indian Americans for Hillary 2008.”), so one is allowed after two words or more.
    """
    words = quoted.split()
    if len(words) >= 2 and quoted.rstrip()[-1:] in ".," and quoted.rstrip()[-2:-1] not in ".,":
        quoted = quoted.rstrip()[:-1]
        words = quoted.split()
    if not words or quoted.rstrip()[-1:] in ".!?,":
        return False
    if any(w.lower().replace("\u2019", "'") in SPEAKER_WORDS for w in words):
        return False  # "I'm the Worst Thing That Ever Happened": a headline-case quote is still speech
    small = {"of", "for", "the", "and", "on", "in", "to", "a", "an", "at", "by", "with", "&"}
    return len(words) <= 12 and all(w[0].isupper() or w.lower() in small or not w[0].isalpha() for w in words)


def end_before(text: str, offset: int) -> int:
    """Where the text before `offset` ends once trailing white space is left out:
    `len(text[:offset].rstrip())` without copying the text for every quote."""
    while offset > 0 and text[offset - 1].isspace():
        offset -= 1
    return offset


def is_partial(text: str, q: RawQuote) -> bool:
    """A fragment inside the writer's sentence ("has said that “meaningful progress” has been made")."""
    end = end_before(text, q.outer_start)
    prev = text[end - 1] if end else ""
    first = text[q.start:q.end].lstrip()[:1]
    return bool(prev and (prev.isalnum() or prev in ")\u2019'")) or (first.islower() and prev not in (":",))


# --- attribution ---------------------------------------------------------------------------

def _mention_index(entities: list[Entity]) -> list[tuple[int, int, Entity]]:
    return sorted(((m.start, m.end, e) for e in entities if e.label in ("PERSON", "ORG") for m in e.mentions),
                  key=lambda x: x[0])


MAX_MENTION_CHARS = 300


def entity_at(index: list[tuple[int, int, Entity]], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end); `index` is sorted by start."""
    lo = bisect.bisect_left(index, start - MAX_MENTION_CHARS, key=lambda x: x[0])
    for k in range(lo, len(index)):  # not a slice: a copy of the index for every quote
        s, e, ent = index[k]
        if s >= end:
            break
        if s < end and start < e:
            return ent
    return None


def _noun_phrase(token: Token) -> tuple[int, int]:
    """Character bounds of a subject's noun phrase without relative clauses and appositions."""
    left = token.left_edge.idx
    last = token
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "prep", "pobj") and child.i == last.i + 1:
            # "the head of the Institute": a preposition brings its object's phrase
            objs = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
            last = objs[-1] if objs and objs[-1].i - child.i <= 6 else child
    return left, last.idx + len(last)


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


def _subjects(token: Token) -> list[Token]:
    subj = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if subj:
        return subj
    for agent in (c for c in token.children if c.dep_ == "agent"):
        objs = [g for g in agent.children if g.dep_ == "pobj"]
        if objs:
            return objs
    return []


def subject_candidates(verb: Token) -> list[list[Token]]:
    """Who may be speaking through a cue verb, most likely first.

    The verb's own subject settles it. A participle ("..., adding that") or a clause on a
    noun ("a resolution calling on") takes the subject of the nearest reporting verb above
    it, then the noun it hangs on, then the nearest clause above that has a subject.
    """
    if verb.lower_ == "according":
        to = verb.doc[verb.i + 1]
        return [[c for c in to.children if c.dep_ == "pobj"][:1]]
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
    own = _subjects(verb)
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
        subj = _subjects(tok)
        if not subj:
            continue
        if is_reporting_verb(tok) and not reporting:
            reporting.append(subj)
        elif not fallback:
            fallback.append(subj)
    return quoted + reporting + noun + fallback


@resources.cached
def role_synonyms() -> dict[str, tuple[str, ...]]:
    """Role phrase -> the title words it stands for (`role_synonyms.tsv`)."""
    return {row[0]: tuple(row[1].split()) for row in resources.table("role_synonyms.tsv") if len(row) >= 2}


def _of_complement(head: Token) -> Token | None:
    """ "State" in "Head of State": the object of an "of" right after a role word."""
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.lower_ == "of" and nxt.head.i == head.i:
        return next((g for g in nxt.children if g.dep_ == "pobj" and g.i == nxt.i + 1), None)
    return None


def bare_role(head: Token) -> bool:
    """A role with nothing narrowing it but title words and a nationality ("the Uzbek leader",
    "the Head of State"), not "the opposition leader" or "the governor of the National Bank"."""
    for c in head.children:
        if c.i < head.i and c.dep_ in ("compound", "amod", "nmod", "poss") and c.lower_ not in resources.title_words() \
                and c.lower_ not in resources.demonyms():
            return False
        if c.i > head.i and c.dep_ == "prep" and _of_complement(head) is None:
            return False
    return True


def role_phrase(head: Token) -> str:
    """A role word with its title words before it and its "of" complement: "prime minister",
    "head of state", lower case."""
    words = [c.lower_ for c in head.children if c.i < head.i and c.dep_ in ("compound", "amod")
             and c.lower_ in resources.title_words()] + [head.lower_]
    complement = _of_complement(head)
    return " ".join(words + (["of", complement.lower_] if complement is not None else []))


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans as sorted disjoint ranges: a quote inside a quoted block is inside the block."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


Resolved = tuple[list[str], "Mention | None"]


@dataclass
class Attribution:
    speakers: list[str]
    cue: str | None
    mention: Mention | None = None


class Attributor:
    """Finds speakers for the quotes of one doc, remembering the last ones for pronouns."""

    def __init__(self, doc: Doc, entities: list[Entity], quote_spans: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.index = _mention_index(entities)
        self.labels: dict[str, str] = {}  # name -> label of its first mention
        self.by_word: dict[tuple[int, str], dict[int, Entity]] = {}  # (article, word of a name) -> people
        for _, _, ent in self.index:
            self.labels.setdefault(ent.name, ent.label)
            if ent.label == "PERSON":
                for word in ent.name.split():
                    self.by_word.setdefault((ent.article, word), {})[id(ent)] = ent
        self.quote_spans = merged_spans(quote_spans)
        self.quote_starts = [s for s, _ in self.quote_spans]
        self.last: dict[int, list[str]] = {}  # article -> last speakers
        self.last_labels: dict[int, str] = {}
        self.subjects_seen: dict[tuple[int, int, int], Entity | None] = {}

    @cached_property
    def sent_starts(self) -> list[int]:
        """The start of each token's sentence (`doc[i].sent.start`, a few microseconds each), read once."""
        return sentence_starts(self.doc)

    @cached_property
    def sent_ends(self) -> list[int]:
        """The end of each token's sentence (`doc[i].sent.end`), read once."""
        return sentence_ends(self.doc)

    def sent_of(self, i: int) -> Span:
        """Token i's sentence: `doc[i].sent` from the bounds read once."""
        return self.doc[self.sent_starts[i]:self.sent_ends[i]]

    def inside_quote(self, i: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, i) - 1
        return k >= 0 and i < self.quote_spans[k][1]

    def context_tokens(self, q: RawQuote) -> list[Token]:
        doc = self.doc
        first = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
        if first is None:
            return []
        starts, ends = self.sent_starts, self.sent_ends
        sents = {starts[first.start]: ends[first.start], starts[first.end - 1]: ends[first.end - 1]}
        # the text before an opening mark introduced by a colon, and after the closing mark
        if first.start > 0:
            prev = doc[first.start - 1]
            sents[starts[prev.i]] = ends[prev.i]
            if prev.is_space and first.start > 1 and tokens_of(doc).text[first.start - 2] == ":":
                sents[starts[first.start - 2]] = ends[first.start - 2]
        if first.end < len(doc):
            nxt = doc[first.end]
            if not nxt.is_space:
                sents[starts[nxt.i]] = ends[nxt.i]
        toks = []
        shared = tokens_of(doc)
        idx, text = shared.idx, shared.text
        for start, end in sents.items():
            toks.extend(doc[j] for j in range(start, end) if not self.inside_quote(idx[j]) and not text[j].isspace())
        return toks

    def governors(self, q: RawQuote) -> set[int]:
        """Tokens above the quote's words in the parse: the verbs that govern it."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not len(span):
            return set()
        return {a.i for t in (span[0], span.root) for a in heads(t)}

    def introducing_line(self, q: RawQuote) -> list[Token]:
        """A paragraph before the quote that ends with a colon ("He added:")."""
        end = end_before(self.text, q.outer_start)
        if not end or self.text[end - 1] != ":":
            return []
        line_start = self.text.rfind("\n", 0, end) + 1
        span = self.doc.char_span(line_start, end, alignment_mode="expand")
        return [t for t in span if not self.inside_quote(t.idx)] if span is not None else []

    def resolve(self, subj: Token, article: int, depth: int = 0) -> tuple[list[str], Mention | None]:
        """The names a subject stands for, and the words that say so (the pronoun, the name, the
        role phrase): the first of SUBJECT_RESOLVERS that takes the subject decides."""
        for resolver in SUBJECT_RESOLVERS:
            found = resolver(self, subj, article, depth)
            if found is not None:
                return found
        return [], None

    def person_pronoun(self, subj: Token, article: int, depth: int) -> Resolved | None:
        """ "he", "she": the person the paragraph is about (the nearest subject that names or
        stands for a person), else the one person quoted last, else the nearest person named."""
        if subj.lower_ not in PERSON_PRONOUNS:
            return None
        word = self.token_mention(subj)
        ent = self.recent_subject(subj, article)
        if ent is not None:
            return [ent.name], word
        if self.last.get(article) and self.last_labels.get(article) == "PERSON" and len(self.last[article]) == 1:
            return self.last[article], word
        ent = self.nearest_before(subj.idx, "PERSON", article)
        return ([ent.name], word) if ent else ([], None)

    def group_pronoun(self, subj: Token, article: int, depth: int) -> Resolved | None:
        """ "they": the last group that spoke, or the last body that did; never one person."""
        if subj.lower_ not in PLURAL_PRONOUNS:
            return None
        last = self.last.get(article) or []
        if len(last) > 1 or last and self.last_labels.get(article) == "ORG":
            return last, self.token_mention(subj)
        return [], None

    def relative_pronoun(self, subj: Token, article: int, depth: int) -> Resolved | None:
        """ "Aliya Nurova, who chairs the board, said": the noun the relative clause hangs on."""
        if subj.lower_ not in RELATIVE_PRONOUNS or subj.head.dep_ != "relcl" or depth >= MAX_CHAIN:
            return None
        return self.resolve(subj.head.head, article, depth + 1)

    def named_subject(self, subj: Token, article: int, depth: int) -> Resolved | None:
        """A subject and its conjuncts that name entities (through HEAD_FINDERS); people
        conjoined with a body ("X, a researcher at the Institute, and its CEO Y") speak, not the body."""
        found: list[tuple[Entity, Token]] = []
        for h in sorted([subj, *subj.conjuncts], key=lambda t: t.i):
            ent = self.entity_of(h, article)
            if ent and all(ent is not e for e, _ in found):
                found.append((ent, h))
        if any(e.label == "PERSON" for e, _ in found):
            found = [(e, h) for e, h in found if e.label == "PERSON"]
        if not found:
            return None
        ent, h = found[0]
        # a role word standing for a name in its sentence ("X, a researcher at Y, said"): the name is the evidence
        sent = self.sent_of(h.i)
        mention = self.mention_of(ent, h.idx, h.idx + len(h)) or self.mention_of(ent, sent.start_char, sent.end_char)
        return [e.name for e, _ in found], mention or self.phrase_mention(h)

    def surname_subject(self, subj: Token, article: int, depth: int) -> Resolved | None:
        """ "Espinoza tells" where the model missed "Espinoza": the article's one person of that name."""
        ent = self.person_by_surname(subj, article)
        return ([ent.name], self.token_mention(subj)) if ent is not None else None

    def entity_of(self, head: Token, article: int) -> Entity | None:
        """The named entity a subject's head stands for: the first of HEAD_FINDERS that names one."""
        for finder in HEAD_FINDERS:
            ent = finder(self, head, article)
            if ent is not None:
                return ent
        return None

    def own_mention(self, head: Token, article: int) -> Entity | None:
        """The head is a word of an entity's mention."""
        return entity_at(self.index, head.idx, head.idx + len(head))

    def apposition(self, head: Token, article: int) -> Entity | None:
        """ "One reader, Dana Serikova, wrote", "Ryanair CEO, Michael O'Leary" (the name is the
        head's apposition) and "Simon Hewitt, a Junior Researcher ..." (the role is the name's);
        a role word (a title) stands only for a person."""
        role = head.lower_ in resources.title_words()
        linked = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        for c in linked:
            ent = entity_at(self.index, c.idx, c.idx + len(c))
            if ent and (ent.label == "PERSON" or not role and head.pos_ == "NOUN"):
                return ent
        return None

    def role_anaphor(self, head: Token, article: int) -> Entity | None:
        """ "the minister added", "the Head of State said", "the Uzbek leader": the nearest person
        named before with that role (`role_synonyms.tsv` says which titles a role phrase stands
        for); a role one person holds in a country or a city that no one named holds is the
        person the paragraph is about ("Tokayev chaired ... “...,” the President noted")."""
        if head.lower_ not in resources.title_words() or not self.definite(head):
            return None
        synonyms = role_synonyms()
        phrase = role_phrase(head) if bare_role(head) else None
        words = synonyms.get(phrase) or (head.lower_,)
        ent = self.nearest_titled(head.idx, words, article)
        if ent is None and phrase in synonyms:
            ent = self.recent_subject(head, article)
        return ent

    def owner(self, head: Token, article: int) -> Entity | None:
        """ "the ministry's press service", "the press office of Kazatomprom", "the bank's
        spokesman": the body whose office or spokesman it is speaks."""
        owners = [c for c in head.children if c.dep_ == "poss"]
        owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1
                   for g in c.children if g.dep_ == "pobj"]
        for tok in owners:
            ent = self.own_mention(tok, article) or self.body_anaphor(tok, article)
            if ent is not None and ent.label == "ORG":
                return ent
        return None

    def body_anaphor(self, head: Token, article: int) -> Entity | None:
        """ "the company said", "according to the newspaper": the nearest body named before
        (not "the state company", whose own words name another body)."""
        if self.definite(head) and head.lower_ in resources.word_list("anaphors.txt") and \
                not any(c.dep_ in ("compound", "amod", "poss") and c.text[:1].isupper() for c in head.children):
            return self.nearest_before(head.idx, "ORG", article)
        return None

    def noun_phrase_entity(self, head: Token, article: int) -> Entity | None:
        """An entity inside the subject's noun phrase ("the head of the Institute")."""
        a, b = _noun_phrase(head)
        return entity_at(self.index, a, b)

    @staticmethod
    def definite(head: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)

    def token_mention(self, token: Token) -> Mention:
        return Mention(token.text, token.idx, token.idx + len(token))

    def mention_of(self, ent: Entity, start: int, end: int) -> Mention | None:
        """The entity's own mention overlapping [start, end): "President Tokayev" for the token "Tokayev"."""
        return next((m for m in ent.mentions if m.start < end and start < m.end), None)

    def phrase_mention(self, head: Token) -> Mention:
        """A role phrase up to its head ("the minister", "the central bank", "the Head of State"):
        the words it was resolved from."""
        left = min((c for c in head.children if c.i < head.i and c.dep_ in ("det", "amod", "compound", "poss")),
                   key=lambda c: c.i, default=head)
        last = _of_complement(head) if role_phrase(head) in role_synonyms() else None
        start, end = left.idx, (last or head).idx + len(last or head)
        return Mention(self.text[start:end], start, end)

    def nearest_titled(self, offset: int, roles: tuple[str, ...], article: int) -> Entity | None:
        """The nearest person named before `offset` with a title holding one of the role words."""
        return self.nearest_before(offset, "PERSON", article,
                                   lambda ent: any(role in t.lower().split() for t in ent.titles for role in roles))

    def person_by_surname(self, token: Token, article: int) -> Entity | None:
        """ "Espinoza tells" where the model missed "Espinoza": the article's one person of that name."""
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            return None
        matches = self.by_word.get((article, token.text), {})
        return next(iter(matches.values())) if len(matches) == 1 else None

    def recent_subject(self, pronoun: Token, article: int, depth: int = 0) -> Entity | None:
        """The nearest person before a pronoun who is a clause's subject, in its sentence or the
        one before; a pronoun subject there ("He was joined by ...") stands for the one before it."""
        key = (pronoun.i, article, depth)
        if key in self.subjects_seen:  # each pronoun's chain is walked once: many pronouns stay linear
            return self.subjects_seen[key]
        start = self.sent_starts[pronoun.i]
        if start > 0:
            start = self.sent_starts[start - 1]
        found = None
        for tok in reversed(self.doc[start:pronoun.i]):
            if tok.dep_ in SUBJECT_DEPS and not self.inside_quote(tok.idx):
                ent = self.person_in(tok, article)
                if ent is None and tok.lower_ in PERSON_PRONOUNS and depth < MAX_CHAIN:
                    ent = self.recent_subject(tok, article, depth + 1)
                if ent is not None:
                    found = ent
                    break
        self.subjects_seen[key] = found
        return found

    def person_in(self, head: Token, article: int) -> Entity | None:
        """The first person named in a subject's phrase ("The akim of Almaty, Yerbolat Dossayev,")."""
        end = head.right_edge.idx + len(head.right_edge)
        lo = bisect.bisect_left(self.index, head.left_edge.idx, key=lambda x: x[0])
        for k in range(lo, len(self.index)):
            s, _, ent = self.index[k]
            if s >= end:
                break
            if ent.label == "PERSON" and ent.article == article:
                return ent
        return None

    def nearest_before(self, offset: int, label: str, article: int,
                       fits: Callable[[Entity], bool] | None = None) -> Entity | None:
        """The nearest entity of `label` named before `offset` in the article (that `fits`, if given)."""
        hi = bisect.bisect_left(self.index, offset, key=lambda x: x[0])
        for k in range(hi - 1, -1, -1):
            ent = self.index[k][2]
            if ent.article != article:
                return None
            if ent.label == label and (fits is None or fits(ent)):
                return ent
        return None

    def attribute(self, q: RawQuote, article: int) -> Attribution:
        """The speaker of a quote: the first of CUE_FINDERS that finds a cue, then the first of
        SPEAKER_FINDERS that names someone for it; with no cue, a name and a colon before it."""
        cue = next((c for find in CUE_FINDERS if (c := find(self, q)) is not None), None)
        if cue is None:
            # "Trump: ‘I’m the worst thing ...’": a name and a colon introduce the quote
            named = self.name_before_colon(q, article)
            return Attribution([named[0].name], None, named[1]) if named else Attribution([], None)
        names: list[str] = []
        mention = None
        for find in SPEAKER_FINDERS:
            names, mention = find(self, q, cue, article)
            if names:
                break
        cue_text = "according to" if cue.lower_ == "according" else cue.text
        return Attribution(names, cue_text, mention)

    def governing_cue(self, q: RawQuote) -> Token | None:
        """The reporting verb governing the quote in its sentence, else the nearest one; in the
        paragraph before a quote that opens its own, the first reporting clause of its last
        sentence ("CNN reported that X testifies ..." and then the quote: CNN's)."""
        cue = find_cue(self.context_tokens(q), q.outer_start, q.outer_end, self.governors(q))
        if cue is not None and q.opens_paragraph and cue.idx < q.outer_start and \
                "\n" in self.text[cue.idx:q.outer_start]:
            return next((t for t in self.sent_of(cue.i) if not self.inside_quote(t.idx) and is_reporting_verb(t)
                         and _subjects(t)), cue)
        return cue

    def introducing_cue(self, q: RawQuote) -> Token | None:
        """A reporting verb in a paragraph before the quote that ends with a colon ("He added:")."""
        return find_cue(self.introducing_line(q), q.outer_start, q.outer_end)

    def statement_cue(self, q: RawQuote) -> Token | None:
        """ "President Clinton released the following statement:": an introducing line's own verb."""
        intro = self.introducing_line(q)
        if intro:
            root = self.sent_of(intro[-1].i).root
            if root.pos_ in ("VERB", "AUX") and _subjects(root):
                return root
        return None

    def speech_noun_cue(self, q: RawQuote) -> Token | None:
        """ "Here is the statement from the ministry:", "a tweet by X on Monday:": a speech noun
        in an introducing line, with its source named beside it."""
        for tok in reversed(self.introducing_line(q)):
            if tok.lower_ in resources.word_list("speech_nouns.txt") and tok.pos_ == "NOUN" \
                    and entity_at(self.index, tok.idx, tok.idx + len(tok)) is None and subject_candidates(tok):
                return tok
        return None

    def cue_subjects(self, q: RawQuote, cue: Token, article: int) -> tuple[list[str], Mention | None]:
        """The subjects of the cue (`subject_candidates`, most likely first), resolved to entities."""
        names: list[str] = []
        mention = None
        for subj in subject_candidates(cue):
            for s in subj:
                if self.inside_quote(s.idx):
                    continue
                found, m = self.resolve(s, article)
                names.extend(n for n in found if n not in names)
                mention = mention or m
            if names:
                break
        return names, mention

    def reporter_above_writer(self, q: RawQuote, cue: Token, article: int) -> tuple[list[str], Mention | None]:
        """ "Brafman noted that I had long felt that way, and “...”": a cue whose subject is the
        writer ("I", "we") hangs under the reporting clause that speaks; its subject speaks."""
        if not any(s.lower_ in WRITER_WORDS for subj in subject_candidates(cue)[:1] for s in subj):
            return [], None
        for verb in heads(cue, MAX_CLIMB):
            if is_reporting_verb(verb) and _subjects(verb):
                return self.cue_subjects(q, verb, article)
        return [], None

    def name_before_verb(self, q: RawQuote, cue: Token, article: int) -> tuple[list[str], Mention | None]:
        """ '," Brent Bozell III, founder of ..., tells': the name between the quote and its verb."""
        if cue.idx >= q.outer_end:
            found = self.first_between(q.outer_end, cue.idx, article)
            if found is not None:
                return [found[0].name], found[1]
        return [], None

    def name_before_colon(self, q: RawQuote, article: int) -> tuple[Entity, Mention] | None:
        colon = end_before(self.text, q.outer_start)
        if not colon or self.text[colon - 1] != ":":
            return None
        end = end_before(self.text, colon - 1)
        hi = bisect.bisect_left(self.index, end, key=lambda x: x[0])
        for s, e, ent in reversed(self.index[max(0, hi - 3):hi]):
            if e == end and ent.article == article:
                return ent, Mention(self.text[s:e], s, e)
        # "Tokayev: “...”" in a headline the model left untagged: the article's one person of that name
        word = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if word is not None and len(word) == 1 and word[0].text[:1].isupper():
            people = self.by_word.get((article, word[0].text), {})
            if len(people) == 1:
                return next(iter(people.values())), self.token_mention(word[0])
        return None

    def first_between(self, start: int, end: int, article: int) -> tuple[Entity, Mention] | None:
        lo = bisect.bisect_left(self.index, start, key=lambda x: x[0])
        for k in range(lo, len(self.index)):
            s, e, ent = self.index[k]
            if start <= s < end and ent.article == article:
                return ent, Mention(self.text[s:e], s, e)
            if s >= end:
                break
        return None

    def remember(self, article: int, names: list[str]) -> None:
        if names:
            self.last[article] = names
            self.last_labels[article] = self.labels.get(names[0], "PERSON")


# The order in which a quote's cue and then its speaker are looked for; the first that finds wins.
CUE_FINDERS = (Attributor.governing_cue, Attributor.introducing_cue, Attributor.speech_noun_cue,
               Attributor.statement_cue)
SPEAKER_FINDERS = (Attributor.cue_subjects, Attributor.name_before_verb, Attributor.reporter_above_writer)
# What a subject stands for: the first resolver that takes the subject decides (None: not mine).
SUBJECT_RESOLVERS = (Attributor.person_pronoun, Attributor.group_pronoun, Attributor.relative_pronoun,
                     Attributor.named_subject, Attributor.surname_subject)
# Which entity a subject's head names: the first that finds one wins.
HEAD_FINDERS = (Attributor.own_mention, Attributor.apposition, Attributor.role_anaphor,
                Attributor.body_anaphor, Attributor.noun_phrase_entity, Attributor.owner)


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quotation of the doc's articles with speaker, cue and partial flag."""
    text = doc_text(doc)
    raw = find_raw_quotes(text)
    raw = sorted(raw + indented_quotes(doc, raw), key=lambda q: q.outer_start) if "\n " in text or "\n\t" in text else raw
    attributor = Attributor(doc, doc._.kz_entities, [(q.start, q.end) for q in raw])
    quotes: list[Quote] = []
    prev_by_article: dict[int, tuple[Quote, RawQuote]] = {}
    placed: list[tuple[Quote, RawQuote]] = []
    for q in raw:
        art = article_at(doc._.kz_articles, q.outer_start)
        if art is None:
            continue
        start, end = trim(text, q.start, q.end)
        quoted = text[start:end]
        if not quoted or is_name_like(text[q.start:q.end].strip()):
            continue
        partial = is_partial(text, q)
        single_word = len(quoted.split()) == 1
        attr = attributor.attribute(q, art.index)
        if not attr.cue and not partial:
            prev = prev_by_article.get(art.index)
            # a quote paragraph right after an attributed quote continues it
            if prev and prev[0].speakers and not text[prev[1].outer_end:q.outer_start].strip(" \n\r\t,.;:\u201d\""):
                attr = Attribution(prev[0].speakers, prev[0].cue, prev[0].speaker_mention)
        if partial and (single_word or not attr.cue):
            continue  # a scare quote: no speech verb governs it
        if single_word and not attr.cue:
            continue  # a lone quoted word is speech only when a verb says so ("“Yes,” she said")
        quote = Quote(quoted, start, end, attr.speakers[0] if attr.speakers else None, attr.speakers,
                      attr.cue, partial, attr.mention)
        attributor.remember(art.index, attr.speakers)
        quotes.append(quote)
        placed.append((quote, q))
        prev_by_article[art.index] = (quote, q)
    _fill_forward(text, placed)
    return quotes


def _fill_forward(text: str, placed: list[tuple[Quote, RawQuote]]) -> None:
    """A quote paragraph with no cue, followed at once by an attributed one, shares its speaker."""
    for (quote, raw), (nxt, nxt_raw) in reversed(list(zip(placed, placed[1:], strict=False))):
        if quote.cue or quote.partial or not nxt.speakers or not raw.opens_paragraph:
            continue
        if not text[raw.outer_end:nxt_raw.outer_start].strip(" \n\r\t,.;:\u201d\""):
            quote.speakers, quote.speaker, quote.cue = nxt.speakers, nxt.speaker, nxt.cue
            quote.speaker_mention = nxt.speaker_mention


class QuoteExtractor(KzComponent):
    """spaCy component: `doc._.kz_quotes`. Runs after `kz_entities`."""

    extension = "kz_quotes"
    resources = ("reporting_verbs.txt", "titles.txt", "anaphors.txt", "speech_nouns.txt", "role_synonyms.tsv")
    needs = ("kz_articles", "kz_entities")

    def __init__(self, name: str = "kz_quotes") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[Quote]:
        return find_quotes(doc)

