"""Render the app icon from resources/iris-desktop.svg into resources/icons/:
PNGs at the freedesktop hicolor sizes, a Windows .ico and a macOS .icns.

Run it after changing the SVG:  .venv/bin/python packaging/make_icons.py
QtSvg renders; the .ico and .icns containers are written here (both simply hold PNGs),
so nothing is downloaded and no other tool is needed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "iris-desktop.svg"
OUT = ROOT / "resources" / "icons"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # hicolor sizes installed on Linux
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can say
# .icns entry types holding PNG data, by pixel size. A Retina screen asks for the @2x
# types by name (16@2x is ic11, a 32 px image): without them Finder and the Dock scale
# the 1x images up, blurred, and a 512 pt icon has nothing sharper than 512 px.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
    (b"ic10", 1024),  # 512@2x
)
RETINA = {b"ic11": 16, b"ic12": 32, b"ic13": 128, b"ic14": 256, b"ic10": 512}  # @2x type: its size in points


def png_name(size: int) -> str:
    return f"iris-desktop-{size}.png"


def render_pngs(svg: Path, sizes) -> dict[int, bytes]:
    """PNG bytes of the SVG drawn at each size (antialiased, transparent corners)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:  # painting text needs one; kept for the process
        render_pngs.app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    images = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        images[size] = bytes(data)
    return images


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico of PNG-compressed entries (read by Windows Vista and later, and PyInstaller)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .icns: 'icns', total length, then (type, length, PNG) chunks, all big-endian."""
    chunks = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def generate(svg: Path = SVG, out: Path = OUT) -> list[Path]:
    """Write every icon file into `out`; returns the paths written."""
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = render_pngs(svg, sizes)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        written.append(out / png_name(size))
        written[-1].write_bytes(pngs[size])
    written.append(out / "iris-desktop.ico")
    written[-1].write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    written.append(out / "iris-desktop.icns")
    written[-1].write_bytes(icns_bytes(pngs))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    for path in generate(args.svg, args.out):
        print(f"{path.stat().st_size:8d}  {path}")


if __name__ == "__main__":
    main()
