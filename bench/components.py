#!/usr/bin/env python3
"""Time each pipeline component per 1,000 words over texts (default: samples/ and the dev sets).

Each Doc is made as `kzfacts extract` makes it (`Extractor.make_doc`: the text it was made from is
kept on it, so no component pays for spaCy joining it again).

    python bench/components.py [FOLDER ...]
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

    folders = [Path(p) for p in sys.argv[1:]] or [p for p in DEFAULT if p.exists()]
    texts = [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.rglob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    extractor = load_extractor()
    nlp = extractor.nlp
    for text in texts[:3]:  # warm caches (dateparser, lazy imports)
        nlp(extractor.make_doc(text))
    spent: dict[str, float] = defaultdict(float)
    for _ in range(3):
        for text in texts:
            doc = extractor.make_doc(text)
            for name, proc in nlp.pipeline:
                start = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - start
    total = sum(spent.values())
    print(f"{len(texts)} texts, {words:,} words, 3 rounds")
    print(f"{'component':<16}{'ms / 1,000 words':>18}{'share':>8}")
    for name, secs in spent.items():
        print(f"{name:<16}{secs / 3 / words * 1e6:>18.1f}{secs / total:>8.1%}")
    kz = sum(v for k, v in spent.items() if k.startswith("kz_"))
    print(f"{'kzfacts total':<16}{kz / 3 / words * 1e6:>18.1f}{kz / total:>8.1%}")


if __name__ == "__main__":
    main()
