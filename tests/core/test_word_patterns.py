"""The prefix-tree alternation matches exactly the words it was built from."""

from __future__ import annotations

import re

from reader.core.quotes.lexicon import PERSON_ROLES
from reader.core.quotes.word_patterns import word_alternation


def test_prefix_words_match_whole_and_alone() -> None:
    pattern = re.compile(r"\b(" + word_alternation(["chief", "chiefs", "chair", "a.b"]) + r")\b")
    assert pattern.findall("the chiefs and the chief met the chair; chai a.b axb") == [
        "chiefs",
        "chief",
        "chair",
        "a.b",
    ]


def test_same_matches_as_a_plain_alternation_on_every_role() -> None:
    text = " ".join(f"the {role} {role}s x{role} {role[:-1]}" for role in sorted(PERSON_ROLES))
    plain = re.compile(r"\b(" + "|".join(sorted(PERSON_ROLES)) + r")\b")
    tree = re.compile(r"\b(" + word_alternation(PERSON_ROLES) + r")\b")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(tree.findall(text)) >= len(PERSON_ROLES)
