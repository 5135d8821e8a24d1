"""Score kzfacts and the bare spaCy model on every shared evaluation set, side by side.

    python bench/score_sets.py                 # every set under ../shared/eval
    python bench/score_sets.py dev-gum --errors 20

The bare model's line is its own PERSON and ORG entities, one entity per distinct text, in
the contract's shape: what a user gets from `spacy.load("en_core_web_sm")` alone. Both run
through `../shared/eval/score.py --run-stdin`, so each text gets its reference date.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
# dev-central-asia first: the news kzfacts' users read; dev last, it is fitted (1.000) and tells little
SETS = ("dev-central-asia", "dev-news", "dev-gum", "dev-quotes", "segmentation", "dev")
KZFACTS = "kzfacts extract - --input-format jsonl --format jsonl --quiet"
BARE = f"{sys.executable} {Path(__file__).resolve()} --bare"
LABELS = {"PERSON": "people", "ORG": "organisations"}


def bare_records() -> None:
    """Read score.py's JSON Lines on stdin; write one record per line of the bare model's PERSON/ORG."""
    from kzfacts.pipeline.loading import default_model
    import spacy

    nlp = spacy.load(default_model())
    for line in sys.stdin:
        if not line.strip():
            continue
        item = json.loads(line)
        doc = nlp(item["text"])
        article: dict = {"people": [], "organisations": []}
        seen: dict[tuple[str, str], dict] = {}
        for ent in doc.ents:
            key = LABELS.get(ent.label_)
            if key is None:
                continue
            entity = seen.get((key, ent.text))
            if entity is None:
                entity = seen[(key, ent.text)] = {"name": ent.text, "aliases": [], "mentions": []}
                article[key].append(entity)
            entity["mentions"].append({"text": ent.text, "start": ent.start_char, "end": ent.end_char})
        print(json.dumps({"source": item["id"], "error": None, "articles": [article]}), flush=True)


def score(set_name: str, command: str, errors: int) -> dict:
    args = [sys.executable, str(EVAL / "score.py"), str(EVAL / set_name), "--run-stdin", command, "--json"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    if errors:
        for cat in ("people", "organisations"):
            for line in result[cat]["errors"][:errors]:
                print(f"  {cat}: {line}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--errors", type=int, default=0, help="print up to N kzfacts error lines per category")
    ap.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.bare:
        return bare_records()
    print(f"{'set':<17}{'category':<15}{'bare P':>7}{'R':>7}{'F1':>7}   {'kzfacts P':>9}{'R':>7}{'F1':>7}{'ΔF1':>7}")
    for name in a.sets:
        kz = score(name, KZFACTS, a.errors)
        if kz.get("segmentation"):
            print(f"{name:<17}{'articles':<15}{'':>21}   {kz['segmentation']}")
        bare = score(name, BARE, 0)
        for cat in ("people", "organisations"):
            if not kz[cat]["scored"]:
                continue
            b, k = bare[cat], kz[cat]
            print(f"{name:<17}{cat:<15}{b['p']:>7.3f}{b['r']:>7.3f}{b['f1']:>7.3f}   "
                  f"{k['p']:>9.3f}{k['r']:>7.3f}{k['f1']:>7.3f}{k['f1'] - b['f1']:>+7.3f}")
        for cat in ("dates", "figures", "quotes", "affiliations"):
            if kz[cat]["scored"]:
                extra = {x: kz[cat][x] for x in ("value_acc", "subject_acc", "attribution_acc", "e2e_f1")
                         if kz[cat].get(x) is not None}
                print(f"{name:<17}{cat:<15}{'':>21}   {kz[cat]['p']:>9.3f}{kz[cat]['r']:>7.3f}{kz[cat]['f1']:>7.3f}  {extra}")


if __name__ == "__main__":
    main()
