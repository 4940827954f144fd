"""After the store could not be used: the newest sound backup brought back (recorded as
a restore run) and the recovery remembered in the restored store until the user has
seen it (store/recovery_notes.py). The command line (`cli/main.py`) and the app (its
recovery dialog's restore) call this alike."""

from __future__ import annotations

from pathlib import Path

from iris_desktop.pipelines.runs import current_trigger, recorded_restore
from iris_desktop.store import Store, StoreError, backups, recovery_notes
from iris_desktop.store.backups import Restored


def restore_newest_after(problem: str, db: Path, models: Path, moved: Path | None = None) -> tuple[Restored, str]:
    """Restore the newest sound backup because the store could not be used (`problem`;
    the damaged file was moved to `moved`, if it was): recorded as a restore run, and
    noted in the restored store. Returns what was restored and the note's text.
    BackupError (recorded as a failed restore where a database remains) if none can be."""
    with recorded_restore(db, models) as run:
        restored, _skipped = backups.restore_newest(db, models)
        what = restored.backup.describe() if restored.backup else "the database file"
        kept = f"it was moved to {moved}" if moved else "it was saved before the restore"
        if restored.saved_as:
            kept = f"it was saved as {restored.saved_as.name}"
        run.message = f"{problem}; {kept}; the newest sound backup was restored ({what})"
    try:
        with Store.open(db, models) as store:
            recovery_notes.record_note(store, run.message, str(moved) if moved else None, current_trigger(), run=False)
    except StoreError:
        pass  # the restored store cannot be opened or written: the next command says why
    return restored, run.message
