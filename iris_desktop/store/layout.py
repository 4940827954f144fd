"""The data folder as the store finds it, checked before SQLite touches the file, for
every command and the app alike:

- `models/` and `backups/` must be folders we can write in (a file in their place was
  found only by the first command that wrote a model);
- a zero-length database file is a damaged store (CorruptDatabaseError: moved aside and
  the newest backup restored), not a first run, when the folder shows earlier use;
- a new database is made whole under a temporary name and linked into place, so a
  zero-length file is never a step of ours that another process could see;
- a database missing from a folder that shows earlier use is started anew, with a
  recovery note (store/recovery_notes.py) naming the newest backup and how to restore it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from pathlib import Path

from iris_desktop.paths import PRIVATE_FILE
from iris_desktop.store.errors import CorruptDatabaseError, StoreError
from iris_desktop.store.files import BACKUPS
from iris_desktop.store.recovery import SIDE_FILES, is_empty

SQLITE_HEADER = b"SQLite format 3\x00"


def check_folders(path: Path, models: Path) -> None:
    """StoreError if models/ or backups/ is there but is not a folder we can write in."""
    for folder, what in ((models, "model files"), (path.parent / BACKUPS, "backups")):
        if not os.path.lexists(folder):
            continue
        if not folder.is_dir():
            raise StoreError(
                f"{folder} is not a folder, but Iris Desktop keeps its {what} there: move that file away, "
                "then run the command again"
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(f"the folder {folder} is not writable, but Iris Desktop keeps its {what} there")


def earlier_use(path: Path, models: Path) -> str | None:
    """What in the folder shows an earlier store (a backup, a model file, a damaged file
    moved aside), in words; None in a folder never used."""
    aside = sorted(p for p in path.parent.glob(f"{path.name}.damaged-*") if not p.name.endswith(SIDE_FILES))
    if aside:
        return f"a damaged database was moved aside as {aside[-1].name}"
    newest = newest_backup(path)
    if newest is not None:
        return f"the backups folder holds {newest.name}"
    try:
        model = next((m for m in sorted(models.iterdir()) if not m.name.startswith(".")), None)
    except OSError:
        model = None
    if model is not None:
        return f"the models folder holds {model.name}"
    return None


def newest_backup(path: Path) -> Path | None:
    """The newest archive in the backups folder, by name (names start with the time)."""
    try:
        names = sorted(n for n in os.listdir(path.parent / BACKUPS) if n.endswith(".zip"))
    except OSError:
        return None
    return path.parent / BACKUPS / names[-1] if names else None


def check_database_file(path: Path, models: Path) -> None:
    """CorruptDatabaseError for a zero-length file in a folder that shows earlier use
    (one in a folder never used is a first run that died before its first write)."""
    if not is_empty(path):
        return
    sign = earlier_use(path, models)
    if sign is not None:
        raise CorruptDatabaseError(f"{path} is empty (0 bytes), yet {sign}: it is not a new database")


def create_whole(path: Path, models: Path) -> str | None:
    """Make a new, empty database at `path` if there is none: written under a temporary
    name, then linked into place (another process making it at the same moment wins, and
    ours is dropped). Returns why the folder shows earlier use (None: a first use)."""
    if os.path.lexists(path):
        return None
    sign = earlier_use(path, models)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    temp = Path(name)
    try:
        conn = sqlite3.connect(temp)  # (mkstemp made it 0600)
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # writes the header: never zero-length
        finally:
            conn.close()
        try:
            os.link(temp, path)
        except FileExistsError:
            return None  # another process made it first: theirs is the store
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            try:  # a file system without hard links: the new file is still whole when named
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
            except FileExistsError:
                return None
            os.replace(temp, path)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"cannot create the database {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    finally:
        for leftover in (str(temp), *(str(temp) + s for s in SIDE_FILES)):
            Path(leftover).unlink(missing_ok=True)
    return sign
