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


def _raise_timeout(signum, frame) -> None:
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
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TextTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:
                # the block ended before the exception landed: take it back so it cannot strike later
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
