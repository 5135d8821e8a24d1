"""What the speaker rules read of one Doc (`QuoteContext`): its entities' mentions indexed by
offset, sentence bounds, the quotes' own spans, the words around a quote, and the speakers
quoted last per article (for pronouns)."""
from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..entities.titles import of_complement, role_phrase, role_synonyms
from ..facts import Entity, Mention
from ..support.syntax import heads
from ..support.text import doc_text, sentence_ends, sentence_starts
from ..support.tokens import tokens_of
from .marks import RawQuote, end_before


def mention_index(entities: list[Entity]) -> list[tuple[int, int, Entity]]:
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


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans as sorted disjoint ranges: a quote inside a quoted block is inside the block."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


class QuoteContext:
    """One Doc as the speaker rules read it; remembers the last speakers of each article for pronouns."""

    def __init__(self, doc: Doc, entities: list[Entity], quote_spans: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.index = mention_index(entities)
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
        self.subjects_seen: dict[tuple[int, int, int, str], Entity | None] = {}

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
        last = of_complement(head) if role_phrase(head) in role_synonyms() else None
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

    def person_in(self, head: Token, article: int, label: str = "PERSON") -> Entity | None:
        """The first person (or entity of `label`) named in a subject's phrase ("The akim of
        Almaty, Yerbolat Dossayev,")."""
        end = head.right_edge.idx + len(head.right_edge)
        lo = bisect.bisect_left(self.index, head.left_edge.idx, key=lambda x: x[0])
        for k in range(lo, len(self.index)):
            s, _, ent = self.index[k]
            if s >= end:
                break
            if ent.label == label and ent.article == article:
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
