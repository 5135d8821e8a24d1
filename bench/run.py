#!/usr/bin/env python3
"""Speed and memory of kzfacts against bare spaCy, as whole processes, in one run.

    python bench/run.py                      # throughput, --help time, Dask equality
    python bench/run.py --memory-files 20000 # also peak RSS over a 20,000-file run
    python bench/run.py --corpus FOLDER      # throughput over your own texts

Builds a corpus from samples/ (bench/corpus/, ignored by git), or reads --corpus, then times:
  - bare spaCy: one process loading the same model and running nlp.pipe over the same texts, and
    two such processes at once, each on half of the files;
  - kzfacts extract --jobs 1 and --jobs 2 (JSON Lines to /dev/null);
  - one short file: kzfacts extract against spacy.load and one doc, each a whole process;
and reports words per second and the ratios. Results also go to bench/results/latest.json.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"
RESULTS = ROOT / "bench" / "results"

BARE_SPACY = """
import sys, pathlib, spacy
from kzfacts.pipeline.loading import default_model
nlp = spacy.load(default_model(), exclude=["senter"])
shard, shards = (int(x) for x in (sys.argv[2:4] or (0, 1)))
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))][shard::shards]
for doc in nlp.pipe(texts, batch_size=8):
    pass
"""

BARE_ONE_DOC = """
import sys, pathlib, spacy
from kzfacts.pipeline.loading import default_model
nlp = spacy.load(default_model(), exclude=["senter"])
nlp(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
"""


def build_corpus(folder: Path, copies: int) -> tuple[int, int]:
    """`copies` copies of every sample article file; returns (files, words)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    samples = sorted(p for p in (ROOT / "samples").glob("*.txt"))
    words = files = 0
    for n in range(copies):
        for sample in samples:
            text = sample.read_text(encoding="utf-8")
            (folder / f"{sample.stem}_{n:05d}.txt").write_text(text, encoding="utf-8")
            words += len(text.split())
            files += 1
    return files, words


def build_small_files(folder: Path, count: int) -> int:
    """`count` one-paragraph articles cut from the samples; returns words."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paragraphs = [p for s in sorted((ROOT / "samples").glob("*.txt"))
                  for p in s.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 30]
    words = 0
    for n in range(count):
        text = paragraphs[n % len(paragraphs)]
        sub = folder / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{n:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


class RssSampler:
    """Samples the resident memory of a process and its children every `every` seconds."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.every = every
        self.samples: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                self.samples.append(sum(p.memory_info().rss for p in procs))
            except psutil.Error:
                pass
            time.sleep(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def timed(cmd: list[str], *, stdout=subprocess.DEVNULL, sample_rss: bool = False) -> tuple[float, list[int]]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    sampler = RssSampler(proc.pid) if sample_rss else None
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if sampler:
        sampler.stop()
    if proc.returncode not in (0,):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return elapsed, sampler.samples if sampler else []


def timed_together(cmds: list[list[str]]) -> float:
    """Seconds until every one of `cmds`, started at once, has finished."""
    start = time.perf_counter()
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for cmd in cmds]
    for cmd, proc in zip(cmds, procs):
        _, err = proc.communicate()
        if proc.returncode:
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return time.perf_counter() - start


def compile_bytecode() -> None:
    """Write kzfacts' bytecode, as `pip install .` does: a checkout run with PYTHONDONTWRITEBYTECODE
    set (or read-only) would otherwise compile every module from source in every timed process."""
    import compileall

    import kzfacts

    for folder in {Path(kzfacts.__file__).parent, ROOT / "models"}:
        compileall.compile_dir(str(folder), quiet=1)


def kzfacts_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kzfacts", *args]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=40, help="copies of each sample file in the corpus")
    ap.add_argument("--corpus", type=Path, help="time over the .txt files of this folder instead: copies repeat "
                    "every word, so they hide what a word met for the first time costs")
    ap.add_argument("--memory-files", type=int, default=0, help="also run over this many small files for memory")
    ap.add_argument("--skip-dask", action="store_true")
    a = ap.parse_args()

    compile_bytecode()
    if a.corpus:
        texts = [p.read_text(encoding="utf-8") for p in sorted(a.corpus.rglob("*.txt"))]
        files, words, folder = len(texts), sum(len(t.split()) for t in texts), str(a.corpus)
    else:
        files, words = build_corpus(CORPUS / "throughput", a.copies)
        folder = str(CORPUS / "throughput")
    print(f"corpus: {files} files, {words:,} words, {os.cpu_count()} CPUs")
    results: dict = {"files": files, "words": words, "cpus": os.cpu_count(), "corpus": folder}

    bare, _ = timed([sys.executable, "-c", BARE_SPACY, folder])
    # bare spaCy with 2 processes: each its half of the files, as `xargs -P 2` would run it
    bare2 = timed_together([[sys.executable, "-c", BARE_SPACY, folder, str(k), "2"] for k in range(2)])
    j1, _ = timed(kzfacts_cmd("extract", folder, "--format", "jsonl", "--jobs", "1", "-q"))
    j2, _ = timed(kzfacts_cmd("extract", folder, "--format", "jsonl", "--jobs", "2", "-q"))
    for name, secs in (("bare_spacy", bare), ("bare_spacy_2_processes", bare2), ("kzfacts_jobs1", j1), ("kzfacts_jobs2", j2)):
        results[name] = {"seconds": round(secs, 2), "words_per_second": round(words / secs)}
        print(f"{name:<23} {secs:8.2f} s  {words / secs:10,.0f} words/s")
    results["jobs1_vs_bare"] = round(bare / j1, 3)
    results["jobs2_vs_bare_2_processes"] = round(bare2 / j2, 3)
    results["jobs2_vs_jobs1"] = round(j1 / j2, 3)
    print(f"--jobs 1 / bare spaCy:             {bare / j1:.3f}   (target >= 0.95)")
    print(f"--jobs 2 / bare spaCy, 2 processes: {bare2 / j2:.3f}   (target >= 1.0)")
    print(f"--jobs 2 / --jobs 1:               {j1 / j2:.3f}")

    # one short file, whole processes: kzfacts extract against spacy.load and one doc (best of 5)
    short = CORPUS / "short.txt"
    short.parent.mkdir(parents=True, exist_ok=True)  # with --corpus, the samples' corpus was never built
    short.write_text(next(p for s in sorted((ROOT / "samples").glob("*.txt"))
                          for p in s.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 30), encoding="utf-8")
    one_bare = min(timed([sys.executable, "-c", BARE_ONE_DOC, str(short)])[0] for _ in range(5))
    one_kz = min(timed(kzfacts_cmd("extract", str(short), "--format", "json", "-q"))[0] for _ in range(5))
    results["short_file"] = {"bare_seconds": round(one_bare, 3), "kzfacts_seconds": round(one_kz, 3),
                             "kzfacts_vs_bare": round(one_kz / one_bare, 3)}
    print(f"one short file: kzfacts {one_kz:.3f} s, bare spaCy {one_bare:.3f} s: {one_kz / one_bare:.3f} x   (target <= 1.05)")

    helps = [timed(kzfacts_cmd("--help"))[0] for _ in range(5)]
    direct = shutil.which("kzfacts")
    if direct:
        helps += [timed([direct, "--help"])[0] for _ in range(5)]
    results["help_seconds"] = round(min(helps), 3)
    print(f"kzfacts --help: {min(helps):.3f} s (best of {len(helps)})")

    if not a.skip_dask:
        small = CORPUS / "dask"
        build_corpus(small, 2)
        out_local = subprocess.run(kzfacts_cmd("extract", str(small), "--format", "jsonl", "-j", "1", "-q"),
                                   capture_output=True, text=True, check=True).stdout
        out_dask = subprocess.run(kzfacts_cmd("extract", str(small), "--format", "jsonl", "--engine", "dask",
                                              "-j", "2", "-q"), capture_output=True, text=True, check=True).stdout
        results["dask_identical"] = out_local == out_dask
        print(f"Dask output identical to local: {out_local == out_dask}")

    if a.memory_files:
        small_words = build_small_files(CORPUS / "memory", a.memory_files)
        secs, rss = timed(kzfacts_cmd("extract", str(CORPUS / "memory"), "--format", "jsonl", "-j", "2", "-q"),
                          sample_rss=True)
        tenth = max(1, len(rss) // 10)
        early, late = rss[tenth:2 * tenth], rss[-2 * tenth:-tenth] or rss[-tenth:]
        results["memory"] = {"files": a.memory_files, "words": small_words, "seconds": round(secs, 1),
                             "peak_rss_mb": round(max(rss) / 2**20), "early_mean_mb": round(sum(early) / len(early) / 2**20),
                             "late_mean_mb": round(sum(late) / len(late) / 2**20)}
        print(f"memory over {a.memory_files:,} files ({secs:.0f} s): peak {max(rss) / 2**20:.0f} MB, "
              f"early {results['memory']['early_mean_mb']} MB, late {results['memory']['late_mean_mb']} MB")

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
