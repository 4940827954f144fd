"""Entry point of the PyInstaller bundle: the same as `python -m iris_desktop`."""
import sys

from iris_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
