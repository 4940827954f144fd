"""Every per-user location, and the bundled resources.

Order of precedence for the data folder: `--data-dir` (via `set_data_dir`), then the
IRIS_DESKTOP_DATA_DIR variable, then platformdirs (the local profile on Windows, not
the roaming one: see roaming_data_dir). With an override, models, logs and
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
_stay: Path | None = None  # the roaming folder, kept for this run when moving it failed


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Point every location at `path` (None restores the default)."""
    global _override, _stay
    _override = Path(path).expanduser().resolve() if path is not None else None
    _stay = None


def _overridden() -> Path | None:
    if _override is not None:
        return _override
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser().resolve() if env else None


def data_dir() -> Path:
    root = _overridden() or _stay
    if root is not None:
        return root
    return _platform_data_dir(roaming=False)


def _platform_data_dir(roaming: bool) -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME, roaming=roaming))


# ---- the roaming profile (Windows) -------------------------------------------------------
# Versions up to 0.2 kept the data in the roaming profile (%APPDATA%). On managed PCs that
# is a network share, where SQLite's WAL does not work: the data now lives in the local
# one (%LOCALAPPDATA%), and store/relocation.py moves an existing store there once.


def roaming_data_dir() -> Path | None:
    """The roaming data folder when it is not the data folder (Windows without an
    override); None elsewhere (Linux and macOS have one place, and an override wins)."""
    if _overridden() is not None:
        return None
    roaming = _platform_data_dir(roaming=True)
    return roaming if roaming != _platform_data_dir(roaming=False) else None


def stay_in(folder: Path | None) -> None:
    """Keep the data in `folder` for this run (the roaming one, which could not be moved);
    logs and settings stay where they are. None: back to the default."""
    global _stay
    _stay = folder


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

    # Settings (window size, choices) follow the user from PC to PC: that is what roaming
    # is for, and they are a small ini file, not a database.
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
