"""A smaller ICU data library for the Linux bundle (31 MiB -> ~3 MiB).

PySide6's Qt links ICU, whose data library (libicudata.so.NN, one exported symbol
icudtNN_dat holding an ICU "common data" package) carries every locale's names,
calendars, currencies and units, 200 legacy converters, break-iterator dictionaries and
transliterators. Qt itself keeps its own CLDR locale data, text boundaries, IDNA and
UTF/Latin-1 codecs; it asks ICU only for collation (QCollator, the non-native file
dialog's sorting), locale-aware case mapping, time-zone display names and codecs other
than UTF/Latin-1, none of which the app needs beyond the root and English data. ICU falls
back to the root locale for anything missing, and an unknown codec is refused cleanly.

The data package's format is ICU's (common/ucmndata.h): a header, then a table of
contents (count, then (name offset, data offset) pairs, names sorted, offsets from the
table's start), then the items, 16-byte aligned. Items are dropped by name; the rest is
rewritten in order, then assembled into a shared library with the same soname and symbol
by the C compiler (`cc`, with .incbin). Without a compiler the original is kept.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import elf_info

# Whole trees Qt never reads: display names of units, currencies, languages and regions;
# number spell-out rules; transliteration; break iterators (Qt breaks text itself).
DROPPED_TREES = {"unit", "curr", "lang", "region", "rbnf", "translit", "brkitr"}
# A locale's own file: "de.res", "sr_Latn_BA.res", "ca_ES_VALENCIA.res" (never "root",
# "pool", "res_index" or the supplemental tables, which are not language codes).
_LOCALE_FILE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]+)*\.res")


def keep_item(name: str) -> bool:
    """Whether the item called `name` ('icudt73l/coll/de.res') stays."""
    parts = name.split("/")[1:]  # without the package folder 'icudt73l'
    if len(parts) > 1 and parts[0] in DROPPED_TREES:
        return False
    file = parts[-1]
    if file.endswith(".cnv"):  # legacy converters: Qt decodes UTF-8/16/32 and Latin-1 itself
        return False
    if file in ("unames.icu",):  # Unicode character names: nobody asks for them
        return False
    if _LOCALE_FILE.fullmatch(file) and file != "res_index.res":
        return file.startswith("en") and (len(file) == 6 or file[2] == "_")  # en.res, en_GB.res
    return True


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item bytes)]) of an ICU common data package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        name = blob[toc + name_at : blob.index(b"\0", toc + name_at)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(blob) - toc
        items.append((name, blob[toc + data_at : toc + end]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package again: same header, the items' names, then the items 16-byte aligned."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table = 4 + 8 * len(items)
    data_at = _align(table + len(names))
    toc = bytearray(struct.pack("<I", len(items)))
    body = bytearray()
    name_at = table
    for name, data in items:
        toc += struct.pack("<II", name_at, data_at + len(body))
        name_at += len(name) + 1
        body += data + b"\0" * (_align(len(data)) - len(data))
    out = bytearray(header) + toc + names
    out += b"\0" * (len(header) + data_at - len(out))
    return bytes(out + body)


def _align(n: int) -> int:
    return (n + 15) & ~15


def trimmed_library(original: Path, work: Path) -> Path | None:
    """A copy of `original` (libicudata.so.NN) holding only the kept items, built in
    `work`; None when there is no C compiler (the original is then bundled as it is)."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    soname = elf_info.read(original).soname or original.name
    symbol = f"icudt{soname.split('.so.')[-1].split('.')[0]}_dat"
    if compiler is None:
        print(f"icu_data: no C compiler: {original.name} is bundled whole")
        return None
    target = work / "icu" / original.name
    if target.exists() and target.stat().st_mtime >= original.stat().st_mtime:
        return target
    offset, size = elf_info.symbol_bytes(original, symbol)
    header, items = read_package(original.read_bytes()[offset : offset + size])
    kept = [(name, data) for name, data in items if keep_item(name)]
    target.parent.mkdir(parents=True, exist_ok=True)
    package = target.parent / f"{symbol}.dat"
    package.write_bytes(write_package(header, kept))
    source = target.parent / f"{symbol}.S"
    source.write_text(
        f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n.incbin "{package.name}"\n'
        f".size {symbol}, .-{symbol}\n"
        '.section .note.GNU-stack,"",@progbits\n'
    )
    partial = target.with_suffix(".part")
    subprocess.run(
        [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(partial), source.name],
        cwd=target.parent,
        check=True,
    )
    partial.replace(target)
    print(
        f"icu_data: {original.name} {size / 2**20:.1f} MiB -> {package.stat().st_size / 2**20:.1f} MiB "
        f"({len(kept)} of {len(items)} items)"
    )
    return target
