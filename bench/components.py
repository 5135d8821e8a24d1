#!/usr/bin/env python3
"""Time each pipeline component per 1,000 words over texts (default: samples/ and the dev sets).

Each Doc is made as `kzfacts extract` makes it (`Extractor.make_doc`: the text it was made from is
kept on it, so no component pays for spaCy joining it again).

    python bench/components.py [FOLDER ...]
    python bench/components.py --again   # also each kzfacts component run a second time on its Doc

`--again` splits a kzfacts component's time into what it pays for touching a Doc first (its
per-token lists, caches the model's components evicted) and the rules' own work: the second run
finds the Doc's lists made and its data in cache. The share is of the first runs only.
"""
from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "samples", ROOT.parent / "shared" / "eval" / "dev-news", ROOT.parent / "shared" / "eval" / "dev-quotes"]


def main() -> None:
    from kzfacts.api import load_extractor

    again = "--again" in sys.argv[1:]
    folders = [Path(p) for p in sys.argv[1:] if p != "--again"] or [p for p in DEFAULT if p.exists()]
    texts = [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.rglob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    extractor = load_extractor()
    nlp = extractor.nlp
    for text in texts[:3]:  # warm caches (dateparser, lazy imports)
        nlp(extractor.make_doc(text))
    spent: dict[str, float] = defaultdict(float)
    warm: dict[str, float] = defaultdict(float)
    for _ in range(3):
        for text in texts:
            doc = extractor.make_doc(text)
            for name, proc in nlp.pipeline:
                start = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - start
                if again and name.startswith("kz_"):
                    start = time.perf_counter()
                    doc = proc(doc)
                    warm[name] += time.perf_counter() - start
    total = sum(spent.values())
    print(f"{len(texts)} texts, {words:,} words, 3 rounds")
    per = 3 * words / 1e6  # seconds -> ms per 1,000 words
    print(f"{'component':<22}{'ms / 1,000 words':>18}{'share':>8}" + (f"{'again':>8}" if again else ""))
    for name, secs in spent.items():
        print(f"{name:<22}{secs / per:>18.1f}{secs / total:>8.1%}" + (f"{warm[name] / per:>8.1f}" if name in warm else ""))
    kz = sum(v for k, v in spent.items() if k.startswith("kz_"))
    print(f"{'kzfacts total':<22}{kz / per:>18.1f}{kz / total:>8.1%}" + (f"{sum(warm.values()) / per:>8.1f}" if again else ""))


if __name__ == "__main__":
    main()
