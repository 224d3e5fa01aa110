"""Which article of its story an article is best compared with, from the story's trace.

Pure functions over core types (no Textual), so the app's alignment worker can call them.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.models import StoryTrace


def partner_rank(article_id: str, trace: StoryTrace) -> dict[str, int]:
    """The story's other articles, closest first (0): copy pairs by strength, then the
    articles telling most of the same sentences."""
    ranked = [p.b if p.a == article_id else p.a for p in trace.pairs
              if article_id in (p.a, p.b)]
    telling: Counter[str] = Counter()
    for record in trace.provenance.get(article_id, ()):
        telling.update(other for other in record.articles if other != article_id)
    ranked += sorted((a for a in telling if a not in ranked), key=lambda a: (-telling[a], a))
    return {other: k for k, other in enumerate(ranked)}


def story_partner(article_id: str, trace: StoryTrace) -> str | None:
    """The strongest copy pair's other side, else the article telling most of the same facts.

    Args:
        article_id: The article to pair.
        trace: Its story's trace (pairs ranked strongest first).

    Returns:
        The partner's id, or None when no other article of the story shares anything.
    """
    rank = partner_rank(article_id, trace)
    return min(rank, key=rank.__getitem__) if rank else None
