"""The one place long work is started: what runs now, what waits, what joins.

Work is grouped in lanes by name ("catch-up", "training", "import", ...): one task runs
per lane, the lanes run side by side. A request is never dropped:
- the same request as one waiting in the lane joins it (one run serves both callers);
- the same request as the running one joins it too, unless the lane's `repeat` is
  "queue" (a refresh must run again after a change it may not have seen);
- any other request waits in the lane, in order, and the status bar says so; with
  `repeat="latest"` it replaces what waits instead (only the newest view is wanted).

Requests are identified by `key` (default: the arguments). Callers pass `on_finished`
/ `on_failed` here rather than connecting late: the runner calls them on the GUI
thread whether the task was new, joined, or already done; never after `context` (a
widget asking for the work) was deleted.
"""

from __future__ import annotations

import traceback
import typing
from collections import deque
from collections.abc import Callable
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.worker import Task, wait_for_all

if typing.TYPE_CHECKING:  # PySide6's stub returns `object`: the marked literal is a str

    def QT_TR_NOOP(message: str, /) -> str: ...

else:
    from PySide6.QtCore import QT_TR_NOOP

# What a waiting task waits for, by lane (a lane's name is an identifier, not a word):
# "Importing b.csv: waiting for the import already running".
_RUNNING = {
    "activation": QT_TR_NOOP("the activation already running"),
    "backfill": QT_TR_NOOP("the backfill already running"),
    "backtest": QT_TR_NOOP("the backtest already running"),
    "backup": QT_TR_NOOP("the backup already running"),
    "catch-up": QT_TR_NOOP("the catch-up already running"),
    "copy-data": QT_TR_NOOP("the copy-data already running"),
    "daily-settings": QT_TR_NOOP("the daily-settings already running"),
    "export": QT_TR_NOOP("the export already running"),
    "import": QT_TR_NOOP("the import already running"),
    "model-delete": QT_TR_NOOP("the model-delete already running"),
    "recovery-note": QT_TR_NOOP("the recovery-note already running"),
    "removal": QT_TR_NOOP("the removal already running"),
    "report": QT_TR_NOOP("the report already running"),
    "start-up": QT_TR_NOOP("the start-up already running"),
    "training": QT_TR_NOOP("the training already running"),
    "validation-curve": QT_TR_NOOP("the validation-curve already running"),
}


def _waiting_text(task: Task, ahead: int) -> str:
    """The status line of a task that waits in its lane behind `ahead` - 1 others."""
    what = task.status.rstrip("…") or task.name.capitalize()
    running = (
        tr(_RUNNING[task.name]) if task.name in _RUNNING else tr("the {lane} already running").format(lane=task.name)
    )
    if ahead > 1:
        return tr("{task}: waiting for {running} ({count} waiting)").format(task=what, running=running, count=ahead)
    return tr("{task}: waiting for {running}").format(task=what, running=running)


def _bound(context: QObject, handler):
    """`handler`, skipped once `context` no longer exists."""
    if handler is None:
        return None
    return lambda *args: handler(*args) if shiboken6.isValid(context) else None


class TaskRunner(QObject):
    progress = Signal(int, str)  # percent (-1: none) and what is happening now
    message = Signal(str)  # one line for the status bar (queued, cancelled, ...)
    failed = Signal(str, object, str)  # lane, exception, traceback: failures nobody handled
    handlerFailed = Signal(str, object, str)  # lane, exception, traceback: a caller's handler raised
    writeFinished = Signal()  # a task that writes to the store has ended
    idle = Signal()  # nothing running or waiting

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running: dict[str, Task] = {}
        self._waiting: dict[str, deque[Task]] = {}
        self._handlers: dict[Task, tuple[list, list]] = {}  # on_finished / on_failed per task
        self._writes_running = 0
        self.write_generation = 0  # counts writing tasks started and ended
        self.closed = False

    # ---- requests ---------------------------------------------------------------------

    def run(
        self,
        name: str,
        fn: Callable[..., Any],
        *args,
        key: object = None,
        status: str = "",
        writes: bool = True,
        repeat: str = "join",
        on_finished=None,
        on_failed=None,
        context: QObject | None = None,
        interactive: bool = False,
        **kwargs,
    ) -> Task:
        """Run fn(*args, **kwargs) in lane `name` (see the module doc); returns its Task.
        `interactive` work (answering a slider) runs in a pool batch work never fills."""
        if key is None:
            key = (args, tuple(sorted(kwargs.items())))
        task = self._joinable(name, key, repeat)
        if task is None and repeat == "latest":
            for old in self.waiting(name):
                old.cancel()
        if task is None:
            task = Task(name, fn, *args, key=key, status=status, writes=writes, interactive=interactive, **kwargs)
            self._handlers[task] = ([], [])
            task.done.connect(self._task_done)  # a slot of ours: gone if the runner is
            task.progress.connect(self.progress)
            self._enqueue(task)
        if context is not None:
            on_finished, on_failed = _bound(context, on_finished), _bound(context, on_failed)
        self._attach(task, on_finished, on_failed)
        return task

    def _joinable(self, name: str, key: object, repeat: str) -> Task | None:
        for task in self._waiting.get(name, ()):
            if task.key == key:
                return task
        running = self._running.get(name)
        if running is not None and running.key == key and repeat == "join" and not running.cancel_requested:
            return running
        return None

    def _attach(self, task: Task, on_finished, on_failed) -> None:
        if task.is_done:  # joined a task whose outcome is in: answer on the next turn
            QTimer.singleShot(0, lambda: self._deliver(task, [on_finished], [on_failed]))
            return
        finished, failed = self._handlers[task]
        finished.append(on_finished)
        failed.append(on_failed)

    def _enqueue(self, task: Task) -> None:
        if self.closed:
            task.cancel()
            return
        if task.name in self._running:
            self._waiting.setdefault(task.name, deque()).append(task)
            ahead = len(self._waiting[task.name])
            if task.status:
                self.message.emit(_waiting_text(task, ahead))
        else:
            self._start(task)

    def _start(self, task: Task) -> None:
        self._running[task.name] = task
        if task.writes:
            self._writes_running += 1
            self.write_generation += 1
        if task.status:
            self.progress.emit(0, task.status)
        task.start()

    # ---- outcomes ---------------------------------------------------------------------

    @Slot()
    def _task_done(self) -> None:
        self._ended(cast(Task, self.sender()))  # only tasks' done signals reach here

    def _ended(self, task: Task) -> None:
        """The lane's bookkeeping first and the next task started, then the callers
        told: a handler that raises cannot stall its lane or leave the busy indicator
        on (it is reported through `handlerFailed`, and the others still run)."""
        if self._running.get(task.name) is task:
            del self._running[task.name]
            if task.writes:
                self._writes_running -= 1
                self.write_generation += 1
        else:  # cancelled while waiting
            waiting = self._waiting.get(task.name)
            if waiting and task in waiting:
                waiting.remove(task)
        waiting = self._waiting.get(task.name)
        if waiting and task.name not in self._running and not self.closed:
            self._start(waiting.popleft())
        finished, failed = self._handlers.pop(task, ([], []))
        if task.state == "failed" and not any(failed):
            self.failed.emit(task.name, task.error, task.details)
        if task.state == "cancelled" and task.status:
            self.message.emit(tr("Cancelled: {task}").format(task=task.status.rstrip("…") or task.name))
        if not self.busy:
            self.progress.emit(-1, "")
        self._deliver(task, finished, failed)
        if task.writes and task.state != "cancelled":
            self.writeFinished.emit()
        if not self.busy:
            self.idle.emit()

    def _deliver(self, task: Task, on_finished: list, on_failed: list) -> None:
        args: tuple[object, ...]
        if task.state == "finished":
            handlers, args = on_finished, (task.result,)
        elif task.state == "failed":
            handlers, args = on_failed, (task.error, task.details)
        else:
            return
        for handler in filter(None, handlers):
            try:
                handler(*args)
            except Exception as exc:  # a bug in one caller: said, and the others still told
                self.handlerFailed.emit(task.name, exc, traceback.format_exc())

    # ---- state ------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._running) or any(self._waiting.values())

    @property
    def writing(self) -> bool:
        return self._writes_running > 0

    def cancellable(self) -> Task | None:
        """The latest running task the status bar speaks of that can be cancelled."""
        tasks = [t for t in self._running.values() if t.status and t.cancellable and not t.cancel_requested]
        return tasks[-1] if tasks else None

    def running(self, name: str) -> Task | None:
        return self._running.get(name)

    def waiting(self, name: str) -> list[Task]:
        return list(self._waiting.get(name, ()))

    def cancel_all(self) -> None:
        for queue in self._waiting.values():
            for task in list(queue):
                task.cancel()
        for task in list(self._running.values()):
            task.cancel()

    def shutdown(self, timeout_ms: int) -> bool:
        """No new work; cancel everything; wait up to `timeout_ms` for running jobs.
        True if all stopped in time."""
        self.closed = True
        self.cancel_all()
        return wait_for_all(timeout_ms)
