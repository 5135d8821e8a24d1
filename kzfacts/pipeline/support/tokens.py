"""Per-token values of a Doc as plain lists (`Tokens`), shared by every rule of kzfacts'
components while they work on the Doc (`tokens_of`, `sharing_tokens`): a rule indexes a list
instead of building a spaCy Token per read, and each list is read once per Doc, not once per
component."""
from __future__ import annotations

import weakref
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from operator import itemgetter

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, ORTH, POS, SENT_START, SPACY, TAG
from spacy.parts_of_speech import NAMES
from spacy.tokens import Doc

from ... import resources
from .text import doc_text

_POS_NAMES = {int(k): v for k, v in NAMES.items()}  # Token.pos_ of a POS id

# The columns Tokens reads, in one Doc.to_array. Their hash is the Doc's state: what a component
# before a kzfacts one could change in it (its tokens and their annotations).
_ARRAY = [ORTH, SPACY, TAG, POS, DEP, HEAD, ENT_TYPE, ENT_IOB, SENT_START, IDX]
_COLUMN = {attr: k for k, attr in enumerate(_ARRAY)}
# A hash names the same string in every vocab: the label strings (tags, dependencies, entity
# types) of every Doc seen, a few hundred at most.
_LABELS: dict[int, str] = {0: ""}
_SPACES = {0: "", 1: " "}  # Token.whitespace_ of the SPACY value
_SENT_STARTS = {0: None, 1: True, 2 ** 64 - 1: False}  # Token.is_sent_start of the SENT_START value


def looked_up(table: dict, keys: list, read) -> list:
    """`table[k]` for every key, in one pass; a key the table lacks is read (`read(k)`) once and kept."""
    values = list(map(table.get, keys))
    if None in values:
        table.update((k, read(k)) for k in set(keys).difference(table))
        values = list(map(table.__getitem__, keys))
    return values


def _read_array(doc: Doc):
    return doc.to_array(_ARRAY)


# A word's values that only its lexeme decides, by column: text, lower_, is_punct, is_alpha,
# like_num, name_token, a capital first character, a digit first character.
_Lexical = tuple  # those eight values, in that order


def _lexical(lex) -> _Lexical:
    x = lex.orth_
    alpha = lex.is_alpha
    # name_token's test, the capital first: most words fail there
    name = x[:1].isupper() and (alpha or "-" in x or "'" in x or "\u2019" in x) and not x.isupper()
    return x, lex.lower_, lex.is_punct, alpha, lex.like_num, name, x[:1].isupper(), x[:1].isdigit()


# Lexical values by orth, per vocab (a vocab's language decides is_punct, like_num...): the last
# _VOCABS vocabs used, each with at most _LEXICON_SIZE words, so a long run's new words cannot grow
# it without bound. (A Vocab takes no weak reference, so the few are held.) A word's values are
# read when a Doc first holds it: flags a user sets on a lexeme later are not seen.
_LEXICONS: list[tuple[object, dict[int, _Lexical]]] = []
_LEXICON_SIZE = 200_000
_VOCABS = 4


def _lexicon(vocab) -> dict[int, _Lexical]:
    for i, (v, lexicon) in enumerate(_LEXICONS):
        if v is vocab:
            if len(lexicon) > _LEXICON_SIZE:
                lexicon.clear()
            if i:
                _LEXICONS.insert(0, _LEXICONS.pop(i))
            return lexicon
    _LEXICONS.insert(0, (vocab, {}))
    del _LEXICONS[_VOCABS:]
    return _LEXICONS[0][1]


class Tokens:
    """One Doc's per-token values as plain lists, each read in one pass (`Doc.to_array`) when a rule
    first asks for it, so the rules that walk every token index lists instead of building a Token
    per read. Each list holds what the Token's attribute of that name says (`text`, `lower_`,
    `whitespace_`, `is_punct`, `is_alpha`, `is_sent_start`, `ent_type_`, `pos_`, `dep_`, `tag_`,
    `like_num`, `idx`, `orth`; `head` is `head.i`) when it is read. `tokens_of` shares one per Doc while a component works on it; it holds the
    Doc weakly and is never stored on it (a Doc's user data must stay serialisable)."""

    def __init__(self, doc: Doc, array=None) -> None:
        self._doc = weakref.ref(doc)
        self.n = len(doc)
        self._array = array  # the Doc's `_ARRAY` columns, when the caller has read them already

    @property
    def doc(self) -> Doc:
        return self._doc()

    def _column(self, attr: int):
        """The `_ARRAY` column of `attr`, as numpy's uint64 (the Doc has tokens)."""
        if self._array is None:
            self._array = _read_array(self.doc)
        return self._array[:, _COLUMN[attr]]

    def _ints(self, attr: int) -> list[int]:
        return self._column(attr).tolist() if self.n else []

    def _strings(self, attr: int) -> list[str]:
        return looked_up(_LABELS, self._ints(attr), self.doc.vocab.strings.__getitem__)

    @cached_property
    def _lexemes(self) -> list[_Lexical]:
        """Each token's `_Lexical` values, read once per process for each word of the vocab."""
        vocab = self.doc.vocab
        return looked_up(_lexicon(vocab), self.orth, lambda orth: _lexical(vocab[orth]))

    def _lexical(self, k: int) -> list:
        return list(map(itemgetter(k), self._lexemes))

    @cached_property
    def head(self) -> list[int]:
        """`Token.head.i` of every token."""
        if not self.n:
            return []
        # the array holds each head as an offset from its token, negative ones read unsigned
        return [i + rel for i, rel in enumerate(self._column(HEAD).astype("int64").tolist())]

    @cached_property
    def orth(self) -> list[int]:
        return self._ints(ORTH)

    @cached_property
    def idx(self) -> list[int]:
        return self._ints(IDX)

    @cached_property
    def text(self) -> list[str]:
        return self._lexical(0)

    def end_char(self, end: int) -> int:
        """`doc[start:end].end_char`: where token end - 1 ends."""
        return self.idx[end - 1] + len(self.text[end - 1])

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`."""
        if not 0 <= start < end <= self.n:
            return self.doc[start:end].text  # spaCy's own reading of a slice out of bounds or empty
        return self.doc_text[self.idx[start]:self.end_char(end)]

    @cached_property
    def doc_text(self) -> str:
        """`text.doc_text` of the Doc."""
        return doc_text(self.doc)

    @cached_property
    def lower(self) -> list[str]:
        return self._lexical(1)

    @cached_property
    def ws(self) -> list[str]:
        return list(map(_SPACES.__getitem__, self._ints(SPACY)))

    @cached_property
    def punct(self) -> list[bool]:
        return self._lexical(2)

    @cached_property
    def sent_start(self) -> list[bool | None]:
        # the Token's is_sent_start: None where unknown (0), False where not (-1, read unsigned), True where so (1)
        col = self._ints(SENT_START)
        try:
            return list(map(_SENT_STARTS.__getitem__, col))
        except KeyError:  # any other value spaCy may come to write
            return [None if v == 0 else v < 2 ** 63 for v in col]

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @cached_property
    def pos(self) -> list[str]:
        return list(map(_POS_NAMES.__getitem__, self._ints(POS)))

    @cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @cached_property
    def alpha(self) -> list[bool]:
        return self._lexical(3)

    @cached_property
    def like_num(self) -> list[bool]:
        return self._lexical(4)

    @cached_property
    def capital(self) -> list[bool]:
        """`is_capitalised` of every token."""
        capital = self._lexical(6)
        digits = [i for i, d in enumerate(self._lexical(7)) if d]
        if digits:
            ent = self.ent_type
            for i in digits:
                capital[i] = ent[i] in ("ORG", "")  # a figure is no name, unless the model says an organisation
        return capital

    @cached_property
    def name(self) -> list[bool]:
        """`name_token` of every token."""
        return self._lexical(5)

    @cached_property
    def title(self) -> list[bool]:
        """`is_title_word` of every token."""
        return list(map(resources.title_words().__contains__, self.lower))

    @cached_property
    def unstarted(self) -> frozenset[str]:
        """The texts the Doc writes somewhere other than at a sentence's start."""
        return frozenset(x for x, s in zip(self.text, self.sent_start) if not s)

    def lower_at(self, word: str) -> list[int]:
        """Where the Doc writes `word` as it is, in lower case (token indices, in order)."""
        return self._where("text", word) if word.islower() else []

    def where_lower(self, low: str) -> list[int]:
        """Where the Doc writes `low` in any case (the tokens whose `lower_` it is, in order)."""
        return self._where("lower", low)

    def _where(self, column: str, value: str) -> list[int]:
        # a few words are asked about per Doc: each found when first asked (list.index scans in C)
        found = self._found.get((column, value))
        if found is None:
            items, found, i = getattr(self, column), [], -1
            try:
                while True:
                    i = items.index(value, i + 1)
                    found.append(i)
            except ValueError:
                self._found[(column, value)] = found
        return found

    @cached_property
    def _found(self) -> dict[tuple[str, str], list[int]]:
        return {}

    @cached_property
    def appositions(self) -> list[int]:
        """Where a token stands in apposition to another ("X, a cruise ship"), in order."""
        return [i for i, dep in enumerate(self.dep) if dep == "appos"]

    def opens_clause(self, i: int) -> bool:
        """`opens_clause` of token i."""
        if self.pos[i] not in ("SCONJ", "ADP", "CCONJ") or not self.text[i][:1].isupper():
            return False
        return bool(self.sent_start[i]) or i == 0 or "\n" in self.text[i - 1] + self.ws[i - 1]

    def spaced_dash(self, i: int) -> bool:
        """`boundaries.spaced_dash` of token i."""
        return self.text[i] in ("-", "\u2013", "\u2014") and (bool(self.ws[i]) or i > 0 and bool(self.ws[i - 1]))


class _Share:
    """The Doc a component works on, and its Tokens once a rule first asks (a component that
    reads none, such as the article splitter, costs no array read)."""

    __slots__ = ("doc", "tokens")

    def __init__(self, doc: Doc) -> None:
        self.doc = weakref.ref(doc)
        self.tokens: Tokens | None = None

    def resolve(self, doc: Doc) -> Tokens:
        array = _read_array(doc) if len(doc) else None
        state = hash(array.tobytes()) if array is not None else 0
        kept = _KEPT.get(doc)
        tokens = kept[1] if kept is not None and kept[0] == state else Tokens(doc, array)
        _KEPT[doc] = (state, tokens)
        self.tokens = tokens
        return tokens


_SHARED: ContextVar[_Share | None] = ContextVar("kz_shared_tokens", default=None)


def tokens_of(doc: Doc) -> Tokens:
    """The Tokens of `doc`: the one shared while a component works on it (`sharing_tokens`), or a new one."""
    share = _SHARED.get()
    if share is None or share.doc() is not doc:
        return Tokens(doc)
    return share.tokens if share.tokens is not None else share.resolve(doc)


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text`, off the shared Tokens."""
    return tokens_of(doc).span_text(start, end)


_KEPT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Doc -> (its state's hash, its Tokens)


@contextmanager
def sharing_tokens(doc: Doc):
    """While a component works on `doc` (which nothing changes meanwhile), every rule's
    `tokens_of(doc)` is one Tokens, each list read once. The next kzfacts component on the same
    Doc gets the same Tokens unless the Doc's tokens or annotations changed in between (another
    component of the user's pipeline), which a hash of them tells."""
    mark = _SHARED.set(_Share(doc))
    try:
        yield
    finally:
        _SHARED.reset(mark)
