"""The Debian package's Depends, derived from the bundle itself: every shared library its
ELF files need (Qt's platform plugins above all: xcb, Wayland) that the bundle does not
carry is the system's, and so a package to depend on. Like dpkg-shlibdeps, but it works
on a build machine that lacks those libraries (the bundle leaves them out on purpose:
bundle_trim.leave_system_libraries) and gives the same answer on every Debian or Ubuntu.
"""

from __future__ import annotations

import re
from pathlib import Path

import elf_info

# The C library itself: one versioned libc6 dependency covers them.
GLIBC_SONAMES = {
    "libc.so.6",
    "libm.so.6",
    "libdl.so.2",
    "libpthread.so.0",
    "librt.so.1",
    "libutil.so.1",
    "libresolv.so.2",
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
}
# Where the package name does not follow Debian's rule for library packages (below).
# GLib's became ...t64 in Debian 13 and Ubuntu 24.04 (64-bit time_t); the old name is
# the alternative for Debian 12 and Ubuntu 22.04.
PACKAGE_OF = {
    "libglib-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlienc.so.1": "libbrotli1",
    "libpng16.so.16": "libpng16-16t64 | libpng16-16",
}


def package_of(soname: str) -> str:
    """Debian's rule (Policy 8.1): libfoo.so.1 is in libfoo1, libfoo2.so.3 in libfoo2-3,
    lower case, '_' as '-': libxcb-cursor.so.0 -> libxcb-cursor0, libX11.so.6 ->
    libx11-6, libgssapi_krb5.so.2 -> libgssapi-krb5-2."""
    if soname in PACKAGE_OF:
        return PACKAGE_OF[soname]
    match = re.fullmatch(r"(.+)\.so\.(\d+)(?:\.\d+)*", soname)
    if not match:
        raise ValueError(f"{soname}: not a versioned shared library name; add it to PACKAGE_OF")
    name, version = match.group(1).lower().replace("_", "-"), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def system_sonames(payload: Path) -> tuple[set[str], tuple[int, ...]]:
    """(the sonames the payload's ELF files need and do not carry, newest glibc needed)."""
    infos = []
    carried = set()
    for path in payload.rglob("*"):
        if path.is_symlink() or not path.is_file() or not elf_info.is_elf(path):
            continue
        info = elf_info.read(path)
        infos.append(info)
        carried.add(path.name)
        if info.soname:
            carried.add(info.soname)
    for path in payload.rglob("*"):
        if path.is_symlink():
            carried.add(path.name)  # the bundle's links to a library kept once
    needed = {name for info in infos for name in info.needed}
    return needed - carried - GLIBC_SONAMES, elf_info.glibc_version(infos)


def depends(payload: Path) -> str:
    """The Depends field: libc6 (>= the newest glibc symbol version needed), then one
    package per system library, sorted."""
    sonames, glibc = system_sonames(payload)
    packages = sorted({package_of(name) for name in sonames})
    return ", ".join([f"libc6 (>= {'.'.join(map(str, glibc))})", *packages])
