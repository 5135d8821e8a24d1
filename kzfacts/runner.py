"""Running the pipeline over many inputs: in this process, on worker processes, or on Dask.

Every engine yields one record per input, in input order. Inputs that failed to read become
error records here; a text that fails in the pipeline becomes an error record where it ran.
Workers load the pipeline once and receive small batches, so memory stays flat however many
inputs there are.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from . import errors
from .inputs import Input
from .record import error_record
from .reference import Reference, or_page

if TYPE_CHECKING:
    from .web import Page

BATCH_SIZE = 8  # texts read ahead per batch in this process
TASK_SIZE = 1  # texts per task sent to a worker: a worker killed past its limit then names its one text
DEFAULT_TIMEOUT = 120.0  # seconds per text (per started 100,000 characters)
KILL_GRACE = 15.0  # past its limit plus this, a worker that did not stop itself is killed


@dataclass(frozen=True)
class Settings:
    """What a worker needs to build its pipeline and treat a text."""

    model: str | None = None
    patterns: str | None = None
    debug: bool = False
    timeout: float | None = DEFAULT_TIMEOUT  # None or 0: no limit
    facts: tuple[str, ...] | None = None  # --facts: only these fact types' components run


@dataclass(frozen=True)
class Html:
    """A page's HTML, sent as it is: its article text is found where the page's time limit runs
    (a worker, or under this process's alarm), since finding it can take minutes (a big table)."""

    data: str | bytes


Work = tuple[str, str | Html, Reference | None]  # source, text (or a page's HTML), reference date


def limit_for(text: str | bytes, seconds: float | None) -> float | None:
    """A text's time limit: `seconds` per started 100,000 characters (long texts are parsed in
    pieces of that size); None for no limit."""
    from .api import CHUNK_CHARS

    if not seconds:
        return None
    return seconds * max(1, -(-len(text) // CHUNK_CHARS))


def work_limit(content: str | Html, seconds: float | None) -> float | None:
    """The most one work item may take: a text's limit; for a page, `seconds` to find its article
    text and then the limit of a text as long as the page (its article text is no longer)."""
    if isinstance(content, Html):
        return seconds + limit_for(content.data, seconds) if seconds else None
    return limit_for(content, seconds)


def process_batch(batch: list[Work], settings: Settings) -> list[dict[str, Any]]:
    """Records for a batch of texts; runs wherever the engine puts it (the pipeline is cached per process).

    Each text runs alone under its own limit, so a late or failing text costs only itself and
    no text runs twice (batching them through nlp.pipe is no faster on the CPU: measured).
    """
    from .api import load_extractor

    extractor = load_extractor(settings.model, settings.patterns, strict=settings.debug, facts=settings.facts)
    return [_one(extractor, item, settings) for item in batch]


def _one(extractor, item: Work, settings: Settings) -> dict[str, Any]:
    """The record of one text; of a page, once its article text is found under its own limit."""
    from .deadline import TextTimeout, time_limit
    from .web import read_page

    source, content, ref = item
    if not isinstance(content, Html):
        return _extract(extractor, (source, content, ref), settings)
    try:
        with time_limit(settings.timeout):
            page = read_page(content.data)
    except TextTimeout:
        return error_record(source, "timeout", errors.page_timeout(source, settings.timeout))
    except errors.KzError:
        raise  # the installation's, not the page's: a missing dependency stops the run with one line
    except Exception as exc:
        if settings.debug:
            raise
        return internal_error_record(source, exc)
    text, published = (page.text, page.published) if page is not None else ("", None)
    return _with_page(_extract(extractor, (source, text, or_page(ref, published)), settings), page)


def _with_page(record: dict[str, Any], page: Page | None) -> dict[str, Any]:
    """A page's record: its own title and author on its one article, and the text its offsets
    index (empty for a page that holds no article: `_take_page` warns of it)."""
    if record["error"] is not None:
        return record
    if page is not None and len(record["articles"]) == 1:
        article = record["articles"][0]
        article["title"] = page.title or article["title"]
        article["author"] = page.author or article["author"]
    record["text"] = page.text if page is not None else ""
    return record


def _extract(extractor, triple: tuple[str, str, Reference | None], settings: Settings) -> dict[str, Any]:
    from .deadline import TextTimeout, time_limit

    source, text, ref = triple
    limit = limit_for(text, settings.timeout)
    try:
        with time_limit(limit):
            return extractor.extract(text, reference_date=ref and ref.date, source=source,
                                     reference_source=ref.source if ref else "input")
    except TextTimeout:
        return timeout_record(source, limit)
    except Exception as exc:
        if settings.debug:
            raise
        return internal_error_record(source, exc)


def internal_error_record(source: str, exc: Exception) -> dict[str, Any]:
    return error_record(source, "internal_error",
                        f"{source}: internal error ({type(exc).__name__}: {exc}); rerun with --debug and report it")


def timeout_record(source: str, limit: float | None, killed_after: float | None = None) -> dict[str, Any]:
    """The record of a text stopped at its `limit`, or whose worker was killed `killed_after` seconds."""
    if killed_after is None:
        stopped = f"stopped after {limit:g} s, the time limit for a text of its length (--timeout)"
    else:
        stopped = (f"stopped after {killed_after:g} s: its worker was killed, as it did not stop at "
                   f"{limit:g} s, the time limit for a text of its length (--timeout)")
    return error_record(source, "timeout", f"{source}: {stopped}; raise --timeout, or split the text")


def _batches(inputs: Iterable[Input], size: int) -> Iterator[list[Input]]:
    it = iter(inputs)
    while batch := list(islice(it, size)):
        yield batch


def _work(batch: list[Input]) -> list[Work]:
    return [(i.source, Html(i.html) if i.html is not None else i.text or "", i.reference)
            for i in batch if i.error is None]


def _merge(batch: list[Input], records: list[dict[str, Any]]) -> Iterator[tuple[Input, dict[str, Any]]]:
    """Records back in input order, error records for the inputs that could not be read; what the
    input itself says (a JSON Lines title) names its one article, and a page's input gets the text
    found in it."""
    done = iter(records)
    for item in batch:
        if item.error is not None:
            yield item, _with_origin(error_record(item.source, item.error.kind, item.error.message), item)
            continue
        record = _with_origin(next(done), item)
        if record["error"] is None and len(record["articles"]) == 1 and item.title:
            record["articles"][0]["title"] = item.title
        if item.from_html:
            _take_page(item, record)
        yield item, record


def _take_page(item: Input, record: dict[str, Any]) -> None:
    """What was found in a page, back on its input: the article text (the writers show it), or
    a warning when the page holds none. Its HTML is done with."""
    from .web import not_an_article

    item.html = None
    if record["error"] is None:
        item.text = record["text"]
        if not item.text:
            item.warning = not_an_article(item.source)


def _with_origin(record: dict[str, Any], item: Input) -> dict[str, Any]:
    """The record with its input's origin right after `source`, where the two differ (a JSON Lines
    line with an id: its source is the id, its origin FILE#LINE)."""
    if item.origin == record["source"]:
        return record
    return {"schema_version": record["schema_version"], "source": record["source"], "origin": item.origin, **record}


def run_ordered(inputs: Iterable[Input], submit: Callable[[list[Work]], Future | _PoolTask], window: int,
                batch_size: int = BATCH_SIZE) -> Iterator[tuple[Input, dict[str, Any]]]:
    """Submit batches, at most `window` in flight, and yield their records in input order."""
    pending: deque[tuple[list[Input], Future | None]] = deque()
    for batch in _batches(inputs, batch_size):
        work = _work(batch)
        pending.append((batch, submit(work) if work else None))
        if len(pending) >= window:
            yield from _drain_one(pending)
    while pending:
        yield from _drain_one(pending)


def _drain_one(pending: deque) -> Iterator[tuple[Input, dict[str, Any]]]:
    batch, future = pending.popleft()
    yield from _merge(batch, future.result() if future is not None else [])


def run_local(inputs: Iterable[Input], settings: Settings, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Input, dict[str, Any]]]:
    """In this process."""
    for batch in _batches(inputs, batch_size):
        work = _work(batch)
        yield from _merge(batch, process_batch(work, settings) if work else [])


def _init_worker(settings: Settings) -> None:
    import signal

    from .api import load_extractor

    # Ctrl-C reaches the whole process group: the parent decides, the workers stay quiet
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    load_extractor(settings.model, settings.patterns, strict=settings.debug, facts=settings.facts)


def _die_with_parent() -> None:
    """Have Linux kill this worker when its parent dies, however it dies (SIGTERM, SIGKILL)."""
    import ctypes
    import os
    import signal
    import sys

    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before the call
            os._exit(1)


class _WorkerPool:
    """A process pool that starts afresh when a worker dies or hangs, so one deadly text costs only itself."""

    def __init__(self, jobs: int, settings: Settings) -> None:
        self.jobs, self.settings = jobs, settings
        self.generation = 0
        self.executor = self._start()

    def _start(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_init_worker, initargs=(self.settings,))

    def restart(self, generation: int, *, kill: bool = False) -> None:
        """Replace the broken (or, with `kill`, stuck) pool, once for all the tasks it broke."""
        if generation == self.generation:
            if kill:
                # a worker stuck where its own alarm cannot reach (inside C code): end every worker,
                # so the pool breaks and its other tasks are retried on the new one
                for proc in list(getattr(self.executor, "_processes", {}).values()):
                    proc.kill()
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            self.generation += 1

    def hard_limit(self, work: list[Work]) -> float | None:
        """How long the parent waits for a task before it kills the worker."""
        if not self.settings.timeout:
            return None
        return sum(work_limit(content, self.settings.timeout) for _, content, _ in work) + KILL_GRACE

    def submit(self, work: list[Work]) -> _PoolTask:
        return _PoolTask(self, work)

    def shutdown(self) -> None:
        self.executor.shutdown(cancel_futures=True)

    def kill(self) -> None:
        """End every worker now (an interrupt): nothing waits for the texts they hold."""
        for proc in list(getattr(self.executor, "_processes", {}).values()):
            proc.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)


class _PoolTask:
    """A submitted batch; when its worker dies, or another's is killed, its texts are retried one at a
    time on a new pool; a text whose own worker hung gets a timeout record instead."""

    def __init__(self, pool: _WorkerPool, work: list[Work]) -> None:
        self.pool, self.work, self.generation = pool, work, pool.generation
        self.future = pool.executor.submit(process_batch, work, pool.settings)

    def result(self) -> list[dict[str, Any]]:
        from concurrent.futures import TimeoutError as WaitedTooLong
        from concurrent.futures.process import BrokenProcessPool

        # the oldest task is running by the time its result is awaited (tasks start in order),
        # so the wait is bounded by its own run time
        try:
            return self.future.result(timeout=self.pool.hard_limit(self.work))
        except BrokenProcessPool:
            self.pool.restart(self.generation)
        except WaitedTooLong:
            self.pool.restart(self.generation, kill=True)
            if len(self.work) == 1:  # the text at fault: running it again would cost as much again
                return [self._killed(self.work[0])]
        records = []
        for item in self.work:
            generation = self.pool.generation
            future = self.pool.executor.submit(process_batch, [item], self.pool.settings)
            try:
                records.extend(future.result(timeout=self.pool.hard_limit([item])))
            except BrokenProcessPool:
                self.pool.restart(generation)
                records.append(error_record(item[0], "worker_crashed",
                                            f"{item[0]}: the worker processing it stopped (out of memory?); "
                                            "split the file or run it alone with --jobs 1 --debug"))
            except WaitedTooLong:
                self.pool.restart(generation, kill=True)
                records.append(self._killed(item))
        return records

    def _killed(self, item: Work) -> dict[str, Any]:
        return timeout_record(item[0], work_limit(item[1], self.pool.settings.timeout), self.pool.hard_limit([item]))


def run_processes(inputs: Iterable[Input], settings: Settings, jobs: int,
                  batch_size: int = TASK_SIZE) -> Iterator[tuple[Input, dict[str, Any]]]:
    """On `jobs` worker processes, each with its own loaded pipeline."""
    from .api import load_extractor

    # loaded once here, the pipeline reaches every forked worker without being loaded again
    load_extractor(settings.model, settings.patterns, strict=settings.debug, facts=settings.facts)
    pool = _WorkerPool(jobs, settings)
    try:
        yield from run_ordered(inputs, pool.submit, window=jobs * 4, batch_size=batch_size)
    except BaseException:  # an interrupt, or the caller stopped early: do not wait for the workers
        pool.kill()
        raise
    pool.shutdown()


def run_dask(inputs: Iterable[Input], settings: Settings, *, scheduler: str | None = None, jobs: int = 2,
             batch_size: int = TASK_SIZE, connect_timeout: float = 10.0) -> Iterator[tuple[Input, dict[str, Any]]]:
    """On a Dask distributed cluster (a local one when no scheduler address is given)."""
    from .optional import need

    distributed = need("distributed", package="'kzfacts[dask]'", feature="--engine dask")
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    import logging

    # a local cluster's workers log connection errors while it shuts down: noise on the user's stderr
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError) as exc:
            from .errors import KzError

            raise KzError("E006", f"cannot reach the Dask scheduler at {scheduler} within {connect_timeout:g} s; "
                                  "start it (dask scheduler), check the address, or raise --connect-timeout") from exc
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.CRITICAL)
        client = Client(cluster)
    try:
        window = max(2, sum(client.nthreads().values())) * 3
        yield from run_ordered(inputs, lambda work: client.submit(process_batch, work, settings, pure=False),
                               window=window, batch_size=batch_size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(inputs: Iterable[Input], settings: Settings, *, jobs: int, engine: str = "local",
        scheduler: str | None = None, connect_timeout: float = 10.0) -> Iterator[tuple[Input, dict[str, Any]]]:
    """Records for the inputs on the chosen engine: Dask, worker processes (jobs > 1) or this process."""
    if engine == "dask":
        return run_dask(inputs, settings, scheduler=scheduler, jobs=jobs, connect_timeout=connect_timeout)
    if jobs > 1:
        return run_processes(inputs, settings, jobs)
    return run_local(inputs, settings)
