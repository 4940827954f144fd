"""The files beside the database: the data folder, models/ and backups/, private to the
user (POSIX modes), and what a killed process leaves behind."""

from __future__ import annotations

import os
import time
from pathlib import Path

from iris_desktop.paths import PRIVATE_FILE, PRIVATE_FOLDER, make_private, private_folder
from iris_desktop.store.errors import StoreError
from iris_desktop.store.recovery import SIDE_FILES

BACKUPS = "backups"  # the automatic backups' folder, beside the database


def ensure_folder(folder: Path) -> None:
    """Create the data folder if needed (readable by its owner only: it holds what the
    user imported; a looser existing one is tightened); StoreError if it cannot hold our files."""
    try:
        private_folder(folder)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {folder}: {exc.strerror}") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"the data folder {folder} is not writable")


def make_store_private(path: Path, models: Path) -> None:
    """The database file is created 0600 before SQLite opens it (SQLite would make it 0644,
    and it gives the -wal and -shm it creates the database file's mode); models/ is
    created 0700; what exists looser (files of an older version) is tightened. Never
    fails: a file we cannot change stays as it is."""
    if os.name != "posix":
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except OSError:
        pass  # there already (or the folder is read-only: opening it says so)
    for name in (str(path), *(str(path) + s for s in SIDE_FILES)):
        make_private(Path(name), PRIVATE_FILE)
    try:
        private_folder(models)
    except OSError:
        pass  # a read-only data folder: writing a model says why
    backups = path.parent / BACKUPS
    make_private(backups, PRIVATE_FOLDER)
    try:
        names = os.listdir(backups)
    except OSError:
        return
    for name in names:
        if name.endswith(".zip"):
            make_private(backups / name, PRIVATE_FILE)


ORPHAN_AGE_S = 3600  # a model file still being written is minutes old at most


def remove_orphaned_temp_files(models: Path) -> None:
    """A process killed while writing a model leaves a `.tmp-*` file: remove those old
    enough that no process can still be writing them."""
    try:
        for leftover in models.glob(".tmp-*"):
            if time.time() - leftover.stat().st_mtime > ORPHAN_AGE_S:
                leftover.unlink(missing_ok=True)
    except OSError:
        pass  # a folder we cannot tidy is not a reason to refuse to open
