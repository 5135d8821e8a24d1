"""Option values that cannot work are usage errors: exit 2, one line on stderr naming the option
(and for --patterns the file and line), nothing on stdout, before any text is read (issue 35, item 10)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kzfacts.cli import app

TEXT = "Acme Ltd said on Monday it would hire Minister Jane Doe in Almaty.\n"
GOOD = {"label": "ORG", "pattern": "Acme Ltd", "id": "Acme"}


def one_line(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def texts(tmp_path, n: int = 2) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"t{i}.txt"
        path.write_text(TEXT, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("bad, reason", [
    ({"label": "ORG", "pattern": [{"FOO": "x"}]}, "FOO"),
    ({"label": "ORG", "pattern": 5}, "'pattern' must be"),
    ({"label": "ORG", "pattern": [{"TEXT": {"REGEX": "("}}]}, "missing ), unterminated subpattern"),
    ({"label": "ORG", "pattern": []}, "empty"),
    ({"label": "ORG", "pattern": ""}, "empty"),
    ({"label": "ORG", "pattern": [{"LOWER": "x", "OP": "#"}]}, "OP"),
    ({"label": "ORG", "pattern": [{"LOWER": "x", "OP": "{2,1}"}]}, "{2,1}"),
    ({"label": "ORG", "pattern": [5]}, "token 1"),
    ({"label": "ORG", "pattern": [{"LOWER": {"IN": 5}}]}, "IN"),
    ({"label": "ORG", "pattern": "Acme", "id": ["a"]}, "'id' must be"),
    ({"label": "ORG", "pattern": "Acme", "id": 5}, "'id' must be"),
    ({"label": ["ORG"], "pattern": "Acme"}, "'label' must be"),
    ({"label": "", "pattern": "Acme"}, "'label' must be"),
])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_pattern_is_a_usage_error_naming_its_line(tmp_path, bad, reason, jobs):
    patterns = tmp_path / "names.jsonl"
    patterns.write_text(json.dumps(GOOD) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", *texts(tmp_path), "--format", "jsonl", "-j", jobs,
                                      "--patterns", str(patterns)])
    line = one_line(result)
    assert result.exit_code == 2 and result.stdout == ""
    assert line.startswith(f"kzfacts: {patterns}: ") and "line 2" in line and reason in line, line


def test_good_token_and_phrase_patterns_still_load(tmp_path):
    patterns = tmp_path / "names.jsonl"
    patterns.write_text("\n".join(json.dumps(p) for p in [
        GOOD, {"label": "GPE", "pattern": [{"LOWER": {"REGEX": "^alm[a-z]+$"}}, {"IS_PUNCT": True, "OP": "?"}]},
        {"label": "PERSON", "pattern": [{"LOWER": "jane"}, {"LOWER": "doe"}], "id": None}]) + "\n",
        encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", texts(tmp_path, 1)[0], "--format", "jsonl", "--patterns",
                                      str(patterns)])
    assert result.exit_code == 0, result.stderr
    art = json.loads(result.stdout)["articles"][0]
    assert [o["name"] for o in art["organisations"]] == ["Acme"]
