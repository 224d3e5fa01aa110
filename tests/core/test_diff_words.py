"""diff_words: word operations between spans of two texts, outside any alignment."""

from __future__ import annotations

from reader.core.align import diff_words
from reader.core.models import Span


def test_a_changed_word_is_one_replace_between_equal_runs() -> None:
    a = "He said: we will do it quickly, they say."
    b = "“we will do it fast,” she said"
    ops = diff_words(a, Span(9, 31), b, Span(1, 19))
    kinds = [op.op for op in ops]
    assert kinds == ["equal", "replace"]
    assert b[ops[1].b.start : ops[1].b.end].startswith("fast")
    assert a[ops[1].a.start : ops[1].a.end].startswith("quickly")


def test_a_truncated_side_deletes_the_rest_and_quote_marks_fold() -> None:
    a = "So much work remains. But today was good."
    b = "So much work remains,"
    ops = diff_words(a, Span(0, len(a)), b, Span(0, len(b)))
    assert [op.op for op in ops] == ["equal", "delete"]
    assert ops[0].b == Span(0, len(b)) and not len(ops[1].b)
