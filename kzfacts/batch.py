"""What `kzfacts extract` does, as a plain function (`extract`) the command line calls: check the
options, open the outputs, run the inputs through the pipeline (`runner`), hand each record to
every output, and say how the run ended.

Usage errors raise `errors.UsageError` (exit status 2) before any input is read, and before the
model loads where that can be known; `extract` returns the exit status otherwise: 0 when every
input was fine, 1 when some failed (each with its error record and a line on stderr), 130 after
Ctrl-C. stdout carries only data; every message goes through `console.say`.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import errors, options
from .console import Progress, Stop, interrupt_once, plural, say, stdout_lost
from .writers import FORMATS as WRITER_FORMATS
from .writers import close_all

FORMATS = tuple(WRITER_FORMATS)  # one list, the writers'


@dataclass
class ExtractOptions:
    """Every option of `kzfacts extract`, as the command line gives them."""

    paths: list[str] = field(default_factory=list)
    output_format: str | None = None
    output_dir: Path | None = None
    skip_existing: bool = False
    db: Path | None = None
    facts: str | None = None
    csv_raw: bool = False
    quiet: bool = False
    debug: bool = False
    input_format: str = "auto"
    text_key: str = "text"
    html_key: str | None = None
    urls: Path | None = None
    url_timeout: int = 30
    allow_local_urls: bool = False
    encoding: str | None = None
    reference_date: str | None = None
    model: str | None = None
    patterns: str | None = None
    jobs: int | None = None
    engine: str = "local"
    scheduler: str | None = None
    connect_timeout: float = 10.0
    timeout: float = 120.0
    dedup: bool = True


@dataclass
class Run:
    """One run's outputs and what it has done so far."""

    paths: list[str]
    fmt: str
    fact_keys: list[str] | None
    folder: Any = None  # writers.FolderWriter
    database: Any = None  # writers.sqlite.DatabaseWriter
    writer: Any = None  # the stdout writer
    dedup: Any = None  # duplicates.Deduplicator, unless --no-dedup
    console: Any = None  # the tables' Rich console, when tables go to a terminal
    progress: Any = None  # console.Progress, while the records are delivered
    seen: int = 0
    skipped: int = 0  # inputs --skip-existing found done
    failed: int = 0
    articles: int = 0


def extract(o: ExtractOptions) -> int:
    """Run `kzfacts extract`; the exit status."""
    run = open_run(o)
    results = start(o, run)
    interrupted, unclosed = deliver(o, run, results)
    return finish(o, run, interrupted, unclosed)


def open_run(o: ExtractOptions) -> Run:
    """The options checked and the outputs opened, before the model loads: a bad --db or -o costs
    no wait."""
    options.check_format(o.output_format, FORMATS)
    options.check_encoding(o.encoding)
    options.check_timeout(o.timeout)
    options.check_connect_timeout(o.connect_timeout)
    if not o.paths and o.urls is None:
        raise errors.no_inputs_named()
    if o.skip_existing and o.output_dir is None and o.db is None:
        raise errors.skip_needs_output()
    fact_keys = options.fact_keys(o.facts)
    paths = [*o.paths, *(read_urls(o.urls) if o.urls is not None else [])]
    fmt = o.output_format or ("json" if o.output_dir else "table")
    refuse_overlaps(o.output_dir, o.db, [*paths, *([str(o.urls)] if o.urls is not None else [])], fmt)
    from .writers.sqlite import DatabaseWriter

    run = Run(paths, fmt, fact_keys)
    run.folder = open_folder(o.output_dir, fmt, writer_options(o, fmt), o.db) if o.output_dir else None
    run.database = DatabaseWriter(o.db) if o.db else None  # a bad one: DatabaseError, a usage error
    run.dedup = open_deduplicator(run.database) if o.dedup else None
    return run


def open_deduplicator(database):
    """The near-duplicate detector of the run; with a database, its original articles are known
    first, so a later run (or a resumed one) marks copies of them too."""
    from .duplicates import Deduplicator, article_ref, from_digest

    dedup = Deduplicator(wait=database is None, rewrites=database is not None)
    for origin, source, index, digest, figures in database.originals() if database is not None else ():
        dedup.remember(origin, article_ref({"source": source}, index, origin), from_digest(digest),
                       from_digest(figures) if figures is not None else None)
    return dedup


def writer_options(o: ExtractOptions, fmt: str) -> dict[str, Any]:
    return {"raw": o.csv_raw} if fmt == "csv" else {}


def start(o: ExtractOptions, run: Run):
    """The records of the inputs as the runner makes them, in input order; the pipeline is checked
    first (a bad model or patterns file is a usage error before any input)."""
    from .api import check_reference_date, load_extractor
    from .inputs import iter_inputs
    from .runner import Settings
    from .runner import run as run_inputs
    from .web import Fetcher

    workers, note = options.worker_count(o.jobs, run.paths, o.input_format)
    if note and not o.quiet:
        say(note)
    check_reference_date(o.reference_date)
    facts = tuple(run.fact_keys) if run.fact_keys else None
    if o.engine == "local":  # loaded once, here, with a clear message if it cannot (forked workers share it)
        load_extractor(o.model, o.patterns, strict=o.debug, facts=facts)
    else:
        from .pipeline.loading import check_model

        check_model(o.model, o.patterns)

    def done(origin: str, relpath: str, key: str) -> bool:
        """Done already: every output holds the input's facts (an error record is retried)."""
        # standard input has one name in a folder whatever it holds: only its key (a hash of it) can tell
        in_folder = run.folder is None or origin != "-" and run.folder.has_result(relpath, origin)
        found = in_folder and (run.database is None or run.database.has_result(key))
        run.skipped += found
        if found and run.progress is not None:
            run.progress.skip(run.skipped)
        return found

    inputs = iter_inputs(run.paths, o.encoding, input_format=o.input_format, text_key=o.text_key,
                         html_key=o.html_key, skip=done if o.skip_existing else None,
                         fetcher=Fetcher(o.url_timeout, allow_local=o.allow_local_urls),
                         on_skip=None if o.quiet else say, reference_date=o.reference_date)
    if o.engine == "dask":
        workers = workers if o.jobs else 2
    settings = Settings(o.model, o.patterns, o.debug, o.timeout or None, facts)
    return run_inputs(inputs, settings, jobs=workers, engine=o.engine, scheduler=o.scheduler,
                      connect_timeout=o.connect_timeout)


def deliver(o: ExtractOptions, run: Run, results) -> tuple[bool, str | None]:
    """Hand each record to every output; whether Ctrl-C ended the run, and the message of an output
    that could not be closed."""
    from .writers import OutputError

    open_stdout_writer(o, run)
    total = None if o.quiet or not (run.console or sys.stderr.isatty()) else \
        options.count_inputs(run.paths, o.input_format)
    interrupted = False
    with interrupt_once(), Progress(o.quiet, console=run.console, total=total) as progress:
        run.progress = progress
        try:
            for item, record in results:
                write_record(o, run, item, record, results)
                progress(record, run.skipped)
        except OutputError as exc:  # an output stopped taking records (or, resuming, being read): one line
            results.close()
            say(str(exc))
            raise Stop(1) from None
        except KeyboardInterrupt:
            results.close()  # ends the workers at once
            interrupted = True
        finally:  # what was written stays usable: the index page, the database closed
            unclosed = close_all(run.writer, run.folder, run.database)
    return interrupted, unclosed


def open_stdout_writer(o: ExtractOptions, run: Run) -> None:
    """The writer of standard output, unless every record goes to a folder or a database only."""
    from .writers import open_writer

    if run.folder is not None or (run.database is not None and o.output_format is None):
        return
    extra = writer_options(o, run.fmt)
    if run.fmt == "table" and sys.stdout.isatty():
        from rich.console import Console

        run.console = extra["console"] = Console(file=sys.stdout)  # the tables and the progress bar share it
    many = len(run.paths) > 1 or o.input_format == "jsonl" or \
        any(p != "-" and (os.path.isdir(p) or p.endswith(".jsonl")) for p in run.paths)
    run.writer = open_writer(run.fmt, sys.stdout, many=many, **extra)


def write_record(o: ExtractOptions, run: Run, item, record: dict[str, Any], results) -> None:
    """One input's record to every output, with its lines on stderr."""
    from .writers import keep_facts

    run.seen += 1
    warn_input(item, o.quiet)
    run.articles += len(record["articles"])
    if run.fact_keys:
        record = keep_facts(record, run.fact_keys)
    signatures = run.dedup.mark(record, item.text, item.key) if run.dedup is not None else None
    if record["error"]:
        run.failed += 1
        say(record["error"]["message"])
    for warning in record.get("warnings", []) if not o.quiet else ():
        say(errors.component_warning(record["source"], warning["message"]))
    if run.folder is not None:
        run.folder.write(record, item.text, item.relpath, item.origin, item.key)
    if run.database is not None:
        run.database.write(record, item.key, signatures)
    if run.writer is not None:
        try:
            run.writer.write(record, item.text)
        except OSError as exc:  # a full disk, a file size limit: stop, every earlier record whole
            results.close()
            run.writer = None  # nothing more goes to it, not even a closing bracket
            stdout_lost(exc, run.seen - 1 if run.fmt == "jsonl" else None)  # only JSON Lines is written whole


def finish(o: ExtractOptions, run: Run, interrupted: bool, unclosed: str | None) -> int:
    """The run's last lines, after the progress bar has gone, and its exit status."""
    if unclosed:
        say(unclosed)
    if interrupted:
        say(errors.interrupted(plural(run.seen, "input"), bool(run.folder or run.database)))
        return 130
    if not o.quiet and sys.stderr.isatty() and (run.seen or run.skipped):
        say(errors.run_done(plural(run.seen + run.skipped, "input"), run.skipped, run.seen - run.failed, run.failed,
                            plural(run.articles, "article"), o.output_dir or o.db))
    if unclosed:
        return 1
    if not run.seen and not o.skip_existing:
        say(errors.no_input_files(run.paths))
        return 1
    return 1 if run.failed else 0


def warn_input(item, quiet: bool) -> None:
    """An input's own warnings, once its record is made: a page's text is found only then."""
    from .inputs import looks_non_english

    if not quiet and item.warning:
        say(item.warning)
    if not quiet and item.text and looks_non_english(item.text):
        say(errors.non_english(item.source))


def read_urls(urls: Path) -> list[str]:
    """The URLs of a --urls file, one per line (# comments and blank lines left out)."""
    from .files import read_regular

    try:
        lines = read_regular(urls, str(urls), fix="split the URL list").decode("utf-8").splitlines()
    except errors.InputError as exc:
        raise errors.UsageError(exc.message) from None
    except OSError as exc:
        raise errors.urls_unreadable(urls, exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise errors.urls_not_utf8(urls) from None
    return [u.strip() for u in lines if u.strip() and not u.startswith("#")]


def refuse_overlaps(output_dir: Path | None, db: Path | None, paths: list[str], fmt: str) -> None:
    """Refuse an output that could overwrite an input or another output: the output folder is, is
    inside, or holds an input; the database is an input, a file an input folder's walk would read,
    or a file the output folder writes itself."""
    from .web import is_url

    out = output_dir.resolve() if output_dir is not None else None
    base = db.resolve() if db is not None else None
    for raw in paths:
        if raw == "-" or is_url(raw):
            continue
        try:
            given = Path(raw).resolve()
            is_dir = given.is_dir()
        except OSError:
            continue
        problem = (folder_overlap(output_dir, out, raw, given, is_dir) if out is not None else None) \
            or (database_overlap(db, base, raw, given, is_dir) if base is not None else None)
        if problem:
            raise errors.UsageError(problem)
    if out is not None and base is not None:
        from .writers import FolderWriter

        if base.parent == out and base.name in FolderWriter.own_names(fmt):
            raise errors.UsageError(errors.database_is_folder_file(str(db), str(output_dir)))


def folder_overlap(output_dir: Path, out: Path, raw: str, given: Path, is_dir: bool) -> str | None:
    """Why the output folder may not be used with the input `raw` (resolved: `given`), or None."""
    if is_dir and (out == given or given in out.parents):
        return errors.output_in_input_folder(str(output_dir), raw, out == given)
    if out in given.parents:
        return errors.output_holds_input(str(output_dir), raw, is_dir)
    return None


def database_overlap(db: Path, base: Path, raw: str, given: Path, is_dir: bool) -> str | None:
    """Why the database may not be `db` with the input `raw` (resolved: `given`), or None."""
    from .inputs import INPUT_ENDINGS

    if not is_dir and base == given:
        return errors.database_is_input(str(db), raw)
    if is_dir and given in base.parents and base.name.lower().endswith(INPUT_ENDINGS):
        return errors.database_read_back(str(db), raw)
    return None


def open_folder(output_dir: Path, fmt: str, extra: dict, db: Path | None):
    """The --output-dir writer (a database inside it keeps its name: no output takes it)."""
    from .writers import FolderWriter, OutputError

    if output_dir.exists() and not output_dir.is_dir():
        raise errors.output_dir_is_file(output_dir)
    reserved = ()
    if db is not None and output_dir.resolve() in db.resolve().parents:
        reserved = (db.resolve().relative_to(output_dir.resolve()).as_posix(),)
    try:
        # it writes its marker file: a test of the folder
        return FolderWriter(output_dir, fmt, reserved=reserved, **extra)
    except OutputError as exc:
        raise errors.UsageError(str(exc)) from None
    except OSError as exc:
        raise errors.output_dir_unwritable(output_dir, exc.strerror or str(exc)) from None
