"""Stand-ins for the model's attribute ruler and lemmatizer: the same annotations, remembered per word.

Both model components decide each token from a few of its own values: the attribute ruler's
patterns, token by token, from its text, tag and dependency; the rule lemmatizer from its text,
part of speech and morphology. The model's components work that out again for every token of every
text (the ruler runs all its ~180 patterns at each token: 13% of the model's time). The stand-ins
remember the answer per distinct set of values, ask the model's own patterns or lemmatizer rules on
a miss (the rules with their word index read as a set, not a list), and write what the model's
component would write, so each token gets exactly what the model would give it.

`memoise(nlp)` disables the model's two components and adds a stand-in after each; a pipeline
whose components do not fit (patterns with operators or extension attributes, a ruler writing a
lexeme's attribute, a lookup-mode or custom lemmatizer) keeps its own. As in `tokens.py`, a lexeme
flag a user changes after a word was remembered (`is_stop`) is not seen by a ruler pattern on it.
"""
from __future__ import annotations

from functools import partial
from itertools import product
from operator import attrgetter

from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

MEMO_LIMIT = 100_000  # remembered words per component; past it the memo starts afresh (memory stays flat)

# pattern keys decided by the token's own text: ORTH stands for them in the memo's key
_LEXICAL = {"ORTH", "TEXT", "LOWER", "LENGTH", "SHAPE", "PREFIX", "SUFFIX", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
            "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_BRACKET", "IS_QUOTE",
            "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
# pattern keys that are the token's own annotation columns
_COLUMNS = {"TAG", "POS", "MORPH", "DEP", "LEMMA", "NORM", "ENT_TYPE", "ENT_IOB"}

ATTRIBUTE_RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"


class MemoisedAttributeRuler:
    """The model's attribute ruler, with what its patterns write remembered per token key.

    Every pattern is read one token at a time: a one-token pattern's match, and each token of a
    longer pattern, is remembered per key (the token's text, tag and dependency), and so is what
    the one-token matches leave on the token, applied in the ruler's order (later patterns win), so
    a known word costs one dict look-up. A token a longer pattern also writes to has its matches
    applied afresh in that order. All values go on the Doc in one `from_array`.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self._built_for: tuple[object, int] | None = None  # the ruler's matcher and pattern count learnt

    def _build(self) -> None:
        ruler = self.ruler
        self.fits = fits_attribute_ruler(ruler)
        if not self.fits:  # a pattern added since does not fit: the ruler runs as it is
            self._built_for = self._learnt(ruler)
            return
        # Each one-token pattern, and each token of a longer one, is a token test: those that only ask
        # for strings ({"TAG": "NN"}, {"LOWER": {"IN": [...]}}) are looked up by the token's strings
        # (`self.tests`), the others (a regex, NOT_IN, a flag) asked of a Matcher (`self.tokens`).
        self.tests: dict[tuple[str, ...], dict[tuple[str, ...], list[_Test]]] = {}
        self.tokens = Matcher(ruler.vocab, validate=ruler.validate)  # as strict as the ruler's own
        self.matched: dict[int, _Test] = {}  # the Matcher's match id -> its test
        self.chains: list[tuple[int, int, int]] = []  # per longer pattern: (rank, length, target token)
        for rank, patterns in enumerate(_patterns(ruler)):
            for pattern in patterns:
                if len(pattern) == 1:
                    self._add_test(pattern[0], ("rank", rank))
                    continue
                chain, index = len(self.chains), ruler.indices[rank]
                self.chains.append((rank, len(pattern), index if index >= 0 else len(pattern) + index))
                for position, token in enumerate(pattern):
                    self._add_test(token, (chain, position))
        self.columns = key_columns(ruler)
        self.writes = sorted({attr for attrs in ruler.attrs for attr in attrs})
        self.slot = {attr: k for k, attr in enumerate(self.writes)}
        self.memo: dict[tuple, _Known] = {}
        self._shared: dict[_Known, _Known] = {}  # one copy of each distinct value of the memo
        self._built_for = self._learnt(ruler)

    @staticmethod
    def _learnt(ruler: AttributeRuler) -> tuple[object, int]:
        # add() appends patterns; clear(), initialize() and from_disk() make a new matcher (a Matcher
        # compares by identity)
        return ruler.matcher, len(ruler.attrs)

    def _add_test(self, token: dict, test: _Test) -> None:
        keys = tuple(sorted(token))
        accepted = [_strings_of(token[k]) if k in _STRINGS else None for k in keys]
        if None not in accepted:
            tests = self.tests.setdefault(keys, {})
            # {"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}}: one entry for each set of strings it accepts
            for values in product(*accepted):
                tests.setdefault(values, []).append(test)
        else:
            name = f"token test {len(self.matched)}"
            self.tokens.add(name, [[token]])
            self.matched[self.ruler.vocab.strings[name]] = test

    def _known(self, doc: Doc, i: int) -> _Known:
        """What the patterns say of token i, which any token of the same key shares."""
        token = doc[i]
        strings = {key: read(token) for key, read in _STRINGS.items()}
        passed = [test for keys, tests in self.tests.items()
                  for test in tests.get(tuple([strings[k] for k in keys]), ())]
        if self.matched:
            passed += [self.matched[m] for m, _, _ in self.tokens(doc[i:i + 1], allow_missing=True)]
        ranks = sorted(rank for kind, rank in passed if kind == "rank")
        parts = {test for test in passed if test[0] != "rank"}
        starts = tuple(sorted(chain for chain, position in parts if position == 0))
        return tuple(ranks), self._written(ranks), starts, frozenset(parts)

    def _written(self, ranks) -> tuple[tuple[int, int], ...]:
        """(slot, value) of what the entries of these ranks, applied in order, leave on a token."""
        out: dict[int, int] = {}
        for rank in ranks:
            for attr, value in self.ruler.attrs[rank].items():
                out[self.slot[attr]] = value
        return tuple(out.items())

    def __call__(self, doc: Doc) -> Doc:
        if self._built_for != self._learnt(self.ruler):  # patterns changed since: learn them afresh
            self._build()
        if not self.fits:
            return self.ruler(doc)
        try:
            return self._annotate(doc)
        except Exception as exc:  # as the ruler itself: its error handler decides
            return self.ruler.get_error_handler()(self.ruler.name, self.ruler, [doc], exc)

    def _annotate(self, doc: Doc) -> Doc:
        if not len(doc) or not self.writes:
            return doc
        memo = self.memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
            self._shared.clear()
        known = []
        for i, key in enumerate(map(tuple, doc.to_array(self.columns).tolist())):
            k = memo.get(key)
            if k is None:
                k = self._known(doc, i)
                k = memo[key] = self._shared.setdefault(k, k)  # most words share their matches with others
            known.append(k)
        n, chains = len(known), self.chains
        longer: dict[int, list[int]] = {}  # token -> ranks of the longer patterns that write to it
        for i, (_, _, starts, _) in enumerate(known):
            for chain in starts:
                rank, length, target = chains[chain]
                if i + length <= n and all((chain, j) in known[i + j][3] for j in range(1, length)):
                    longer.setdefault(i + target, []).append(rank)
        values = doc.to_array(self.writes).reshape(n, -1)  # one column comes back flat
        rows = values.tolist()
        for i, (ranks, written, _, _) in enumerate(known):
            if i in longer:
                written = self._written(sorted(ranks + tuple(longer[i])))
            if written:
                row = rows[i]
                for slot, value in written:
                    row[slot] = value
        values[:] = rows
        doc.from_array(self.writes, values)
        return doc


_Test = tuple  # what passing a token test means: ("rank", the entry's rank) or (chain, position)
_Known = tuple  # per token key: (ranks of its one-token matches, what they write, chains it starts, (chain, position)s it fits)


class MemoisedLemmatizer:
    """The model's rule lemmatizer, with each lemma remembered per (text, part of speech, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        self._rules: _IndexedRules | None = None

    def _lemmatize(self):
        """The lemmatizer's own `rule_lemmatize`, run on its tables with each index a set; the memo
        starts afresh when the tables change (`initialize`, `from_disk`, `set_table`)."""
        tables = _tables(self.lemmatizer.lookups)
        if self._rules is None or not _same(self._rules.tables, tables):
            self._rules = _IndexedRules(self.lemmatizer, tables)
            self.memo.clear()
        return self._rules.lemmatize

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:  # as the lemmatizer itself: E1004 until its tables are there
            lemmatizer._validate_tables(Errors.E1004)
        try:
            return self._lemmatize_doc(doc)
        except Exception as exc:
            return lemmatizer.get_error_handler()(lemmatizer.name, lemmatizer, [doc], exc)

    def _lemmatize_doc(self, doc: Doc) -> Doc:
        memo, lemmatize, strings = self.memo, self._lemmatize(), doc.vocab.strings
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        overwrite = self.lemmatizer.overwrite
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not overwrite:  # set before (by the attribute ruler): kept, as the model keeps it
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = strings.add(lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


class _IndexedRules:
    """What `Lemmatizer.rule_lemmatize` reads of its lemmatizer (its cache, tables and base-form test),
    with the words of each part of speech's index (`lemma_index`) in a set: the rule lemmatizer only
    asks whether a form is in it, which the table's list answers by reading it through (~80 us a new
    word). `lemmatize` is the lemmatizer's own method, run on this."""

    def __init__(self, lemmatizer: Lemmatizer, tables: tuple) -> None:
        self.tables = tables  # the tables this was made of (`_tables`)
        self.cache = lemmatizer.cache
        self.is_base_form = lemmatizer.is_base_form
        self.lookups = _IndexedLookups(lemmatizer.lookups)
        self.lemmatize = partial(type(lemmatizer).rule_lemmatize, self)


class _IndexedLookups:
    """A lemmatizer's lookups, its `lemma_index` read as sets."""

    def __init__(self, lookups) -> None:
        self.lookups = lookups
        self.index = _SetIndex(lookups.get_table("lemma_index", {}))

    def get_table(self, name: str, default=None):
        return self.index if name == "lemma_index" else self.lookups.get_table(name, default)


def _tables(lookups) -> tuple:
    """The lookups and each of its tables: `initialize` replaces the lookups, `from_disk` and
    `set_table` the tables in them."""
    return (lookups, *(lookups.get_table(name) for name in lookups.tables))


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


class _SetIndex:
    """A `lemma_index` table whose entries are read as sets (each made on first use)."""

    def __init__(self, table) -> None:
        self.table = table
        self.sets: dict[str, frozenset] = {}

    def get(self, key: str, default=None):
        if key not in self.sets:
            words = self.table.get(key)
            if words is None:
                return default
            self.sets[key] = frozenset(words)
        return self.sets[key]


def key_columns(ruler: AttributeRuler) -> list[int] | None:
    """The token columns that decide the ruler's patterns one token at a time, or None when a
    pattern needs more than a token's own values (an operator, an extension attribute, an unknown key)."""
    names = {TAG, DEP}
    for patterns in _patterns(ruler):
        for token in (t for pattern in patterns for t in pattern):
            for key in token:
                if key in _LEXICAL:
                    names.add(ORTH)
                elif key in _COLUMNS:
                    names.add(IDS[key])
                else:
                    return None
    return sorted(names)


def _patterns(ruler: AttributeRuler):
    """The Matcher patterns of each of the ruler's entries, in the order it applies them."""
    for n in range(len(ruler.attrs)):
        yield ruler.matcher.get(str(n))[1]


# a token's strings that a token test can ask for, as the Matcher reads them
_STRINGS = {"ORTH": attrgetter("orth_"), "TEXT": attrgetter("orth_"), "LOWER": attrgetter("lower_"),
            "TAG": attrgetter("tag_"), "POS": attrgetter("pos_"), "DEP": attrgetter("dep_")}


def _strings_of(value) -> tuple[str, ...] | None:
    """The strings a token test's value accepts: "NN", or {"IN": [...]} of strings; None for any other."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
        return tuple(dict.fromkeys(value["IN"]))
    return None


# what a ruler may write for the stand-in to write it too: the token's own annotations (spaCy sets
# any other attribute on the word's lexeme as well, NORM reads the lexeme's where the token has none,
# and "_" goes on extensions)
_WRITABLE = {POS, TAG, DEP, MORPH, LEMMA}


def fits_attribute_ruler(component) -> bool:
    """The ruler's patterns can be read one token at a time, each writes a token's own annotations,
    and each names a token its match has."""
    if type(component) is not AttributeRuler or key_columns(component) is None:
        return False
    for rank, patterns in enumerate(_patterns(component)):
        attrs, index = component.attrs[rank], component.indices[rank]
        if not all(attr in _WRITABLE and isinstance(value, int) for attr, value in attrs.items()):
            return False
        if not all(-len(pattern) <= index < len(pattern) for pattern in patterns):
            return False  # the ruler itself raises E1001 on such a match
    return True


def fits_lemmatizer(component) -> bool:
    # a rule lemmatizer decides from the token's text, part of speech and morphology alone
    return (type(component) in (Lemmatizer, EnglishLemmatizer) and component.mode == "rule"
            and component.lemmatize == component.rule_lemmatize)


@Language.factory("attribute_ruler_memo", assigns=["token.pos", "token.morph", "token.lemma"],
                  requires=["token.tag"], default_config={"wraps": ATTRIBUTE_RULER})
def make_attribute_ruler_memo(nlp: Language, name: str, wraps: str) -> MemoisedAttributeRuler:
    return MemoisedAttributeRuler(nlp.get_pipe(wraps))


@Language.factory("lemmatizer_memo", assigns=["token.lemma"], requires=["token.pos"],
                  default_config={"wraps": LEMMATIZER})
def make_lemmatizer_memo(nlp: Language, name: str, wraps: str) -> MemoisedLemmatizer:
    return MemoisedLemmatizer(nlp.get_pipe(wraps))


def memoise(nlp: Language) -> None:
    """Put a stand-in in place of the model's attribute ruler and lemmatizer where they fit."""
    for name, factory, fits in ((ATTRIBUTE_RULER, "attribute_ruler_memo", fits_attribute_ruler),
                                (LEMMATIZER, "lemmatizer_memo", fits_lemmatizer)):
        if name not in nlp.pipe_names or factory in nlp.component_names or not fits(nlp.get_pipe(name)):
            continue
        nlp.add_pipe(factory, name=factory, after=name, config={"wraps": name})
        nlp.disable_pipe(name)
