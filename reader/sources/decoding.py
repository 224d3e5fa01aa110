"""Bytes to clean Unicode text: encoding detection, newline and control-character cleanup."""

from __future__ import annotations

import codecs
import re
import unicodedata

# ANSI CSI sequences, OSC sequences (terminated by BEL or ST) and other two-byte escapes.
# They must never reach the terminal: an OSC 8 link or a colour code in article text
# would otherwise act on the reader's screen.
_TERMINAL_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
)
# C0/C1 controls except tab and newline, plus invisible format characters that only
# confuse offsets (zero-width space, BOM, bidi overrides).
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0c\x0b]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b\x07")


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why in one line."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text, detecting the encoding.

    Order: a byte-order mark decides; else a binary check (NUL or control bytes); else
    strict UTF-8 (most files, and fast); else charset detection, falling back to
    cp1252, which maps every byte.

    Args:
        data: The raw file content.

    Returns:
        ``(text, encoding)``.

    Raises:
        DecodeError: For binary content.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DecodeError(f"invalid {encoding} after byte-order mark") from error
    if _looks_binary(data):
        raise DecodeError("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _detect_encoding(data)
    return data.decode(encoding, errors="replace"), encoding


def _looks_binary(data: bytes) -> bool:
    """Several NUL bytes or many control bytes in the first 8 KiB mean a binary file.

    One stray NUL in a text file is tolerated (normalisation strips it).
    """
    head = data[:8192]
    if head.count(b"\x00") > max(1, len(head) // 1000):
        return True
    # ESC and BEL belong to terminal escape sequences, which text captures carry.
    controls = sum(1 for byte in head if (byte < 32 and byte not in _TEXT_CONTROLS))
    return controls > len(head) * 0.05


def _detect_encoding(data: bytes) -> str:
    """Best guess for non-UTF-8 text, preferring cp1252 whenever it reads plausibly.

    On short Western text the detector's top guess is often a neighbour (cp1250, cp932)
    that turns "£" into "Ł"; cp1252 among its plausible candidates is the better bet.
    """
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 files pay for it

    candidates = [match.encoding for match in from_bytes(data[:65536])]
    if not candidates or "cp1252" in candidates or "latin_1" in candidates:
        return "cp1252"
    try:
        codecs.lookup(candidates[0])
    except LookupError:
        return "cp1252"
    return str(candidates[0])


def normalise_text(text: str) -> str:
    """Normalise decoded text for analysis and safe display.

    LF newlines, NFC, terminal escape sequences and control characters removed, exotic
    spaces and tabs made plain spaces, soft hyphens dropped.

    Args:
        text: Decoded text.

    Returns:
        The normalised text.
    """
    text = _NEWLINES.sub("\n", text)
    text = _TERMINAL_ESCAPES.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text).replace("\u00ad", "")
    return unicodedata.normalize("NFC", text)
