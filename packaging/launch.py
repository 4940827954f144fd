"""Entry point of the PyInstaller bundle: the same as `python -m iris_desktop`."""

import multiprocessing
import os

if __name__ == "__main__":
    # A frozen app's child process is this same executable: freeze_support() must run
    # first so that a child does its work and exits instead of opening another app.
    multiprocessing.freeze_support()
    # And no library should start one: joblib (scikit-learn's parallelism) then runs
    # every "parallel" job in this process.
    os.environ.setdefault("JOBLIB_MULTIPROCESSING", "0")

    from iris_desktop.cli import entry

    entry()
