"""`kzfacts eval`: kzfacts' output against a folder of gold answers (the format is in docs/GOLD.md).

A folder holds NAME.gold.json files and the texts they name (read and checked by `gold`). Measured,
micro-averaged over the files:
people and organisations (entity P/R/F1: a predicted entity matches a gold one when one of its
names equals one of the gold names once normalised; a second match of one gold entity, or one
prediction matching two gold entities, is a false hit), dates and figures (P/R/F1 by text
overlap, then value accuracy; figure subjects), quotes (P/R/F1 by token overlap, attribution
accuracy, end-to-end F1 where a hit also needs the right speaker) and affiliations.
Optional gold items never count; a category a gold article leaves out is not scored there.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Callable

from .gold import GoldPair, read_folder

CATEGORIES = ("people", "organisations", "dates", "figures", "quotes", "affiliations")


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.casefold().strip()
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"^(the|a|an) ", "", s)
    s = re.sub(r"'s$", "", s)
    return s.strip(" .,;:!?\"'()[]")


def tokens(s: str) -> list[str]:
    return re.findall(r"\w+", norm(s))


def as_list(x) -> list:
    if x is None:
        return []
    return x if isinstance(x, list) else [x]


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.value_ok = self.value_n = 0
        self.attr_ok = self.attr_n = 0
        self.e2e_tp = 0
        self.subj_ok = self.subj_n = 0
        self.scored = False  # becomes True once a gold article annotates the category
        self.errors: list[str] = []

    def prf(self, tp: int | None = None) -> tuple[float, float, float]:
        tp = self.tp if tp is None else tp
        p = tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def entity_names(e: dict) -> set[str]:
    names = {norm(e.get("name"))} | {norm(a) for a in as_list(e.get("aliases"))}
    return {n for n in names if n}


def score_entities(gold: list[dict], pred: list[dict], t: Tally, where: str) -> None:
    matched: set[int] = set()
    for p in pred:
        pn = entity_names(p)
        hits = [i for i, g in enumerate(gold) if entity_names(g) & pn]
        if not hits:
            t.fp += 1
            t.errors.append(f"{where}: spurious {p.get('name')!r}")
            continue
        required = [i for i in hits if not gold[i].get("optional")]
        if len(required) > 1:  # one predicted entity for two real ones: a wrong merge
            t.fp += 1
            t.errors.append(f"{where}: merged {' + '.join(repr(gold[i]['name']) for i in required)} as {p.get('name')!r}")
        fresh = [i for i in hits if i not in matched and not gold[i].get("optional")]
        if fresh:
            matched.add(fresh[0])
            t.tp += 1
        elif any(gold[i].get("optional") for i in hits):
            continue
        else:
            t.fp += 1
            t.errors.append(f"{where}: duplicate of {gold[hits[0]]['name']!r}: {p.get('name')!r}")
    for i, g in enumerate(gold):
        if not g.get("optional") and i not in matched:
            t.fn += 1
            t.errors.append(f"{where}: missed {g['name']!r}")


def text_match(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    ta, tb = set(tokens(a)), set(tokens(b))
    if not ta or not tb:
        return False
    return len(ta & tb) / min(len(ta), len(tb)) >= 0.6 and len(ta & tb) / len(ta | tb) >= 0.3


def value_ok(kind: str, g: dict, p: dict) -> bool:
    if kind == "dates":
        allowed = {str(v) for v in [g.get("value"), *as_list(g.get("values"))] if v is not None}
        return str(p.get("value")) in allowed
    gv, pv = g.get("value"), p.get("value")
    try:
        if abs(float(pv) - float(gv)) > 1e-6 * max(1.0, abs(float(gv))):
            return False
    except (TypeError, ValueError):
        return False
    if g.get("unit"):
        unit = str(p.get("unit") or "").strip()
        unit = {"percent": "%", "per cent": "%", "pct": "%"}.get(unit.casefold(), unit)
        return unit.upper() == g["unit"].upper()
    return True


def subject_text(p: dict) -> str | None:
    subj = p.get("subject")
    if isinstance(subj, dict):
        subj = subj.get("text")
    return subj or None


def subject_ok(g: dict, p: dict) -> bool | None:
    """Is the predicted figure's subject right? None when the gold leaves it open."""
    gs, ps = g.get("subject"), subject_text(p)
    if gs is None:
        return None if g.get("subject_optional") else ps is None
    if ps is None:
        return False
    gt, pt = set(tokens(gs)), tokens(ps)
    if not gt or len(pt) > 2 * len(gt) + 2:
        return False
    common = len(gt & set(pt))
    return common > 0 if g.get("subject_optional") else common * 2 >= len(gt)


def score_mentions(kind: str, gold: list[dict], pred: list[dict], t: Tally, where: str) -> None:
    matched: dict[int, int] = {}
    for p in pred:
        hits = [i for i, g in enumerate(gold) if text_match(g["text"], p.get("text", ""))]
        if not hits:
            t.fp += 1
            t.errors.append(f"{where}: spurious {p.get('text')!r}")
            continue
        if any(gold[i].get("optional") for i in hits) and all(i in matched or gold[i].get("optional") for i in hits):
            continue
        fresh = [i for i in hits if i not in matched and not gold[i].get("optional")]
        if not fresh:
            continue  # a repeated mention of a matched item: neutral
        i = fresh[0]
        matched[i] = 1
        t.tp += 1
        if kind == "figures" and "subject" in gold[i]:
            ok = subject_ok(gold[i], p)
            if ok is not None:
                t.subj_n += 1
                t.subj_ok += ok
                if not ok:
                    t.errors.append(f"{where}: subject of {p.get('text')!r} -> {subject_text(p)!r} (gold {gold[i]['subject']!r})")
        g = gold[i]
        if g.get("value") is not None:
            t.value_n += 1
            if value_ok(kind, g, p):
                t.value_ok += 1
            else:
                t.errors.append(f"{where}: value {p.get('text')!r} -> {p.get('value')!r} {p.get('unit') or ''} (gold {g.get('value')!r} {g.get('unit') or ''})")
    for i, g in enumerate(gold):
        if not g.get("optional") and i not in matched:
            t.fn += 1
            t.errors.append(f"{where}: missed {g['text']!r}")


def speaker_names(speaker, article: dict) -> set[str]:
    names: set[str] = set()
    for s in as_list(speaker):
        names.add(norm(s))
        for e in article.get("people", []) + article.get("organisations", []):
            if norm(s) in entity_names(e):
                names |= entity_names(e)
    return names


def predicted_speaker_names(speaker, entities: list[dict]) -> set[str]:
    """The predicted speaker's name plus every name of the predicted entity that bears it."""
    names = {norm(speaker)} - {""}
    for e in entities:
        if norm(e.get("name")) in names:
            return names | entity_names(e)
    return names


def score_quotes(gold_article: dict, pred: list[dict], t: Tally, where: str,
                 pred_entities: list[dict] = ()) -> None:
    gold = gold_article.get("quotes", [])
    matched: set[int] = set()
    for p in pred:
        hits = [i for i, g in enumerate(gold) if text_match(g["text"], p.get("text", ""))]
        if not hits:
            t.fp += 1
            t.errors.append(f"{where}: spurious quote {p.get('text', '')[:60]!r}")
            continue
        fresh = [i for i in hits if i not in matched and not gold[i].get("optional")]
        if not fresh:
            continue
        i = fresh[0]
        matched.add(i)
        t.tp += 1
        g = gold[i]
        if g.get("speaker") is None:
            t.e2e_tp += 1
            continue
        t.attr_n += 1
        if predicted_speaker_names(p.get("speaker"), pred_entities) & speaker_names(g["speaker"], gold_article):
            t.attr_ok += 1
            t.e2e_tp += 1
        else:
            t.errors.append(f"{where}: speaker of {g['text'][:40]!r} -> {p.get('speaker')!r} (gold {g['speaker']!r})")
    for i, g in enumerate(gold):
        if not g.get("optional") and i not in matched:
            t.fn += 1
            t.errors.append(f"{where}: missed quote {g['text'][:60]!r}")


def score_affiliations(gold_article: dict, pred_articles: list[dict], t: Tally, where: str) -> None:
    """A gold (person, organisation) link is found when a predicted person matching the gold
    person by any name carries an affiliation whose organisation matches the gold one by any
    name (of the gold entity, or of the predicted organisation entity it names)."""
    def gold_names(kind: str, name: str) -> set[str]:
        for e in gold_article.get(kind, []):
            if norm(e.get("name")) == norm(name):
                return entity_names(e)
        return {norm(name)}

    pred_orgs = {norm(o.get("name")): entity_names(o) for o in pool(pred_articles, "organisations")}
    gold = [(gold_names("people", g["person"]), gold_names("organisations", g["organisation"]), g)
            for g in gold_article.get("affiliations", [])]
    matched: set[int] = set()
    for person in pool(pred_articles, "people"):
        pnames = entity_names(person)
        for a in person.get("affiliations") or []:
            onames = {norm(a.get("organisation"))} | pred_orgs.get(norm(a.get("organisation")), set())
            hits = [i for i, (gp, go, _) in enumerate(gold) if gp & pnames and go & onames]
            if not hits:
                t.fp += 1
                t.errors.append(f"{where}: spurious affiliation {person.get('name')!r} - {a.get('organisation')!r} ({a.get('role')!r})")
                continue
            fresh = [i for i in hits if i not in matched and not gold[i][2].get("optional")]
            if fresh:
                matched.add(fresh[0])
                t.tp += 1
    for i, (_, _, g) in enumerate(gold):
        if not g.get("optional") and i not in matched:
            t.fn += 1
            t.errors.append(f"{where}: missed affiliation {g['person']!r} - {g['organisation']!r} ({g.get('role')!r})")


def align(gold_articles: list[dict], pred_articles: list[dict]) -> list[tuple[dict, list[dict]]]:
    """Pair each gold article with predicted articles; single-article gold pools all."""
    if len(gold_articles) == 1:
        return [(gold_articles[0], pred_articles)]
    pairs = []
    used: set[int] = set()
    for g in gold_articles:
        gt = norm(g.get("title"))
        best = None
        for j, p in enumerate(pred_articles):
            if j not in used and gt and text_match(gt, p.get("title") or "") and len(tokens(p.get("title") or "")) <= 2 * len(tokens(gt)):
                best = j
                break
        if best is None:
            pairs.append((g, []))
        else:
            used.add(best)
            pairs.append((g, [pred_articles[best]]))
    return pairs


def pool(articles: list[dict], key: str) -> list[dict]:
    return [x for a in articles for x in (a.get(key) or [])]


def score(pairs: list[GoldPair], records: dict[str, dict]) -> dict:
    """Scores of the records (by the text's name in the gold folder) against the checked gold files."""
    tallies = {c: Tally() for c in CATEGORIES}
    seg = Counter()
    missing_files = []
    for pair in pairs:
        gold = pair.gold
        rec = records.get(pair.text_name)
        if rec is None:
            missing_files.append(pair.text_name)
            rec = {"articles": []}
        preds = rec.get("articles") or []
        ga = gold["articles"]
        if len(ga) > 1:
            seg["files"] += 1
            seg["count_ok"] += len(preds) == len(ga)
        for n, (g, ps) in enumerate(align(ga, preds)):
            where = f"{pair.text_name}#{n}"
            if len(ga) > 1:
                seg["articles"] += 1
                seg["aligned"] += bool(ps)
                if ps:
                    seg["author_ok"] += norm(ps[0].get("author")) in {norm(a) for a in as_list(g.get("author"))}
            # a category absent from the gold article was not annotated there: not scored
            for c in CATEGORIES:
                tallies[c].scored |= c in g
            for c in ("people", "organisations"):
                if c in g:
                    score_entities(g[c], pool(ps, c), tallies[c], where)
            for c in ("dates", "figures"):
                if c in g:
                    score_mentions(c, g[c], pool(ps, c), tallies[c], where)
            if "quotes" in g:
                score_quotes(g, pool(ps, "quotes"), tallies["quotes"], where,
                             pool(ps, "people") + pool(ps, "organisations"))
            if "affiliations" in g:
                score_affiliations(g, ps, tallies["affiliations"], where)
    out: dict = {"missing_files": missing_files, "segmentation": dict(seg)}
    for c, t in tallies.items():
        p, r, f = t.prf()
        row = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": t.tp, "fp": t.fp, "fn": t.fn}
        if c in ("dates", "figures"):
            row["value_acc"] = round(t.value_ok / t.value_n, 3) if t.value_n else None
        if c == "figures":
            row["subject_acc"] = round(t.subj_ok / t.subj_n, 3) if t.subj_n else None
        if c == "quotes":
            row["attribution_acc"] = round(t.attr_ok / t.attr_n, 3) if t.attr_n else None
            row["e2e_f1"] = round(t.prf(t.e2e_tp)[2], 3)
        row["errors"] = t.errors
        row["scored"] = t.scored
        out[c] = row
    return out


def run_and_score(gold_dir: Path, extractor, on_problem: Callable[[str], None] = lambda message: None) -> dict:
    """Extract every text the gold files of the folder name (with each gold's reference_date) and
    score the records. A gold file that cannot be scored is left out, its message handed to
    `on_problem`, its name listed under "skipped"."""
    pairs, problems = read_folder(gold_dir)
    for problem in problems:
        on_problem(problem.message)
    records = {pair.text_name: extractor.extract(pair.text, reference_date=pair.gold.get("reference_date"),
                                                 source=pair.text_name)
               for pair in pairs if pair.text is not None}
    return {**score(pairs, records), "skipped": [problem.name for problem in problems]}


def score_lines(result: dict) -> list[str]:
    """`kzfacts eval`'s table: P/R/F1 and the extra measures per fact type, then the listed errors."""
    lines = [f"{'category':<15} {'P':>6} {'R':>6} {'F1':>6}  extra"]
    for c in CATEGORIES:
        row = result[c]
        if not row["scored"]:
            lines.append(f"{c:<15} not annotated")
            continue
        extra = ", ".join(f"{k} {v:.3f}" for k, v in row.items() if k.endswith(("_acc", "_f1")) and v is not None)
        lines.append(f"{c:<15} {row['p']:>6.3f} {row['r']:>6.3f} {row['f1']:>6.3f}  {extra}")
        lines += [f"    {line}" for line in row["errors"]]
    return lines


def evaluate_folder(gold_dir: Path, output_format: str = "table", *, show_errors: int = 0, model: str | None = None,
                    patterns: str | None = None) -> int:
    """What `kzfacts eval` does: the scores on stdout, up to `show_errors` misses and false hits per
    fact type; the exit status (1 when a gold file was skipped)."""
    import json

    from . import errors, options
    from .api import load_extractor
    from .console import say, writing_stdout
    from .display import visible
    from .gold import gold_files

    options.check_format(output_format, ("table", "json"))
    if not gold_dir.is_dir() or not gold_files(gold_dir):
        raise errors.no_gold_files(gold_dir)
    result = run_and_score(gold_dir, load_extractor(model, patterns), on_problem=say)
    for row in (result[c] for c in CATEGORIES):
        row["errors"] = row["errors"][:show_errors]
    with writing_stdout():
        if output_format == "json":
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:  # names and texts from the gold files, shown on a terminal
            print("\n".join(visible(line) for line in score_lines(result)))
    if output_format != "json" and result["missing_files"]:
        say(errors.gold_without_text(result["missing_files"]))
    return 1 if result["skipped"] else 0
