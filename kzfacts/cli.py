"""The `kzfacts` command line: options and exit statuses only. Each command builds its options and
calls a plain function (`batch.extract`, `summary`, `records`, `evaluate`); a usage error
(`errors.KzError`) is one line and exit status 2, `console.Stop` ends with its own status.

Heavy modules (spaCy, the model) are imported only inside commands, so `--help` is fast.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__
from .batch import FORMATS, ExtractOptions
from .console import Stop, exit_now, say, stdout_lost, writing_stdout

app = typer.Typer(
    name="kzfacts",
    help="Extract people, organisations, dates, figures and quotes from English news articles.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


def _option(*names: str, help: str, panel: str | None = None, **extra: Any) -> Any:
    return typer.Option(*names, help=help, rich_help_panel=panel, show_default=extra.pop("show_default", False), **extra)


# the options several commands share, declared once
Model = Annotated[str | None, _option("--model", metavar="NAME|PATH", panel="Extraction",
                                      help="spaCy English pipeline (default: en_core_web_sm if installed).")]
Patterns = Annotated[str | None, _option("--patterns", metavar="FILE", panel="Extraction",
                                         help="spaCy EntityRuler JSONL with your own names.")]
Jobs = Annotated[int | None, _option("--jobs", "-j", metavar="N", panel="Performance",
                                     help="Worker processes (default: CPU count; 1 for a single file; at most one per "
                                          "input and 4 per CPU).")]
Quiet = Annotated[bool, _option("--quiet", "-q", panel="Output", help="No progress bar and no warnings on stderr.")]
Db = Annotated[Path | None, _option("--db", metavar="FILE", panel="Output",
                                    help="The SQLite database to write (one transaction per input).")]
SkipExisting = Annotated[bool, _option("--skip-existing", panel="Output",
                                       help="With --output-dir or --db: skip inputs already written (resume a run).")]




def _format(choices: str, default: str) -> Any:
    return Annotated[str | None, _option("--format", "-f", metavar="FORMAT", panel="Output",
                                         help=f"{choices} (default: {default}).")]


ExtractFormat = _format(", ".join(FORMATS), "table; json with --output-dir")
SummaryFormat = _format("table, json or jsonl", "table")
EvalFormat = _format("table or json", "table")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kzfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show the version and exit.")] = None,
) -> None:
    """Extract people, organisations, dates, figures and quotes from English news articles."""


def _run(command: Callable[..., int | None], *args: Any, **kwargs: Any) -> None:
    """Run a command's plain function; its exit status becomes the process's, a usage error one
    line and exit status 2."""
    from .errors import KzError

    try:
        code = command(*args, **kwargs)
    except KzError as exc:
        say(exc.message)
        raise typer.Exit(2) from None
    except Stop as stop:
        raise typer.Exit(stop.code) from None
    if code:
        raise typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="FILE|DIR|URL|-...", show_default=False,
        help="Files, folders (every *.txt, *.jsonl, *.html below), URLs, or - for standard input.")] = None,
    output_format: ExtractFormat = None,
    output_dir: Annotated[Path | None, _option("--output-dir", "-o", metavar="DIR", panel="Output", help=(
        "Write one file per input here (mirrors subfolders) instead of stdout."))] = None,
    skip_existing: SkipExisting = False,
    db: Db = None,
    facts: Annotated[str | None, _option("--facts", metavar="TYPE,...", panel="Output", help=(
        "Only these fact types, in every output (e.g. quotes,people); the others are empty lists."))] = None,
    csv_raw: Annotated[bool, _option("--csv-raw", panel="Output", help=(
        "With --format csv: leave cells that begin with = + - @ as they are (by default they get a leading ' so "
        "spreadsheets show them as text, never run them as formulas)."))] = False,
    quiet: Quiet = False,
    debug: Annotated[bool, _option("--debug", panel="Output", help="Show tracebacks.")] = False,
    input_format: Annotated[InputFormat, _option("--input-format", metavar="FORMAT", panel="Input", show_default=True,
                                                 help="text, html, jsonl (one article per line), or auto (by extension: "
                                                      ".jsonl, .html, .htm).")] = InputFormat.auto,
    text_key: Annotated[str, _option("--text-key", metavar="KEY", panel="Input", show_default=True,
                                     help="JSON Lines field holding the text.")] = "text",
    html_key: Annotated[str | None, _option("--html-key", metavar="KEY", panel="Input",
                                            help="JSON Lines field holding a web page's HTML (instead of --text-key).")] = None,
    urls: Annotated[Path | None, _option("--urls", metavar="FILE", panel="Input", help=(
        "Web pages to fetch, one URL per line (URLs may also be given as paths)."))] = None,
    url_timeout: Annotated[int, _option("--url-timeout", metavar="SECONDS", min=1, panel="Input", show_default=True,
                                        help="Deadline for fetching one web page: connecting, redirects, retries and "
                                             "the whole body.")] = 30,
    allow_local_urls: Annotated[bool, _option("--allow-local-urls", panel="Input", help=(
        "Fetch pages from loopback and private addresses too (an intranet)."))] = False,
    encoding: Annotated[str | None, _option("--encoding", metavar="NAME", panel="Input",
                                            help="Input encoding (default: UTF-8, else detected).")] = None,
    reference_date: Annotated[str | None, _option("--reference-date", metavar="YYYY-MM-DD", panel="Extraction", help=(
        "Publication date: resolves 'last year', dates without a year."))] = None,
    model: Model = None,
    patterns: Patterns = None,
    jobs: Jobs = None,
    engine: Annotated[Engine, _option("--engine", metavar="ENGINE", panel="Performance", show_default=True,
                                      help="local (processes here) or dask.")] = Engine.local,
    scheduler: Annotated[str | None, _option("--scheduler", metavar="ADDRESS", panel="Performance", help=(
        "Dask scheduler (tcp://host:8786); default: a local cluster."))] = None,
    connect_timeout: Annotated[float, _option("--connect-timeout", metavar="SECONDS", min=0.1, panel="Performance",
                                              show_default=True, help="How long to try to reach the --scheduler.")] = 10.0,
    timeout: Annotated[float, _option("--timeout", metavar="SECONDS", panel="Performance", show_default=True, help=(
        "Time limit per text (per 100,000 characters; at most 86,400); a text past it gets a 'timeout' error "
        "record. 0: none."))] = 120.0,
    dedup: Annotated[bool, _option("--dedup/--no-dedup", panel="Output", show_default=True, help=(
        "Mark each article that repeats an earlier one (a wire story on several sites) with duplicate_of."))] = True,
) -> None:
    """Extract the facts of each article: tables, JSON, JSON Lines, CSV, HTML or a SQLite database."""
    given = ExtractOptions(**{**locals(), "paths": list(paths or []), "input_format": input_format.value,
                              "engine": engine.value})
    from .batch import extract as extract_all

    _run(extract_all, given)


@app.command()
def summary(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", show_default=False, help=(
        "kzfacts output (JSON Lines, JSON, --output-dir folders), articles as for extract, or - for either on "
        "standard input."))],
    output_format: SummaryFormat = None,
    top: Annotated[int, _option("--top", "-n", metavar="N", min=1, show_default=True,
                                help="How many people and organisations to list.")] = 20,
    jobs: Jobs = None,
    quiet: Quiet = False,
) -> None:
    """Who is mentioned and quoted most across a corpus, with article counts."""
    from .summary import summarise_paths

    _run(summarise_paths, paths, output_format or "table", top=top, jobs=jobs)  # it shows only errors: --quiet hides none


@app.command()
def load(
    paths: Annotated[list[str], typer.Argument(show_default=False, help=(
        "kzfacts JSON Lines or JSON output (files, folders of them, or - for standard input)."))],
    db: Annotated[Path, _option("--db", metavar="FILE", help="The SQLite database to write.")],
    skip_existing: Annotated[bool, _option("--skip-existing", help="Skip sources already in the database.")] = False,
) -> None:
    """Load records kzfacts already wrote (JSON Lines or JSON) into a SQLite database."""
    from .records import load_records

    _run(load_records, paths, db, skip_existing=skip_existing)


@app.command(name="eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(metavar="GOLD_DIR", show_default=False, help=(
        "A folder of NAME.txt and NAME.gold.json pairs (docs/GOLD.md)."))],
    output_format: EvalFormat = None,
    errors: Annotated[int, _option("--errors", metavar="N", min=0, show_default=True,
                                   help="List up to N misses and false hits per fact type.")] = 0,
    model: Model = None,
    patterns: Patterns = None,
) -> None:
    """Score kzfacts against your own gold answers: P/R/F1 per fact type, value accuracy, attribution."""
    from .evaluate import evaluate_folder

    _run(evaluate_folder, gold_dir, output_format or "table", show_errors=errors, model=model, patterns=patterns)


@app.command(name="datasette-metadata")
def datasette_metadata(
    db: Annotated[Path, typer.Argument(metavar="FILE", show_default=False,
                                       help="The kzfacts database (--db) to describe.")],
) -> None:
    """Print Datasette metadata for a kzfacts database: descriptions, facets, canned queries."""
    from .datasette import print_metadata

    _run(print_metadata, db)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the output records."""
    from .schema import record_schema

    def show() -> None:
        with writing_stdout():
            print(json.dumps(record_schema(), indent=2))

    _run(show)


def main() -> None:
    """The `kzfacts` command (and `python -m kzfacts`)."""
    import errno

    try:
        app()  # standalone: every way out of a command is a SystemExit
    except SystemExit as exc:
        exit_now(exc)
    except OSError as exc:  # help or a version sent where nothing can be written (> /dev/full)
        if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EPIPE):
            raise
        try:
            stdout_lost(exc)
        except Stop as stop:
            exit_now(SystemExit(stop.code))


if __name__ == "__main__":
    main()
