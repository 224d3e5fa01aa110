"""What a report is made from, and the pieces every format shows the same way."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.core.align import CompareRow, diff_words, layout_rows
from reader.core.models import (
    SPEECH_KINDS,
    Actor,
    Alignment,
    AnalysedArticle,
    Article,
    EditOp,
    Quote,
    QuoteGroup,
    SentenceProvenance,
    Story,
    StoryTrace,
)

# Control characters other than the newline: they would reach a terminal or a page as is.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_WEB_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)


@dataclass(frozen=True)
class PairReport:
    """Two articles and their alignment (``alignment.a_id`` is ``a``'s id)."""

    alignment: Alignment
    a: AnalysedArticle
    b: AnalysedArticle
    generated: str
    """When the report was made (ISO 8601), shown in its header."""

    def __post_init__(self) -> None:
        if (self.alignment.a_id, self.alignment.b_id) != (self.a.article.id, self.b.article.id):
            raise ValueError("the alignment is not of these two articles")


@dataclass(frozen=True)
class StoryReport:
    """One story: its articles in story order, its trace and the actors named in it."""

    story: Story
    trace: StoryTrace | None
    articles: tuple[AnalysedArticle, ...]
    actors: tuple[Actor, ...]
    generated: str

    def anchor(self, article_id: str) -> str:
        """The in-document anchor of an article (its position: ids come from outside)."""
        return f"article-{self.position(article_id) + 1}"

    def position(self, article_id: str) -> int:
        """The article's index in ``articles``."""
        return next(k for k, item in enumerate(self.articles) if item.article.id == article_id)

    def item(self, article_id: str) -> AnalysedArticle | None:
        """The analysed article of that id, if the story has it."""
        return next((i for i in self.articles if i.article.id == article_id), None)


@dataclass(frozen=True)
class Piece:
    """A run of text in a report and how it is marked (None: plain)."""

    text: str
    mark: str | None = None
    """"del", "ins", "rep", "only", "reuse" or "paraphrase"."""


def clean(text: str | None) -> str:
    """Outside text without control characters (newlines kept)."""
    return _CONTROL.sub(" ", text or "")


def one_line(text: str | None, fallback: str = "—") -> str:
    """Outside text as one line, or ``fallback`` when empty."""
    line = " ".join(clean(text).split())
    return line or fallback


def web_url(url: str | None) -> str | None:
    """The URL when it is an http(s) one a reader may follow, else None."""
    if url and _WEB_URL.match(url.strip()):
        return url.strip()
    return None


def rows(report: PairReport) -> list[CompareRow]:
    """The side-by-side rows, as the reader lays them out."""
    return layout_rows(report.alignment)


def side_pieces(article: Article, row: CompareRow, side: str) -> list[Piece]:
    """One side of a row in marked pieces: what the other side lacks or words differently.

    Args:
        article: The article of that side.
        row: The row.
        side: "a" or "b".
    """
    span = row.a if side == "a" else row.b
    if span is None:
        return []
    if row.pair is None:
        return [Piece(clean(article.slice(span)), "only")]
    lacking = "del" if side == "a" else "ins"
    pieces = []
    for op in row.pair.ops:
        part = op.a if side == "a" else op.b
        if part.start == part.end:
            continue
        mark = None if op.op == "equal" else "rep" if op.op == "replace" else lacking
        pieces.append(Piece(clean(article.text[part.start : part.end]), mark))
    return pieces


def merged_pieces(ops: Sequence[EditOp], a_text: str, b_text: str) -> list[Piece]:
    """One reading of B against A: A's words struck out ("del") before B's ("ins")."""
    pieces = []
    for op in ops:
        old = clean(a_text[op.a.start : op.a.end])
        new = clean(b_text[op.b.start : op.b.end])
        if op.op == "equal":
            pieces.append(Piece(new))
            continue
        if old.strip():
            pieces.append(Piece(old, "del"))
        if new.strip():
            pieces.append(Piece(new, "ins"))
    return pieces


def speech(item: AnalysedArticle) -> list[Quote]:
    """The article's quotes of the speech kinds (what was said, not terms)."""
    return [q for q in item.quotes if q.kind in SPEECH_KINDS]


def provenance_pieces(
    item: AnalysedArticle, records: Sequence[SentenceProvenance]
) -> Iterator[tuple[Piece, tuple[str, ...]]]:
    """The article's text in pieces: each told-elsewhere sentence with the other articles."""
    article = item.article
    by_sentence = {r.sentence: r for r in records}
    at = 0
    for k, span in enumerate(article.sentences):
        record = by_sentence.get(k)
        if record is None:
            continue
        if span.start > at:
            yield Piece(clean(article.text[at : span.start])), ()
        yield Piece(clean(article.text[span.start : span.end]), record.kind), record.articles
        at = span.end
    if at < len(article.text):
        yield Piece(clean(article.text[at:])), ()


def quote_diff(report: StoryReport, group: QuoteGroup, index: int) -> list[Piece]:
    """Occurrence ``index`` of a group against its fullest one, word by word."""
    occurrence = group.occurrences[index]
    fullest = next((o for o in group.occurrences if not o.differs), group.occurrences[0])
    own, full = report.item(occurrence.article), report.item(fullest.article)
    if own is None or occurrence.quote >= len(own.quotes):
        return [Piece(clean(group.text))]
    quote = own.quotes[occurrence.quote]
    text = own.article.text
    if full is None or fullest is occurrence or fullest.quote >= len(full.quotes):
        return [Piece(clean(text[quote.span.start : quote.span.end]))]
    base = full.quotes[fullest.quote]
    ops = diff_words(full.article.text, base.span, text, quote.span)
    return merged_pieces(ops, full.article.text, text)


def story_actors(report: StoryReport) -> list[tuple[Actor, int]]:
    """The actors named in the story's articles and their mentions there, most first."""
    counts: dict[str, int] = {}
    for item in report.articles:
        for mention in item.mentions:
            if mention.actor:
                counts[mention.actor] = counts.get(mention.actor, 0) + 1
    named = [(actor, counts[actor.id]) for actor in report.actors if actor.id in counts]
    return sorted(named, key=lambda pair: (-pair[1], pair[0].name))
