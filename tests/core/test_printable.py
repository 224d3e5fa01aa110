"""Names from outside are shown with their control characters made visible."""

from __future__ import annotations

import pytest

from reader.core.text import printable

CASES = [
    ("plain", "Reuters 2024.txt", "Reuters 2024.txt"),
    ("ansi", "ansi\x1b[31mX\x1b[0m\x1b[2J.txt", "ansi␛[31mX␛[0m␛[2J.txt"),
    ("bell and tab", "a\x07b\tc", "a␇b␉c"),
    ("newline", "two\nlines.txt", "two␤lines.txt"),
    ("carriage return", "over\rwrite", "over␍write"),
    ("del and c1", "x\x7fy\x9bz", "x␡y\ufffdz"),
    ("bidi override", "abc\u202etxt.exe", "abctxt.exe"),
    ("unicode kept", "Zelenskyy’s «text» 日本", "Zelenskyy’s «text» 日本"),
]


@pytest.mark.parametrize(("name", "raw", "shown"), CASES, ids=[c[0] for c in CASES])
def test_printable(name: str, raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_nothing_left_below_space() -> None:
    everything = "".join(chr(c) for c in range(0x00, 0xA0))
    assert all(ord(ch) >= 0x20 and not 0x7F <= ord(ch) < 0xA0 for ch in printable(everything))
