"""What the article list shows: a text query, outlet, actor and reading-state filters."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.text import printable


@dataclass(frozen=True)
class ListFilter:
    """What the list shows: a text query and optional outlet and actor filters."""

    query: str = ""
    outlet: str | None = None
    actor: str | None = None
    actor_name: str | None = None
    unread: bool = False
    flagged: bool = False

    @property
    def active(self) -> bool:
        """True when anything is filtered out."""
        return bool(self.query or self.outlet or self.actor or self.unread or self.flagged)

    def describe(self) -> str:
        """A short human description, for the status line (one line)."""
        parts = [name for name, on in (("unread", self.unread), ("flagged", self.flagged)) if on]
        if self.query:
            parts.append(f"matching “{self.query}”")
        if self.outlet:
            parts.append(f"from {self.outlet}")
        if self.actor:
            parts.append(f"mentioning {self.actor_name or self.actor}")
        return printable(", ".join(parts))
