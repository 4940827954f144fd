"""A Task: one function call off the GUI thread, its outcome back on it.

    task = Task("import", fn, *args)
    task.finished.connect(...)
    task.start()

`fn` runs in the app's thread pool. Its progress and outcome cross back as queued
signals of one long-lived relay (a QObject of the GUI thread), which hands them to the
Task; the Task then emits its public signals on the GUI thread and records the outcome:
`task.state`, `task.result`, `task.error`. A slot connected any time before control
returns to the event loop is called, and `task.is_done` can be waited on. If `fn`
accepts `progress` / `should_cancel` keyword arguments it gets them, so pipeline
functions run here unchanged. Tasks are normally started by the TaskRunner.

The worker thread never holds a reference to a QObject: a Qt object whose last Python
reference went away in a worker would be destroyed there, which Qt forbids (and which
crashed). It holds plain data, a token, and a plain cancel flag.
"""

from __future__ import annotations

import inspect
import itertools
import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from iris_desktop.errors import Cancelled

__all__ = ["Cancelled", "Task", "notices", "pool", "tell", "wait_for_all"]

QUEUED, RUNNING, FINISHED, FAILED, CANCELLED = "queued", "running", "finished", "failed", "cancelled"
_Call = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]  # fn, args, kwargs


class _CancelFlag:
    """Read by the worker, set by the GUI thread: a plain object, not a QObject."""

    cancelled = False


class _Relay(QObject):
    """Carries every running job's signals from its worker thread to the GUI thread;
    one for the whole app, never deleted."""

    progress = Signal(int, int, str)  # token, percent, text
    outcome = Signal(int, str, object, str)  # token, state, result or exception, traceback
    notice = Signal(str)  # a line for the status bar from a job (waiting for a lock)

    def __init__(self):
        super().__init__()
        self.tasks: dict[int, Task] = {}  # running, by token: touched on the GUI thread only
        self.progress.connect(self._on_progress)
        self.outcome.connect(self._on_outcome)

    @Slot(int, int, str)
    def _on_progress(self, token: int, pct: int, text: str) -> None:
        task = self.tasks.get(token)
        if task is not None:
            task._on_progress(pct, text)

    @Slot(int, str, object, str)
    def _on_outcome(self, token: int, state: str, value: object, details: str) -> None:
        task = self.tasks.pop(token, None)
        if task is not None:
            task._on_outcome(state, value, details)


_relay: _Relay | None = None
_tokens = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def notices():
    """The signal (text) that `tell` emits; connect on the GUI thread."""
    return _the_relay().notice


def tell(text: str) -> None:
    """Send a status-bar line from a job, in any thread (the relay exists once a Task does)."""
    if _relay is not None:
        _relay.notice.emit(text)


class Task(QObject):
    progress = Signal(int, str)
    finished = Signal(object)  # the result
    failed = Signal(object, str)  # the exception, its formatted traceback
    cancelled = Signal()  # ended by cancel() (queued or running)
    done = Signal()  # after any of the three

    def __init__(
        self,
        name: str,
        fn: Callable[..., Any],
        *args,
        key: object = None,
        status: str = "",
        writes: bool = False,
        interactive: bool = False,
        **kwargs,
    ):
        super().__init__()
        self.interactive = interactive  # answers a slider or a click: runs in a pool of its own
        self.name, self.key = name, key
        self.status = status  # what the status bar says while it runs
        self.writes = writes  # it writes to the store
        self.state = QUEUED
        self.result: Any = None
        self.error: BaseException | None = None
        self.details = ""  # the traceback of a failure
        self.token = next(_tokens)
        self._flag = _CancelFlag()
        relay = _the_relay()
        params = _parameters(fn)
        self.cancellable = "should_cancel" in params  # the job checks cancel() as it goes
        token, flag = self.token, self._flag  # what the worker's callbacks may hold
        if "progress" in params:
            kwargs.setdefault("progress", lambda pct, text: relay.progress.emit(token, int(pct), str(text)))
        if "should_cancel" in params:
            kwargs.setdefault("should_cancel", lambda: flag.cancelled)
        self._call: _Call | None = (fn, args, kwargs)  # handed to the worker by start()

    @property
    def cancel_requested(self) -> bool:
        return self._flag.cancelled

    @property
    def is_done(self) -> bool:
        return self.state in (FINISHED, FAILED, CANCELLED)

    def start(self) -> Task:
        self.state = RUNNING
        relay = _the_relay()
        relay.tasks[self.token] = self  # kept alive, on the GUI thread, until its outcome
        call, self._call = self._call, None
        (interactive_pool() if self.interactive else pool()).start(_Runnable(call, self.token, relay))
        return self

    def cancel(self) -> None:
        """A queued task ends now; a running one is asked to stop at its next check."""
        self._flag.cancelled = True
        if self.state == QUEUED:
            self._end(CANCELLED)

    def _on_progress(self, pct: int, text: str) -> None:
        if not self.is_done:
            self.progress.emit(pct, text)

    def _on_outcome(self, state: str, value: object, details: str) -> None:
        if state == FAILED and isinstance(value, Cancelled):  # a job that saw should_cancel()
            state = CANCELLED
        if state == FINISHED:
            self.result = value
        elif state == FAILED:
            self.error = value  # type: ignore[assignment]
        self._end(state, details)

    def _end(self, state: str, details: str = "") -> None:
        self.state, self.details = state, details
        if state == FINISHED:
            self.finished.emit(self.result)
        elif state == FAILED:
            self.failed.emit(self.error, details)
        else:
            self.cancelled.emit()
        self.done.emit()


class _Runnable(QRunnable):
    def __init__(self, call, token: int, relay: _Relay):
        super().__init__()
        self.call, self.token, self.relay = call, token, relay  # the relay is never deleted
        self.setAutoDelete(True)

    def run(self) -> None:
        (fn, args, kwargs), self.call = self.call, None
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # reported to the GUI thread, never lost
            self.relay.outcome.emit(self.token, FAILED, exc, "".join(traceback.format_exception(*sys.exc_info())))
        else:
            self.relay.outcome.emit(self.token, FINISHED, result, "")


_pool: QThreadPool | None = None
_interactive_pool: QThreadPool | None = None


def _new_pool(threads: int) -> QThreadPool:
    made = QThreadPool()
    made.setMaxThreadCount(threads)
    made.setExpiryTimeout(5000)
    return made


def pool() -> QThreadPool:
    """The pool of batch work (training, catch-up, imports, reads of the store): a few
    threads, so a long training never delays a quick read (Qt's global pool has one
    thread per core: two here)."""
    global _pool
    if _pool is None:
        _pool = _new_pool(4)
    return _pool


def interactive_pool() -> QThreadPool:
    """The pool of work a user waits on while moving something (a slider's prediction,
    decision regions): never queued behind four batch jobs."""
    global _interactive_pool
    if _interactive_pool is None:
        _interactive_pool = _new_pool(2)
    return _interactive_pool


def _parameters(fn: Callable) -> set[str]:
    try:
        return set(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return set()


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Wait for every job in both pools (tests, shutdown); True if all ended in time."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    done = pool().waitForDone(timeout_ms)
    left = max(0, int((deadline - time.monotonic()) * 1000))
    return interactive_pool().waitForDone(left) and done
