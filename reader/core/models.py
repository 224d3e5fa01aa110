"""Frozen result types of the analysis core: spans, articles, quotes, actors, alignments.

Every result holds character offsets into an article's cleaned ``text`` (Python string
indices), never styled text; the UI decides how to show them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "list_item"]
QuoteKind = Literal["statement", "fragment", "term", "indirect"]
# Kinds that are somebody's words: what every count and list of quotes (list column, n/N,
# actors panel, quote groups across sources, the JSON's speech counts) takes as speech.
SPEECH_KINDS: frozenset[str] = frozenset({"statement", "fragment"})
ActorKind = Literal["person", "organisation", "place"]
PairKind = Literal["reuse", "paraphrase"]
OpKind = Literal["equal", "insert", "delete", "replace"]
# How one occurrence of a quote differs from its group's fullest occurrence.
QuoteDifference = Literal["wording", "truncated", "speaker", "no_speaker"]


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into a cleaned text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Return True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Return True when ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end

    def as_list(self) -> list[int]:
        """The span as ``[start, end]``, the JSON contract's form."""
        return [self.start, self.end]


def check_spans(spans: Sequence[Span], length: int, what: str, *, disjoint: bool) -> None:
    """Validate that spans lie inside a text of ``length`` and are sorted.

    Args:
        spans: The spans to check.
        length: Length of the text they index.
        what: Name used in the error message.
        disjoint: Also require that no two spans overlap.

    Raises:
        ValueError: When a span is out of bounds, unsorted or (if asked) overlapping.
    """
    previous: Span | None = None
    for span in spans:
        if span.end > length:
            raise ValueError(f"{what} span {span.start}:{span.end} beyond text of {length}")
        if previous is not None:
            if span.start < previous.start:
                raise ValueError(f"{what} spans not sorted at {span.start}")
            if disjoint and span.start < previous.end:
                raise ValueError(f"{what} spans overlap at {span.start}")
        previous = span


@dataclass(frozen=True, slots=True)
class Block:
    """A structural block of the cleaned text: a paragraph, a heading or a list item."""

    span: Span
    kind: BlockKind


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A source line the cleaner left out of the body (chrome, a byline), kept to show.

    ``anchor`` is the offset in the cleaned text where the line stood: the start of the
    first block after it, or the text's length for a line after the body.
    """

    anchor: int
    text: str

    def __post_init__(self) -> None:
        if self.anchor < 0:
            raise ValueError(f"bad anchor {self.anchor}")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A decoded document before cleaning, with whatever metadata its format carried.

    ``text`` is already decoded and normalised (LF newlines, NFC, no control characters);
    ``extracted`` says a format-aware extractor (HTML, JSON) produced it, so site chrome
    is mostly gone already.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None
    extracted: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article: its body text, metadata and structure.

    ``blocks`` partition the body into paragraphs, headings and list items (disjoint,
    sorted); ``sentences`` are disjoint, sorted and each inside one block. ``removed``
    holds the source lines the cleaner dropped, in source order (anchors never decrease),
    so a reader can see them in place.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    byline: str | None = None
    date: str | None = None
    origin: str | None = None
    url: str | None = None
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Span, ...] = ()
    removed: tuple[RemovedLine, ...] = ()

    def __post_init__(self) -> None:
        check_spans([b.span for b in self.blocks], len(self.text), "block", disjoint=True)
        check_spans(self.sentences, len(self.text), "sentence", disjoint=True)
        check_spans([Span(r.anchor, r.anchor) for r in self.removed], len(self.text),
                    "removed line", disjoint=False)

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        """Spans of every block (paragraphs, headings and list items), in order."""
        return tuple(block.span for block in self.blocks)

    @property
    def headings(self) -> tuple[Span, ...]:
        """Spans of section headings inside the body."""
        return tuple(b.span for b in self.blocks if b.kind == "heading")

    @property
    def list_items(self) -> tuple[Span, ...]:
        """Spans of list items inside the body."""
        return tuple(b.span for b in self.blocks if b.kind == "list_item")

    def slice(self, span: Span) -> str:
        """Return the text a span covers."""
        return self.text[span.start : span.end]

    @property
    def word_count(self) -> int:
        """Whitespace-separated words in the body."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote: the quoted words inside the marks (or reported speech), and who said them.

    ``span`` covers the words inside the quote marks, or for kind ``indirect`` the
    reported clause; ``speaker_span`` (when the speaker is named in this article) covers
    the name the attribution resolved to.
    """

    span: Span
    kind: QuoteKind
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor in an article's cleaned text."""

    span: Span
    text: str
    kind: ActorKind
    actor: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world person, organisation or place, merged across the corpus.

    ``stories`` are the ids of the stories it appears in, sorted (empty when the corpus
    was merged without stories); ``suggestions`` the ids of other actors it may be, on
    evidence too weak to merge them (a namesake or near-spelling in another story).
    """

    id: str
    name: str
    kind: ActorKind
    role: str | None = None
    aliases: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    mentions: int = 0
    stories: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EditOp:
    """A word-level edit between the two sides of an aligned pair (absolute offsets)."""

    op: OpKind
    a: Span
    b: Span


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Passages of article A and article B that say the same thing."""

    a: Span
    b: Span
    score: float
    kind: PairKind
    moved: bool = False
    ops: tuple[EditOp, ...] = ()


@dataclass(frozen=True, slots=True)
class Alignment:
    """The alignment of two articles: pairs in spine order plus what is unique to each."""

    a_id: str
    b_id: str
    pairs: tuple[AlignedPair, ...]
    unique_a: tuple[Span, ...]
    unique_b: tuple[Span, ...]
    coverage_a: float
    coverage_b: float


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """An article with its quotes and actor mentions."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def speech(self) -> tuple[Quote, ...]:
        """The quotes that are somebody's words (``SPEECH_KINDS``), in order."""
        return tuple(q for q in self.quotes if q.kind in SPEECH_KINDS)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one real-world event, with its outlets and dates."""

    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    first_date: str | None = None
    last_date: str | None = None

    def __post_init__(self) -> None:
        if not self.articles:
            raise ValueError(f"story {self.id} has no articles")


@dataclass(frozen=True, slots=True)
class SentenceProvenance:
    """Where else a story tells one sentence of an article.

    ``kind`` is "reuse" when some other article shares its wording, else "paraphrase"
    (the same fact in other words); ``articles`` are the ids of the articles that do so,
    sorted. A sentence told only in its own article has no provenance record.
    """

    sentence: int
    kind: PairKind
    articles: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.sentence < 0 or not self.articles:
            raise ValueError(f"bad provenance for sentence {self.sentence}")


@dataclass(frozen=True, slots=True)
class CopyPair:
    """Two articles of a story that share text, and which one was likely copied from.

    ``direction`` is the id of the likely source (``a`` or ``b``), None when the evidence
    does not point either way.
    """

    a: str
    b: str
    coverage_a: float
    coverage_b: float
    direction: str | None = None

    def __post_init__(self) -> None:
        if self.direction is not None and self.direction not in (self.a, self.b):
            raise ValueError(f"direction {self.direction} is neither {self.a} nor {self.b}")


@dataclass(frozen=True, slots=True)
class QuoteOccurrence:
    """One article's instance of a quote several sources carry.

    ``quote`` indexes that article's ``AnalysedArticle.quotes``; ``differs`` says how it
    departs from its group's fullest occurrence (empty for that one and exact copies).
    """

    article: str
    quote: int
    speaker: str | None
    actor: str | None
    differs: tuple[QuoteDifference, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The same quoted words found in two or more articles of a story.

    ``text`` is the fullest occurrence's wording; occurrences are in story order.
    """

    text: str
    occurrences: tuple[QuoteOccurrence, ...]

    def __post_init__(self) -> None:
        if len({o.article for o in self.occurrences}) < 2:
            raise ValueError("a quote group spans at least two articles")


@dataclass(frozen=True, slots=True)
class StoryTrace:
    """What a story's articles share: per-sentence provenance, copy pairs, shared quotes.

    ``provenance`` maps every article id of the story (that was analysed) to its
    sentences' records, sorted by sentence; ``pairs`` are ranked by their larger
    coverage, highest first.
    """

    story: str
    provenance: Mapping[str, tuple[SentenceProvenance, ...]]
    pairs: tuple[CopyPair, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that could not be turned into an article, and why (one line)."""

    path: str
    error: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """Every analysed article of a run, its stories, the actors merged across them, errors."""

    articles: tuple[AnalysedArticle, ...] = ()
    actors: tuple[Actor, ...] = ()
    errors: tuple[LoadError, ...] = field(default_factory=tuple)
    stories: tuple[Story, ...] = ()
    # One a story, in the order of ``stories``.
    traces: tuple[StoryTrace, ...] = ()
