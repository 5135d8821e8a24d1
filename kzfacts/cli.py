"""The `kzfacts` command line: parses options, reads inputs, hands records to a writer.

Heavy modules (spaCy, the model) are imported only inside commands, so `--help` is fast.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from . import __version__

app = typer.Typer(
    name="kzfacts",
    help="Extract people, organisations, dates, figures and quotes from English news articles.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kzfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show the version and exit.")] = None,
) -> None:
    """Extract people, organisations, dates, figures and quotes from English news articles."""


def _err(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (every *.txt below) or - for standard input.",
                                               show_default=False)],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.",
                                                        rich_help_panel="Output")] = OutputFormat.table,
    reference_date: Annotated[Optional[str], typer.Option(
        "--reference-date", metavar="YYYY-MM-DD", help="Publication date: resolves 'last year', dates without a year.",
        rich_help_panel="Extraction")] = None,
    model: Annotated[Optional[str], typer.Option(
        "--model", metavar="NAME|PATH", help="spaCy English pipeline (default: en_core_web_sm if installed).",
        rich_help_panel="Extraction")] = None,
    patterns: Annotated[Optional[str], typer.Option(
        "--patterns", metavar="FILE", help="spaCy EntityRuler JSONL with your own names.",
        rich_help_panel="Extraction")] = None,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", help="Input encoding (default: UTF-8, else detected).", rich_help_panel="Input")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr.", rich_help_panel="Output")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.", rich_help_panel="Output")] = False,
) -> None:
    """Extract the facts of each article and print them (tables, JSON or JSON Lines)."""
    from .api import check_reference_date, load_extractor
    from .errors import KzError
    from .errors import non_english
    from .inputs import iter_inputs, looks_non_english
    from .output import make_writer
    from .record import error_record

    try:
        check_reference_date(reference_date)
        extractor = load_extractor(model, patterns)
    except KzError as exc:
        _err(f"kzfacts: {exc.message}")
        raise typer.Exit(2) from None
    many = len(paths) > 1 or any(p != "-" and __import__("os").path.isdir(p) for p in paths)
    writer = make_writer(output_format.value, sys.stdout, many=many)
    failed = total = 0
    for item in iter_inputs(paths, encoding):
        total += 1
        if item.error is not None:
            failed += 1
            _err(f"kzfacts: {item.error.message}")
            writer.write(error_record(item.source, item.error.kind, item.error.message))
            continue
        if not quiet and looks_non_english(item.text or ""):
            _err(f"kzfacts: {non_english(item.source)}")
        try:
            record = extractor.extract(item.text or "", reference_date=reference_date, source=item.source)
        except Exception as exc:  # one bad file never stops a batch
            if debug:
                raise
            failed += 1
            message = f"{item.source}: internal error ({type(exc).__name__}: {exc}); rerun with --debug and report it"
            _err(f"kzfacts: {message}")
            record = error_record(item.source, "internal_error", message)
        writer.write(record)
    writer.close()
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the output records."""
    from .schema import record_schema

    typer.echo(json.dumps(record_schema(), indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
