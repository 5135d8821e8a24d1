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
import tempfile
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
# dev-central-asia first: the news kzfacts' users read; dev last, it is fitted (1.000) and tells little
SETS = ("dev-central-asia", "dev-news", "dev-gum", "dev-quotes", "segmentation", "dev")
KZFACTS = "kzfacts extract - --input-format jsonl --format jsonl --quiet"
BARE = f"{sys.executable} {Path(__file__).resolve()} --bare"
LABELS = {"PERSON": "people", "ORG": "organisations"}
# The texts of dev-central-asia whose page header prints the publication date, as SOURCES.md's
# "published" column says (a date line under the headline, a dateline opening the body, a byline's
# date, "Last Published: ..."); the gold's `reference_date` is that date. The other texts' dates rest
# on the URL or are inferred: their header gives none, so kzfacts must take none from it.
HEADER_DATED = {"dev-central-asia": (
    "ca_tb_conference_hardy_remarks_usaid_2022.txt", "kg_democracy_aid_wikinews_2005.txt",
    "kz_election_statement_usosce_2019.txt", "kz_hoagland_credentials_usembassy_2008.txt",
    "kz_tokayev_fm_interview_insidevoa_2005.txt", "kz_usaid_kazaid_cooperation_usembassy_2021.txt",
    "tj_border_posts_opening_army_2012.txt", "tj_economy_exportgov_2016.txt",
    "tm_blake_consultations_press_availability_state_2013.txt", "uz_amcham_lago_remarks_tradegov_2022.txt",
    "uz_karimov_death_voa_2016.txt")}


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


def plain_title(title: str | None) -> str:
    return " ".join((title or "").split()).rstrip(".")


def header_check(set_name: str, errors: int) -> None:
    """Titles and `published` read from the text alone: kzfacts runs on the set's texts with no
    reference date. A title is right when it is the gold's (a trailing full stop aside), or none where
    the gold gives none; `published` is right on a header-dated text when it is the gold's
    reference date taken from the text (`published_source: text`), and wrong wherever the text gives
    another date, or one where the header states none. The dates' values are scored as they resolve
    without a reference date."""
    folder = EVAL / set_name
    golds = [json.loads(g.read_text(encoding="utf-8")) for g in sorted(folder.glob("*.gold.json"))]
    stdin = "".join(json.dumps({"id": g["file"], "text": (folder / g["file"]).read_text(encoding="utf-8")}) + "\n"
                    for g in golds)
    out = subprocess.run(KZFACTS, shell=True, input=stdin, capture_output=True, text=True).stdout
    records = {json.loads(line)["source"]: json.loads(line) for line in out.splitlines() if line.strip()}
    titles, dated, found, wrong, notes = 0, 0, 0, 0, []
    for g in golds:
        arts = records.get(g["file"], {}).get("articles") or [{}]
        if len(g["articles"]) == 1:
            want, got = plain_title(g["articles"][0].get("title")), plain_title(arts[0].get("title"))
            titles += want == got
            if want != got:
                notes.append(f"title {g['file']}: {got!r}, gold {want!r}")
        from_text = [a["published"] for a in arts if a.get("published_source") == "text"][:1]
        header = g["file"] in HEADER_DATED.get(set_name, ())
        dated += header
        found += header and from_text == [g["reference_date"]]
        wrong += bool(from_text) and from_text != [g["reference_date"]]
        if (header or from_text) and from_text != [g["reference_date"]]:
            notes.append(f"published {g['file']}: {from_text}, gold {g['reference_date']!r}")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as tmp:
        tmp.write(out)
        tmp.flush()
        args = [sys.executable, str(EVAL / "score.py"), str(folder), tmp.name, "--json"]
        dates = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)["dates"]
    single = sum(len(g["articles"]) == 1 for g in golds)
    print(f"{set_name:<17}{'titles':<15}{'':>21}   right {titles}/{single}")
    print(f"{set_name:<17}{'published':<15}{'':>21}   from the header {found}/{dated}, wrong or invented {wrong}; "
          f"dates without a reference date: value_acc {dates['value_acc']}")
    for note in notes[:errors]:
        print(f"  {note}")


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
        if name in HEADER_DATED:
            header_check(name, a.errors)


if __name__ == "__main__":
    main()
