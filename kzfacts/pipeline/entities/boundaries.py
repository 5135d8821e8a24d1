"""Stage 2, settling boundaries: where each mention starts and ends, and the titles around it.

A mention loses a leading "the", possessives, punctuation, a result ("Liverpool 2-1"), a caption
credit and the numbers after a person's name; it keeps a hyphenated given name whole; a body's
name runs on over "of/for/on + capitalised words"; a rule's capitalised run stops where the model
saw another entity begin. Titles leave the name ("President Tokayev") and are kept as the
person's titles, before the name (`title_before`) or in apposition (`appositive_titles`). A
mention that is too long, too short or has the wrong titles is decided here.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc, Span

from ... import resources
from ..support.text import CAPTION_PREFIXES
from ..support.tokens import span_text, tokens_of
from .appositions import person_roles, phrase_after
from .common import CONNECTORS, POSSESSIVE, Candidate, clashes, is_capitalised, name_token, score_before, surname_shaped
from .evidence import person_evidence, person_shaped
from .titles import TITLE_MODIFIERS, governing_boards, is_domain_word, is_honorific, is_title_word, official_start, posting_nouns, title_before, unit_modifiers, unit_words

NUMBER = re.compile(r"\d[\d,.]*")  # a count or a score, not a code or an ordinal
LEADING_WORDS = ("the", "a", "an", "ex", "-", "ex-")  # never a name's first word
CREDIT_WORDS = {"image", "photo", "picture", "video", "credit", "source", "photograph", "illustration"}


def clean_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading "the"/"ex-" or a clause's first word ("As", "If"), trailing
    possessive or punctuation."""
    toks = tokens_of(doc)
    text, lower, punct = toks.text, toks.lower, toks.punct
    while start < end:
        if not (lower[start] in LEADING_WORDS or punct[start] or text[start].isspace() or text[start] in POSSESSIVE
                or toks.opens_clause(start) or caption_prefix(doc, start)):
            break
        start += 1
    end -= score_before(doc, end) if end - start > 1 else 0  # "Liverpool 2-1"
    while end > start and (text[end - 1] in POSSESSIVE or punct[end - 1] or text[end - 1].isspace()):
        end -= 1
    # an unclosed parenthesis cuts the name ("European Commission for Democracy through Law (Venice
    # Commission"): the first "(" after the last ")", the words from the first "(" on read once
    for i in range(start, end):
        if text[i] == "(":
            rest = text[i:end]
            closed = max((k for k, x in enumerate(rest) if x == ")"), default=-1)
            opened = next((k for k, x in enumerate(rest) if x == "(" and k > closed), None)
            if opened is not None:
                end = i + opened
            break
    while end > start and (punct[end - 1] or lower[end - 1] in CONNECTORS or lower[end - 1] == "at"):
        end -= 1
    return start, end


def caption_prefix(doc: Doc, i: int) -> bool:
    """ "FILE - Tajikistan Airlines planes ...": a photo caption's word before a spaced dash is no part of a name."""
    return tokens_of(doc).text[i] in CAPTION_PREFIXES and i + 1 < len(doc) and spaced_dash(doc, i + 1)


def spaced_dash(doc: Doc, i: int) -> bool:
    """A dash with a space on either side ("Oil & Gas - KIOGE") separates; "Rolls-Royce" joins."""
    tok = doc[i]
    return tok.text in ("-", "\u2013", "\u2014") and (bool(tok.whitespace_) or i > 0 and bool(tokens_of(doc).ws[i - 1]))


def separate_names(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The names one span of the model's holds: two where it joins them.

    Between two names stand a slash ("the Newsmax / Zogby poll") or a spaced dash ("Oil & Gas -
    KIOGE"); a comma or "at" before a name with its own organisation word ("the Academy, Naval War
    College", "the Block Museum of Art at Northwestern University"), never before a place
    ("University of California, Berkeley", "University of Texas at Austin"); "and" after a plural
    noun ("the religious schools Santo Spirito and Immacolata"), while "Procter and Gamble" stays
    one. A caption's prefix ("FILE -") is no name at all.
    """
    toks = tokens_of(doc)
    keywords = resources.org_keywords()
    before = start - 1
    while before >= 0 and (toks.lower[before] in ("the", "a", "an") or toks.tag[before] == "JJ"):
        before -= 1
    plural_before = before >= 0 and toks.tag[before] == "NNS" and doc[before].is_lower

    def has_head(a: int, b: int) -> bool:
        return any(toks.text[t] in keywords for t in range(a, b))

    cuts = []
    cap, text, lower = toks.capital, toks.text, toks.lower
    for i in range(start + 1, end - 1):
        if not (cap[i + 1] and (cap[i - 1] or text[i] in (",", "/"))):
            continue
        if text[i] == "/" or toks.spaced_dash(i):
            cuts.append(i)
        elif text[i] == "," or lower[i] == "at":
            part_end = next((j for j in range(i + 1, end) if text[j] in (",", "/") or lower[j] == "at"), end)
            if has_head(i + 1, part_end) and (lower[i] == "at" or has_head(start, i)):
                cuts.append(i)
        elif lower[i] == "and" and (plural_before or another_body_after(doc, start, i, end)):
            cuts.append(i)
    if not cuts:
        return [(start, end)]
    parts, s = [], start
    for i in cuts + [end]:
        a, b = clean_bounds(doc, s, i)
        if a < b and not (b - a == 1 and caption_prefix(doc, a)):
            parts.append((a, b))
        s = i + 1
    return parts or [(start, end)]


def owner_and_owned(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """The names one span of the model's holds across an owner's possessive: a name never holds
    one ("Breitbart’s Joel Pollak", "Dave Leip’s Atlas", "Trump’s Islamaphobia").

    What is owned is a person where its words name one that speaks or holds a title ("Breitbart’s |
    Joel Pollak reported"), and the owner is then their employer. A country owns a body
    ("Kazakhstan’s | Central Election Commission"). Else what a person owns is nothing kzfacts
    reports (a work, a notion): "Dave Leip" stays, "’s Atlas" goes. A body's span is a person's
    thing only where the owner is a person the text names as one (`person_owner`: "Obama’s Initial
    Briefing" after "Barack Obama"); otherwise the possessive is the body's own ("Lloyd’s
    Register", "Korean People’s Army", "Moody’s Investors Service"). A place keeps its own.
    """
    if label not in ("PERSON", "ORG"):
        return [(start, end, label)]  # "the People’s Republic of China"
    toks = tokens_of(doc)
    at = next((i for i in range(start + 1, end - 1) if toks.text[i] in ("'s", "\u2019s")
               or toks.text[i] in POSSESSIVE and toks.tag[i] == "POS"), None)
    if at is None:
        return [(start, end, label)]
    owned = doc[at + 1:end]
    if span_text(doc, start, at) in resources.country_names():
        return [(start, at, "GPE"), (at + 1, end, label)]
    if 2 <= len(owned) <= 3 and person_evidence(owned):
        return [(start, at, label), (at + 1, end, "PERSON")]
    if label == "PERSON":
        return [(start, at, label)]
    return [(start, at, "PERSON")] if person_owner(doc, start, at) else [(start, end, label)]


def person_owner(doc: Doc, start: int, end: int) -> bool:
    """The owner's last word ends a person's name the model tagged elsewhere in the text, or is
    shaped like a Central Asian or Russian surname ("Tokayev’s Amanat")."""
    last = doc[end - 1]
    if surname_shaped(last) and not any(t.text in resources.org_keywords() for t in doc[start:end]):
        return True
    return any(e.label_ == "PERSON" and e[-1].text == last.text and not start <= e.start < end for e in doc.ents)


def another_body_after(doc: Doc, start: int, at: int, end: int) -> bool:
    """ "the Ministry of Energy | and Gazprom": after "KEYWORD of FIELDS and", a company's one word
    or a name ending in an organisation word is a second body ("the Ministry of Labour and Social
    Protection" stays one)."""
    toks = tokens_of(doc)
    keywords = resources.org_keywords()
    of = next((t for t in range(start, at) if toks.lower[t] in ("of", "for")), None)
    if of is None or of == start or toks.text[of - 1] not in keywords \
            or not all(is_domain_word(toks.lower[t]) for t in range(of + 1, at)):
        return False
    if end - at == 2:  # one word: a company's name, not a field ("and Gazprom", not "and Sport")
        return toks.text[at + 1][:1].isupper() and not is_domain_word(toks.lower[at + 1]) and not toks.title[at + 1]
    return toks.text[end - 1] in keywords


def _separated(doc: Doc, at: int, label: str) -> bool:
    """Whether the model entity starting at token `at` stands apart from the name before it:
    after "and", "in" or "at", or a place after "of the" ("Colorado State University of the US")."""
    toks = tokens_of(doc)
    i = at - 1
    if i > 0 and toks.lower[i] == "the":
        i -= 1
        if label == "GPE" and toks.lower[i] == "of":
            return True
    return toks.lower[i] in ("and", "in", "at")


def trim_at_model_entities(doc: Doc, start: int, end: int, model: list[Candidate],
                           starts: list[int]) -> tuple[int, int]:
    """A rule's capitalised run ends where the model saw another entity begin inside it.

    "Refugee Council Enver Solomon" (a person follows), "Skidmore College in Saratoga Springs",
    "Irving Independent School District and the Irving Police Department" (two bodies) keep only
    their first name, and a run that goes on past a body the model tagged without adding an
    organisation word ("the Refugee Council Enver Solomon") stops with that body. `model` is the
    model's entities in order (they never overlap), `starts` their first tokens.
    """
    keywords = resources.org_keywords()
    for m in clashes(model, starts, Candidate(start, end, "")):
        if start < m.start and (m.label == "PERSON" or _separated(doc, m.start, m.label)):
            return start, m.start
        if m.label == "ORG" and m.start <= start and m.end < end and not any(w in keywords for w in tokens_of(doc).text[m.end:end]):
            return start, m.end  # the model's body already holds the run's head: "the Refugee Council | Enver"
    return start, end


def strip_leading_titles(doc: Doc, cand: Candidate) -> None:
    """ "President Tokayev" tagged whole: the title leaves the name (`types.person_behind_title`
    has made such a name a person already)."""
    while cand.end - cand.start > 1:
        first = doc[cand.start]
        is_title = starts_with_title(doc, cand) and cand.label in ("PERSON", "PRODUCT", "ORG")
        is_modifier = first.lower_ in TITLE_MODIFIERS and cand.label == "PERSON"
        # the end of a longer title the mention starts inside ("Assistant Attorney | General Peter Kane")
        is_title_end = cand.label == "PERSON" and cand.start > 0 and \
            f"{tokens_of(doc).lower[cand.start - 1]} {first.lower_}" in resources.titles()
        if not (is_title or is_modifier or is_title_end):
            return
        cand.start += 1


def starts_with_title(doc: Doc, cand: Candidate) -> bool:
    """The mention's first word is a title and no organisation word ("President" of "President Tokayev")."""
    first = doc[cand.start]
    return first.lower_ in resources.titles() and first.text not in resources.org_keywords()


def attach_titles(doc: Doc, cand: Candidate) -> None:
    """Titles written before a name (not before a body's: `types.person_after_title` has made an
    unknown "organisation" right after a title a person already)."""
    if cand.label not in ("PERSON", "PRODUCT", "WORK_OF_ART", "FAC"):
        return
    cand.titles, cand.title_start, cand.phrase_start = title_before(doc, cand.start)


def appositive_titles(span: Span) -> list[str]:
    """Titles in an apposition: "Peter Stano, EU spokesperson for ...", "director of ..." ."""
    out = []
    root = span.root
    candidates = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < span.start:
        candidates.append(root.head)
    for head in candidates:
        if not is_title_word(head) or head.ent_type_ == "PERSON":
            continue
        # the role's words on its own side of the name: "The commission's chairman, X" / "X, director of Y"
        before = head.i < span.start
        toks = [t for t in head.subtree if (t.i < span.start if before else t.i >= span.end)]
        cut = [t for t in toks if t.dep_ in ("relcl", "acl") and t.head == head]
        if cut:
            stop = min(t.left_edge.i for t in cut)
            toks = [t for t in toks if t.i < stop]
        if not toks or not own_apposition(span, toks[0].i, toks[-1].i + 1):
            continue
        text = span.doc[toks[0].i: toks[-1].i + 1].text
        text = re.sub(r"^(?:a|an|the|its|his|her|their|our)\s+", "", text.strip(" ,;"), flags=re.I).strip(" ,;")
        if text and len(text.split()) <= 15:
            out.append(text)
    return out


def own_apposition(span: Span, lo: int, hi: int) -> bool:
    """Whether the role words [lo, hi) are the name's: no ";" between them and the name (a list's
    records end there), and, after the name, not a title running straight into the next name
    ("X, USAID Director Y": Y's title)."""
    doc = span.doc
    between = range(hi, span.start) if hi <= span.start else range(span.end, lo)
    if any(doc[k].text == ";" for k in between):
        return False
    return not (lo >= span.end and hi < len(doc) and name_token(doc[hi]) and doc[hi].pos_ == "PROPN")


def extend_org(doc: Doc, start: int, end: int) -> int:
    """Extend a cut organisation name over "for/of/on + capitalised words" ("European Institute for Asian Studies")."""
    toks = tokens_of(doc)
    keywords = resources.org_keywords()
    if toks.text[end - 1] not in keywords:
        return posting_end(doc, fields_end(doc, start, end))
    j = end
    while j + 1 < len(doc) and toks.lower[j] in ("for", "of", "on") and not doc[j].is_sent_start:
        k = j + 1
        if toks.lower[k] == "the":
            k += 1
            if toks.lower[j] == "of" and k < len(doc) and toks.ent_type[k] == "GPE":
                break  # "Colorado State University of the US": a place after the name, as `_separated` cuts it
        m = k
        while m < len(doc) and is_capitalised(doc[m]) and not toks.punct[m] and toks.ent_type[m] not in ("DATE", "PERSON"):
            m += 1
            while m + 1 < len(doc) and toks.lower[m] in ("and", "of", "for") and is_capitalised(doc[m + 1]):
                m += 1
        if m == k:
            break
        j = m
    # "Speaker of the Parliament of Georgia Beridze": the body's name stops at the official's
    cut = official_start(doc, start, j) if j > end else start
    return posting_end(doc, cut if cut > start else j)


def fields_end(doc: Doc, start: int, end: int) -> int:
    """ "the Bureau of South | and Central Asian Affairs", "the Institute of Near | and Middle Eastern
    Studies": a body's "of/for" name cut at "and" runs on over the capitalised words after it when
    they end in a field word (`titles.is_domain_word`)."""
    toks = tokens_of(doc)
    keywords = resources.org_keywords()
    if end + 2 >= len(doc) or toks.lower[end] != "and" or not any(
            toks.text[t] in keywords and toks.lower[t + 1] in ("of", "for") for t in range(start, end - 1)):
        return end
    m = end + 1
    # never over a place or a name the model knows: "the Ministry of Finance | and Kazakhstan Railways"
    while m < len(doc) and m - end <= 5 and toks.text[m][:1].isupper() and toks.alpha[m] \
            and toks.text[m] not in resources.place_names() \
            and (toks.ent_type[m] in ("", "NORP") or doc[m].ent_iob_ == "I" or is_domain_word(toks.lower[m])):
        m += 1
    return m if m > end + 1 and is_domain_word(toks.lower[m - 1]) else end


def posting_head(doc: Doc, i: int) -> bool:
    """Token i is a posted body's noun written as a name's ("Mission", "Embassy": `posting_nouns.tsv`)."""
    return tokens_of(doc).text[i][:1].isupper() and tokens_of(doc).lower[i] in posting_nouns()


def posting_end(doc: Doc, end: int) -> int:
    """ "the U.S. Mission to Mongolia", "the EU Delegation to Uzbekistan", "the British Embassy in
    Astana": a body posted somewhere runs on over "to/in" + the place (a capitalised place word or two)."""
    toks = tokens_of(doc)
    if end >= 2 and toks.lower[end - 1] in ("to", "in") and posting_head(doc, end - 2):
        end -= 1  # the model's "U.S. Mission to" without its place
    if end + 1 >= len(doc) or not posting_head(doc, end - 1) or toks.lower[end] not in ("to", "in"):
        return end
    j = end + 1
    while j < len(doc) and j - end <= 3 and toks.text[j][:1].isupper() and toks.alpha[j] \
            and (toks.ent_type[j] in ("GPE", "LOC") or toks.text[j] in resources.place_names()):
        j += 1
    return j if j > end + 1 else end


def campus_end(doc: Doc, start: int, end: int) -> int:
    """ "the University of North Carolina at Greensboro": a body named "KEYWORD of PLACE" runs on over
    "at" + the place of its campus, a capitalised place (not "at the ...")."""
    toks = tokens_of(doc)
    if end - start < 3 or toks.text[start] not in resources.org_keywords() or toks.lower[start + 1] != "of":
        return end
    if end + 1 >= len(doc) or toks.lower[end] != "at" or doc[end].is_sent_start:
        return end
    j = end + 1
    while j < len(doc) and is_capitalised(doc[j]) and toks.alpha[j] and not doc[j].is_sent_start \
            and toks.ent_type[j] in ("GPE", "LOC", "") and (j == end + 1 or doc[j].ent_iob_ == "I" or not toks.ent_type[j]):
        j += 1
    if j == end + 1 or j - end > 4 or any(toks.text[t] in resources.org_keywords() for t in range(end + 1, j)):
        return end
    return j


def trim_mention(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """Leading "the", trailing possessives, punctuation and results ("Liverpool 2-1") leave the name;
    a mention opening with "and", "of" or "for" is a piece cut out of a longer name and goes; a
    body's name loses a title after it."""
    toks = tokens_of(doc)
    if toks.text[c.start] in ("and", "of", "for", "&"):
        return False  # "and Executive", "of Foreign Affairs": cut out of a longer name
    c.start, c.end = clean_bounds(doc, c.start, c.end)
    # "State Department Spokesperson", "NASA Administrator": a title after a body's name is the
    # role of someone at it, not a word of the name ("Office of the President" keeps its title)
    if c.label == "ORG" and c.end - c.start > 1 and c.source != "gazetteer" and is_title_word(doc[c.end - 1]) \
            and toks.text[c.end - 1] not in resources.org_keywords() \
            and not any(toks.lower[t] in CONNECTORS for t in range(c.start, c.end)):
        c.end -= 1
    return c.start < c.end


def cut_at_credits(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A caption's credit ends the name before it ("student Ahmed Mohamed Image: Twitter"): a
    mention never runs into "Image:", "Photo:" or "Source:"."""
    toks = tokens_of(doc)
    for i in range(c.start + 1, c.end):
        if toks.lower[i] in CREDIT_WORDS and i + 1 < len(doc) and toks.text[i + 1] == ":":
            c.end = i
            break
    if c.end < len(doc) - 1 and c.end - c.start > 1 and toks.lower[c.end - 1] in CREDIT_WORDS \
            and toks.text[c.end] == ":":
        c.end -= 1
    return c.start < c.end


def cut_at_numbers(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A name never runs over a number: a person's mention ends before its first number ("Greg Smith
    57", "Attendance 5,300" gives nothing); a body's ends before a number that another name follows
    (a results line, "Plymouth 4 Exeter 1") or that starts a result ("2" of "2 – 1"), while "Channel 4"
    keeps its number."""
    toks = tokens_of(doc)
    for i in range(c.start, c.end):
        if not NUMBER.fullmatch(toks.text[i]):  # "501st Legion", "G20", "A320": no count, part of the name
            continue
        if c.label == "PERSON" or c.label == "ORG" and c.start < i and i + 1 < c.end and is_capitalised(doc[i + 1]):
            c.end = i
            break
        if c.start < i and i + 2 < len(doc) and toks.text[i + 1] in ("-", "\u2013") and score_before(doc, i + 3) == 3:
            c.end = i  # "Uzbekistan 2" cut out of "Uzbekistan 2 – 1": the result's first number
            break
    c.start, c.end = clean_bounds(doc, c.start, c.end)
    return c.start < c.end


def person_name_bounds(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A person's name starts with a capital ("magician David Gish" is David Gish), not with the
    place of a title before it ("Akim of Almaty Yerbolat Dossayev"), and keeps a
    hyphenated given name whole ("Wong Yeung-tat", "Lam Cheuk-ting": the tokenizer cuts at the hyphen
    and the model stops before the lower-case part)."""
    toks = tokens_of(doc)
    if c.label != "PERSON" or c.source == "poster":
        return True
    # "Akim of Almaty Yerbolat Dossayev": the first word after "title of" is the title's complement
    if c.end - c.start >= 3 and c.start >= 2 and toks.lower[c.start - 1] == "of" and is_title_word(doc[c.start - 2]):
        c.start += 1
    while c.start < c.end and doc[c.start].is_lower and toks.alpha[c.start]:
        c.start += 1
    while c.end + 1 < len(doc) and toks.text[c.end] in ("-", "\u2010") and not toks.ws[c.end - 1] \
            and not toks.ws[c.end] and doc[c.end + 1].is_lower and toks.alpha[c.end + 1]:
        c.end += 2
    return c.start < c.end


def strip_titles(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A title inside the mention leaves it ("President Tokayev")."""
    strip_leading_titles(doc, c)
    return True


def find_titles(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """Titles before a person's name are kept ("Finance Minister" of "Finance Minister X")."""
    attach_titles(doc, c)
    return True


def extend_organisation(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A body's name cut before "for/of/on + capitalised words" runs on (`extend_org`)."""
    if c.label == "ORG":
        c.end = campus_end(doc, c.start, extend_org(doc, c.start, c.end))
    return True


def unit_body_start(doc: Doc, start: int, end: int) -> int:
    """Where the body starts in a generic unit's name (`unit_words.tsv`): "Management Board of |
    Halyk Bank", "Board of Directors of | Air Astana", "Almaty office of the | OSCE" (an office
    only with a place or a modifier before it: "the Office of Foreign Assets Control" is a body).
    `start` if the mention is no such unit."""
    toks = tokens_of(doc)
    i = start
    while i < end and (toks.lower[i] in unit_modifiers() or toks.ent_type[i] in ("GPE", "LOC")):
        i += 1
    if i >= end or not unit_words().get(toks.lower[i]):
        return start
    if toks.lower[i] == "office" and i == start and not (start > 0 and toks.lower[start - 1] in unit_modifiers()):
        return start  # "the Office of Foreign Assets Control" is a body; "Representative | Office of X" is X's
    i += 1
    if i + 1 < end and toks.lower[i] == "of" and toks.lower[i + 1] in governing_boards():
        i += 2
    if i >= end or toks.lower[i] != "of":
        return start
    i += 2 if i + 1 < end and toks.lower[i + 1] == "the" else 1
    body = [t for t in range(i, end) if toks.text[t][:1].isupper()]
    if not body or toks.title[body[0]] or all(is_domain_word(toks.lower[t]) for t in body):
        return start
    return i


def drop_generic_units(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A generic unit's mention the model cut before its body ("the Board of Directors | of
    Kazakhtelecom") is its body's, no organisation of its own: it goes when "of [the]" and another
    body's mention follow it."""
    toks = tokens_of(doc)
    starts = {c.start for c in cands if c.label == "ORG"}
    out = []
    for c in cands:
        if c.label == "ORG" and c.end + 1 < len(doc) and toks.lower[c.end] == "of":
            after = c.end + 2 if toks.lower[c.end + 1] == "the" else c.end + 1
            words = [toks.lower[t] for t in range(c.start, c.end) if toks.lower[t] not in ("the", "of")]
            generic = any(unit_words().get(w) for w in words) and all(
                unit_words().get(w) or w in unit_modifiers() or w in governing_boards() for w in words)
            if generic and after in starts:
                continue
        out.append(c)
    return out


def body_of_unit(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A generic unit's mention is its body's (`unit_body_start`)."""
    if c.label == "ORG":
        c.start = unit_body_start(doc, c.start, c.end)
    return True


def title_words_out(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """ "Relief Fund Regional | Manager X", "UNICEF Country | Representative X": the modifiers of a
    title right after a body's name are the title's, not the body's."""
    toks = tokens_of(doc)
    if c.label != "ORG":
        return True
    end = c.end
    while end - c.start > 1 and is_honorific(toks.text[end - 1]):
        end -= 1  # "Parliament of Kazakhstan Ms. | Zarina X"
    if end < len(doc) and toks.title[end] and toks.text[end][:1].isupper():
        modifiers = unit_modifiers() | TITLE_MODIFIERS
        while end - c.start > 1 and (toks.lower[end - 1] in modifiers or toks.title[end - 1]):
            end -= 1
        # "CDC Central Asia | Director", "UNDP Kazakhstan | Resident Representative": the title's place
        place, places = end, resources.place_names()
        while place - c.start > 1:
            if place - 2 > c.start and span_text(doc, place - 2, place) in places:
                place -= 2
            elif toks.text[place - 1] in places:
                place -= 1
            else:
                break
        if place < end and toks.lower[place - 1] not in CONNECTORS | {"the"}:
            end = place
    c.end = end
    return True


def holds_a_name(doc: Doc, lo: int, hi: int) -> bool:
    """The phrase [lo, hi) names a person of its own ("World Bank Senior Economist Ilya Sokolov"): a
    word the model calls a person, or two name words right after a title word."""
    toks = tokens_of(doc)
    keywords = resources.org_keywords()
    return any(toks.ent_type[k] == "PERSON" for k in range(lo, hi)) or any(
        toks.title[k - 1] and toks.name[k] and toks.name[k + 1] and not toks.title[k] and not toks.title[k + 1]
        and toks.text[k + 1] not in keywords for k in range(max(lo, 1), hi - 1))


def add_appositive_titles(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A person's titles in apposition ("X, director of Y"), the fuller of two kept; where the parser
    hung the name elsewhere, the role phrase read on the surface (`appositions.phrase_after`:
    "X, U.S. Deputy Assistant Secretary of State, says")."""
    if c.label == "PERSON":
        found = appositive_titles(doc[c.start:c.end])
        surface = phrase_after(doc, c.end) if not found and person_shaped(doc[c.start:c.end]) else None
        if surface is not None and person_roles(doc, *surface) and own_apposition(doc[c.start:c.end], *surface) \
                and not holds_a_name(doc, *surface):
            found = [re.sub(r"^(?:a|an|the|its|his|her|their|our)\s+", "", span_text(doc, *surface).strip(" ,"), flags=re.I)]
        c.titles += [t for t in found if t not in c.titles]
        # "chairman" and "fund's chairman": keep the fuller
        c.titles = [t for t in c.titles if not any(o != t and o.endswith(" " + t) for o in c.titles)]
    return True
