"""The web as a source: fetching (bounded, polite), feeds, OPML, article pages (UI-free)."""
