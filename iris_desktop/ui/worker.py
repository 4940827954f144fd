"""The one way long work leaves the GUI thread: `run_in_thread(fn, ...)`.

`fn` runs in Qt's global thread pool; its result, error and progress come back to the
GUI thread as signals. If `fn` accepts `progress` / `should_cancel` keyword arguments it
gets them, so pipeline functions run here unchanged.
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

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable, args, kwargs):
        super().__init__()
        self.task, self.fn, self.args, self.kwargs = task, fn, args, kwargs
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self.task
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # reported to the GUI thread, never lost
            task.failed.emit(exc, "".join(traceback.format_exception(*sys.exc_info())))
        else:
            task.finished.emit(result)
        task.done.emit()


_running: set[Task] = set()  # keeps tasks alive until they are done


def run_in_thread(name: str, fn: Callable[..., Any], *args, **kwargs) -> Task:
    task = Task(name)
    params = _parameters(fn)
    if "progress" in params:
        kwargs.setdefault("progress", lambda pct, text: task.progress.emit(int(pct), str(text)))
    if "should_cancel" in params:
        kwargs.setdefault("should_cancel", lambda: task.cancelled)
    _running.add(task)
    task.done.connect(lambda: _running.discard(task))
    QThreadPool.globalInstance().start(_Runnable(task, fn, args, kwargs))
    return task


def _parameters(fn: Callable) -> set[str]:
    try:
        return set(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return set()


def wait_for_all(timeout_ms: int = 30000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
