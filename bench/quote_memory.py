#!/usr/bin/env python3
"""Peak memory and time of kzfacts on long quote-heavy texts, each in its own process.

    python bench/quote_memory.py                 # 2.2 MB of quoted paragraphs, and of bare quote marks
    python bench/quote_memory.py --chars 500000  # smaller texts

Reference (2 cores): quoted paragraphs 2.2 MB: 1131 MB and 157 s before the fix, 711 MB and 140 s after;
bare marks 2.2 MB: 3431 MB and 567 s before, 1852 MB after (most of it spaCy's tok2vec working on one
100,000-character piece of 75,000 tokens, about 1.1 GB for a moment).
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = "the minister government plan budget oil price market people country region water road school".split()


def quoted_paragraphs(chars: int, rng: random.Random) -> str:
    """Paragraphs like '"Word word," he said. "More words," said Nurlan Ospanov ...'."""
    paras, n = [], 0
    while n < chars:
        def words(k: int) -> str:
            return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize()
        para = (f'"{words(3)}," he said. "{words(6)}," said Nurlan Ospanov, the minister. '
                f"\u201c{words(5)}\u201d she added.")
        paras.append(para)
        n += len(para) + 2
    return "\n\n".join(paras)[:chars]


def bare_marks(chars: int, rng: random.Random) -> str:
    """Mostly straight quote marks, with curly ones, letters, spaces and line ends mixed in."""
    return "".join(rng.choice('"""\u201c\u201d x\n') for _ in range(chars))


def measure(text: str) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of `kzfacts extract` on the text in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "quotes.txt"
        path.write_text(text, encoding="utf-8")
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "kzfacts", "extract", str(path), "--format", "jsonl", "-q",
                        "--timeout", "0"], stdout=subprocess.DEVNULL, check=True)
        took = time.monotonic() - started
    return took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=2_200_000)
    args = parser.parse_args()
    # RUSAGE_CHILDREN keeps the largest child's peak: the smaller text runs first
    for name, make in (("quoted paragraphs", quoted_paragraphs), ("bare marks", bare_marks)):
        took, peak = measure(make(args.chars, random.Random(1)))
        print(f"{name:18} {args.chars:>10,} chars  {took:7.1f} s  peak RSS {peak:6} MB (largest child so far)",
              flush=True)


if __name__ == "__main__":
    main()
