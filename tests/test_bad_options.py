"""Option values that cannot work are usage errors: exit 2, one line on stderr naming the option
(and for --patterns the file and line), nothing on stdout, before any text is read (issue 35, item 10)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kzfacts.cli import app

from .conftest import one_line

TEXT = "Acme Ltd said on Monday it would hire Minister Jane Doe in Almaty.\n"
GOOD = {"label": "ORG", "pattern": "Acme Ltd", "id": "Acme"}


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


@pytest.mark.parametrize("name", ["punycode", "idna", "undefined", "rot13", "hex", "base64", "zlib", "nosuch"])
def test_an_encoding_that_is_not_a_text_encoding_is_a_usage_error(tmp_path, name):
    result = CliRunner().invoke(app, ["extract", *texts(tmp_path), "--format", "jsonl", "--encoding", name])
    line = one_line(result)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"encoding {name!r}" in line and "utf-8, cp1251, latin-1" in line, line
    assert ("unknown" in line) == (name == "nosuch")


@pytest.mark.parametrize("name", ["cp1251", "latin-1", "UTF8", "utf-16"])
def test_text_encodings_are_still_taken(tmp_path, name):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(name))
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl", "--encoding", name])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["articles"][0]["organisations"]


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e309", "-1", "1e10"])
def test_a_timeout_that_is_not_a_number_of_seconds_is_a_usage_error(tmp_path, value):
    result = CliRunner().invoke(app, ["extract", *texts(tmp_path), "--format", "jsonl", "--timeout", value])
    line = one_line(result)
    assert result.exit_code == 2 and result.stdout == ""
    assert line.startswith("kzfacts: --timeout ") and "0 for no limit" in line, line


@pytest.mark.parametrize("value", ["0", "-3"])
def test_fewer_than_one_job_is_a_usage_error(tmp_path, value):
    result = CliRunner().invoke(app, ["extract", *texts(tmp_path), "--format", "jsonl", "--jobs", value])
    line = one_line(result)
    assert result.exit_code == 2 and result.stdout == ""
    assert line.startswith(f"kzfacts: --jobs {value}: ") and "1 or more" in line, line


@pytest.fixture
def started(monkeypatch):
    """The worker count the run is started with; the texts are then run here, without forking."""
    from kzfacts import runner

    asked: list[int] = []

    def run(inputs, settings, *, jobs, **options):
        asked.append(jobs)
        return runner.run_local(inputs, settings)

    monkeypatch.setattr(runner, "run", run)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    return asked


@pytest.mark.parametrize("n, jobs, workers, note", [
    (3, "1000", 3, False),  # no more workers than inputs: the others would only wait
    (40, "1000", 8, True),  # at most 4 per CPU (2 here)
    (40, "5", 5, False),
    (1, "4", 1, False),
])
def test_jobs_are_capped_at_the_inputs_and_four_per_cpu(tmp_path, started, n, jobs, workers, note):
    result = CliRunner().invoke(app, ["extract", *texts(tmp_path, n), "--format", "jsonl", "--jobs", jobs])
    assert result.exit_code == 0 and started == [workers], result.stderr
    assert len(result.stdout.splitlines()) == n
    if note:
        assert one_line(result) == (f"kzfacts: --jobs {jobs}: using {workers} worker processes, 4 per CPU "
                                    "(more only wait for a CPU and each holds a pipeline in memory)")
    else:
        assert result.stderr == ""
    quiet = CliRunner().invoke(app, ["extract", *texts(tmp_path, n), "--format", "jsonl", "--jobs", jobs, "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


@pytest.mark.parametrize("line, said", [
    ('{"label": "ORG", "pattern": [{"_": {"foo": 1}}]}', "a custom attribute ('_')"),
    ('{"label": "ORG", "pattern": [{"LOWER": "x", "OP": "{99999999999}"}]}', "a repetition operator over 100"),
])
def test_a_pattern_the_schema_takes_but_no_text_can_run_is_a_usage_error(tmp_path, line, said):
    """Review of item 10: these passed the check, then failed every text or hung building the matcher."""
    patterns = tmp_path / "p.jsonl"
    patterns.write_text(line + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Minister Jane Doe spoke.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "--patterns", str(patterns)])
    assert result.exit_code == 2 and said in one_line(result) and "line 1" in one_line(result)


@pytest.mark.parametrize("value", ["nan", "inf", "1e308"])
def test_a_connect_timeout_that_is_no_number_of_seconds_is_a_usage_error(tmp_path, value):
    (tmp_path / "a.txt").write_text("Minister Jane Doe spoke.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "--engine", "dask", "--scheduler",
                                      "tcp://127.0.0.1:1", "--connect-timeout", value])
    assert result.exit_code == 2 and "--connect-timeout" in one_line(result)
