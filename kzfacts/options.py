"""Option values that cannot work, refused before any input is read (`errors.UsageError`, exit
status 2), and the values kzfacts derives from them: the worker count, the fact types kept."""
from __future__ import annotations

import functools
import os

from . import errors

# codecs Python's str and bytes take that are no character encoding of a file: domain-name labels
# (idna, punycode) and the one that always fails (undefined)
NOT_FILE_ENCODINGS = frozenset({"idna", "punycode", "undefined"})
MAX_TIMEOUT = 86_400.0  # a day per 100,000 characters; far more overflows the alarm timer on a long text
JOBS_PER_CPU = 4


def check_format(value: str | None, choices: tuple[str, ...]) -> None:
    """Refuse a --format that names none of the choices."""
    if value is not None and value not in choices:
        raise errors.unknown_format(value, choices)


def check_encoding(value: str | None) -> None:
    """Refuse an --encoding that names no text encoding."""
    import codecs

    if value is None or is_text_encoding(value):
        return
    try:
        known = bool(codecs.lookup(value))
    except LookupError:
        known = False
    raise errors.bad_encoding(value, known)


def is_text_encoding(name: str) -> bool:
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


def check_timeout(value: float) -> None:
    """Refuse a --timeout that is no number of seconds from 0 (no limit) to MAX_TIMEOUT: NaN would
    never strike, and infinity or 1e309 overflow the timer."""
    import math

    if not (math.isfinite(value) and 0 <= value <= MAX_TIMEOUT):
        raise errors.bad_timeout(value, MAX_TIMEOUT)


MAX_CONNECT = 3_600.0


def check_connect_timeout(value: float) -> None:
    """Refuse a --connect-timeout that is no number of seconds up to MAX_CONNECT (NaN, infinity and
    1e308 break the Dask client's clock)."""
    import math

    if not (math.isfinite(value) and 0 < value <= MAX_CONNECT):
        raise errors.bad_connect_timeout(value, MAX_CONNECT)


def fact_keys(facts: str | None) -> list[str] | None:
    """The fact types named by --facts, checked against the registry (None: all of them)."""
    if not facts:
        return None
    from .registry import FACT_TYPES

    known = [f.key for f in FACT_TYPES]
    keys = [k.strip() for k in facts.split(",") if k.strip()]
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise errors.unknown_fact_type(unknown[0], known)
    return keys


def default_jobs(paths: list[str], input_format: str) -> int:
    """One worker for a single small input, else one per CPU."""
    single = len(paths) == 1 and (paths[0] == "-" or os.path.isfile(paths[0]) and not paths[0].endswith(".jsonl")
                                  and input_format != "jsonl")
    return 1 if single else max(1, os.cpu_count() or 1)


def check_jobs(jobs: int | None) -> None:
    """Refuse fewer than one worker process."""
    if jobs is not None and jobs < 1:
        raise errors.bad_jobs(jobs)


def worker_count(jobs: int | None, paths: list[str], input_format: str) -> tuple[int, str | None]:
    """How many worker processes to start, and a note when --jobs was cut to the CPUs: --jobs
    (default `default_jobs`), but no more than the inputs (when counting them is cheap) and
    JOBS_PER_CPU per CPU, so --jobs 1000 cannot start 1,000 processes that each load a pipeline."""
    check_jobs(jobs)
    wanted = jobs or default_jobs(paths, input_format)
    if wanted == 1:
        return 1, None
    inputs = count_inputs(paths, input_format) or wanted  # None: not cheap to count (JSON Lines, stdin)
    workers = min(wanted, inputs, JOBS_PER_CPU * (os.cpu_count() or 1))
    # fewer workers than inputs is silent: one per input is all a run can use
    capped = jobs is not None and workers < min(jobs, inputs)
    return workers, errors.jobs_capped(jobs, workers) if capped else None


def count_inputs(paths: list[str], input_format: str) -> int | None:
    """How many inputs there are, when that is cheap: files only (no standard input, no JSON Lines).
    Asked by the worker count and the progress bar: the folders are walked once."""
    return _count(tuple(paths), input_format)


@functools.lru_cache(maxsize=4)
def _count(paths: tuple[str, ...], input_format: str) -> int | None:
    from .inputs import expand_paths

    sources = list(expand_paths(list(paths), input_format))
    return None if any(src.jsonl or src.path is None for src in sources) else len(sources)
