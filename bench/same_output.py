"""Prove a change leaves kzfacts' output alone: every record of every shared set and of the samples.

    python bench/same_output.py --save before.jsonl      # on the commit before the change
    python bench/same_output.py --against before.jsonl   # after it: exit 1 and a list if any record differs

Each shared set's texts go through `kzfacts extract - --input-format jsonl --format jsonl` with
their gold reference date, as `../shared/eval/score.py --run-stdin` sends them; each sample file
goes through `kzfacts extract FILE --format jsonl`. Records are compared whole, as JSON text.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
KZFACTS = [sys.executable, "-m", "kzfacts"]


def set_lines(folder: Path) -> list[str]:
    """A set's texts as score.py's --run-stdin sends them: id, text, published."""
    lines = []
    for gpath in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        item = {"id": f"{folder.name}/{gold['file']}", "text": (folder / gold["file"]).read_text(encoding="utf-8")}
        if gold.get("reference_date"):
            item["published"] = gold["reference_date"]
        lines.append(json.dumps(item, ensure_ascii=False))
    return lines


def run(args: list[str], stdin: str | None = None) -> list[dict]:
    proc = subprocess.run([*KZFACTS, "extract", *args, "--format", "jsonl", "--quiet"], input=stdin,
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"kzfacts failed ({proc.returncode}) on {args}: {proc.stderr[-2000:]}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def all_records() -> dict[str, str]:
    """Every record, keyed by set and source, as canonical JSON text."""
    out: dict[str, str] = {}
    for folder in sorted(p for p in EVAL.iterdir() if p.is_dir() and any(p.glob("*.gold.json"))):
        for rec in run(["-", "--input-format", "jsonl"], "\n".join(set_lines(folder)) + "\n"):
            out[rec["source"]] = json.dumps(rec, ensure_ascii=False, sort_keys=True)
        print(f"{folder.name}: {sum(k.startswith(folder.name + '/') for k in out)} records", file=sys.stderr)
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        (rec,) = run([str(sample)])
        out[f"samples/{sample.name}"] = json.dumps(rec, ensure_ascii=False, sort_keys=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write every record to this file")
    group.add_argument("--against", type=Path, help="compare every record with this saved file")
    a = ap.parse_args()
    records = all_records()
    if a.save:
        a.save.write_text("".join(f"{json.dumps([k, v], ensure_ascii=False)}\n" for k, v in records.items()),
                          encoding="utf-8")
        print(f"{len(records)} records saved to {a.save}", file=sys.stderr)
        return 0
    before = dict(json.loads(line) for line in a.against.read_text(encoding="utf-8").splitlines())
    differ = sorted(k for k in before.keys() | records.keys() if before.get(k) != records.get(k))
    for key in differ:
        print(f"differs: {key}")
    print(f"{len(records) - len(differ)} of {len(before.keys() | records.keys())} records byte-identical",
          file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
