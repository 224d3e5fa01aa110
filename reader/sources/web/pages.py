"""Article pages to text: the same HTML extraction as a saved page, from fetched bytes."""

from __future__ import annotations

import codecs

from reader.core.models import RawDocument
from reader.sources.decoding import decode_bytes
from reader.sources.formats import FormatError
from reader.sources.html import read_html
from reader.sources.web.fetch import Fetched


def decode_page(fetched: Fetched) -> str:
    """The page's text: its declared charset when the bytes agree, else detected.

    A server that says UTF-8 and sends Windows-1252 (or says nothing) is common; the
    bytes then go through the same detection as a file's.

    Raises:
        DecodeError: For bytes that are no text (an image, a PDF).
    """
    if fetched.charset:
        try:
            codecs.lookup(fetched.charset)
            return fetched.body.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(fetched.body)[0]


def read_page(fetched: Fetched) -> RawDocument:
    """An article page's main text and metadata (trafilatura, as for local HTML).

    Raises:
        DecodeError: When the page is not text.
        FormatError: When it is not HTML or holds no text.
    """
    if fetched.content_type and "html" not in fetched.content_type:
        raise FormatError(f"not an HTML page ({fetched.content_type})")
    if not fetched.body.strip():
        raise FormatError("empty page")
    return read_html(fetched.url, fetched.url, decode_page(fetched))

