from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from kzfacts.pipeline import register_extensions

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kazakhstan_digest.txt"


@pytest.fixture(scope="session")
def extractor():
    """The full pipeline, loaded once for the session."""
    from kzfacts.api import load_extractor

    return load_extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def blank():
    register_extensions()
    return spacy.blank("en")


@pytest.fixture
def run(extractor):
    """Extract one text; returns its only article."""

    def _run(text: str, reference_date: str | None = None) -> dict:
        record = extractor.extract(text, reference_date=reference_date)
        assert record["error"] is None
        assert len(record["articles"]) == 1
        return record["articles"][0]

    return _run


def assert_offsets(text: str, record: dict) -> None:
    """Every fact's start/end slices the input text to the fact's text."""
    for art in record["articles"]:
        for key in ("people", "organisations", "places"):
            for ent in art[key]:
                for m in ent["mentions"]:
                    assert text[m["start"]:m["end"]] == m["text"]
        for key in ("dates", "figures", "quotes"):
            for fact in art[key]:
                assert text[fact["start"]:fact["end"]] == fact["text"]
            for fact in art["quotes"]:
                mention = fact.get("speaker_mention")
                assert mention is None or fact["speaker"] is not None  # evidence only for a named speaker
                if mention is not None:
                    assert text[mention["start"]:mention["end"]] == mention["text"]


def names(article: dict, key: str) -> list[str]:
    """The names of an article's entities of one kind ("people", "organisations", "places"), in order."""
    return [e["name"] for e in article[key]]


ANY = object()  # a role not checked


def person(article: dict, name: str) -> dict:
    """The article's person named `name` (by name or alias); fails naming the people found."""
    found = [p for p in article["people"] if name == p["name"] or name in p["aliases"]]
    assert found, (name, [p["name"] for p in article["people"]])
    return found[0]


def links(article: dict, name: str) -> dict[str, dict]:
    """A person's affiliations, by organisation."""
    return {a["organisation"]: a for a in person(article, name)["affiliations"]}


def by_name(article: dict, key: str) -> dict[str, dict]:
    """An article's entities of one kind, by name."""
    return {e["name"]: e for e in article[key]}


def invoke(*args: str, input: str | None = None):
    """`kzfacts ARGS...` through the CLI runner, in this process."""
    from typer.testing import CliRunner

    from kzfacts.cli import app

    return CliRunner().invoke(app, list(args), input=input)


def one_line(result) -> str:
    """The one line a run said on stderr (a CLI runner's result or a finished process): exactly one,
    and no traceback."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def on_a_terminal(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    """`kzfacts ARGS...` in a process whose stderr is a terminal; its exit status and what it said there."""
    import os
    import subprocess
    import sys

    master, slave = os.openpty()
    done = subprocess.run([sys.executable, "-m", "kzfacts", *args], stderr=slave, stdout=subprocess.DEVNULL,
                          cwd=cwd, timeout=180)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return done.returncode, seen.decode("utf-8", "replace")
