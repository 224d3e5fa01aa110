"""A corpus grouped into stories: one story per real-world event, singletons included."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Sequence

from reader.core.models import Article, Story
from reader.core.stories.clustering import average_linkage, similar_pairs
from reader.core.stories.vectors import (
    ParagraphTokens,
    article_terms,
    channel_vectors,
    combine,
)
from reader.core.text import parse_date

# Average cosine similarity at which two groups of articles are one story. Tuned on the
# ECB+ odd topics (two similar events per topic): event B-cubed F1 is 0.895-0.916 from
# 0.20 to 0.24 and falls off outside, as the events of one topic merge or one event
# splits; the middle of that range, not a sharper peak elsewhere.
STORY_THRESHOLD = 0.22
# Terms in more of the articles than this share are left out (see vectors.frequent_terms).
FREQUENT_TERM_SHARE = 0.1
# Two articles dated further apart than this report two events as far as their
# similarity goes: it is halved (not zeroed: a follow-up months later is the same story
# when everything else says so).
_DAYS_APART = 30
_DATE_PENALTY = 0.5
# A date stated in the text is looked for in its first lines only (a dateline, or
# "Updated: January 6, 2011"); later dates are mostly of other events.
_DATELINE_CHARS = 200
_TITLE_WORDS = 12


def cluster_stories(articles: Sequence[Article], threshold: float = STORY_THRESHOLD) -> list[Story]:
    """Group articles into stories by their words, names, numbers and dates.

    Articles with the same text are folded into one before clustering, and near-copies
    as the similarities are found (a repost counted five times would otherwise outweigh
    everything else, and cost its square). The result does not depend on
    the order of ``articles``: they are taken in id order.

    Args:
        articles: Cleaned articles with unique ids.
        threshold: Least average similarity for two groups to be one story.

    Returns:
        The stories, biggest first (then by id); every article is in exactly one.
    """
    ordered = sorted(articles, key=lambda article: article.id)
    folded: dict[bytes, list[Article]] = {}
    for article in ordered:
        text = " ".join(article.text.split()).encode("utf-8")
        folded.setdefault(hashlib.blake2b(text, digest_size=16).digest(), []).append(article)
    groups = list(folded.values())
    pairs, folded_into = similar_pairs(_vectors(groups))
    _penalise_dates(pairs, [_stated_date(group[0]) for group in groups])
    labels = average_linkage(len(groups), pairs, threshold)
    labels = [labels[folded_into[index]] for index in range(len(groups))]
    members: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        members[label].append(index)
    stories = [_story(groups, indices, pairs) for indices in members.values()]
    stories.sort(key=lambda story: (-len(story.articles), story.id))
    return stories


def _vectors(groups: list[list[Article]]) -> list[dict[str, float]]:
    """Each group's combined vector, its term counts let go channel by channel.

    The counts are the peak of the clustering's memory (tens of MB for 10,000 articles),
    so each channel's are dropped as soon as its vectors are made.
    """
    if not groups:
        return []
    seen: dict[str, ParagraphTokens] = {}
    terms = [article_terms(group[0].title, group[0].text, seen) for group in groups]
    del seen
    words, names = zip(*terms, strict=True)
    del terms
    word_vectors = channel_vectors(words, FREQUENT_TERM_SHARE)
    del words
    name_vectors = channel_vectors(names, FREQUENT_TERM_SHARE)
    del names
    return combine(word_vectors, name_vectors)


def _stated_date(article: Article) -> dt.date | None:
    """The article's date from its metadata, else from a dateline in its first lines."""
    iso = article.date or parse_date(article.text[:_DATELINE_CHARS])
    if iso is None:
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _penalise_dates(pairs: dict[tuple[int, int], float], dates: list[dt.date | None]) -> None:
    for (i, j), similarity in pairs.items():
        first, second = dates[i], dates[j]
        if first and second and abs((first - second).days) > _DAYS_APART:
            pairs[i, j] = similarity * _DATE_PENALTY


def _story(
    groups: list[list[Article]], indices: list[int], pairs: dict[tuple[int, int], float]
) -> Story:
    articles = sorted((a for i in indices for a in groups[i]), key=lambda article: article.id)
    ids = tuple(article.id for article in articles)
    digest = hashlib.sha1("\n".join(ids).encode("utf-8")).hexdigest()[:10]
    central = groups[_most_central(indices, pairs)][0]
    dates = sorted(article.date for article in articles if article.date)
    outlets = sorted({article.source for article in articles if article.source})
    return Story(
        id=f"s{digest}",
        title=central.title or _opening(central.text),
        articles=ids,
        outlets=tuple(outlets),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
    )


def _most_central(indices: list[int], pairs: dict[tuple[int, int], float]) -> int:
    """The index in ``indices`` most similar to the rest (the first on ties)."""
    best, best_total = indices[0], -1.0
    for i in indices:
        total = sum(pairs.get((min(i, j), max(i, j)), 0.0) for j in indices if j != i)
        if total > best_total + 1e-12:
            best, best_total = i, total
    return best


def _opening(text: str) -> str:
    words = text.split()
    phrase = " ".join(words[:_TITLE_WORDS])
    return phrase + ("…" if len(words) > _TITLE_WORDS else "")
