"""Finding the two articles ``newsroom align`` is asked for, named as users see them.

An article is named by its file, by ``FILE#N`` for record N of a JSON, JSON Lines or CSV
file, or by the id ``newsroom analyze PATH`` lists (``politics/012``, ``feed#3``): looked
up among the articles under the ``--in`` paths, or, without them, as a file of that path
plus a suffix (what ``newsroom analyze .`` lists).
"""

from __future__ import annotations

import glob
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from reader.config import DEFAULT_MAX_BYTES
from reader.core.models import LoadError, RawDocument
from reader.sources.files import load_documents
from reader.sources.formats import SUPPORTED_SUFFIXES

_RECORD = re.compile(r"^(?P<file>.+)#(?P<number>\d+)$")


def pick_documents(
    wanted: Sequence[str], among: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[RawDocument], list[LoadError]]:
    """The documents named by ``wanted``, in that order, and why any could not be found.

    Args:
        wanted: Each a file, ``FILE#N``, or an id of an article under ``among``.
        among: Files and folders to look ids up in (``--in``); may be empty.
        max_bytes: Size limit per file.

    Returns:
        ``(documents, errors)``: one document for each name found.
    """
    pool = load_documents(among, max_bytes) if among else None
    named: list[tuple[str, RawDocument]] = []
    errors: list[LoadError] = list(pool.errors) if pool else []
    for name in wanted:
        found, error = _pick(name, pool.documents if pool else (), max_bytes)
        if found is None:
            errors.append(LoadError(name, error))
        else:
            named.append((name, found))
    ids = Counter(doc.id for _, doc in named)
    # Two files named alike (a/story.txt, b/story.txt): call each as it was typed.
    documents = [replace(doc, id=name) if ids[doc.id] > 1 else doc for name, doc in named]
    return documents, errors


def _pick(
    name: str, pool: Sequence[RawDocument], max_bytes: int
) -> tuple[RawDocument | None, str]:
    """One named document, or None and the reason."""
    by_id = next((doc for doc in pool if doc.id == name), None)
    if by_id is not None:
        return by_id, ""
    record = _RECORD.match(name)
    # An id as 'analyze .' lists it is the file's path without its suffix.
    stem_matches = [p for p in glob.glob(f"{glob.escape(name)}.*")
                    if Path(p).suffix.lower() in SUPPORTED_SUFFIXES] if name.strip() else []
    if Path(name).exists():
        path, number = Path(name), None
    elif len(stem_matches) == 1:
        path, number = Path(stem_matches[0]), None
    elif record is not None and Path(record["file"]).exists():
        path, number = Path(record["file"]), record["number"]
    else:
        where = "among the --in paths" if pool else "(for an id from a folder, add --in FOLDER)"
        return None, f"no such file, record or article id {where}"
    result = load_documents([path], max_bytes)
    documents = list(result.documents)
    if number is not None:
        documents = [doc for doc in documents if doc.id.endswith(f"#{number}")]
    if not documents:
        reasons = [error.error for error in result.errors]
        return None, reasons[0] if number is None and reasons else f"no article {name}"
    if len(documents) > 1:
        first = documents[0].id.rpartition("#")[2]
        return None, f"holds {len(documents)} articles: name one as {name}#{first}"
    return documents[0], ""
