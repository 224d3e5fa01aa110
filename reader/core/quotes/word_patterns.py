"""Regex source for a set of words, written so the regex engine reads each letter once.

``a|an|and`` makes the engine try every branch in turn at every place it looks; the same
words as a prefix tree, ``a(?:n(?:d)?)?``, try one branch per letter. With the 87 role
words a description pattern is tried at thousands of places per article, so the shape
of the alternation is a large part of its cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["word_alternation"]

_Trie = dict[str, "_Trie"]
_END = ""  # key marking that a word ends at this node


def word_alternation(words: Iterable[str]) -> str:
    """A regex that matches exactly the given words, their shared prefixes factored out.

    Where one word is a prefix of another (``chief``, ``chiefs``) the longer is tried
    first; followed by a word boundary, that matches what ``"|".join(words)`` does.

    Args:
        words: Non-empty words.

    Returns:
        A non-capturing regex source.
    """
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _branches(root)


def _branches(node: _Trie) -> str:
    alternatives = [
        re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char
    ]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return "(?:" + body + ")?" if _END in node else body
