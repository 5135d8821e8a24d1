"""How kzfacts is put together: no import cycles, real spaCy pipes, the registry behind every output."""
from __future__ import annotations

import ast
import io
import json
import shutil
from pathlib import Path

import pytest
import spacy

from kzfacts.errors import KzError
from kzfacts.registry import FACT_TYPES, components

from .conftest import ROOT, SAMPLE

PACKAGE = ROOT / "kzfacts"
TEXT = ("Kazakhstan’s President Kassym-Jomart Tokayev met the EU delegation in Astana on 3 March 2021. "
        "“We will open 12 new schools,” Tokayev said. The European Union pledged €5 million.")


def module_imports() -> dict[str, set[str]]:
    """kzfacts module -> the kzfacts modules importing it runs: its module-level imports (not the
    ones inside functions, nor `if TYPE_CHECKING:`), and for each, the packages above it, whose
    `__init__` Python runs first."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        deps = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            for sub in ast.walk(node) if isinstance(node, (ast.Import, ast.ImportFrom, ast.If, ast.Try)) else ():
                if isinstance(sub, ast.ImportFrom):
                    if sub.level:
                        base = package.split(".")
                        base = base[: len(base) - sub.level + 1]
                        target = ".".join(base + ([sub.module] if sub.module else []))
                    else:
                        target = sub.module or ""
                    if target.startswith("kzfacts"):
                        deps.add(target)
                        deps.update(f"{target}.{a.name}" for a in sub.names)
                elif isinstance(sub, ast.Import):
                    deps.update(a.name for a in sub.names if a.name.startswith("kzfacts"))
        for dep in list(deps):  # importing a.b.c runs a/__init__ and a/b/__init__ first
            parts = dep.split(".")
            deps.update(".".join(parts[:k]) for k in range(1, len(parts)))
        graph[name] = deps
    known = set(graph)
    return {name: {d for d in deps if d in known and d != name and not name.startswith(d + ".")}
            for name, deps in graph.items()}


def test_no_import_cycles():
    graph = module_imports()
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                pytest.fail("import cycle: " + " -> ".join(path[path.index(dep):] + [dep]))
            if dep not in state:
                visit(dep)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


@pytest.mark.parametrize("module", ["kzfacts.schema", "kzfacts.registry", "kzfacts.record", "kzfacts.writers.table",
                                    "kzfacts.pipeline.facts", "kzfacts.cli", "kzfacts.summary"])
def test_each_module_imports_first_in_a_fresh_process(module):
    """The order a test suite imports modules in can hide a cycle; each module must import alone."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", f"import {module}"], check=True, capture_output=True, timeout=120)


def test_kzfacts_schema_runs_without_spacy():
    import subprocess
    import sys

    code = ("import sys; from kzfacts.cli import app; from typer.testing import CliRunner; "
            "r = CliRunner().invoke(app, ['schema']); assert r.exit_code == 0, r.output; "
            "import json; json.loads(r.stdout); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_the_registry_drives_record_schema_and_pipeline(extractor):
    from kzfacts.schema import record_schema

    record = extractor.extract(TEXT)
    keys = [f.key for f in FACT_TYPES]
    assert list(record["articles"][0])[-len(keys):] == keys
    assert set(keys) <= set(record_schema()["properties"]["articles"]["items"]["properties"])
    assert [n for n in extractor.nlp.pipe_names if n.startswith("kz_")] == components()


def test_entry_points_name_every_component():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # kzfacts' components, and the stand-ins for the model's attribute ruler and lemmatizer
    expected = [*components(), "attribute_ruler_memo", "lemmatizer_memo"]
    assert sorted(project["project"]["entry-points"]["spacy_factories"]) == sorted(expected)


def test_add_pipe_as_the_readme_shows(extractor):
    import kzfacts.pipeline.factories  # noqa: F401
    from kzfacts.pipeline.loading import default_model

    nlp = spacy.load(default_model())
    nlp.add_pipe("kz_articles", first=True)
    for name in ("kz_entities", "kz_dates", "kz_figures", "kz_quotes"):
        nlp.add_pipe(name)
    doc = nlp(TEXT)
    assert doc._.kz_quotes[0].speaker == "Kassym-Jomart Tokayev"
    assert {d.value for d in doc._.kz_dates} >= {"2021-03-03"}


@pytest.mark.parametrize("missing", ["kz_articles", "kz_entities"])
def test_a_pipe_used_out_of_order_names_what_is_missing(missing):
    import kzfacts.pipeline.factories  # noqa: F401
    from kzfacts.pipeline.loading import default_model

    nlp = spacy.load(default_model())
    for name in components():
        if name != missing:
            nlp.add_pipe(name)
    with pytest.raises(KzError) as info:
        nlp(TEXT)
    assert info.value.code == "E005" and missing in info.value.message


def test_a_pipe_without_a_parser_says_so():
    import kzfacts.pipeline.factories  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("kz_articles")
    nlp.add_pipe("kz_dates")
    with pytest.raises(KzError, match="parsed Doc"):
        nlp("In 1996 it rained.")


def test_to_disk_round_trip_needs_no_packaged_lists(extractor, tmp_path, monkeypatch):
    from kzfacts import resources
    from kzfacts.record import doc_to_record

    before = extractor.extract(SAMPLE.read_text(encoding="utf-8"), source="s")
    extractor.nlp.to_disk(tmp_path / "pipeline")
    # the packaged lists are gone: whatever the loaded pipeline needs, it brought with it
    empty = tmp_path / "no-models"
    empty.mkdir()
    monkeypatch.setattr(resources, "_models_dir", lambda: empty)
    for fn in resources._CACHED:
        fn.cache_clear()
    try:
        with pytest.raises(FileNotFoundError):
            resources.read_text("titles.txt")
        nlp = spacy.load(tmp_path / "pipeline")
        doc = nlp.make_doc(SAMPLE.read_text(encoding="utf-8"))
        after = doc_to_record(nlp(doc), "s")
    finally:
        resources._installed.clear()
        for fn in resources._CACHED:
            fn.cache_clear()
    assert after == before


def test_a_user_gazetteer_decides_canonical_names(tmp_path):
    import kzfacts.pipeline.factories  # noqa: F401
    from kzfacts.pipeline.loading import default_model
    from kzfacts.record import doc_to_record

    gazetteer = tmp_path / "names.jsonl"
    gazetteer.write_text(json.dumps({"label": "ORG", "pattern": "Kazakh Invest", "id": "KAZAKH INVEST NC"}) + "\n"
                         + json.dumps({"label": "ORG", "pattern": "KI", "id": "KAZAKH INVEST NC"}) + "\n",
                         encoding="utf-8")
    nlp = spacy.load(default_model())
    for name in components():
        nlp.add_pipe(name, config={"gazetteer": str(gazetteer)} if name == "kz_entities" else {})
    text = "Kazakh Invest signed the deal in Almaty on Monday. KI will open an office in Tashkent."
    (org,) = doc_to_record(nlp(text), "-")["articles"][0]["organisations"]
    assert org["name"] == "Kazakh Invest" and "KI" in org["aliases"]


@pytest.mark.parametrize("fmt, ending", [("json", ".json"), ("jsonl", ".jsonl"), ("table", ".txt")])
def test_every_writer_writes_the_sample_record(extractor, fmt, ending, tmp_path):
    from kzfacts.writers import open_writer, suffix, write_file

    record = extractor.extract(SAMPLE.read_text(encoding="utf-8"), source="sample")
    stream = io.StringIO()
    writer = open_writer(fmt, stream, many=True)
    writer.write(record)
    writer.close()
    assert "Kassym-Jomart Tokayev" in stream.getvalue()
    assert suffix(fmt) == ending
    write_file(tmp_path / f"out{ending}", fmt, record)
    assert "Kassym-Jomart Tokayev" in (tmp_path / f"out{ending}").read_text(encoding="utf-8")


def test_an_unknown_format_is_named():
    from kzfacts.writers import open_writer

    with pytest.raises(ValueError, match="unknown format 'xml'"):
        open_writer("xml", io.StringIO(), many=False)


def test_output_dir_writes_the_chosen_format(tmp_path):
    from typer.testing import CliRunner

    from kzfacts.cli import app

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "digest.txt")
    result = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp_path / "out"), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    (line,) = (tmp_path / "out" / "digest.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(json.loads(line)["articles"]) == 4
    assert not Path(tmp_path / "out" / "digest.json").exists()


def test_rules_are_ordered_lists_of_documented_functions():
    from kzfacts.pipeline.entities import MENTION_STEPS
    from kzfacts.pipeline.figures.units import UNIT_READERS
    from kzfacts.pipeline.quotes.cues import CUE_FINDERS
    from kzfacts.pipeline.quotes.speakers import HEAD_FINDERS, SPEAKER_FINDERS, SUBJECT_RESOLVERS

    assert [f.__name__ for f in UNIT_READERS] == ["money_unit", "percent_unit", "multiplier_unit", "rank_unit",
                                                  "currency_in_phrase", "counted_noun"]
    assert [f.__name__ for f in CUE_FINDERS] == ["governing_cue", "introducing_cue", "speech_noun_cue",
                                                 "statement_cue"]
    assert [f.__name__ for f in SPEAKER_FINDERS] == ["cue_subjects", "name_before_verb", "name_after_verb",
                                                     "name_before_cue",
                                                     "reporter_above_writer"]
    assert [f.__name__ for f in SUBJECT_RESOLVERS] == ["person_pronoun", "body_pronoun", "group_pronoun", "relative_pronoun",
                                                       "named_subject", "surname_subject"]
    assert [f.__name__ for f in HEAD_FINDERS] == ["own_mention", "apposition", "name_ending_title", "role_anaphor",
                                                  "body_anaphor",
                                                  "noun_phrase_entity", "owner"]
    for rules in (MENTION_STEPS, UNIT_READERS, CUE_FINDERS, SPEAKER_FINDERS, SUBJECT_RESOLVERS, HEAD_FINDERS):
        assert all(rule.__doc__ for rule in rules)


@pytest.mark.parametrize("text, speaker, finder", [
    ("“We will win,” said Jane Doe, the minister, on Monday.", "Jane Doe", "governing_cue"),
    ("Jane Doe, the minister, added:\n\n“We will win.”", "Jane Doe", "introducing_cue"),
])
def test_each_cue_finder_on_its_own(extractor, text, speaker, finder):
    from kzfacts.pipeline.quotes import cues
    from kzfacts.pipeline.quotes.context import QuoteContext
    from kzfacts.pipeline.quotes.marks import find_raw_quotes
    from kzfacts.pipeline.quotes.speakers import attribute

    doc = extractor.nlp(text)
    (raw,) = find_raw_quotes(doc.text)
    ctx = QuoteContext(doc, doc._.kz_entities, [(raw.outer_start, raw.outer_end)])
    cue = getattr(cues, finder)(ctx, raw)
    assert cue is not None and cue.lemma_ in ("say", "add")
    assert attribute(ctx, raw, 0).speakers == [speaker]


def test_every_package_is_installed():
    """A subpackage missing from pyproject.toml works from the checkout and breaks `pip install .`."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found <= listed


# ---- the shape of the house (issue 36): one decision, one module

def _trees(folder: Path):
    for path in sorted(folder.rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def test_only_types_writes_a_mentions_label():
    writers = set()
    for name, tree in _trees(PACKAGE / "pipeline"):
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            if any(isinstance(t, ast.Attribute) and t.attr == "label" for t in targets):
                writers.add(name)
    assert writers == {"kzfacts/pipeline/entities/types.py"}


def test_no_function_is_longer_than_sixty_lines():
    long = [f"{name}:{node.name} ({node.end_lineno - node.lineno + 1} lines)" for name, tree in _trees(PACKAGE)
            for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > 60]
    assert long == []


def test_the_command_line_is_options_and_exit_statuses_only():
    assert len((PACKAGE / "cli.py").read_text(encoding="utf-8").splitlines()) < 300


def test_writers_never_import_inputs():
    imports = [(name, node.module) for name, tree in _trees(PACKAGE / "writers") for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("inputs")]
    assert imports == []


def _key_read(node: ast.AST) -> object:
    """The constant key of `x["role"]` or `x.get("role")`, else None."""
    if isinstance(node, ast.Subscript):
        key = node.slice
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        key = node.args[0]
    else:
        return None
    return key.value if isinstance(key, ast.Constant) else None


def test_writers_show_works_for_only_through_the_registry():
    """No writer reads a link's role or former itself: every view says "works for" through
    registry.affiliation_cell, so the views cannot drift apart."""
    reads = [name for name, tree in _trees(PACKAGE / "writers") for node in ast.walk(tree)
             if _key_read(node) in ("role", "former")]
    assert reads == []


def test_no_environment_variable_is_read_inside_the_pipeline():
    reads = [name for name, tree in _trees(PACKAGE / "pipeline") for node in ast.walk(tree)
             if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv")
             or isinstance(node, ast.Name) and node.id == "getenv"]
    assert reads == []


@pytest.mark.parametrize("facts, runs", [
    (("dates",), ["kz_articles", "kz_dates"]),
    (("figures",), ["kz_articles", "kz_figures"]),
    (("quotes",), ["kz_articles", "kz_entities", "kz_quotes"]),
])
def test_facts_runs_only_the_components_its_fact_types_need(extractor, facts, runs):
    """`--facts` (load_extractor(facts=...)) skips the other components, and what it keeps is
    exactly what the whole pipeline finds."""
    from kzfacts.api import Extractor
    from kzfacts.writers import keep_facts

    text = SAMPLE.read_text(encoding="utf-8")
    some = Extractor(facts=facts)
    assert [name for name in some.nlp.pipe_names if name.startswith("kz_")] == runs
    # the CLI keeps the chosen lists of either (the people a quote needs are found, and left out)
    assert keep_facts(some.extract(text, source="s"), list(facts)) == \
        keep_facts(extractor.extract(text, source="s"), list(facts))
