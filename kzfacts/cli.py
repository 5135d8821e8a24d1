"""The `kzfacts` command line: parses options, reads inputs, hands records to a writer.

Heavy modules (spaCy, the model) are imported only inside commands, so `--help` is fast.
"""
from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__

app = typer.Typer(
    name="kzfacts",
    help="Extract people, organisations, dates, figures and quotes from English news articles.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
)


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


def _err(message: str) -> None:
    """One line on stderr. Messages name inputs (paths, ids, URLs, text), so control characters are
    made visible and a line feed cannot start a second line (`display.visible`)."""
    from .display import visible

    typer.echo(visible(message, one_line=True), err=True)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


FORMATS = ("table", "json", "jsonl", "csv", "html")


def _check_format(value: str | None, choices: tuple[str, ...] = FORMATS) -> None:
    """Exit 2 with one line naming the choices when --format names none of them."""
    if value is not None and value not in choices:
        _err(f"kzfacts: unknown format {value!r} (choose {', '.join(choices)})")
        raise typer.Exit(2)


# codecs Python's str and bytes take that are no character encoding of a file: domain-name labels
# (idna, punycode) and the one that always fails (undefined)
NOT_FILE_ENCODINGS = frozenset({"idna", "punycode", "undefined"})


def _check_encoding(value: str | None) -> None:
    """Exit 2 with one line when --encoding names no text encoding."""
    import codecs

    from .errors import bad_encoding

    if value is None or _is_text_encoding(value):
        return
    try:
        known = bool(codecs.lookup(value))
    except LookupError:
        known = False
    _err(f"kzfacts: {bad_encoding(value, known)}")
    raise typer.Exit(2)


def _is_text_encoding(name: str) -> bool:
    """Is `name` a character encoding Python decodes text files with? Not a codec it does not know, a
    bytes-to-bytes one (rot13, base64, zlib: bytes.decode refuses them), nor NOT_FILE_ENCODINGS."""
    import codecs

    try:
        b"\0\0\0\0".decode(name)  # not b"": Python decodes no bytes without asking the codec
    except UnicodeDecodeError:  # a text encoding these bytes are not valid in
        pass
    except (LookupError, UnicodeError):  # unknown, bytes-to-bytes, or the undefined codec
        return False
    return codecs.lookup(name).name not in NOT_FILE_ENCODINGS


MAX_TIMEOUT = 86_400.0  # a day per 100,000 characters; far more overflows the alarm timer on a long text


def _check_timeout(value: float) -> None:
    """Exit 2 with one line unless --timeout is a number of seconds from 0 (no limit) to MAX_TIMEOUT:
    NaN would never strike, and infinity or 1e309 overflow the timer."""
    import math

    from .errors import bad_timeout

    if not (math.isfinite(value) and 0 <= value <= MAX_TIMEOUT):
        _err(f"kzfacts: {bad_timeout(value, MAX_TIMEOUT)}")
        raise typer.Exit(2)


def _default_jobs(paths: list[str], input_format: InputFormat) -> int:
    """One worker for a single small input, else one per CPU."""
    single = len(paths) == 1 and (paths[0] == "-" or os.path.isfile(paths[0]) and not paths[0].endswith(".jsonl")
                                  and input_format != InputFormat.jsonl)
    return 1 if single else max(1, os.cpu_count() or 1)


def _worker_count(jobs: int | None, paths: list[str], input_format: InputFormat, quiet: bool) -> int:
    """How many worker processes to start: --jobs (default `_default_jobs`), but no more than the
    inputs (when counting them is cheap) and 4 per CPU, so --jobs 1000 cannot start 1,000 processes
    that each load a pipeline. Exit 2 with one line below 1; a note when --jobs is cut to the CPUs."""
    from .errors import bad_jobs, jobs_capped

    if jobs is not None and jobs < 1:
        _err(f"kzfacts: {bad_jobs(jobs)}")
        raise typer.Exit(2)
    wanted = jobs or _default_jobs(paths, input_format)
    if wanted == 1:
        return 1
    inputs = _count_inputs(paths, input_format.value) or wanted  # None: not cheap to count (JSON Lines, stdin)
    most = 4 * (os.cpu_count() or 1)
    workers = min(wanted, inputs, most)
    # fewer workers than inputs is silent: one per input is all a run can use
    if jobs is not None and workers < min(jobs, inputs) and not quiet:
        _err(f"kzfacts: {jobs_capped(jobs, workers)}")
    return workers


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="FILE|DIR|URL|-...",
        help="Files, folders (every *.txt, *.jsonl, *.html below), URLs, or - for standard input.",
        show_default=False)] = None,
    output_format: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="table, json, jsonl, csv or html (default: table; json with --output-dir).",
        rich_help_panel="Output", show_default=False)] = None,
    output_dir: Annotated[Path | None, typer.Option(
        "--output-dir", "-o", metavar="DIR", help="Write one file per input here (mirrors subfolders) instead of stdout.",
        rich_help_panel="Output", show_default=False)] = None,
    skip_existing: Annotated[bool, typer.Option(
        "--skip-existing", help="With --output-dir or --db: skip inputs already written (resume a run).",
        rich_help_panel="Output")] = False,
    db: Annotated[Path | None, typer.Option(
        "--db", metavar="FILE", help="Write the facts into this SQLite database (one transaction per input).",
        rich_help_panel="Output", show_default=False)] = None,
    facts: Annotated[str | None, typer.Option(
        "--facts", metavar="TYPE,...", help="Only these fact types, in every output (e.g. quotes,people); the "
        "others are empty lists.",
        rich_help_panel="Output", show_default=False)] = None,
    csv_raw: Annotated[bool, typer.Option(
        "--csv-raw", help="With --format csv: leave cells that begin with = + - @ as they are (by default they "
        "get a leading ' so spreadsheets show them as text, never run them as formulas).",
        rich_help_panel="Output")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no warnings on stderr.",
                                        rich_help_panel="Output")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.", rich_help_panel="Output")] = False,
    input_format: Annotated[InputFormat, typer.Option(
        "--input-format", metavar="FORMAT",
        help="text, html, jsonl (one article per line), or auto (by extension: .jsonl, .html, .htm).",
        rich_help_panel="Input")] = InputFormat.auto,
    text_key: Annotated[str, typer.Option("--text-key", metavar="KEY", help="JSON Lines field holding the text.",
                                          rich_help_panel="Input")] = "text",
    html_key: Annotated[str | None, typer.Option(
        "--html-key", metavar="KEY", help="JSON Lines field holding a web page's HTML (instead of --text-key).",
        rich_help_panel="Input", show_default=False)] = None,
    urls: Annotated[Path | None, typer.Option(
        "--urls", metavar="FILE", help="Web pages to fetch, one URL per line (URLs may also be given as paths).",
        rich_help_panel="Input", show_default=False)] = None,
    url_timeout: Annotated[int, typer.Option(
        "--url-timeout", metavar="SECONDS", min=1,
        help="Deadline for fetching one web page: connecting, redirects, retries and the whole body.",
        rich_help_panel="Input")] = 30,
    allow_local_urls: Annotated[bool, typer.Option(
        "--allow-local-urls", help="Fetch pages from loopback and private addresses too (an intranet).",
        rich_help_panel="Input")] = False,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", metavar="NAME", help="Input encoding (default: UTF-8, else detected).",
        rich_help_panel="Input", show_default=False)] = None,
    reference_date: Annotated[str | None, typer.Option(
        "--reference-date", metavar="YYYY-MM-DD", help="Publication date: resolves 'last year', dates without a year.",
        rich_help_panel="Extraction", show_default=False)] = None,
    model: Annotated[str | None, typer.Option(
        "--model", metavar="NAME|PATH", help="spaCy English pipeline (default: en_core_web_sm if installed).",
        rich_help_panel="Extraction", show_default=False)] = None,
    patterns: Annotated[str | None, typer.Option(
        "--patterns", metavar="FILE", help="spaCy EntityRuler JSONL with your own names.",
        rich_help_panel="Extraction", show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", metavar="N", help="Worker processes (default: CPU count; 1 for a single file; at most one "
        "per input and 4 per CPU).",
        rich_help_panel="Performance", show_default=False)] = None,
    engine: Annotated[Engine, typer.Option("--engine", metavar="ENGINE", help="local (processes here) or dask.",
                                           rich_help_panel="Performance")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); default: a local cluster.",
        rich_help_panel="Performance", show_default=False)] = None,
    connect_timeout: Annotated[float, typer.Option(
        "--connect-timeout", metavar="SECONDS", min=0.1, help="How long to try to reach the --scheduler.",
        rich_help_panel="Performance")] = 10.0,
    timeout: Annotated[float, typer.Option(
        "--timeout", metavar="SECONDS",
        help="Time limit per text (per 100,000 characters; at most 86,400); a text past it gets a 'timeout' error "
        "record. 0: none.",
        rich_help_panel="Performance")] = 120.0,
) -> None:
    """Extract the facts of each article: tables, JSON, JSON Lines, CSV, HTML or a SQLite database."""
    from .api import check_reference_date, load_extractor
    from .errors import KzError
    from .inputs import iter_inputs
    from .runner import Settings, run
    from .writers import OutputError, keep_facts, open_writer

    _check_format(output_format)
    _check_encoding(encoding)
    _check_timeout(timeout)
    paths = list(paths or [])
    if not paths and urls is None:
        _err("kzfacts: name the inputs: files, folders, URLs or - for standard input (or --urls FILE)")
        raise typer.Exit(2)
    if skip_existing and output_dir is None and db is None:
        _err("kzfacts: --skip-existing needs --output-dir or --db")
        raise typer.Exit(2)
    fact_keys = _fact_keys(facts)
    if urls is not None:
        paths = [*paths, *_read_urls(urls)]
    fmt = output_format or ("json" if output_dir else "table")
    options = {"raw": csv_raw} if fmt == "csv" else {}
    # outputs are checked before the model loads: a bad --db or -o costs no wait
    _refuse_overlaps(output_dir, db, [*paths, *([str(urls)] if urls is not None else [])], fmt)
    folder = _open_folder(output_dir, fmt, options, db) if output_dir else None
    database = _open_database(db) if db else None
    n_jobs = _worker_count(jobs, paths, input_format, quiet)
    settings = Settings(model, patterns, debug, timeout or None)
    try:
        check_reference_date(reference_date)
        if engine == Engine.local and n_jobs == 1:
            load_extractor(model, patterns, strict=debug)  # fail early, with a clear message, on a bad model or patterns file
        elif engine == Engine.local:
            from .pipeline.loading import check_model

            check_model(model, patterns)
    except KzError as exc:
        _err(f"kzfacts: {exc.message}")
        raise typer.Exit(2) from None


    def skip(origin: str, relpath: str, key: str) -> bool:
        """Done already: every output holds the input's facts (an error record is retried)."""
        return ((folder is None or folder.has_result(relpath, origin))
                and (database is None or database.has_result(key)))

    from .web import Fetcher

    fetcher = Fetcher(url_timeout, allow_local=allow_local_urls)
    inputs = iter_inputs(paths, encoding, input_format=input_format.value, text_key=text_key, html_key=html_key,
                         skip=skip if skip_existing else None, fetcher=fetcher,
                         on_skip=None if quiet else lambda warning: _err(f"kzfacts: {warning}"),
                         reference_date=reference_date)
    workers = (n_jobs if jobs else 2) if engine == Engine.dask else n_jobs
    results = run(inputs, settings, jobs=workers, engine=engine.value, scheduler=scheduler,
                  connect_timeout=connect_timeout)
    many = len(paths) > 1 or any(p != "-" and (os.path.isdir(p) or p.endswith(".jsonl")) for p in paths) \
        or input_format == InputFormat.jsonl
    to_stdout = folder is None and (database is None or output_format is not None)
    console = None
    if to_stdout and fmt == "table" and sys.stdout.isatty():
        from rich.console import Console

        console = Console(file=sys.stdout)  # the tables and the progress bar share it
        options["console"] = console
    writer = open_writer(fmt, sys.stdout, many=many, **options) if to_stdout else None
    failed = seen = articles = 0
    interrupted = False
    total = None if quiet or not (console or sys.stderr.isatty()) else _count_inputs(paths, input_format.value)
    with _interrupt_once(), _progress(quiet, console=console, total=total) as progress:
        try:
            for item, record in results:
                seen += 1
                _warn_input(item, quiet)
                articles += len(record["articles"])
                if fact_keys:
                    record = keep_facts(record, fact_keys)
                if record["error"]:
                    failed += 1
                    _err(f"kzfacts: {record['error']['message']}")
                for warning in record.get("warnings", []) if not quiet else ():
                    _err(f"kzfacts: {record['source']}: {warning['message']} (warning; its facts are missing, "
                         "the others are kept)")
                if folder is not None:
                    folder.write(record, item.text, item.relpath, item.origin)
                if database is not None:
                    database.write(record, item.key)
                if writer is not None:
                    try:
                        writer.write(record, item.text)
                    except OSError as exc:  # a full disk, a file size limit: stop, every earlier record whole
                        results.close()
                        writer = None  # nothing more goes to it, not even a closing bracket
                        _stdout_lost(exc, seen - 1)
                progress(record)
        except KzError as exc:
            _err(f"kzfacts: {exc.message}")
            raise typer.Exit(2) from None
        except OutputError as exc:  # an output stopped taking records (or, resuming, being read): one line
            results.close()
            _err(f"kzfacts: {exc}")
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            results.close()  # ends the workers at once
            interrupted = True
        finally:  # what was written stays usable: the index page, the database closed
            unclosed = _close_all(writer, folder, database)
    # after the bar has gone, so the line starts on its own
    if unclosed:
        _err(f"kzfacts: {unclosed}")
    if interrupted:
        resume = " (run it again with --skip-existing to go on)" if folder or database else ""
        _err(f"kzfacts: interrupted after {_plural(seen, 'input')}{resume}")
        raise typer.Exit(130)
    if not quiet and sys.stderr.isatty() and seen:
        where = f" → {output_dir or db}" if output_dir or db else ""
        _err(f"kzfacts: {_plural(seen, 'input')}, {seen - failed} ok, {failed} failed, "
             f"{_plural(articles, 'article')}{where}")
    if unclosed:
        raise typer.Exit(1)
    if not seen and not skip_existing:
        _err(f"kzfacts: no input files under {', '.join(paths)} (looked for *.txt, *.jsonl, *.html, *.htm)")
        raise typer.Exit(1)
    if failed:
        raise typer.Exit(1)


def _stdout_lost(exc: OSError, written: int | None = None) -> NoReturn:
    """Exit 1 with one line when standard output takes no more data (`written`: records sent whole);
    silently when its reader closed it (`| head`), as click does: the reader wanted no more."""
    from .errors import stdout_failed

    _silence_stdout()
    if isinstance(exc, BrokenPipeError):
        raise typer.Exit(1)
    _err(f"kzfacts: {stdout_failed(exc.strerror or str(exc), written)}")
    raise typer.Exit(1)


@contextmanager
def _writing_stdout():
    """Around a command's printing of its data: standard output that stops taking it (a full disk,
    an I/O error; click itself passes on all but a closed pipe) ends the command with one line."""
    try:
        yield
    except OSError as exc:
        _stdout_lost(exc)


def _silence_stdout() -> None:
    """Send standard output to /dev/null: what its buffer still holds would fail again at exit, with
    a second message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's buffer): nothing to flush
        pass


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _read_urls(urls: Path) -> list[str]:
    """The URLs of a --urls file, one per line (# comments and blank lines left out); exit 2 when unreadable."""
    from .errors import InputError, too_large
    from .inputs import MAX_BYTES, open_regular, read_capped

    try:
        with open_regular(urls, str(urls)) as file:
            data = read_capped(file, MAX_BYTES)
        if data is None:
            raise too_large(str(urls), None, MAX_BYTES, "split the URL list")
        lines = data.decode("utf-8").splitlines()
    except InputError as exc:
        _err(f"kzfacts: {exc.message}")
        raise typer.Exit(2) from None
    except OSError as exc:
        _err(f"kzfacts: {urls}: cannot be read ({exc.strerror}); pass a file with one URL per line")
        raise typer.Exit(2) from None
    except UnicodeDecodeError:
        _err(f"kzfacts: {urls}: not UTF-8 text; save the URL list as UTF-8")
        raise typer.Exit(2) from None
    return [u.strip() for u in lines if u.strip() and not u.startswith("#")]


def _close_all(*sinks) -> str | None:
    """Close every output; the message of the first that could not finish (a database that filled
    up or was deleted, an index page that could not be written), or None. When the run is already
    ending on an error, that error's line is the one shown and this one is dropped."""
    from .writers import OutputError

    problem = None
    for sink in sinks:
        try:
            if sink is not None:
                sink.close()
        except OutputError as exc:
            problem = problem or str(exc)
    return problem if sys.exc_info()[0] is None else None


def _refuse_overlaps(output_dir: Path | None, db: Path | None, paths: list[str], fmt: str) -> None:
    """Exit 2 with one line when an output could overwrite an input or another output: the output
    folder is, is inside, or holds an input; the database is an input, a file an input folder's walk
    would read, or a file the output folder writes itself."""
    out = output_dir.resolve() if output_dir is not None else None
    base = db.resolve() if db is not None else None
    for raw in paths:
        if raw == "-" or "://" in raw:
            continue
        try:
            given = Path(raw).resolve()
            is_dir = given.is_dir()
        except OSError:
            continue
        problem = (_folder_overlap(output_dir, out, raw, given, is_dir) if out is not None else None) \
            or (_database_overlap(db, base, raw, given, is_dir) if base is not None else None)
        if problem:
            _err(f"kzfacts: {problem}")
            raise typer.Exit(2)
    if out is not None and base is not None:
        from .writers import FolderWriter

        if base.parent == out and base.name in FolderWriter.own_names(fmt):
            from .errors import database_is_folder_file

            _err(f"kzfacts: {database_is_folder_file(str(db), str(output_dir))}")
            raise typer.Exit(2)


def _folder_overlap(output_dir: Path, out: Path, raw: str, given: Path, is_dir: bool) -> str | None:
    """Why the output folder may not be used with the input `raw` (resolved: `given`), or None."""
    from . import errors

    if is_dir and (out == given or given in out.parents):
        return errors.output_in_input_folder(str(output_dir), raw, out == given)
    if out in given.parents:
        return errors.output_holds_input(str(output_dir), raw, is_dir)
    return None


def _database_overlap(db: Path, base: Path, raw: str, given: Path, is_dir: bool) -> str | None:
    """Why the database may not be `db` with the input `raw` (resolved: `given`), or None."""
    from . import errors
    from .inputs import INPUT_ENDINGS

    if not is_dir and base == given:
        return errors.database_is_input(str(db), raw)
    if is_dir and given in base.parents and base.name.lower().endswith(INPUT_ENDINGS):
        return errors.database_read_back(str(db), raw)
    return None


def _open_folder(output_dir: Path, fmt: str, options: dict, db: Path | None):
    """The --output-dir writer (a database inside it keeps its name: no output takes it); exit 2
    with one line when the folder cannot be written."""
    from .writers import FolderWriter

    if output_dir.exists() and not output_dir.is_dir():
        _err(f"kzfacts: --output-dir {output_dir} is a file, not a folder; choose a folder (it is created if missing)")
        raise typer.Exit(2)
    reserved = ()
    if db is not None and output_dir.resolve() in db.resolve().parents:
        reserved = (db.resolve().relative_to(output_dir.resolve()).as_posix(),)
    try:
        # it writes its marker file: a test of the folder
        return FolderWriter(output_dir, fmt, reserved=reserved, **options)
    except OSError as exc:
        _err(f"kzfacts: --output-dir {output_dir} cannot be written ({exc.strerror or exc}); check its permissions "
             "and free space, or choose another folder")
        raise typer.Exit(2) from None


def _open_database(db: Path):
    """The --db writer; exit 2 with one line when the file cannot be a kzfacts database."""
    from .writers.sqlite import DatabaseError, DatabaseWriter

    try:
        return DatabaseWriter(db)
    except DatabaseError as exc:
        _err(f"kzfacts: {exc}")
        raise typer.Exit(2) from None


def _fact_keys(facts: str | None) -> list[str] | None:
    """The fact types named by --facts, checked against the registry."""
    if not facts:
        return None
    from .registry import FACT_TYPES

    known = [f.key for f in FACT_TYPES]
    keys = [k.strip() for k in facts.split(",") if k.strip()]
    unknown = [k for k in keys if k not in known]
    if unknown:
        _err(f"kzfacts: unknown fact type {unknown[0]!r} in --facts (choose from {', '.join(known)})")
        raise typer.Exit(2)
    return keys


def _warn_input(item, quiet: bool) -> None:
    """An input's own warnings, once its record is made: a page's text is found only then."""
    from .errors import non_english
    from .inputs import looks_non_english

    if not quiet and item.warning:
        _err(f"kzfacts: {item.warning}")
    if not quiet and item.text and looks_non_english(item.text):
        _err(f"kzfacts: {non_english(item.source)}")


class _progress:
    """A Rich progress bar when the terminal shows it; a no-op otherwise or with --quiet.

    One live display owns the terminal: with tables on a terminal the bar is drawn by the tables'
    own console (on stdout), so tables print above it and nothing stale is left between them;
    otherwise the bar goes to stderr. The total is shown when counting the inputs is cheap (files).
    """

    def __init__(self, quiet: bool, *, console=None, total: int | None = None) -> None:
        self.bar = None
        if quiet or not (console is not None or sys.stderr.isatty()):
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("[bold]kzfacts"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[articles]} articles, {task.fields[rate]:.1f}/s"),
                            TimeElapsedColumn(), console=console or Console(stderr=True), transient=True)
        self.task = self.bar.add_task("extract", total=total, articles=0, rate=0.0)
        self.articles = 0

    def __enter__(self):
        if self.bar is None:
            return lambda record: None
        self.bar.start()

        def advance(record: dict) -> None:
            self.articles += len(record["articles"])
            elapsed = self.bar.tasks[0].elapsed or 1e-9
            self.bar.update(self.task, advance=1, articles=self.articles, rate=self.articles / elapsed)

        return advance

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def _interrupt_once():
    """The first Ctrl-C raises KeyboardInterrupt and ends the run; any further one is ignored, so
    it cannot strike while kzfacts stops its workers or Python exits (which would end the
    process by the signal, without its exit status or message)."""
    import signal

    def first(signum, frame):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, first)
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGINT) is first:
            signal.signal(signal.SIGINT, previous)


def _count_inputs(paths: list[str], input_format: str) -> int | None:
    """How many inputs there are, when that is cheap: files only (no standard input, no JSON Lines)."""
    from .inputs import expand_paths

    sources = list(expand_paths(paths, input_format))
    return None if any(src.jsonl or src.path is None for src in sources) else len(sources)


@app.command()
def summary(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH...", help="kzfacts output (JSON Lines, JSON, --output-dir folders), articles as for extract, "
        "or - for either on standard input.", show_default=False)],
    output_format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table, json or jsonl.")] = "table",
    top: Annotated[int, typer.Option("--top", "-n", metavar="N", min=1, help="How many people and organisations to list.")] = 20,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", metavar="N", min=1, help="Worker processes for articles.",
                                             show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr.")] = False,
) -> None:
    """Who is mentioned and quoted most across a corpus, with article counts."""
    from .summary import read_records, render_table, summarise

    _check_format(output_format, ("table", "json", "jsonl"))
    problems: list[str] = []

    def on_error(message: str) -> None:
        problems.append(message)
        _err(f"kzfacts: {message}")

    stats = summarise(read_records(paths, on_error=on_error, jobs=jobs), top=top)
    if stats["files"] == 0:
        if not problems:
            _err(f"kzfacts: nothing to summarise in {', '.join(paths)} (looked for kzfacts output and articles)")
        raise typer.Exit(1)
    with _writing_stdout():
        if output_format == "table":
            render_table(stats, sys.stdout)
        else:
            typer.echo(json.dumps(stats, ensure_ascii=False, indent=2 if output_format == "json" else None))
    if problems or stats["failed"]:
        raise typer.Exit(1)


@app.command()
def load(
    paths: Annotated[list[str], typer.Argument(
        help="kzfacts JSON Lines or JSON output (files, folders of them, or - for standard input).",
        show_default=False)],
    db: Annotated[Path, typer.Option("--db", metavar="FILE", help="The SQLite database to write.")],
    skip_existing: Annotated[bool, typer.Option("--skip-existing", help="Skip sources already in the database.")] = False,
) -> None:
    """Load records kzfacts already wrote (JSON Lines or JSON) into a SQLite database."""
    from .errors import loaded
    from .records import RecordReadError, read_record_files
    from .writers import OutputError
    from .writers.sqlite import record_key

    database = _open_database(db)
    count = skipped = 0
    problem = None

    def on_skip(message: str) -> None:  # a malformed record: one line, the others are loaded
        nonlocal skipped
        skipped += 1
        _err(f"kzfacts: {message}")

    try:
        for record in read_record_files(paths, on_skip=on_skip):
            key = record_key(record)
            if skip_existing and database.has_result(key):
                continue
            database.write(record, key)
            count += 1
    except (RecordReadError, OutputError) as exc:
        problem = str(exc)
    finally:
        unclosed = _close_all(database)
    if problem or unclosed:
        _err(f"kzfacts: {problem or unclosed}")
        raise typer.Exit(1)
    _err(f"kzfacts: {loaded(count, skipped, db)}")
    if skipped:
        raise typer.Exit(1)


@app.command(name="eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(metavar="GOLD_DIR", help="A folder of NAME.txt and NAME.gold.json pairs "
                                             "(docs/GOLD.md).", show_default=False)],
    output_format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table or json.")] = "table",
    errors: Annotated[int, typer.Option("--errors", metavar="N", min=0,
                                        help="List up to N misses and false hits per fact type.")] = 0,
    model: Annotated[str | None, typer.Option("--model", metavar="NAME|PATH", help="spaCy English pipeline.",
                                              show_default=False)] = None,
    patterns: Annotated[str | None, typer.Option("--patterns", metavar="FILE", help="spaCy EntityRuler JSONL.",
                                                 show_default=False)] = None,
) -> None:
    """Score kzfacts against your own gold answers: P/R/F1 per fact type, value accuracy, attribution."""
    from .api import load_extractor
    from .errors import KzError
    from .evaluate import CATEGORIES, run_and_score
    from .gold import gold_files

    _check_format(output_format, ("table", "json"))
    if not gold_dir.is_dir() or not gold_files(gold_dir):
        _err(f"kzfacts: {gold_dir}: no NAME.gold.json files; pass a folder of NAME.txt and NAME.gold.json pairs "
             "(docs/GOLD.md)")
        raise typer.Exit(2)
    try:
        result = run_and_score(gold_dir, load_extractor(model, patterns), on_problem=lambda m: _err(f"kzfacts: {m}"))
    except KzError as exc:
        _err(f"kzfacts: {exc.message}")
        raise typer.Exit(2) from None
    for row in (result[c] for c in CATEGORIES):
        row["errors"] = row["errors"][:errors]
    with _writing_stdout():
        if output_format == "json":
            typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            _print_scores(result)
    if output_format != "json" and result["missing_files"]:
        _err(f"kzfacts: gold files without their text: {', '.join(result['missing_files'])}")
    if result["skipped"]:  # each was named on stderr; the scores leave it out
        raise typer.Exit(1)


def _print_scores(result: dict) -> None:
    """`kzfacts eval`'s table: P/R/F1 and the extra measures per fact type, then the listed errors."""
    from .evaluate import CATEGORIES

    typer.echo(f"{'category':<15} {'P':>6} {'R':>6} {'F1':>6}  extra")
    for c in CATEGORIES:
        row = result[c]
        if not row["scored"]:
            typer.echo(f"{c:<15} not annotated")
            continue
        extra = ", ".join(f"{k} {v:.3f}" for k, v in row.items() if k.endswith(("_acc", "_f1")) and v is not None)
        typer.echo(f"{c:<15} {row['p']:>6.3f} {row['r']:>6.3f} {row['f1']:>6.3f}  {extra}")
        for line in row["errors"]:
            typer.echo(f"    {line}")


@app.command(name="datasette-metadata")
def datasette_metadata(
    db: Annotated[Path, typer.Argument(metavar="FILE", help="The kzfacts database (--db) to describe.",
                                       show_default=False)],
) -> None:
    """Print Datasette metadata for a kzfacts database: descriptions, facets, canned queries."""
    from .datasette import metadata, why_not_kzfacts

    problem = why_not_kzfacts(db)
    if problem:
        _err(f"kzfacts: {problem}")
        raise typer.Exit(2)
    with _writing_stdout():
        typer.echo(json.dumps(metadata(db), indent=2))


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the output records."""
    from .schema import record_schema

    with _writing_stdout():
        typer.echo(json.dumps(record_schema(), indent=2))


def main() -> None:
    """The `kzfacts` command (and `python -m kzfacts`)."""
    try:
        app()  # standalone: every way out of a command is a SystemExit
    except SystemExit as exc:
        exit_now(exc)


def exit_now(exc: SystemExit) -> None:
    """End the process once the command is done, without the interpreter's teardown: freeing the
    loaded model and pipeline object by object takes about 0.13 s, longer than the pipeline takes
    on a short article. What an exit must still do is done first: the atexit functions (logging,
    multiprocessing, weakref finalizers such as temporary folders) and flushing stdout and stderr.
    Every output file is closed by the command itself. With any other thread still running, a
    message to print, or a stream that cannot be flushed (a closed pipe), the exit is Python's own."""
    import atexit
    import threading

    code = exc.code
    if (code is not None and not isinstance(code, int)) or threading.active_count() > 1 \
            or not hasattr(atexit, "_run_exitfuncs") or not _flushed():
        raise exc
    atexit._run_exitfuncs()
    _flushed()  # what an exit function wrote to a closed stream is lost, as at any exit
    os._exit(code or 0)


def _flushed() -> bool:
    """Flush stdout and stderr; False when one cannot take it (a closed pipe)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return False
    return True


if __name__ == "__main__":
    main()
