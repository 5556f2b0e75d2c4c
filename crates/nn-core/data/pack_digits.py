#!/usr/bin/env python3
"""Packs digits.csv into digits.bin, the form nn-core embeds in its build.

Format: one record of 65 bytes per image, in the CSV's row order: the 64 pixel ink counts
(0..16, row by row) followed by the label (0..9). No header; the record count is the file
length / 65. Run from this directory: `python3 pack_digits.py`. nn-core's tests check that
digits.bin matches digits.csv value for value, so a stale pack fails `cargo test`.
"""

import csv

PIXELS = 64


def main() -> None:
    out = bytearray()
    with open("digits.csv", newline="") as source:
        rows = csv.reader(source)
        header = next(rows)
        assert len(header) == PIXELS + 1, header
        for row in rows:
            values = [int(v) for v in row]
            assert len(values) == PIXELS + 1, row
            assert all(0 <= v <= 16 for v in values[:PIXELS]), row
            assert 0 <= values[PIXELS] <= 9, row
            out.extend(values)
    with open("digits.bin", "wb") as target:
        target.write(out)
    print(f"digits.bin: {len(out) // (PIXELS + 1)} images, {len(out)} bytes")


if __name__ == "__main__":
    main()
