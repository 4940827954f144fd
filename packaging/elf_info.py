"""What a Linux shared library asks of the system, read from its ELF headers with the
standard library alone (no readelf, no ldd: ldd stops at the first library it cannot
find, and the build machine need not have the ones the bundle leaves to the system).

Used by bundle_trim.py (which libraries are the system's), icu_data.py (where ICU's
data symbol sits) and deb.py (the package's Depends).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
_DT_NEEDED, _DT_STRTAB, _DT_SONAME, _DT_VERNEED, _DT_VERNEEDNUM = 1, 5, 14, 0x6FFFFFFE, 0x6FFFFFFF
_SHT_DYNSYM, _SHT_DYNAMIC = 11, 6
_PT_LOAD = 1


@dataclass
class ElfInfo:
    """The dynamic section of one ELF file: its soname, the sonames it needs, and the
    symbol versions it needs from each (GLIBC_2.28, ...)."""

    soname: str | None = None
    needed: list[str] = field(default_factory=list)
    versions: dict[str, set[str]] = field(default_factory=dict)


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == ELF_MAGIC
    except OSError:
        return False


class _Elf:
    """A 64-bit little-endian ELF file (x86-64, aarch64): the only kind the Linux
    bundle holds. Anything else raises ValueError."""

    def __init__(self, data: bytes):
        if data[:4] != ELF_MAGIC or data[4] != 2 or data[5] != 1:
            raise ValueError("not a 64-bit little-endian ELF file")
        self.data = data
        (self.phoff, self.shoff) = struct.unpack_from("<QQ", data, 0x20)
        (self.phentsize, self.phnum, self.shentsize, self.shnum) = struct.unpack_from("<HHHH", data, 0x36)
        self.sections = [self._section(i) for i in range(self.shnum)]
        self.loads = [self._segment(i) for i in range(self.phnum)]
        self.loads = [s for s in self.loads if s[0] == _PT_LOAD]

    def _section(self, i: int) -> tuple[int, int, int, int, int]:
        """(type, addr, offset, size, link) of section i."""
        at = self.shoff + i * self.shentsize
        kind, _flags, addr, offset, size, link = struct.unpack_from("<IQQQQI", self.data, at + 4)
        return kind, addr, offset, size, link

    def _segment(self, i: int) -> tuple[int, int, int, int]:
        """(type, offset, vaddr, filesz) of program header i."""
        at = self.phoff + i * self.phentsize
        kind, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from("<IIQQQQ", self.data, at)
        return kind, offset, vaddr, filesz

    def file_offset(self, vaddr: int) -> int:
        for _, offset, start, size in self.loads:
            if start <= vaddr < start + size:
                return offset + vaddr - start
        raise ValueError(f"address {vaddr:#x} is in no loaded segment")

    def string(self, table_offset: int, at: int) -> str:
        start = table_offset + at
        return self.data[start : self.data.index(b"\0", start)].decode("ascii", "replace")

    def dynamic(self) -> list[tuple[int, int]]:
        for kind, _addr, offset, size, _link in self.sections:
            if kind == _SHT_DYNAMIC:
                entries = (struct.unpack_from("<qQ", self.data, offset + i) for i in range(0, size, 16))
                return [(tag, value) for tag, value in entries if tag != 0]
        return []


def read(path: Path) -> ElfInfo:
    elf = _Elf(Path(path).read_bytes())
    tags = elf.dynamic()
    info = ElfInfo()
    strtab = next((v for t, v in tags if t == _DT_STRTAB), None)
    if strtab is None:
        return info
    strings = elf.file_offset(strtab)
    for tag, value in tags:
        if tag == _DT_NEEDED:
            info.needed.append(elf.string(strings, value))
        elif tag == _DT_SONAME:
            info.soname = elf.string(strings, value)
    verneed = next((v for t, v in tags if t == _DT_VERNEED), None)
    count = next((v for t, v in tags if t == _DT_VERNEEDNUM), 0)
    at = elf.file_offset(verneed) if verneed else 0
    for _ in range(count):  # Elf64_Verneed, each followed by its Elf64_Vernaux entries
        _version, cnt, file_name, aux, next_need = struct.unpack_from("<HHIII", elf.data, at)
        names = info.versions.setdefault(elf.string(strings, file_name), set())
        aux_at = at + aux
        for _ in range(cnt):
            _hash, _flags, _other, name, next_aux = struct.unpack_from("<IHHII", elf.data, aux_at)
            names.add(elf.string(strings, name))
            aux_at += next_aux
        at += next_need
    return info


def symbol_bytes(path: Path, name: str) -> tuple[int, int]:
    """(file offset, size) of the exported data symbol `name` (ICU's icudt73_dat)."""
    elf = _Elf(Path(path).read_bytes())
    for kind, _addr, offset, size, link in elf.sections:
        if kind != _SHT_DYNSYM:
            continue
        names = elf.sections[link][2]
        for at in range(offset, offset + size, 24):  # Elf64_Sym
            st_name, _info, _other, _shndx, value, sym_size = struct.unpack_from("<IBBHQQ", elf.data, at)
            if st_name and elf.string(names, st_name) == name:
                return elf.file_offset(value), sym_size
    raise ValueError(f"{path.name} exports no symbol {name}")


def glibc_version(infos: list[ElfInfo]) -> tuple[int, ...]:
    """The newest GLIBC_x.y any of them needs (the oldest system that can run them)."""
    found = [(2, 17)]
    for info in infos:
        for names in info.versions.values():
            for name in names:
                if m := re.fullmatch(r"GLIBC_(\d+(?:\.\d+)+)", name):
                    found.append(tuple(int(n) for n in m.group(1).split(".")))
    return max(found)
