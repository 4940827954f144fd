"""When the start-up (in a worker) cannot open the store, the window says why and offers
what can be done, without a nested event loop:

- a damaged file is moved aside (in a worker); the newest sound backup is offered, else
  a new store is started (with the first run) and the user is told where the old file is;
- contents Iris Desktop never writes (a hand edit): the newest backup is offered; without
  one, or declined, nothing is changed and the app closes;
- anything else the store refuses (written by a newer version, an unusable folder): said,
  nothing changed, the app closes.

Nobody is there to answer in a headless run (--self-test, --quit-when-ready): a damaged
file is moved aside and a new store started; anything else ends the run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from iris_desktop.store import CorruptDatabaseError, StoreContentError, StoreError
from iris_desktop.ui.dialogs.restore_dialog import describe_backup
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState


def _nothing_changed(exc: BaseException) -> str:
    return tr("{problem}.\n\nNothing was changed. Iris Desktop will close.").format(problem=exc)


class StoreRecovery(QObject):
    def __init__(
        self,
        state: AppState,
        reporter: ErrorReporter,
        retry: Callable[[], object],
        give_up: Callable[[str, str], object],
    ):
        """`retry()` starts the start-up again; `give_up(title, text)` says why the app
        cannot go on and ends it."""
        super().__init__(state)
        self.state, self.reporter, self.retry, self.give_up = state, reporter, retry, give_up

    def handle(self, exc: BaseException) -> bool:
        """Take over a start-up that failed with `exc`; False if it is not the store's."""
        if isinstance(exc, CorruptDatabaseError):
            self._run(
                jobs.move_aside, lambda aside: self._moved_aside(exc, aside), tr("Moving the damaged file aside…")
            )
        elif isinstance(exc, StoreContentError):
            self._offer_backup(
                tr("{problem}.\n\nThe data now is backed up first.").format(problem=exc),
                str(exc),
                on_no=lambda: self.give_up(tr("The database cannot be used"), _nothing_changed(exc)),
            )
        elif isinstance(exc, StoreError):
            self.give_up(tr("The database cannot be opened"), _nothing_changed(exc))
        else:
            return False
        return True

    def _moved_aside(self, exc: BaseException, aside: Path) -> None:
        text = tr("{problem}.\n\nThe damaged file was kept as {path}.").format(problem=exc, path=aside)
        started_anew = tr(
            "{problem}.\n\nThe damaged file was kept as {path}.\n\nA new database was started; the bundled "
            "data set and a default model will be set up again. File ▸ Restore from backup… brings back a backup."
        ).format(problem=exc, path=aside)

        def start_anew() -> None:
            self.reporter.show(tr("The database was damaged"), started_anew, level="warning")
            self.retry()

        self._offer_backup(text, str(exc), on_no=start_anew, moved=aside)

    def _offer_backup(self, text: str, problem: str, on_no: Callable[[], object], moved: Path | None = None) -> None:
        """Ask to restore the newest sound backup (listed in a worker); `on_no` if there
        is none, nobody can answer, the user declines, or none can be restored. The
        restored store remembers `problem` (and where the damaged file was `moved`)."""

        def listed(backups: list) -> None:
            if not backups or not self.reporter.interactive:
                on_no()
                return
            question = tr("Restore the newest backup, {backup}?").format(backup=describe_backup(backups[0]))
            self.reporter.ask(
                tr("Restore a backup?"),
                f"{text}\n\n{question}",
                tr("Restore"),
                tr("Do not restore"),
                on_yes=lambda: self._restore(problem, moved),
                on_no=on_no,
            )

        self._run(jobs.backup_list, listed, tr("Looking for backups…"), writes=False)

    def _restore(self, problem: str, moved: Path | None) -> None:
        def failed(exc: BaseException, _details: str) -> None:
            self.give_up(
                tr("No backup could be restored"), tr("{problem}.\n\nIris Desktop will close.").format(problem=exc)
            )

        self._run(
            jobs.restore_newest,
            lambda _restored: self.retry(),
            tr("Restoring the newest backup…"),
            on_failed=failed,
            args=(problem, moved),
        )

    def _run(self, job, on_finished, status: str, writes: bool = True, on_failed=None, args: tuple = ()) -> None:
        def unexpected(exc: BaseException, details: str) -> None:
            self.reporter.report(exc, details, tr("The database could not be recovered"))
            self.give_up(tr("The database could not be recovered"), f"{exc}")

        self.state.runner.run(
            "start-up",
            job,
            *self.state.paths(),
            *args,
            status=status,
            writes=writes,
            on_finished=on_finished,
            on_failed=on_failed or unexpected,
        )
