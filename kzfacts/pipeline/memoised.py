"""Stand-ins for the model's attribute ruler and lemmatizer: the same annotations, remembered per word.

Both model components decide each token from a few of its own values: the attribute ruler's
one-token patterns from its text, tag and dependency; the rule lemmatizer from its text, part of
speech and morphology. The model's components work that out again for every token of every text
(the ruler runs all its ~180 patterns at each token: 13% of the model's time). The stand-ins
remember the answer per distinct set of values, ask the model's own component on a miss, and
otherwise leave everything to it, so each token gets exactly what the model would give it.

`memoise(nlp)` disables the model's two components and adds a stand-in after each; a pipeline
whose components do not fit (patterns with operators or extension attributes, a lookup-mode or
custom lemmatizer) keeps its own. As in `tokens.py`, a lexeme flag a user changes after a word was
remembered (`is_stop`) is not seen by a one-token ruler pattern on that flag.
"""
from __future__ import annotations

from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lang.en.lemmatizer import EnglishLemmatizer
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
    """The model's attribute ruler, with its one-token patterns' matches remembered per token key."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self._built_for: tuple[object, int] | None = None  # the ruler's matcher and pattern count learnt

    def _build(self) -> None:
        ruler, strings = self.ruler, self.ruler.vocab.strings
        self.single = Matcher(ruler.vocab)
        self.longer = Matcher(ruler.vocab)
        self.rank: dict[int, int] = {}
        for n, (key, patterns) in enumerate(_patterns(ruler)):
            if one := [p for p in patterns if len(p) == 1]:
                self.single.add(key, one)
            if more := [p for p in patterns if len(p) != 1]:
                self.longer.add(key, more)
            self.rank[strings[key]] = n  # the ruler applies its matches in this order
        self.columns = key_columns(ruler)
        self.memo: dict[tuple, tuple[int, ...]] = {}
        self._built_for = self._learnt(ruler)

    @staticmethod
    def _learnt(ruler: AttributeRuler) -> tuple[object, int]:
        # add() appends patterns; clear(), initialize() and from_disk() make a new matcher (a Matcher
        # compares by identity)
        return ruler.matcher, len(ruler.attrs)

    def __call__(self, doc: Doc) -> Doc:
        if self._built_for != self._learnt(self.ruler):  # patterns changed since: learn them afresh
            self._build()
        memo, rank, single = self.memo, self.rank, self.single
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        matches = []
        for i, key in enumerate(map(tuple, doc.to_array(self.columns).tolist())):
            ids = memo.get(key)
            if ids is None:
                ids = memo[key] = tuple(m for m, _, _ in single(doc[i:i + 1], allow_missing=True))
            matches.extend((rank[m], m, i, i + 1) for m in ids)
        matches.extend((rank[m], m, s, e) for m, s, e in self.longer(doc, allow_missing=True))
        matches.sort()  # as AttributeRuler.match orders them: later patterns win
        self.ruler.set_annotations(doc, matches)
        return doc


class MemoisedLemmatizer:
    """The model's rule lemmatizer, with each lemma remembered per (text, part of speech, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        memo, lemmatize, strings = self.memo, self.lemmatizer.lemmatize, doc.vocab.strings
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


def key_columns(ruler: AttributeRuler) -> list[int] | None:
    """The token columns that decide the ruler's one-token patterns, or None when a pattern needs more
    than the token's own values (an operator, an extension attribute, an unknown key)."""
    names = {TAG, DEP}
    for _, patterns in _patterns(ruler):
        for pattern in patterns:
            if len(pattern) != 1:
                continue
            for key in pattern[0]:
                if key in _LEXICAL:
                    names.add(ORTH)
                elif key in _COLUMNS:
                    names.add(IDS[key])
                else:
                    return None
    return sorted(names)


def _patterns(ruler: AttributeRuler):
    """(match key, Matcher patterns) of each of the ruler's entries, in the order it applies them."""
    for n in range(len(ruler.attrs)):
        yield str(n), ruler.matcher.get(str(n))[1]


def fits_attribute_ruler(component) -> bool:
    return type(component) is AttributeRuler and key_columns(component) is not None


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
