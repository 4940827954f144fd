"""Reading a backup archive as hostile input: a zip may come from anywhere (a mail, a
download, a hand edit), so nothing in it is believed until checked, and nothing is read
whole into memory.

What an archive may hold is what `backups.write_archive` writes: manifest.json,
iris.sqlite3 and models/<name>.skops (or .joblib, the format before 0.2), each a plain
file stored or deflated, once. Everything else is refused before a byte is unpacked:
names that could leave the folder (absolute, `..`, backslashes), links, folders,
duplicates, encrypted members, other compressions, too many members, a member over its
cap, a compression ratio that only a zip bomb has. Members are then copied in chunks
with a running count, so a header that lies about a size cannot make us write more.
A bare SQLite file (a backup of a version before archives) is accepted too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from iris_desktop.store.errors import StoreError

DB_MEMBER = "iris.sqlite3"
MANIFEST = "manifest.json"
MODELS = "models/"
SKOPS, LEGACY = ".skops", ".joblib"  # model files now; pickles of versions before 0.2 (never unpacked)
REASONS = {"daily": "daily", "migration": "before an update", "restore": "before a restore", "manual": "made by hand"}
SQLITE_HEADER = b"SQLite format 3\x00"
NOTHING_CHANGED = "nothing was changed"

# ---- caps -------------------------------------------------------------------------------
# A model file: the largest realistic one (a 500-tree forest on 10,000 rows) is ~40 MB of
# arrays before skops deflates them; the loader refuses files over 128 MiB uncompressed.
MAX_MODEL_BYTES = 64 << 20
# The database: 96.5 bytes per flower (measured: 200,000 imported flowers make 18.4 MB),
# so 2 GiB is ~22 million flowers: 100 times the 200,000 the app is benchmarked at, and
# four imports of the CSV reader's largest file (200 MB, ~5 million rows). Past it, the
# copy and its quick_check take minutes, and it is no database this app wrote.
MAX_DATABASE_BYTES = 2 << 30
MAX_MANIFEST_BYTES = 64 << 10  # ours are ~250 bytes
# Model files: one per trained version. A user who trains 10 models a day for two years
# has 7,300; the test suite's largest store has tens.
MAX_MODELS = 10_000
MAX_MEMBERS = MAX_MODELS + 2  # + manifest and database
# The zip's central directory is read whole by zipfile: checked first, from its end record.
# 46 bytes a member plus its name (ours are < 80) and a zip64 extra field.
MAX_DIRECTORY_BYTES = MAX_MEMBERS * 160
# Deflate's best ratio at level 1 (every archive we ever wrote: compresslevel=1) is 229:1,
# for all zeros (measured on 64 MiB); a bomb made at level 9 reaches 1,029:1. Members (and
# archives) under RATIO_FLOOR are not held to it: they can expand to little anyway.
MAX_RATIO = 250
RATIO_FLOOR = 1 << 20
CHUNK = 1 << 20

# Names we write: a letter or digit first (no hidden or temporary names), then a short
# run of letters, digits, `_`, `.` and `-`: never a folder, never `..`.
MODEL_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}\.(?:skops|joblib)")
_REASON = re.compile(r"[a-z_]{1,20}")
_INSTALLATION_ID = re.compile(r"[0-9a-f]{32}")
_END = struct.Struct("<4s4H2LH")  # the zip's end of central directory record
_END_SIGNATURE, _ZIP64_LOCATOR, _ZIP64_END = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06"


class BackupError(StoreError):
    """A backup cannot be made or restored; the message says why."""


@dataclass(frozen=True)
class Backup:
    path: Path
    created: dt.datetime
    reason: str  # a key of REASONS
    flowers: int
    models: int
    schema_version: int
    installation_id: str | None = None  # who wrote it (None: a version before 0.2)

    def describe(self) -> str:
        return (
            f"{self.created:%Y-%m-%d %H:%M} ({REASONS.get(self.reason, self.reason)}): "
            f"{self.flowers} flowers, {self.models} model{'s' * (self.models != 1)}"
        )


def shown(value: object, limit: int = 300) -> str:
    """`value` as one printable line: a name with a newline or escape codes is quoted."""
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return text if text.isprintable() else repr(text)


def refused(source: Path, member: str, why: str) -> BackupError:
    """The one-line refusal naming the archive and the member."""
    return BackupError(f"{shown(source)} cannot be restored: {shown(repr(member), 120)} {why}; {NOTHING_CHANGED}")


def not_a_backup(source: Path, why: str) -> BackupError:
    return BackupError(f"{shown(source)} is not an Iris Desktop backup ({shown(why, 160)}); {NOTHING_CHANGED}")


@dataclass
class Archive:
    """An open backup whose members passed every check that needs no unpacking."""

    source: Path
    file: IO[bytes]
    size: int  # of the file
    zip: zipfile.ZipFile | None  # None: a bare SQLite file
    backup: Backup | None = None
    database: zipfile.ZipInfo | None = None
    models: dict[str, zipfile.ZipInfo] = field(default_factory=dict)  # file name in models/ -> member

    @property
    def database_name(self) -> str:
        """How refusals name the database: its member, or the bare file."""
        return DB_MEMBER if self.zip is not None else self.source.name

    @property
    def database_bytes(self) -> int:
        return self.database.file_size if self.database is not None else self.size

    def extract_database(self, dest: Path) -> None:
        """Copy the database to `dest` (at most its declared size and its cap)."""
        with open(dest, "wb") as out:
            if self.zip is None or self.database is None:
                self.file.seek(0)
                self._copy(self.file, out, DB_MEMBER, MAX_DATABASE_BYTES)
            else:
                with self._open(self.database) as src:
                    self._copy(src, out, DB_MEMBER, min(MAX_DATABASE_BYTES, self.database.file_size))

    def extract_model(self, name: str, out: IO[bytes]) -> str:
        """Copy the model file `name` (a .skops member) to `out`; its SHA-256."""
        info = self.models[name]
        with self._open(info) as src:
            digest, head = self._copy(src, out, info.filename, min(MAX_MODEL_BYTES, info.file_size))
        if head[:4] != b"PK\x03\x04":  # a skops file is a zip; anything else is not ours
            raise refused(self.source, info.filename, "is not a skops model file")
        return digest

    def _open(self, info: zipfile.ZipInfo) -> IO[bytes]:
        assert self.zip is not None
        try:
            return self.zip.open(info)
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, RuntimeError, NotImplementedError) as exc:
            raise refused(self.source, info.filename, f"cannot be read ({exc})") from exc

    def _copy(self, src: IO[bytes], dst: IO[bytes], member: str, limit: int) -> tuple[str, bytes]:
        """Copy in chunks, stopping as soon as more than `limit` bytes come (whatever the
        header said); (SHA-256, first bytes)."""
        digest, head, total = hashlib.sha256(), b"", 0
        while True:
            try:
                chunk = src.read(CHUNK)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
                raise refused(self.source, member, f"is damaged ({exc})") from exc
            if not chunk:
                return digest.hexdigest(), head
            total += len(chunk)
            if total > limit:
                raise refused(self.source, member, f"unpacks to more than the {limit:,} bytes it may hold")
            if len(head) < 16:
                head += chunk[:16]
            digest.update(chunk)
            dst.write(chunk)


@contextlib.contextmanager
def open_archive(source: Path) -> Iterator[Archive]:
    """Open and check the backup at `source` (an archive, or a bare SQLite file); the
    members' contents are checked as they are unpacked (Archive.extract_*)."""
    file = _open_file(source)
    with file:
        archive = _checked(source, file)
        try:
            yield archive
        finally:
            if archive.zip is not None:
                archive.zip.close()


def read_manifest(path: Path) -> Backup:
    """What an archive says of itself (BackupError if it is not one of ours)."""
    with open_archive(path) as archive:
        if archive.backup is None:
            raise not_a_backup(path, "a bare database file, not an archive")
        return archive.backup


def _open_file(source: Path) -> IO[bytes]:
    """A regular file, opened once (no FIFO to block on, no device to read forever)."""
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise BackupError(f"cannot read {shown(source)}: {exc.strerror or exc}; {NOTHING_CHANGED}") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise not_a_backup(source, "not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _checked(source: Path, file: IO[bytes]) -> Archive:
    size = os.fstat(file.fileno()).st_size
    try:
        head = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BackupError(f"cannot read {shown(source)}: {exc.strerror or exc}; {NOTHING_CHANGED}") from exc
    if head == SQLITE_HEADER:
        if size > MAX_DATABASE_BYTES:
            raise refused(source, source.name, f"is a database of {size:,} bytes, over the {MAX_DATABASE_BYTES:,} cap")
        return Archive(source, file, size, None)
    _check_directory(source, file, size)
    try:
        file.seek(0)
        opened = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error) as exc:
        raise not_a_backup(source, str(exc)) from exc
    try:
        archive = Archive(source, file, size, opened)
        _check_members(archive, opened.infolist())
        manifest = opened.getinfo(MANIFEST)
        with archive._open(manifest) as src:
            try:
                data = src.read(MAX_MANIFEST_BYTES + 1)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
                raise refused(source, MANIFEST, f"is damaged ({exc})") from exc
        archive.backup = _manifest(source, data)
        return archive
    except BaseException:
        opened.close()
        raise


def _check_directory(source: Path, file: IO[bytes], size: int) -> None:
    """The member count and directory size from the zip's end record, before zipfile
    reads the directory whole (a small file can announce millions of members)."""
    tail_size = min(size, _END.size + 0xFFFF + 20)
    try:
        file.seek(size - tail_size)
        tail = file.read(tail_size)
        at = (
            len(tail) - _END.size if tail[-_END.size : -_END.size + 4] == _END_SIGNATURE else tail.rfind(_END_SIGNATURE)
        )
        if at < 0 or at + _END.size > len(tail):
            raise not_a_backup(source, "not a zip archive")
        _sig, _disk, _start, _here, members, directory, offset, _comment = _END.unpack_from(tail, at)
        zip64 = members == 0xFFFF or directory == 0xFFFFFFFF or offset == 0xFFFFFFFF
        if zip64 and at >= 20 and tail[at - 20 : at - 16] == _ZIP64_LOCATOR:
            file.seek(struct.unpack_from("<Q", tail, at - 12)[0])
            record = file.read(56)
            if record[:4] == _ZIP64_END:
                members, directory = struct.unpack_from("<2Q", record, 32)
    except (OSError, ValueError, OverflowError, struct.error) as exc:
        raise not_a_backup(source, str(exc)) from exc
    if members > MAX_MEMBERS or directory > MAX_DIRECTORY_BYTES:
        raise not_a_backup(source, f"it announces {members:,} members, a backup holds at most {MAX_MEMBERS:,}")


def _check_members(archive: Archive, infos: list[zipfile.ZipInfo]) -> None:
    source = archive.source
    if len(infos) > MAX_MEMBERS:
        raise not_a_backup(source, f"it holds {len(infos):,} members, a backup holds at most {MAX_MEMBERS:,}")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.orig_filename  # before zipfile cuts it at a NUL
        why = _name_problem(name) or _kind_problem(info)
        if why is None and name.casefold() in seen:
            why = "is in the archive twice"
        if why is not None:
            raise refused(source, name, why)
        seen.add(name.casefold())
        cap = _cap(name)
        if cap is None:
            raise refused(source, name, "is not a file Iris Desktop writes in a backup")
        if info.file_size > cap:
            raise refused(source, name, f"unpacks to {info.file_size:,} bytes, over the {cap:,} a backup may hold")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * info.compress_size:
            ratio = info.file_size / max(1, info.compress_size)
            raise refused(source, name, f"is compressed {ratio:,.0f} to 1 (a zip bomb?); ours are at most {MAX_RATIO}")
        total += info.file_size
        if name == DB_MEMBER:
            archive.database = info
        elif name.startswith(MODELS):
            archive.models[name[len(MODELS) :]] = info
    for needed in (MANIFEST, DB_MEMBER):
        if needed.casefold() not in seen:
            raise not_a_backup(source, f"no {needed}")
    if total > RATIO_FLOOR and total > MAX_RATIO * archive.size:
        largest = max(infos, key=lambda i: i.file_size)
        raise refused(
            source,
            largest.filename,
            f"and the other members unpack to {total:,} bytes from an archive of {archive.size:,} (a zip bomb?)",
        )


def _name_problem(name: str) -> str | None:
    if not name or not name.isprintable():
        return "has a name with control characters"
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return "has an absolute path"
    if "\\" in name:
        return "has a backslash in its name"
    if ".." in name.split("/"):
        return "points outside the archive (..)"
    return None


def _kind_problem(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    if info.is_dir() or stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISLNK(mode):
        return "is a symbolic link"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
        return "is not a plain file"
    if info.flag_bits & 0x41:  # encrypted (0x01), strongly encrypted (0x40)
        return "is encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"is compressed with method {info.compress_type} (ours are stored or deflated)"
    return None


def _cap(name: str) -> int | None:
    """The most a member may unpack to; None for a name we never write."""
    if name == MANIFEST:
        return MAX_MANIFEST_BYTES
    if name == DB_MEMBER:
        return MAX_DATABASE_BYTES
    if name.startswith(MODELS) and MODEL_NAME.fullmatch(name[len(MODELS) :]):
        return MAX_MODEL_BYTES
    return None


def _manifest(source: Path, data: bytes) -> Backup:
    if len(data) > MAX_MANIFEST_BYTES:
        raise refused(source, MANIFEST, "is larger than a manifest")
    try:
        info = json.loads(data)
        if not isinstance(info, dict):
            raise ValueError("not an object")
        reason, ident = info["reason"], info.get("installation_id")
        if not isinstance(reason, str) or not _REASON.fullmatch(reason):
            raise ValueError("a reason Iris Desktop never writes")
        if ident is not None and not (isinstance(ident, str) and _INSTALLATION_ID.fullmatch(ident)):
            raise ValueError("an installation id Iris Desktop never writes")
        created = info["created"]
        if not isinstance(created, str):
            raise ValueError("a creation time that is not a date")
        return Backup(
            source,
            dt.datetime.fromisoformat(created),
            reason,
            _count(info, "flowers"),
            _count(info, "models"),
            _count(info, "schema_version"),
            ident,
        )
    except KeyError as exc:
        raise not_a_backup(source, f"its manifest lacks {exc}") from exc
    except (ValueError, TypeError, RecursionError) as exc:
        raise not_a_backup(source, f"its manifest: {exc}") from exc


def _count(info: dict[str, Any], key: str) -> int:
    value = info[key]
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        raise ValueError(f"a {key} count Iris Desktop never writes")
    return value
