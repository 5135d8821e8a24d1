#!/usr/bin/env python3
"""HTML input against text input on the same articles, as whole processes.

    python bench/html_input.py [--copies 25]

Writes the four sample articles as news-site pages (tests/pages.py) and as plain text, `copies`
times each, then times `kzfacts extract DIR --format jsonl --jobs 1` over each folder.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import pages  # noqa: E402


def timed(folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run(["kzfacts", "extract", str(folder), "--format", "jsonl", "--jobs", "1", "--quiet"],
                   stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=25)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        html_dir, text_dir = Path(tmp) / "html", Path(tmp) / "text"
        html_dir.mkdir()
        text_dir.mkdir()
        for n in range(a.copies):
            for i in range(len(pages.ARTICLES)):
                (html_dir / f"p{n:03d}_{i}.html").write_text(pages.page(i), encoding="utf-8")
                (text_dir / f"p{n:03d}_{i}.txt").write_text(pages.plain_text(i), encoding="utf-8")
        files = a.copies * len(pages.ARTICLES)
        text_s, html_s = timed(text_dir), timed(html_dir)
    print(f"{files} articles: text {text_s:.2f} s, html {html_s:.2f} s, html/text {html_s / text_s:.3f} "
          f"(target <= 1.15)")


if __name__ == "__main__":
    main()
