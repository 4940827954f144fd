"""One running app per data folder: a second launch hands over to the first and exits.

A QLockFile in the data folder says who runs (a stale lock from a crash is detected by
Qt from the dead PID and taken over); a QLocalServer named after the folder receives
"raise your window" from later launches.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

# QtNetwork is imported only when needed: listening starts after the first paint.

_MESSAGE = b"activate\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"iris-desktop-{digest}"


class SingleInstance(QObject):
    activationRequested = Signal()

    def __init__(self, data_dir: Path):
        super().__init__()
        data_dir.mkdir(parents=True, exist_ok=True)
        self.name = server_name(data_dir)
        self.lock = QLockFile(str(data_dir / "iris-desktop.lock"))
        self.lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never age
        self.server: QLocalServer | None = None  # once listening

    def acquire(self) -> bool:
        """True if this process is now the one instance (then call `listen`)."""
        return self.lock.tryLock(200)

    def listen(self) -> None:
        """Accept "come to the front" requests from later launches."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)  # a socket file left by a crash
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(self.name)

    def _on_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # A bound slot, not a lambda holding `self`: such a lambda, owned by the
            # socket's connection, could hold the last reference to this object, and the
            # socket's own deletion would then delete its parent's parent under it (a crash).
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)

    def _read(self) -> None:
        socket = cast("QLocalSocket | None", self.sender())  # connected to sockets' readyRead only
        if socket is not None and bytes(socket.readAll().data()).startswith(_MESSAGE.strip()):
            self.activationRequested.emit()

    def hand_over(self, timeout_ms: int = 3000) -> bool:
        """Ask the running instance to come to the front; True if it answered. Retries
        for a while: the first instance starts listening only after its first paint."""
        import time

        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                socket.write(_MESSAGE)
                socket.waitForBytesWritten(timeout_ms)
                socket.disconnectFromServer()
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()
