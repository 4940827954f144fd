"""The packaging scripts' own logic, fast and without a bundle: reading ELF headers, the
smaller ICU data package, Debian's library package names, the metainfo's releases."""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from iris_desktop import APP_ID, __version__
from tests.packaging.helpers import ROOT, packaging_module

elf_info = packaging_module("elf_info")
icu_data = packaging_module("icu_data")
deb_depends = packaging_module("deb_depends")
LINUX = sys.platform.startswith("linux")


@pytest.mark.skipif(not LINUX, reason="reads Qt's ELF files")
def test_elf_info_reads_what_a_library_needs_and_its_symbols():
    from PySide6 import QtCore

    qt_lib = Path(QtCore.__file__).parent / "Qt" / "lib"
    binding = elf_info.read(Path(QtCore.__file__))
    assert "libQt6Core.so.6" in binding.needed
    core = elf_info.read(qt_lib / "libQt6Core.so.6")
    assert core.soname == "libQt6Core.so.6" and "libc.so.6" in core.needed
    assert (2, 17) <= elf_info.glibc_version([core]) < (3, 0)
    icu = next(qt_lib.glob("libicudata.so.*"))
    offset, size = elf_info.symbol_bytes(icu, f"icudt{icu.name.split('.so.')[1]}_dat")
    assert icu.read_bytes()[offset + 12 : offset + 16] == b"CmnD" and size > 1000
    assert elf_info.is_elf(icu) and not elf_info.is_elf(Path(__file__))


def test_elf_info_refuses_what_is_not_a_64_bit_elf(tmp_path):
    other = tmp_path / "x.so"
    other.write_bytes(b"\x7fELF\x01\x01" + bytes(100))  # 32-bit
    with pytest.raises(ValueError, match="64-bit"):
        elf_info.read(other)


def test_the_newest_glibc_any_file_needs_is_the_package_floor():
    infos = [elf_info.ElfInfo(versions={"libc.so.6": {"GLIBC_2.2.5", "GLIBC_2.34"}}), elf_info.ElfInfo()]
    infos.append(elf_info.ElfInfo(versions={"libm.so.6": {"GLIBC_2.29"}, "libstdc++.so.6": {"GLIBCXX_3.4.30"}}))
    assert elf_info.glibc_version(infos) == (2, 34)


def _package(items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package as genccode lays it out (a 32-byte header here)."""
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0) + b"CmnD"
    header += bytes([1, 0, 0, 0]) + bytes(4)
    return icu_data.write_package(header + bytes(32 - len(header)), items)


def test_the_icu_package_is_rewritten_with_the_kept_items_in_order_and_aligned():
    items = [
        ("icudt73l/brkitr/cjdict.dict", b"D" * 40),
        ("icudt73l/cnvalias.icu", b"A" * 7),
        ("icudt73l/coll/root.res", b"R" * 33),
        ("icudt73l/de.res", b"G" * 5),
        ("icudt73l/en.res", b"E" * 16),
        ("icudt73l/ibm-943_P15A-2003.cnv", b"C" * 9),
        ("icudt73l/res_index.res", b"I" * 3),
    ]
    header, read_back = icu_data.read_package(_package(items))
    assert [name for name, _ in read_back] == [name for name, _ in items]
    assert [data.rstrip(b"\0") for _, data in read_back] == [data for _, data in items]
    kept = [(name, data) for name, data in read_back if icu_data.keep_item(name)]
    assert [name.split("/", 1)[1] for name, _ in kept] == ["cnvalias.icu", "coll/root.res", "en.res", "res_index.res"]
    blob = icu_data.write_package(header, kept)
    toc = struct.unpack_from("<H", blob)[0]
    offsets = [struct.unpack_from("<II", blob, toc + 4 + 8 * i)[1] for i in range(len(kept))]
    assert all(offset % 16 == 0 for offset in offsets)
    assert icu_data.read_package(blob)[1] == kept


ICU_KEPT = "root.res en_GB.res pool.res likelySubtags.res zoneinfo64.res coll/ucadata.icu zone/en.res nfkc.nrm"
ICU_DROPPED = "de.res sr_Latn_BA.res coll/zh.res zone/ja.res unit/en.res curr/root.res brkitr/thaidict.dict gb18030.cnv"


def test_icu_keeps_root_english_and_the_shared_tables_only():
    for name in ICU_KEPT.split():
        assert icu_data.keep_item(f"icudt73l/{name}"), name
    for name in [*ICU_DROPPED.split(), "translit/root.res", "unames.icu", "eo.res"]:
        assert not icu_data.keep_item(f"icudt73l/{name}"), name


def test_a_damaged_icu_package_is_refused():
    with pytest.raises(ValueError, match="ICU"):
        icu_data.read_package(bytes(64))


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libX11.so.6", "libx11-6"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libgssapi_krb5.so.2", "libgssapi-krb5-2"),
        ("libgcc_s.so.1", "libgcc-s1"),
        ("libstdc++.so.6", "libstdc++6"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libEGL.so.1", "libegl1"),
        ("libwayland-client.so.0.22.0", "libwayland-client0"),
        ("libbrotlidec.so.1", "libbrotli1"),
        ("libglib-2.0.so.0", "libglib2.0-0t64 | libglib2.0-0"),
    ],
)
def test_debian_names_a_librarys_package_by_its_soname(soname, package):
    assert deb_depends.package_of(soname) == package


def test_an_unversioned_library_name_asks_for_an_entry_in_the_table():
    with pytest.raises(ValueError, match="PACKAGE_OF"):
        deb_depends.package_of("libweird.so")


def test_the_metainfo_has_this_version_as_its_newest_release_newest_first():
    root = ET.parse(ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    releases = root.findall("releases/release")
    assert releases[0].get("version") == __version__
    dates = [r.get("date") for r in releases]
    assert dates == sorted(dates, reverse=True)
    desktop = (ROOT / "resources" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert root.findtext("name") in desktop and f"Icon={APP_ID}" in desktop
