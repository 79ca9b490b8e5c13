#!/usr/bin/env python3
"""Compares two trees of screenshots pixel by pixel (a refactoring must not
change a picture): for every PNG under BEFORE, the same path under AFTER.
Prints one line per picture that differs (how many pixels, inside which box)
or is missing, then a summary. Exit 0 when every picture is the same.
Usage: tests/tools/compare_screenshots.py BEFORE_DIR AFTER_DIR
Reads 8-bit grey or RGB PNGs without interlacing (what the kiosk writes) with the
standard library only."""
import os
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (0, 2, 4, 6) or interlace:
                raise ValueError(f"{path}: only 8-bit grey or RGB (alpha or not) without interlacing")
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else upper_left
                row[i] = (row[i] + predictor) & 0xFF
        rows.append(bytes(row))
        previous = row
    return width, height, channels, rows


def differing_pixels(a, b):
    (wa, ha, ca, rows_a), (wb, hb, cb, rows_b) = a, b
    if (wa, ha) != (wb, hb):
        return None
    count, box = 0, [wa, ha, -1, -1]
    for y in range(ha):
        if rows_a[y] == rows_b[y]:
            continue
        for x in range(wa):
            if rows_a[y][x * ca:x * ca + min(ca, 3)] != rows_b[y][x * cb:x * cb + min(cb, 3)]:
                count += 1
                box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
    return count, box


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    before, after = sys.argv[1:]
    same = differ = missing = 0
    for root, _, files in sorted(os.walk(before)):
        for name in sorted(files):
            if not name.endswith(".png"):
                continue
            rel = os.path.relpath(os.path.join(root, name), before)
            other = os.path.join(after, rel)
            if not os.path.exists(other):
                print(f"missing  {rel}")
                missing += 1
                continue
            with open(os.path.join(before, rel), "rb") as f1, open(other, "rb") as f2:
                if f1.read() == f2.read():
                    same += 1
                    continue
            result = differing_pixels(read_png(os.path.join(before, rel)), read_png(other))
            if result is None:
                print(f"size     {rel}")
                differ += 1
            elif result[0] == 0:
                same += 1
            else:
                count, (x0, y0, x1, y1) = result
                print(f"{count:7d}  {rel}  (x {x0}-{x1}, y {y0}-{y1})")
                differ += 1
    print(f"{same} the same, {differ} different, {missing} missing")
    sys.exit(0 if differ == 0 and missing == 0 else 1)


if __name__ == "__main__":
    main()
