"""The one way long work leaves the GUI thread: a Task.

    task = Task("import", fn, *args)
    task.finished.connect(...)   # connect first,
    task.start()                 # then start: no result can arrive before its slot exists

`fn` runs in Qt's global thread pool; its result, error and progress come back to the
GUI thread as queued signals. If `fn` accepts `progress` / `should_cancel` keyword
arguments it gets them, so pipeline functions run here unchanged.
"""
from __future__ import annotations

import inspect
import sys
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Task(QObject):
    progress = Signal(int, str)
    finished = Signal(object)  # the result
    failed = Signal(object, str)  # the exception, its formatted traceback
    done = Signal()  # after finished or failed

    def __init__(self, name: str, fn: Callable[..., Any], *args, **kwargs):
        super().__init__()
        self.name = name
        self.cancelled = False
        params = _parameters(fn)
        if "progress" in params:
            kwargs.setdefault("progress", lambda pct, text: self.progress.emit(int(pct), str(text)))
        if "should_cancel" in params:
            kwargs.setdefault("should_cancel", lambda: self.cancelled)
        self._call = (fn, args, kwargs)

    def start(self) -> "Task":
        _running.add(self)  # kept alive until done
        self.done.connect(lambda: _running.discard(self))
        QThreadPool.globalInstance().start(_Runnable(self))
        return self

    def cancel(self) -> None:
        self.cancelled = True


class _Runnable(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self.task
        fn, args, kwargs = task._call
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # reported to the GUI thread, never lost
            task.failed.emit(exc, "".join(traceback.format_exception(*sys.exc_info())))
        else:
            task.finished.emit(result)
        task.done.emit()


_running: set[Task] = set()


def _parameters(fn: Callable) -> set[str]:
    try:
        return set(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return set()


def wait_for_all(timeout_ms: int = 30000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
