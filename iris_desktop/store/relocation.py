"""The one-time move of a store out of the Windows roaming profile (where versions up
to 0.2 kept it) into the local one (paths.py says why).

The old folder is the backup: it is copied, never changed, then renamed
`<name>.moved-<time>` so that nothing uses it again; the user may delete it. The
database is copied with SQLite's backup API (consistent, its WAL included) and appears
in the new folder last, under its name, only if no other process put one there first
(a link or rename that never replaces): whoever starts first moves, the others use it.
A move that fails leaves nothing in the new folder; this run keeps the old one.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from iris_desktop import paths
from iris_desktop.paths import DB_NAME, make_private, private_folder
from iris_desktop.store.files import BACKUPS

FOLDERS = ("models", BACKUPS)  # what lives beside the database and moves with it


@dataclass(frozen=True)
class Moved:
    old: Path  # where the store was (renamed to `kept` if it could be)
    new: Path
    kept: Path | None  # the old folder's new name; None if it could not be renamed

    def message(self) -> str:
        where = f"kept as {self.kept}" if self.kept else f"left in {self.old} (it could not be renamed)"
        return f"the data moved from {self.old} to {self.new}; the old folder is {where}: delete it when you wish"


def needs_moving(old: Path, new: Path) -> bool:
    return (old / DB_NAME).is_file() and not (new / DB_NAME).exists()


def move_store(old: Path, new: Path) -> Moved | None:
    """Move the store in `old` to `new` if `old` has a database and `new` has none
    (None: nothing to move, or another process moved it meanwhile). OSError or
    sqlite3.Error if it cannot be copied; then `new` holds none of it."""
    if not needs_moving(old, new):
        return None
    private_folder(new)
    temp = new / f".moving-{os.getpid()}-{DB_NAME}"
    copied: list[Path] = []
    try:
        for name in FOLDERS:
            if (old / name).is_dir():
                _copy_missing(old / name, new / name, copied)
        _copy_database(old / DB_NAME, temp)
        if not _place(temp, new / DB_NAME):
            return None  # another process was first: its copy is the same store
    except BaseException:
        temp.unlink(missing_ok=True)
        if not (new / DB_NAME).exists():
            for path in reversed(copied):
                path.unlink(missing_ok=True)
        raise
    kept = old.with_name(f"{old.name}.moved-{dt.datetime.now():%Y%m%d-%H%M%S}")
    try:
        os.rename(old, kept)
    except OSError:  # open in another program (Windows): it stays, unused
        return Moved(old, new, None)
    return Moved(old, new, kept)


def _copy_missing(source: Path, target: Path, copied: list[Path]) -> None:
    """Copy the files under `source` that `target` lacks (folders private, files under a
    temporary name first, so a file is either whole or absent)."""
    private_folder(target)
    for entry in source.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            _copy_missing(entry, target / entry.name, copied)
        elif entry.is_file() and not (target / entry.name).exists():
            temp = target / f".moving-{os.getpid()}-{entry.name}"
            shutil.copyfile(entry, temp)
            make_private(temp)
            if _place(temp, target / entry.name):
                copied.append(target / entry.name)


def _copy_database(source: Path, target: Path) -> None:
    with sqlite3.connect(target) as into:
        make_private(target)
        old = sqlite3.connect(source)
        try:
            old.backup(into)
        finally:
            old.close()
    into.close()


def _place(temp: Path, final: Path) -> bool:
    """Give `temp` its final name unless that exists (then `temp` is removed): a hard link
    never replaces, nor does a rename on Windows. False if `final` was there."""
    try:
        if os.name == "nt":
            os.rename(temp, final)
            return True
        os.link(temp, final)
    except FileExistsError:
        temp.unlink(missing_ok=True)
        return False
    temp.unlink()
    return True


def move_from_roaming() -> str | None:
    """Move the store out of the roaming profile if it is still there (Windows, no
    override); what to tell the user, or None. If it cannot be moved, this run keeps
    the data where it is (paths.stay_in) and tries again next time."""
    old = paths.roaming_data_dir()
    new = paths.data_dir()
    if old is None or not needs_moving(old, new):
        return None
    try:
        moved = move_store(old, new)
    except (OSError, sqlite3.Error) as exc:
        paths.stay_in(old)
        return f"the data in {old} could not be moved to {new} ({exc}); it is used where it is for now"
    return moved.message() if moved else None
