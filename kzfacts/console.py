"""What a command shows on the terminal besides its data: one-line messages on stderr, the progress
bar, Ctrl-C, standard output that stops taking data, and the fast exit at the end.

stdout carries only data; everything here goes to stderr, except the progress bar, which shares
the tables' console when tables are drawn on a terminal.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import NoReturn


class Stop(Exception):
    """End the command with this exit status; what it had to say is said already."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def say(message: str) -> None:
    """One line on stderr, "kzfacts: " first. Messages name inputs (paths, ids, URLs, text), so
    control characters are made visible and a line feed cannot start a second line."""
    from .display import visible

    print(visible(f"kzfacts: {message}", one_line=True), file=sys.stderr, flush=True)


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def stdout_lost(exc: OSError, written: int | None = None) -> NoReturn:
    """Stop with exit status 1 and one line when standard output takes no more data (`written`:
    records sent whole); silently when its reader closed it (`| head`): the reader wanted no more."""
    from .errors import stdout_failed

    silence_stdout()
    if not isinstance(exc, BrokenPipeError):
        say(stdout_failed(exc.strerror or str(exc), written))
    raise Stop(1)


@contextmanager
def writing_stdout():
    """Around a command's printing of its data: standard output that stops taking it (a full disk,
    an I/O error) ends the command with one line."""
    try:
        yield
    except OSError as exc:
        stdout_lost(exc)


def silence_stdout() -> None:
    """Send standard output to /dev/null: what its buffer still holds would fail again at exit, with
    a second message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's buffer): nothing to flush
        pass


class Progress:
    """A Rich progress bar when the terminal shows it; a no-op otherwise or with --quiet.

    One live display owns the terminal: with tables on a terminal the bar is drawn by the tables'
    own console (on stdout), so tables print above it and nothing stale is left between them;
    otherwise the bar goes to stderr. The total is shown when counting the inputs is cheap (files),
    less the inputs --skip-existing finds done as they are found: the bar counts the work left.
    """

    def __init__(self, quiet: bool, *, console=None, total: int | None = None) -> None:
        self.bar = None
        if quiet or not (console is not None or sys.stderr.isatty()):
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as Bar

        self.bar = Bar(TextColumn("[bold]kzfacts"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[articles]} articles, {task.fields[rate]:.1f}/s"),
                       TimeElapsedColumn(), console=console or Console(stderr=True), transient=True)
        self.task = self.bar.add_task("extract", total=total, articles=0, rate=0.0)
        self.total = total
        self.articles = 0

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __call__(self, record: dict, skipped: int = 0) -> None:
        """One record done; `skipped`: the inputs skipped so far, which leave the total."""
        if self.bar is None:
            return
        self.articles += len(record["articles"])
        elapsed = self.bar.tasks[0].elapsed or 1e-9
        self.bar.update(self.task, advance=1, total=self._left(skipped), articles=self.articles,
                        rate=self.articles / elapsed)

    def skip(self, skipped: int) -> None:
        """`skipped` inputs found done so far: the total drops as they are found, records or not
        (a resume where every input is done sends none)."""
        if self.bar is not None:
            self.bar.update(self.task, total=self._left(skipped))

    def _left(self, skipped: int) -> int | None:
        return None if self.total is None else max(self.total - skipped, 0)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def interrupt_once():
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
            or not hasattr(atexit, "_run_exitfuncs") or not flushed():
        raise exc
    atexit._run_exitfuncs()
    flushed()  # what an exit function wrote to a closed stream is lost, as at any exit
    os._exit(code or 0)


def flushed() -> bool:
    """Flush stdout and stderr; False when one cannot take it (a closed pipe)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return False
    return True
