"""Every per-user location, and the bundled resources.

Order of precedence for the data folder: `--data-dir` (via `set_data_dir`), then the
IRIS_DESKTOP_DATA_DIR variable, then platformdirs. With an override, models, logs and
config live inside that folder too, so one folder is one whole, portable installation.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from iris_desktop import APP_NAME, ORG_NAME

ENV_VAR = "IRIS_DESKTOP_DATA_DIR"
DB_NAME = "iris.sqlite3"

_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Point every location at `path` (None restores the default)."""
    global _override
    _override = Path(path).expanduser().resolve() if path is not None else None


def _overridden() -> Path | None:
    if _override is not None:
        return _override
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser().resolve() if env else None


def data_dir() -> Path:
    root = _overridden()
    if root is not None:
        return root
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME, roaming=True))


def database_path() -> Path:
    return data_dir() / DB_NAME


def models_dir() -> Path:
    return data_dir() / "models"


def logs_dir() -> Path:
    root = _overridden()
    if root is not None:
        return root / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, ORG_NAME))


def config_dir() -> Path:
    root = _overridden()
    if root is not None:
        return root / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, ORG_NAME, roaming=True))


def resources_dir() -> Path:
    """Bundled resources from a PyInstaller bundle, an installed wheel or a source tree."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "iris_desktop" / "resources")
    package = Path(__file__).resolve().parent
    candidates.append(package / "resources")  # installed wheel
    candidates.append(package.parent / "resources")  # source tree / editable install
    for candidate in candidates:
        if (candidate / "iris.csv").is_file():
            return candidate
    raise FileNotFoundError("bundled resources not found; looked in " + ", ".join(str(c) for c in candidates))


def resource(name: str) -> Path:
    return resources_dir() / name


# ---- files private to the user (POSIX modes; Windows keeps its own ACLs) ---------------------

PRIVATE_FILE = 0o600  # the database (SQLite gives its -wal and -shm the same mode), backups
PRIVATE_FOLDER = 0o700  # the data folder, models/, backups/


def make_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Take away what `mode` does not grant (group's and others' rights) from an existing
    file or folder. Quietly does nothing if it is missing, not ours, or on Windows: a
    mode we cannot change is not a reason to refuse the data."""
    if os.name != "posix":
        return
    try:
        current = os.lstat(path).st_mode & 0o777
        if current & ~mode and not os.path.islink(path):
            os.chmod(path, current & mode)
    except OSError:
        pass


def private_folder(path: Path) -> None:
    """Create `path` (and missing parents) readable by its owner only, or tighten it if it
    exists. OSError if it cannot be created."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    make_private(path, PRIVATE_FOLDER)
