#!/usr/bin/env python3
"""The near-duplicate detector (`kzfacts/duplicates.py`) measured: precision and recall on a corpus
with planted copies, over a range of thresholds, and its time and memory on 100,000 short articles.

    python bench/duplicates.py                 # quality: planted corpus, thresholds 0.3 .. 0.9
    python bench/duplicates.py --speed 100000  # also time the detector alone on N synthetic articles

The planted corpus is built from the real news texts of the evaluation sets (../shared/eval/*/)
and samples/: every text is an original; for each one with three paragraphs or more, copies as
news sites make them: retitled, a paragraph dropped, the byline or dateline changed, boilerplate
added around it (a site's subscription and related-story lines), and all of these at once. The
negatives are every other pair: the sets hold several distinct stories on one event (dev-news: 30
Wikinews reports on Airbus and Boeing; dev-central-asia: elections, aid), and spliced stories, the
first half of one text and the second half of another of the same set (an update that reuses
background); two kinds of stories alike in words but not in figures: the leads of stories
of a set, each with figures of its own (3 numbers or more), under one long company footer ("About ..."), and a text with half its numbers changed (a
release made from a template: another month, another rate). A text holding another (the digest of the four sample articles) is left out: it is
four articles, which `kzfacts extract` splits first.

A planted copy is found when it is marked a copy of its own original; precision counts every
article marked a copy, recall every planted copy. Originals come first in input order.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzfacts import duplicates  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
TITLES = ["UPDATE: ", "Breaking: ", "Analysis: ", "", "Exclusive: "]
BYLINES = ["By Staff Reporter", "By Aigerim Nurlanova, Astana Times", "ALMATY (Reuters) -", "By AP Wire Staff",
           "Posted by admin on 12 March"]
BOILERPLATE = [
    "Subscribe to our newsletter to receive the latest news from Central Asia in your inbox every morning.",
    "Related stories: Kazakhstan's economy in figures; Five things to know about the region; Our editors' picks.",
    "This article was first published by our partners and is republished with permission. All rights reserved.",
    "Share this story on Facebook, Twitter and Telegram. Follow us for more updates and analysis.",
]
# a company's "About" paragraph as press releases end (made up; with its own figures, as such footers have)
FOOTER = ("About Qazaq Minerals. Qazaq Minerals is a diversified mining group founded in 1997, with copper, zinc "
          "and gold mines in the East Kazakhstan and Karaganda regions and a smelter in Balkhash. The group employs "
          "about 14,500 people and exported 310,000 tonnes of copper last year. Its shares are listed on the Astana "
          "International Exchange and the London Stock Exchange. The group reports its results twice a year under "
          "international standards. For media enquiries contact the press office in Almaty through the group's "
          "website or its official accounts on social networks; investors may write to the investor relations team.")
COPY_KINDS = ("retitled", "paragraph_dropped", "byline_changed", "boilerplate_added", "all_at_once")


def paragraphs(text: str) -> list[str]:
    return [p for p in (line.strip() for line in text.splitlines()) if p]


def exact_jaccard(a: str, b: str) -> float:
    sa, sb = duplicates.shingles(duplicates.words(a)), duplicates.shingles(duplicates.words(b))
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def containment(a: str, b: str) -> float:
    """How much of the smaller text's shingles the other holds."""
    sa, sb = duplicates.shingles(duplicates.words(a)), duplicates.shingles(duplicates.words(b))
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


def read_texts() -> list[tuple[str, str]]:
    """(name, text) of the real texts, without one that holds most of another (a digest)."""
    files = sorted(EVAL.glob("*/*.txt")) + sorted((ROOT / "samples").glob("*.txt"))
    kept: list[tuple[str, str]] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        name = f"{path.parent.name}/{path.name}"
        if len(duplicates.words(text)) < duplicates.MIN_WORDS:
            continue
        if any(containment(text, other) >= 0.5 for _, other in kept):
            print(f"left out {name}: holds or repeats a text already in the corpus", file=sys.stderr)
            continue
        kept.append((name, text))
    return kept


def make_copy(text: str, kind: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    title, body = paras[0], paras[1:]
    if kind in ("retitled", "all_at_once"):
        title = rng.choice(TITLES) + " ".join(reversed(title.split()[:6])) + " - " + rng.choice(["report", "sources say"])
    if kind in ("paragraph_dropped", "all_at_once"):
        # a paragraph, not the story: one of those that hold at most a quarter of its words
        size = len(text.split())
        small = [i for i, p in enumerate(body) if len(p.split()) <= size / 4]
        if small:
            del body[rng.choice(small)]
    if kind in ("byline_changed", "all_at_once"):
        body = [rng.choice(BYLINES), *body[1:]] if len(body[0].split()) < 12 else [rng.choice(BYLINES), *body]
    if kind in ("boilerplate_added", "all_at_once"):
        body = [*body, *rng.sample(BOILERPLATE, 2)]
        title = f"{title}\nHome > News > Region"
    return "\n\n".join([title, *body])


def splice(a: str, b: str) -> str | None:
    """The first half of `a` (to the paragraph nearest its middle word) and about as many words of
    the second half of `b`: a story half new, which shares about a third of its shingles with
    either; None when `b`'s paragraphs cannot give that."""
    pa, pb = paragraphs(a), paragraphs(b)
    half, kept = len(a.split()) / 2, []
    for p in pa:
        if kept and abs(sum(len(k.split()) for k in kept) - half) < abs(sum(len(k.split()) for k in kept) + len(p.split()) - half):
            break
        kept.append(p)
    want, added = sum(len(k.split()) for k in kept), []
    limit = min(want * 1.25, len(b.split()) / 2)  # of b, no more than its half: else the splice is b's copy
    for p in pb[len(pb) // 2:]:
        if sum(len(x.split()) for x in added) + len(p.split()) <= limit:
            added.append(p)
    return "\n\n".join(kept + added) if sum(len(x.split()) for x in added) >= want * 0.8 else None


def lead(text: str, size: int = 45) -> str:
    """The title and the first paragraphs of a text, to about `size` words."""
    paras, kept = paragraphs(text), []
    while paras and sum(len(p.split()) for p in kept) < size:
        kept.append(paras.pop(0))
    return "\n\n".join(kept)


def renumbered(text: str, rng: random.Random) -> str | None:
    """The text with every other distinct number changed (a release from one template), or None
    when it has fewer than 4."""
    found = sorted(set(duplicates.NUMBER.findall(text)))
    if len(found) < 4:
        return None
    changed = {n: str(int(n.replace(",", "").split(".")[0]) + rng.randint(1, 9)) for n in found[::2]}
    return duplicates.NUMBER.sub(lambda m: changed.get(m.group(), m.group()), text)


def planted_corpus(seed: int = 7) -> tuple[list[tuple[str, str]], dict[str, str | None], Counter]:
    """The articles in input order (name, text), each one's true original (None for an original),
    and how many copies of each kind were planted."""
    rng = random.Random(seed)
    texts = read_texts()
    rng.shuffle(texts)
    truth: dict[str, str | None] = {name: None for name, _ in texts}
    later: list[tuple[str, str]] = []
    kinds: Counter = Counter()
    for name, text in texts:
        if len(paragraphs(text)) < 3:
            continue
        for kind in COPY_KINDS:
            copy = f"{name}~{kind}"
            later.append((copy, make_copy(text, kind, rng)))
            truth[copy] = name
            kinds[kind] += 1
    by_set: dict[str, list[tuple[str, str]]] = {}
    for name, text in texts:
        by_set.setdefault(name.split("/")[0], []).append((name, text))
    for members in by_set.values():
        for (na, ta), (nb, tb) in zip(members, members[1:] + members[:1]):
            spliced = splice(ta, tb) if len(paragraphs(ta)) >= 3 else None
            if spliced is not None:
                later.append((f"splice:{na}+{nb}", spliced))
                truth[later[-1][0]] = None
                kinds["splice (negative)"] += 1
            # its lead under the footer, where the lead has figures and is no more than a third of
            # the story (a longer one is the story's copy); every two of a set are a negative pair
            if len(set(duplicates.NUMBER.findall(lead(ta)))) >= duplicates.MIN_NUMBERS \
                    and len(lead(ta).split()) * 3 <= len(ta.split()):
                later.append((f"footer:{na}", f"{lead(ta)}\n\n{FOOTER}"))
                truth[later[-1][0]] = None
                kinds["lead under a footer (negative)"] += 1
            changed = renumbered(ta, rng)
            if changed is not None:
                later.append((f"renumbered:{na}", changed))
                truth[later[-1][0]] = None
                kinds["renumbered (negative)"] += 1
    rng.shuffle(later)
    return [*texts, *later], truth, kinds


def detect(corpus: list[tuple[str, str]], threshold: float, bands: int = duplicates.BANDS,
           rows: int = duplicates.ROWS) -> dict[str, str | None]:
    index = duplicates.DuplicateIndex(threshold=threshold, bands=bands, rows=rows)
    return {name: index.check(name, duplicates.signature(text), duplicates.numbers(text)) for name, text in corpus}


def score(found: dict[str, str | None], truth: dict[str, str | None]) -> tuple[float, float, int, int, int]:
    marked = [n for n, o in found.items() if o is not None]
    right = sum(1 for n in marked if truth[n] == found[n])
    planted = sum(1 for o in truth.values() if o is not None)
    return right / len(marked) if marked else 1.0, right / planted, right, len(marked), planted


def quality() -> None:
    corpus, truth, kinds = planted_corpus()
    originals = sum(1 for o in truth.values() if o is None)
    print(f"{len(corpus)} articles: {originals} originals (incl. splices), planted {dict(kinds)}")
    texts = dict(corpus)
    for kind in COPY_KINDS:
        sims = sorted(exact_jaccard(texts[n], texts[o]) for n, o in truth.items() if o and n.endswith(kind))
        print(f"  exact Jaccard of a copy '{kind}' to its original: min {sims[0]:.2f}, median {sims[len(sims) // 2]:.2f}")
    splices = sorted(max(exact_jaccard(t, texts[p]) for p in n[7:].split("+")) for n, t in corpus
                     if n.startswith("splice:"))
    print(f"  exact Jaccard of a splice to its nearer source: max {splices[-1]:.2f}, median {splices[len(splices) // 2]:.2f}")
    names = [n for n, o in truth.items() if o is None and ":" not in n]
    top = max((exact_jaccard(texts[a], texts[b]), a, b) for i, a in enumerate(names) for b in names[i + 1:])
    print(f"  highest exact Jaccard between two distinct real stories: {top[0]:.2f} ({top[1]}, {top[2]})")
    print(f"threshold  precision  recall  (right/marked/planted), LSH {duplicates.BANDS} bands of {duplicates.ROWS}")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        found = detect(corpus, threshold)
        p, r, right, marked, planted = score(found, truth)
        flag = "  <- chosen" if threshold == duplicates.THRESHOLD else ""
        print(f"  {threshold:.1f}      {p:.3f}      {r:.3f}   ({right}/{marked}/{planted}){flag}")
        if flag:
            wrong = sorted(f"{n} -> {o}" for n, o in found.items() if o is not None and truth[n] != o)
            missed = sorted(f"{n} ({exact_jaccard(texts[n], texts[truth[n]]):.2f})" for n, o in found.items()
                            if truth[n] is not None and o != truth[n])
            print("    wrongly marked:", *wrong[:10], sep="\n      ")
            print("    missed (exact Jaccard):", *missed[:20], sep="\n      ")
    for bands, rows in ((32, 4), (25, 5), (16, 4)):
        p, r, right, marked, planted = score(detect(corpus, duplicates.THRESHOLD, bands, rows), truth)
        print(f"  at {duplicates.THRESHOLD}, {bands} bands of {rows}: precision {p:.3f}, recall {r:.3f}")


def synthetic(n: int, seed: int = 11, copy_share: float = 0.05):
    """`n` articles of about 300 words drawn from a Zipf-like vocabulary, made one at a time
    (no text is kept beyond a small pool the copies are taken from)."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(30000)]
    cumulative = list(accumulate(1 / (i + 1) for i in range(len(vocab))))  # Zipf: the i-th word's share is 1/i
    pool: list[str] = []
    for i in range(n):
        if pool and rng.random() < copy_share:
            words = rng.choice(pool).split()
            cut = rng.randrange(len(words) - 40)
            yield " ".join(["Republished:", *words[:cut], *words[cut + 30:]])  # retitled, a paragraph dropped
            continue
        text = " ".join(rng.choices(vocab, cum_weights=cumulative, k=300))
        if len(pool) < 200:
            pool.append(text)
        elif rng.random() < 0.01:
            pool[rng.randrange(200)] = text
        yield text


def speed(n: int) -> None:
    texts = list(synthetic(2000))  # the generator's own cost, measured apart
    start = time.perf_counter()
    for _ in synthetic(n):
        pass
    generating = time.perf_counter() - start
    duplicates.signature(texts[0])  # datasketch imported before the clock starts
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    index = duplicates.DuplicateIndex()
    copies = 0
    start = time.perf_counter()
    for i, text in enumerate(synthetic(n)):
        copies += index.check(i, duplicates.signature(text), duplicates.numbers(text)) is not None
    total = time.perf_counter() - start - generating
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{n} synthetic articles of 300 words: detector {total:.1f} s ({total / n * 1e3:.2f} ms each), "
          f"{copies} marked copies, {len(index)} originals indexed; peak RSS {peak / 1024:.0f} MB "
          f"({(peak - before) / 1024:.0f} MB over the {before / 1024:.0f} MB before the index)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=int, default=0, metavar="N", help="also time N synthetic articles")
    args = parser.parse_args()
    quality()
    if args.speed:
        speed(args.speed)


if __name__ == "__main__":
    main()
