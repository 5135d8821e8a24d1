"""A time limit for one text, wherever it runs.

On a process's main thread (kzfacts' own process and its worker processes) a SIGALRM timer
raises `TextTimeout`, interrupting even a blocking call. On any other thread (Dask runs tasks
on worker threads) a watchdog thread raises it asynchronously in the worker thread, where it
lands at the next Python bytecode. A component stuck inside C code cannot be interrupted in
either way; the process pool's parent kills such a worker (see `runner`).
"""
from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

class TextTimeout(BaseException):
    """A text ran past its time limit.

    A BaseException, so that no `except Exception` inside a component or library swallows it.
    """


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TextTimeout in this thread if the block runs longer than `seconds` (None: no limit)."""
    if not seconds:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


REPEAT = 0.1  # seconds between further strikes, should one land where Python swallows it (a __del__, a gc callback)


def _raise_timeout(signum, frame) -> None:
    signal.setitimer(signal.ITIMER_REAL, REPEAT)
    raise TextTimeout()


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    finished = threading.Event()
    struck = []

    def watch() -> None:
        wait = seconds
        while not finished.wait(wait):
            with lock:
                if finished.is_set():
                    return
                struck.append(True)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(TextTimeout))
            wait = REPEAT

    watcher = threading.Thread(target=watch, name="kzfacts-time-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            finished.set()
            if struck:
                # the block ended before the last strike landed: take it back so it cannot strike later
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
