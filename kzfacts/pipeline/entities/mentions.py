"""Stage 1, finding mentions: which token spans are candidate names at all.

The model's entities, plus rules for what it misses: the gazetteer's names, capitalised runs
headed by an organisation word, names right after a title, named speakers, traded names, acronyms
in parentheses and airlines before flight numbers. Where a rule's span overlaps the model's,
`merge_candidates` decides which is kept, and acronyms of common nouns ("IPO") go. A name missed
altogether is decided here (a candidate that is no entity goes later, in `noise` and `types`).
"""
from __future__ import annotations

import re
from itertools import compress

from spacy.tokens import Doc, Token

from ... import resources
from ..support.syntax import speaks
from ..support.text import doc_text, longest_spans, split_lines
from ..support.tokens import Tokens, span_text, tokens_of
from .appositions import appositive_people
from .boundaries import campus_end, clean_bounds, extend_org, owner_and_owned, separate_names, trim_at_model_entities
from .common import CONNECTORS, NAME_PARTICLES, RELABELLABLE, Candidate, clashes, company_shaped, is_capitalised, name_token, overlaps, surname_shaped
from .evidence import class_kinds, person_evidence
from .titles import TITLE_MODIFIERS, is_domain_word, is_title_word, official_name, official_start, person_word, posting_nouns, title_before

MODEL_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE"}


def capitalised_runs(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by connectors ("Ministry of Foreign Affairs")."""
    t = tokens or tokens_of(doc)
    cap, punct, sent, text, lower, ws, ent = t.capital, t.punct, t.sent_start, t.text, t.lower, t.ws, t.ent_type
    keywords = resources.org_keywords()
    runs = []
    n = t.n
    # a run starts only at a capitalised token that is no punctuation
    starts = [i for i in range(n) if cap[i] and not punct[i]]
    k_start = 0
    i = 0
    while k_start < len(starts):
        i = starts[k_start]
        k_start += 1
        if t.opens_clause(i):
            continue
        j = i + 1
        while j < n:
            if cap[j] and not punct[j] and not sent[j]:
                j += 1
            elif lower[j] == "and" and text[j - 1] in keywords:
                break  # "Wizz Air Holding and Abu Dhabi ... Company": two names
            elif t.spaced_dash(j):
                break  # "FILE - Tajikistan Airlines", "Oil & Gas - KIOGE": a dash between spaces separates
            elif lower[j] in CONNECTORS and not ws[j] == "" or text[j] in ("-", "&"):
                k = j + 1
                while k < n and lower[k] in CONNECTORS:
                    k += 1
                if k < n and cap[k] and not sent[k] and not punct[k] and k - j <= 2 \
                        and ent[k] not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
                    j = k + 1
                else:
                    break
            else:
                break
        runs.append((i, j))
        while k_start < len(starts) and starts[k_start] < j:
            k_start += 1
    return runs


def _blocks(t: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """Capitalised blocks of a run, split at lower-case connectors."""
    cap, text = t.capital, t.text
    blocks, i = [], start
    while i < end:
        j = i
        while j < end and (cap[j] or text[j] == "-"):
            j += 1
        if j > i:
            blocks.append((i, j))
        i = max(j, i + 1)
    return blocks


def org_rule_spans(doc: Doc, tokens: Tokens | None = None,
                   runs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Capitalised names whose head is an organisation word: "Religious Freedom Working Group"."""
    t = tokens or tokens_of(doc)
    text, title = t.text, t.title
    keywords = resources.org_keywords()
    heads = resources.word_list("name_heads.txt")
    found = []
    for start, end in capitalised_runs(doc, t) if runs is None else runs:
        blocks = _blocks(t, start, end)
        if not blocks:
            continue
        # the head of "X of Y for Z" is X; a document head makes the whole run no organisation
        if any(text[k] in heads for k in range(*blocks[0])):
            continue
        # "Kazakh Energy Minister Nurlan Nogayev": organisation words before a title belong to the title
        title_at = next((k for k in range(start, end) if title[k] and text[k] not in keywords), None)
        if title_at is not None and any(text[k] in keywords for k in range(start, title_at)):
            continue
        if title_at is not None:
            blocks = [b for b in blocks if b[0] > title_at] or []
            if not blocks:
                continue
        for b_start, b_end in blocks:
            if any(text[k] in keywords for k in range(b_start, b_end)):
                s = b_start
                if s < b_end and t.sent_start[s] and t.lower[s] in ("the", "a", "an"):
                    s += 1
                if b_end - s == 1 and text[s] in keywords and end == b_end:
                    break  # a lone "Ministry" or "Parliament" is left to the model
                found.append((s, end))
                break
    return found


def titled_person_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """Names right after a title ("Greens MEP Viola von Cramon"): people, whatever the model said."""
    t = tokens or tokens_of(doc)
    text, lower, title, name, sent = t.text, t.lower, t.title, t.name, t.sent_start
    found = []
    keywords = resources.org_keywords()
    n = t.n
    after = 1  # the first token a name may start at: names never overlap
    for p in [k for k in range(n - 1) if title[k]]:  # a name starts only after a title word
        i = p + 1
        # a plural ("Relations" after "Foreign" in "Council on Foreign Relations Maria Lopez") opens no name
        if i < after or not (text[p][0].isupper() and name[i]) or title[i] or t.tag[i] == "NNPS":
            continue
        j = i
        while j < n:
            if name[j] and not title[j] and text[j] not in keywords and not sent[j] or j == i:
                j += 1
            elif lower[j] in NAME_PARTICLES and j + 1 < n and name[j + 1]:
                j += 1
            else:
                break
        if 2 <= j - i <= 4 and not any(text[k] in keywords for k in range(i, j)):
            found.append((i, j))
        after = max(j, i + 1)
    return found


def speaker_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """Capitalised names the model missed that are the subject of a reporting verb ("Alberto Turkstra ... says")."""
    t = tokens or tokens_of(doc)
    dep, ent, name, lower = t.dep, t.ent_type, t.name, t.lower
    found = []
    for i in [k for k in range(t.n) if dep[k] == "nsubj"]:
        if ent[i] or not name[i] or not speaks(doc[i]):
            continue
        start = i
        while start > 0 and (name[start - 1] or lower[start - 1] in NAME_PARTICLES) \
                and dep[start - 1] in ("compound", "flat") and not ent[start - 1]:
            start -= 1
        if i - start >= 1 and not t.title[start] and person_evidence(doc[start:i + 1]):
            found.append((start, i + 1))
    return found


def surname_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """ "Sadyr Japarov", "Gulnara Ismailova", "Asylbek Zhaksylykuly": a given name and a word shaped
    like a Central Asian, Russian or Caucasian surname (`surname_shaped`) name a person, whatever
    the model said; two or three proper nouns, none a title, an organisation word or a nationality."""
    t = tokens or tokens_of(doc)
    text, lower, name, title, ent, sent = t.text, t.lower, t.name, t.title, t.ent_type, t.sent_start
    found = []
    keywords = resources.org_keywords()
    demonyms = resources.demonyms()
    n = t.n
    # a word that may be part of such a name, its place in the sentence aside
    word = [name[k] and _name_word(t, k) and not title[k] and text[k] not in keywords and lower[k] not in demonyms
            and ent[k] not in ("GPE", "LOC", "DATE", "FAC") for k in range(n)]
    shaped: dict[int, bool] = {}

    def is_shaped(k: int) -> bool:
        if k not in shaped:
            shaped[k] = surname_shaped(doc[k])
        return shaped[k]

    i = 0
    while i < n - 1:
        if not word[i]:
            i += 1
            continue
        j = i
        while j < n and j - i < 3 and word[j] and (j == i or not sent[j]):
            j += 1
        if j - i == 1 and is_shaped(i) and not ent[i] and t.dep[i] in ("nsubj", "nsubjpass", "poss"):
            found.append((i, j))  # "Japarov arrived": a surname alone, doing what people do
        elif j - i >= 2 and any(is_shaped(k) for k in range(i + 1, j)):
            start = i
            # "Kassym-Jomart Tokayev": a hyphenated given name stays whole
            while start >= 2 and text[start - 1] in ("-", "\u2010") and not t.ws[start - 1] \
                    and not t.ws[start - 2] and name[start - 2]:
                start -= 2
            found.append((start, j))
        i = max(j, i + 1)
    return found


POSTER_WORDS = {"user", "commenter", "blogger", "reader", "poster", "subscriber", "follower", "username", "viewer",
                "listener", "tweeter"}
HANDLE = re.compile(r"@?[\w][\w.\-]*")


def poster_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """ "User steppe_wolf answers:", "Twitter user @almaty_air posted:": the name or handle after a
    poster's role word, when a reporting verb or a colon follows it, is a person however it is written."""
    t = tokens or tokens_of(doc)
    lower = t.lower
    found = []
    verbs = resources.reporting_verbs()
    for i in [k for k in range(t.n - 2) if lower[k] in POSTER_WORDS]:
        handle, after = doc[i + 1], doc[i + 2]
        if not HANDLE.fullmatch(handle.text) or handle.is_punct:
            continue
        if not (after.lemma_.lower() in verbs or after.text == ":"):
            continue
        if handle.is_lower and not any(ch in handle.text for ch in "_@.0123456789"):
            continue  # "readers wrote", "a user said": a plain word is no handle
        found.append((handle.i, handle.i + 1))
    return found


def _name_word(t: Tokens, k: int) -> bool:
    """A proper noun, or a given name the tagger took for a common noun ("Sadyr" before "Japarov")."""
    pos = t.pos[k]
    return pos == "PROPN" or pos == "NOUN" and t.dep[k] == "compound" and t.doc[k].head.i == k + 1


def surname_mentions(doc: Doc, cands: list[Candidate], start: int, end: int) -> list[Candidate]:
    """ "Moore thanked him" where the model tagged nothing: a capitalised proper noun alone that is
    the last word of exactly one person's full name in the article (characters [start, end)) is
    that person, unless it opens a sentence as a common word would ("Young people ...")."""
    people: dict[str, set[str]] = {}
    for c in cands:
        if c.label == "PERSON" and c.end - c.start >= 2:
            people.setdefault(tokens_of(doc).text[c.end - 1], set()).add(span_text(doc, c.start, c.end))
    if not people:
        return []
    covered = {i for c in cands for i in range(c.start, c.end)}
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    # only the tokens written as one of those last words: found by their ids in one C-level pass
    keys = {doc.vocab.strings[text] for text in people}
    found = []
    for i in compress(range(span.start, span.end), map(keys.__contains__, tokens_of(doc).orth[span.start:span.end])):
        tok = doc[i]
        if tok.i in covered or len(people.get(tok.text, ())) != 1 or tok.pos_ != "PROPN" or tok.ent_type_ \
                or tok.text.isupper():
            continue
        if tok.i + 1 < len(doc) and name_token(doc[tok.i + 1]) or tok.i > 0 and name_token(doc[tok.i - 1]) \
                and not doc[tok.i - 1].is_sent_start:
            continue  # part of a longer name
        if tok.is_sent_start and any(t.text == tok.lower_ for t in tok.sent):
            continue
        found.append(Candidate(tok.i, tok.i + 1, "PERSON", "surname"))
    return found


def introduced_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int, str]]:
    """ "the band Ninety One", "broadcaster Khabar 24", "singer Dimash Kudaibergen": the capitalised
    words right after a class noun of bodies or people (`evidence.class_kinds`) are a name of that kind."""
    toks = tokens_of(doc)
    t = tokens or toks
    kinds = class_kinds()
    lower, sent, name = t.lower, t.sent_start, t.name
    n = t.n
    found = []
    for i in [k for k in range(n - 1) if lower[k] in kinds]:
        noun = doc[i]
        kind = kinds.get(lower[i]) if noun.is_lower and t.pos[i] == "NOUN" else None
        if kind not in ("body", "person"):
            continue
        j = i + 1
        while j < n and j - i <= 4 and not sent[j] and (
                name[j] or kind == "body" and j > i + 1 and (toks.like_num[j] or doc[j].is_upper)):
            j += 1
        if j - i - 1 >= (1 if kind == "body" else 2) and not t.title[i + 1]:
            found.append((i + 1, j, "ORG" if kind == "body" else "PERSON"))
    return found


_TEAM = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
RESULT_LINES = (
    re.compile(rf"({_TEAM}) \d{{1,3}},? ({_TEAM}) \d{{1,3}}"),  # "Leeds 2 Everton 1"
    re.compile(rf"({_TEAM}) \d{{1,3}} ?[-\u2013] ?\d{{1,3}} ({_TEAM})"),  # "Belgium 3 – 0 Panama"
    re.compile(rf"({_TEAM})(?:[ \t]+\d{{1,3}}){{2,}}(?:[ \t]+\d*\.\d+)?"),  # "DETROIT 5 3 1 .625"
)


def result_line_spans(doc: Doc) -> list[tuple[int, int]]:
    """A results line ("Belgium 3 – 0 Panama"), or rows of a results or standings table ("Leeds 2
    Everton 1", "DETROIT 5 3 1 .625", two rows or more): the names on it are teams, bodies,
    whatever the model made of them."""
    found = []
    rows = 0  # a table's rows ("Leeds 2 Everton 1", "DETROIT 5 3 1"): one alone may be "Boeing 737 Max 8"
    for line in split_lines(doc_text(doc)):
        if not line.text[:1].isupper() or not any(map(str.isdigit, line.text)):
            continue
        for k, pattern in enumerate(RESULT_LINES):
            m = pattern.fullmatch(line.text)
            if m:
                rows += k != 1
                for g in range(1, m.lastindex + 1):
                    span = doc.char_span(line.start + m.start(g), line.start + m.end(g), alignment_mode="expand")
                    if span is not None and not any(is_title_word(t) for t in span):
                        found.append((span.start, span.end, k != 1))
                break
    return [(s, e) for s, e, row in found if not row or rows >= 2]


def outlet_spans(doc: Doc, tokens: Tokens | None = None,
                 runs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """ "The Steppe Chronicle", "the Almaty Tribune": a capitalised run ending in a newspaper's head
    word (`outlet_heads.txt`) is an outlet, where the model saw something else or nothing."""
    t = tokens or tokens_of(doc)
    text, lower = t.text, t.lower
    heads = resources.word_list("outlet_heads.txt")
    found = []
    for start, end in capitalised_runs(doc, t) if runs is None else runs:
        if end - start >= 2 and text[end - 1] in heads:
            # "Troy Patterson of Slate Magazine": the outlet is the name after the last "of"
            start = max([start] + [k + 1 for k in range(start, end) if lower[k] in ("of", "for", "at", "from")])
            if lower[start] == "the":
                start += 1
            if end - start >= 2:
                found.append((start, end))
    return found


def traded_name_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """Capitalised names that are bought and sold ("shares of Gazprom", "a stake in Kaspi", "Kaspi
    shares fell"): bodies, when the model tagged nothing there."""
    t = tokens or tokens_of(doc)
    lower, name, pos, ent, sent = t.lower, t.name, t.pos, t.ent_type, t.sent_start
    n = t.n
    found = []
    for i in [k for k in range(n) if lower[k] in ("shares", "stake", "stock", "stakes")]:
        nxt = i + 1
        if nxt + 1 < n and lower[nxt] in ("of", "in"):
            end = start = nxt + 1
            while end < n and name[end] and pos[end] == "PROPN" and not ent[end]:
                end += 1
            if end > start:
                found.append((start, end))
        if lower[i] in ("shares", "stock"):
            end = start = i
            while start > 0 and name[start - 1] and pos[start - 1] == "PROPN" and not ent[start - 1]:
                start -= 1
                if sent[start]:
                    break
            # a capitalised first word of a sentence ("Bank shares fell") is a name only if the text
            # also capitalises it where capitals mean something
            if end > start and (not sent[start] or end - start > 1 or t.text[start] in t.unstarted):
                found.append((start, end))
    return found


_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,7}\+?)\)")


def acronyms_in_parentheses(doc: Doc, text: str) -> list[Token]:
    """Tokens of "(ABC)" in the text, found by a pattern on the text rather than a walk over every token."""
    found = []
    for m in _PAREN_ACRONYM.finditer(text):
        span = doc.char_span(m.start(1), m.end(1))
        if span is not None and len(span) == 1 and span.start >= 2 and span.end < len(doc):
            found.append(span[0])
    return found


def parenthesised_acronyms(doc: Doc, acronyms: list[Token]) -> list[tuple[int, int]]:
    """ "Kazakhstan Stock Exchange (KASE)": the acronym in parentheses after a capitalised name."""
    return [(tok.i, tok.i + 1) for tok in acronyms
            if is_capitalised(doc[tok.i - 2]) and initials_match(doc, tok.i - 1, tok.text.rstrip("+"))]


def initials_match(doc: Doc, paren: int, letters: str) -> bool:
    """Whether the capitalised words before a parenthesis can spell the acronym: its first letter
    starts the name and the rest appear in order ("KASE" in "Kazakhstan Stock Exchange")."""
    toks = tokens_of(doc)
    words = []
    i = paren - 1
    while i >= 0 and len(words) < len(letters) + 4 and (is_capitalised(doc[i]) or toks.lower[i] in CONNECTORS):
        if is_capitalised(doc[i]):
            words.insert(0, toks.text[i])
        i -= 1
    for k in range(len(words)):
        name = "".join(words[k:]).lower()
        if name[:1] == letters[0].lower() and _in_order(letters[1:].lower(), name[1:]):
            return True
    return False


def _in_order(letters: str, text: str) -> bool:
    pos = 0
    for ch in letters:
        pos = text.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


def common_noun_acronyms(doc: Doc, acronyms: list[Token]) -> set[str]:
    """ "initial public offering (IPO)": an acronym of lower-case words names no body."""
    found = set()
    for tok in acronyms:
        words = [t for t in doc[max(0, tok.i - 1 - len(tok.text)):tok.i - 1] if t.is_alpha]
        if len(words) == len(tok.text) and all(w.is_lower for w in words) and \
                "".join(w.text[0] for w in words).upper() == tok.text:
            found.add(tok.text)
    return found


def model_candidates(doc: Doc) -> list[Candidate]:
    """The model's entities; a body's span that holds two names gives two (`separate_names`), and
    a speaker the model ran into a body's name leaves it ("the Council on Foreign Relations Maria
    Lopez said": `trailing_speaker`)."""
    out = []
    for start, end, label in joined_at_officials(doc):
        if label == "PERSON":
            out += split_official(doc, start, end, label, "model")
            continue
        if label not in ("ORG", "GPE"):
            out.append(Candidate(start, end, label, "model"))
            continue
        for s, e in separate_names(doc, start, end) if label == "ORG" else [(start, end)]:
            pieces = split_official(doc, s, e, label, "model")
            if len(pieces) > 1 or pieces[0].label != label:
                out += pieces
                continue
            cut = trailing_speaker(doc, s, e) if label == "ORG" else e
            out.append(Candidate(s, cut, label, "model"))
            if cut < e:
                out.append(Candidate(cut, e, "PERSON", "model"))
    return out


def joined_at_officials(doc: Doc) -> list[tuple[int, int, str]]:
    """The model's entities with kzfacts' labels; a body's span and the person's right after it are
    one span where an official's name starts inside the person's ("Board of Directors of Air" +
    "Astana Peter Foster"): the body's name runs to the official's."""
    ents = [part for e in doc.ents if e.label_ in MODEL_LABELS or e.label_ in RELABELLABLE
            for part in owner_and_owned(doc, e.start, e.end, MODEL_LABELS.get(e.label_, e.label_))]
    out: list[tuple[int, int, str]] = []
    for start, end, label in ents:
        if out and out[-1][2] in ("ORG", "GPE") and label == "PERSON" and out[-1][1] == start \
                and official_start(doc, out[-1][0], end) > out[-1][0]:
            out[-1] = (out[-1][0], end, out[-1][2])
            continue
        out.append((start, end, label))
    return out


def org_runs_and_officials(doc: Doc, runs: list[tuple[int, int]], model: list[Candidate],
                           starts: list[int]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The rules' body names, each cut where an official's name starts inside it (`official_start`,
    read on the whole run: the model's span may cross the official's name, "Air | Astana Nurlan"),
    then at the model's entities (`trim_at_model_entities`); and the officials cut off."""
    bodies, officials = [], []
    toks = tokens_of(doc)
    for s, e in runs:
        cut = official_start(doc, s, e)
        if cut == s:  # "... of Air Astana Nurlan Zhakupov | and Peter Foster": the official before "and"
            ands = [a for a in range(s + 1, e) if toks.lower[a] == "and"]
            cut, e = next(((c, a) for a in reversed(ands) if (c := official_start(doc, s, a)) > s), (s, e))
        if cut > s:
            officials.append((cut, e))
            crossing = [m for m in model if m.start < cut < m.end]
            if crossing:
                kept = [m for m in model if not m.start < cut < m.end]
                bodies.append(trim_at_model_entities(doc, s, cut, kept, [m.start for m in kept]))
                continue
            e = cut
        bodies.append(trim_at_model_entities(doc, s, e, model, starts))
    return bodies, officials


def officials_after_bodies(doc: Doc, bodies: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The officials named right after a body inside their title, where nothing tagged them
    ("Chairman of the Board of Samruk-Kazyna | Nurlan Zhakupov"): two person's words and no
    capitalised word after them, after a body the title phrase before them covers."""
    toks = tokens_of(doc)
    found = []
    for start, end in bodies:
        stop = end
        while stop < len(doc) and stop - end < 6 and (toks.name[stop] or toks.text[stop] in ("-", "\u2010")
                                                      or len(toks.text[stop]) == 2 and toks.text[stop][1] == "."):
            stop += 1
        if stop > end and official_name(doc, stop) == end and title_before(doc, end)[2] < start:
            found.append((end, stop))
    return found


def officials_after_fields(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """The officials named right after a title's "of/for" phrase where nothing tagged them
    ("Minister of Justice | Charity Jones", "Head of Human Resources | Anna Ross"): the capitalised
    words after the preposition end in an official's name (`official_name`) and the title phrase
    before the name reaches back over the preposition."""
    t = tokens or tokens_of(doc)
    found = []
    for i in range(t.n - 3):
        if t.lower[i] not in ("of", "for") or not t.capital[i + 1]:
            continue
        end = i + 1
        while end < t.n and end - i <= 7 and t.capital[end] and not t.punct[end]:
            end += 1
        if end < t.n and t.capital[end]:
            continue
        k = official_name(doc, end)
        if k is not None and k > i + 1 and title_before(doc, k)[2] < i:
            found.append((k, end))
    return found


def _body_word(doc: Doc, i: int) -> bool:
    """One word that can only be a body's name: an acronym of three letters or more ("KEGOC"), a
    name with a dot inside ("Kaspi.kz") or one built from company word parts ("Kazakhtelecom")."""
    toks = tokens_of(doc)
    word = toks.text[i]
    return (word.isalpha() and word.isupper() and len(word) >= 3 or "." in word.strip(".") and word[:1].isupper()
            or company_shaped(doc[i])) and not toks.title[i] and word not in resources.place_names()


def lower_head_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """ "the EU-Mongolia Friendship group", "the Central Asia Trade committee": capitalised words
    after "the" and a lower-case body noun after them name a body, head included; a nationality or
    a place alone does not ("the Nordic council" is the model's or the gazetteer's to find)."""
    t = tokens or tokens_of(doc)
    heads = resources.word_list("lower_body_heads.txt")
    found = []
    for h in range(2, t.n):
        if t.text[h] not in heads or not t.text[h - 1][:1].isupper():
            continue
        i = h
        while i > 0 and h - i < 5 and t.lower[i - 1] != "the" and (
                t.text[i - 1][:1].isupper() and not t.punct[i - 1] or t.text[i - 1] == "-" and not t.ws[i - 1]):
            i -= 1
        if i < 1 or t.lower[i - 1] != "the":
            continue
        last = t.text[h - 1]
        if last.isupper() or len(last) <= 3 or last in resources.org_keywords():
            continue  # a name of its own before a describing noun: "the ARES group", "the Star Org group"
        words = [k for k in range(i, h) if t.alpha[k]]
        if any(t.lower[k] not in resources.demonyms() and t.text[k] not in resources.place_names() and not t.title[k] for k in words):
            found.append((i, h + 1))
    return found


def party_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """ "Greens MEP Anna X", "Ak Zhol lawmaker Azat X": the capitalised words before a party
    member's title (`party_titles.txt`) and a name are the party, a body; never a nationality, a
    country or a nationality's adjective ("Polish MEP", "UK MEP", "Republican Senator")."""
    t = tokens or tokens_of(doc)
    titles = resources.word_list("party_titles.txt")
    found = []
    for j in range(1, t.n - 1):
        if t.lower[j] not in titles or not t.name[j + 1]:
            continue
        i = j
        while i > 0 and j - i < 3 and _party_word(t, i - 1):
            i -= 1
        if i < j:
            found.append((i, j))
    return found


def _party_word(t: Tokens, i: int) -> bool:
    low = t.lower[i]
    return t.text[i][:1].isupper() and t.alpha[i] and t.pos[i] == "PROPN" and low not in resources.titles() \
        and low not in TITLE_MODIFIERS and low not in resources.word_list("member_descriptors.txt") \
        and low not in resources.demonyms() and t.text[i] not in resources.place_names() \
        and t.ent_type[i] not in ("GPE", "LOC", "PERSON", "DATE") and not (t.ent_type[i] == "NORP" and not low.endswith("s")) \
        and not (t.sent_start[i] and t.pos[i] in ("DET", "ADP", "ADV", "PRON"))


def title_body_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """Bodies nothing tagged that a title names: one body word (`_body_word`) right before a title
    and a name ("KEGOC Acting Chairman Nurlan Sarsenov"), or after a title's "of" or "at" ("CEO of
    Kaspi.kz Lena Ozols")."""
    t = tokens or tokens_of(doc)
    found = []
    for i in range(t.n):
        if t.ent_type[i] or not t.capital[i] or not _body_word(doc, i):
            continue
        k = i + 1
        while k < t.n and k - i <= 4 and (t.title[k] or t.lower[k] in TITLE_MODIFIERS):
            k += 1
        if k > i + 1 and k < t.n and t.name[k] and any(t.title[j] for j in range(i + 1, k)):
            found.append((i, i + 1))
        elif i > 0 and t.lower[i - 1] in ("of", "at") and title_before(doc, i + 1)[2] < i - 1:
            found.append((i, i + 1))
    return found


def posting_spans(doc: Doc, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """ "the U.S. embassy in Bishkek", "the Russian consulate in Osh": a country's posting written in
    lower case, named by the country before it and the place after it, is a body."""
    t = tokens or tokens_of(doc)
    found = []
    for i in range(1, t.n - 2):
        if not posting_nouns().get(t.text[i]) or t.lower[i + 1] not in ("in", "to"):
            continue
        start = i
        while start > 0 and i - start < 3 and t.text[start - 1][:1].isupper() and (  # a country or a union of them
                t.ent_type[start - 1] in ("GPE", "NORP") or t.lower[start - 1] in resources.demonyms()
                or t.text[start - 1] in ("EU", "UN", "OSCE")):
            start -= 1
        end = i + 2  # the place: one or two capitalised words the model calls no body or person, or a known city
        while end < t.n and end - i <= 3 and t.text[end][:1].isupper() and t.alpha[end] and not t.sent_start[end] \
                and (t.ent_type[end] not in ("ORG", "PERSON") or t.text[end] in resources.city_names()):
            end += 1
        if start < i and end > i + 2:
            found.append((start, end))
    return found


def split_official(doc: Doc, start: int, end: int, label: str, source: str) -> list[Candidate]:
    """A span cut where an official's name starts (`official_start`): the name is a person; the
    words before it keep the span's label where they are a body or a place, and are no mention
    where they are a title's domain words ("Trade and | Integration")."""
    cut = official_start(doc, start, end)
    toks = tokens_of(doc)
    # a body's own span needs the name to look like one: "Director of the Caspian | Pipeline Consortium"
    # is a body whose last words are no one's ("of Kyrgyzstan | Marat Imankulov", "Astana Peter Foster" are)
    if cut > start and label in ("ORG", "GPE") and person_word(doc, cut - 1) and not surname_shaped(doc[end - 1]) \
            and toks.ent_type[end - 1] != "PERSON":
        cut = start
    if cut == start:
        return [Candidate(start, end, label, source)]
    out = [Candidate(cut, end, "PERSON", source)]
    # a person's span that began inside the body's name ("of Air | Astana Nurlan Zhakupov"): the body is whole
    while label == "PERSON" and start > 0 and cut - start < 6 and toks.text[start - 1][:1].isupper() \
            and not toks.title[start - 1] and not toks.punct[start - 1]:
        start -= 1
    # the title the span opened with stays out of the body: "Head of | Multilateral Cooperation Unit"
    while start < cut and (toks.title[start] or toks.lower[start] in TITLE_MODIFIERS | {"of", "for", "the"}):
        start += 1
    if start == cut:
        return out
    words = [t for t in range(start, cut) if toks.text[t][:1].isupper()]
    after_of = start > 0 and toks.lower[start - 1] in ("of", "at") or start > 1 and toks.lower[start - 2] in ("of", "at")
    if label == "PERSON" and len(words) >= 2 and all(person_word(doc, t) for t in words):
        out.insert(0, Candidate(start, cut, "PERSON", source))
    elif span_text(doc, start, cut) in resources.place_names():
        out.insert(0, Candidate(start, cut, "GPE", source))
    elif (label in ("ORG", "GPE") or after_of) and not all(is_domain_word(toks.lower[t]) or toks.title[t] for t in words):
        out.insert(0, Candidate(start, cut, "ORG" if label == "PERSON" else label, source))
    return out


def trailing_speaker(doc: Doc, start: int, end: int) -> int:
    """Where a body's name ends when its last two words are a person who speaks (`person_evidence`,
    or a reporting verb right after the span) and the words before hold an organisation word;
    `end` if they are not."""
    toks = tokens_of(doc)
    keywords = resources.org_keywords()
    cut = end - 2
    if cut - start < 2 or doc[cut].is_sent_start or not any(toks.text[t] in keywords for t in range(start, cut)):
        return end
    tail = doc[cut:end]
    if not all(name_token(t) and t.text not in keywords for t in tail):
        return end
    speaks_next = end < len(doc) and toks.pos[end] == "VERB" and doc[end].lemma_.lower() in resources.reporting_verbs()
    return cut if speaks_next or person_evidence(tail) else end


def merge_candidates(model: list[Candidate], rules: list[Candidate]) -> list[Candidate]:
    """Rule spans win over the model's spans they overlap, unless the model's is longer with the same label."""
    kept: list[Candidate] = []
    for r in sorted(rules, key=lambda c: (c.start, c.start - c.end)):  # at one start, the longer first
        if kept and overlaps(kept[-1], r):
            continue
        kept.append(r)
    starts = [k.start for k in kept]
    dropped: set[int] = set()
    result = []
    for m in model:
        clash = clashes(kept, starts, m)
        if not clash:
            result.append(m)
        elif all((m.end - m.start) > (r.end - r.start) and m.label == r.label for r in clash):
            dropped.update(id(r) for r in clash)
            result.append(m)
    result.extend(r for r in kept if id(r) not in dropped)
    return sorted(result, key=lambda c: c.start)


RUN_CONNECTORS = ("and", "of", "for", "on", "the", "&")
MAX_RUN = 30  # tokens either side of a mention: longer than any name a run joins


def enclosing_run(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The capitalised run around a mention: capitalised words and the connectors between them
    ("and", "of", "for", "on", "the", "&"), never over punctuation or a line end."""
    def joins(i: int) -> bool:
        tok = doc[i]
        return (is_capitalised(tok) and not tok.is_punct or tok.text in RUN_CONNECTORS) and not tok.is_space

    # a name's run is a few words: a bound keeps a page of capitalised words from costing a walk per mention
    a = start
    while a > 0 and start - a < MAX_RUN and joins(a - 1) and "\n" not in doc[a - 1].text_with_ws:
        a -= 1
    b = end
    while b < len(doc) and b - end < MAX_RUN and joins(b) and "\n" not in doc[b - 1].text_with_ws:
        b += 1
    while a < start and not is_capitalised(doc[a]):
        a += 1
    while b > end and not is_capitalised(doc[b - 1]):
        b -= 1
    return a, b


def run_fragment(doc: Doc, cand: Candidate, covered: set[int]) -> bool:
    """ "the Arts and Humanities Citation Index", "Director of Media and Communications": a body's
    mention that is one conjunct of a longer capitalised run joined by "and", where the run is headed
    by a document word (`name_heads.txt`) or opens with a title word and "of/for", and the other
    conjunct is no mention of its own, is a piece of that longer name, not a body. `covered` are
    the tokens of every mention (the candidate's own are left out here)."""
    toks = tokens_of(doc)
    a, b = enclosing_run(doc, cand.start, cand.end)
    if (a, b) == (cand.start, cand.end) or not any(toks.lower[t] == "and" for t in range(a, b)):
        return False

    def alone(x: int, y: int) -> bool:  # no word of the run in [x, y) is a mention of its own
        return not any(t in covered for t in range(x, y) if not cand.start <= t < cand.end)

    heads = resources.word_list("name_heads.txt")
    head = next((t for t in range(cand.end, b) if toks.text[t] in heads), None)
    if head is not None:
        return alone(a, head + 1)
    return is_title_word(doc[a]) and b - a > 2 and toks.lower[a + 1] in ("of", "for") and cand.start > a + 1 \
        and alone(a, b)


def inside_extensions(doc: Doc, cands: list[Candidate]) -> set[int]:
    """ids of mentions inside the name a body's mention runs on over (`extend_org`, `campus_end`):
    "the Visual Arts" in "the Andy Warhol Foundation for the Visual Arts", "Greensboro" in "the
    University of North Carolina at Greensboro"."""
    out: set[int] = set()
    for c in cands:
        if c.label != "ORG":
            continue
        s, e = clean_bounds(doc, c.start, c.end)
        if s >= e:
            continue
        ext = campus_end(doc, s, extend_org(doc, s, e))
        if ext > e:
            out.update(id(o) for o in cands if o is not c and o.start >= e and o.end <= ext)
    return out


def flight_airline(doc: Doc, cand: Candidate) -> Candidate | None:
    """ "Garuda Indonesia Flight 200": the airline before a flight number is an organisation."""
    toks = tokens_of(doc)
    for i in range(cand.start + 1, min(cand.end + 1, len(doc) - 1)):
        if toks.text[i] == "Flight" and toks.like_num[i + 1]:
            return Candidate(cand.start, i, "ORG", cand.source)
    return None


def gather_mentions(doc: Doc, known: list[tuple[int, int]] = ()) -> list[Candidate]:
    """Mentions from the model and from the rules, the rules' winning where they overlap
    (`merge_candidates`): the gazetteer's names, capitalised runs headed by an organisation word,
    acronyms in parentheses, traded names, titled names and named speakers; pieces of a longer name go
    (`run_fragment`, `inside_extensions`); then airlines before flight numbers; acronyms of common
    nouns ("IPO") go."""
    tokens = tokens_of(doc)
    runs = capitalised_runs(doc, tokens)
    acronyms = acronyms_in_parentheses(doc, doc_text(doc))
    rules = [Candidate(s, e, "ORG", "gazetteer") for s, e in longest_spans(known)]
    model = model_candidates(doc)
    starts = [m.start for m in model]
    org_runs, officials = org_runs_and_officials(doc, org_rule_spans(doc, tokens, runs), model, starts)
    # the bodies as found: a run cut before its official would find that official a second time
    bodies = [(m.start, m.end) for m in model if m.label in ("ORG", "GPE")] + org_runs + list(known)
    officials += officials_after_bodies(doc, bodies) + officials_after_fields(doc, tokens)
    rules += [Candidate(s, e, "ORG", "rule") for s, e in org_runs + parenthesised_acronyms(doc, acronyms)
              + traded_name_spans(doc, tokens) + title_body_spans(doc, tokens) + posting_spans(doc, tokens)
              + party_spans(doc, tokens) + lower_head_spans(doc, tokens)]
    people = titled_person_spans(doc, tokens) + speaker_spans(doc, tokens) + surname_spans(doc, tokens) \
        + appositive_people(doc, known)
    rules += [Candidate(s, e, "PERSON", "rule") for s, e in officials + [(official_start(doc, s, e), e) for s, e in people]]
    rules += [Candidate(s, e, label, "rule") for s, e, label in introduced_spans(doc, tokens)]
    rules += [Candidate(s, e, "ORG", "rule") for s, e in outlet_spans(doc, tokens, runs)]
    cands = merge_candidates(model, rules)
    # pieces of a longer name: a conjunct of a document's or a title's run, a mention a body's name runs over
    covered = {t for c in cands for t in range(c.start, c.end)}
    cands = [c for c in cands if not (c.label == "ORG" and run_fragment(doc, c, covered))]
    inside = inside_extensions(doc, cands)
    cands = [c for c in cands if id(c) not in inside]
    cands += [a for c in cands if c.label == "ORG" and (a := flight_airline(doc, c)) is not None]
    # the layout decides these, whatever span the model made of them ("Reader dana.s", "Chelsea 0")
    layout = [Candidate(s, e, "PERSON", "poster") for s, e in poster_spans(doc, tokens)]
    layout += [Candidate(s, e, "ORG", "results") for s, e in result_line_spans(doc)]
    if layout:
        cands = sorted([c for c in cands if not any(overlaps(c, p) for p in layout)] + layout, key=lambda c: c.start)
    common = common_noun_acronyms(doc, acronyms) | resources.word_list("common_acronyms.txt")
    text = tokens.text
    return [c for c in cands if (text[c.start] if c.end - c.start == 1 else span_text(doc, c.start, c.end)) not in common]
