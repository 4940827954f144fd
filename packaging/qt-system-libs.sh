#!/usr/bin/env bash
# Make sure Qt's offscreen platform can start. PySide6 wheels bring Qt itself but, on
# Linux, rely on a few system libraries (EGL, fontconfig, xkbcommon, dbus). On a machine
# that lacks them, install them when we can (root + apt-get); otherwise say what is
# missing. Elsewhere (macOS; Windows runs packaging/tasks.py, which calls this on Linux
# only) the wheels are complete: there is nothing to install.
set -u
PY=${PY:-.venv/bin/python}
[ -x "$PY" ] || PY=.venv/Scripts/python.exe
check() {
  QT_QPA_PLATFORM=offscreen "$PY" -c \
    "from PySide6.QtWidgets import QApplication; QApplication(['x'])" >/dev/null 2>&1
}
check && exit 0
if [ "$(uname -s)" != Linux ]; then
  echo "Qt cannot start offscreen on $(uname -s); PySide6's wheel needs no system package here: reinstall it (.venv)" >&2
  exit 1
fi
libs="libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing the system libraries Qt needs: $libs"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $libs >/dev/null
  check && exit 0
fi
echo "Qt cannot start offscreen; install these system packages: $libs" >&2
exit 1
