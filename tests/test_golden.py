"""The sample's exact output, schema validity and offsets."""
from __future__ import annotations

import importlib.util
import json

import jsonschema
import pytest

from kzfacts.schema import record_schema

from .conftest import ROOT, SAMPLE, assert_offsets

EXPECTED = ROOT / "samples" / "kazakhstan_digest.expected.json"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "segmentation"


@pytest.fixture(scope="module")
def sample_record(extractor):
    return extractor.extract(SAMPLE.read_text(encoding="utf-8"), source="samples/kazakhstan_digest.txt")


def test_sample_output_matches_the_golden_file(sample_record):
    # regenerate with: kzfacts extract samples/kazakhstan_digest.txt --format json --no-dedup > samples/kazakhstan_digest.expected.json
    # (--no-dedup: the Python API marks no copies, so its articles have no duplicate_of)
    assert sample_record == json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_sample_validates_against_the_schema(sample_record):
    jsonschema.Draft202012Validator(record_schema()).validate(sample_record)


def test_every_offset_slices_its_text(sample_record):
    assert_offsets(SAMPLE.read_text(encoding="utf-8"), sample_record)


def test_sample_articles(sample_record):
    arts = sample_record["articles"]
    assert [a["author"] for a in arts] == ["Colin Stevens", "Usen Suleimen", "Abira Kuandyk", "Assel Satubaldina"]
    assert arts[2]["title"] == "Kazakhstan will continue to increase oil production under OPEC+ agreement"


@pytest.mark.skipif(not SCORER.exists(), reason="the shared evaluation set is not beside this checkout")
def test_sample_scores_do_not_regress(sample_record, tmp_path):
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    rec = dict(sample_record, source="kazakhstan_digest.txt")
    result = score.score(GOLD, {"kazakhstan_digest.txt": rec})
    floors = {"people": 0.95, "organisations": 0.9, "dates": 0.9, "figures": 0.9}
    for category, floor in floors.items():
        assert result[category]["f1"] >= floor, (category, result[category]["errors"])
    assert result["quotes"]["e2e_f1"] >= 0.9
    assert result["segmentation"]["author_ok"] == 4
