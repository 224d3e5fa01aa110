"""Telling an article's own lines from the web chrome around it.

The method is general, not a list of one site's strings: each line gets shape features
(word count, terminal punctuation, bullet or teaser shape), lines repeated inside the
document or across the corpus count as templates, runs of short lines count as menus,
and the body is the stretch from the first prose line to the first footer marker (or
the last prose line). A small vocabulary of section labels that every CMS uses ("You may
also like", "Recent Posts", share rows, copyright lines) marks where footers begin.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

BULLET = re.compile(
    r"^(?:[-*•·▪►▶◦‣⁃–—➤→✓✔✅]|[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?|\d{1,2}[.)])\s+"
)
_TERMINAL = (".", "!", "?", "…", ":", ";")
_CLOSERS = "”’\"'»)]"
_TEASER_END = re.compile(r"(?:\.\.\.|…)$")

# Section labels after which a page no longer carries the article.
_FOOTER_MARKER = re.compile(
    r"^(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|related(?:\s+(?:posts?|articles?|"
    r"stories|sources|content|reading|coverage|news|links|topics))?|recent\s+(?:posts|articles|"
    r"stories|news)|more\s+(?:from|on|stories|news|like\s+this)|read\s+(?:more|next|also)|"
    r"popular\s+(?:posts|stories|now)|trending(?:\s+now)?|latest\s+(?:news|posts|stories)|"
    r"most\s+(?:read|popular)|previous\s+(?:post|article)|next\s+(?:post|article)|"
    r"share\s+(?:this|on)|leave\s+a\s+(?:comment|reply)|\d+\s+comments?|comments?|"
    r"tags?|filed\s+under|about\s+the\s+author|sign\s+up|subscribe|newsletter|"
    r"join\s+.*subscription.*|don[’']t\s+miss|see\s+also|also\s+read|recommended(?:\s+for\s+you)?)"
    r"\s*[:.!]*$",
    re.I,
)
# Lines that are chrome wherever they stand.
_CHROME_LINE = re.compile(
    r"^(?:(?:facebook|twitter|x|pinterest|e-?mail|whatsapp|linkedin|reddit|telegram|print|"
    r"share|tumblr|copy\s+link|messenger|flipboard)[\s|·,]*){1,}$"
    r"|^\d{1,4}(?:\s+(?:comments?|shares?|views?|likes?))?$"
    r"|^(?:advertisement|sponsored|skip\s+to\s+(?:main\s+)?content|close|menu|search|"
    r"home|log\s*in|sign\s+in|loading\.*|click\s+here.*|photo:.{0,80}|image:.{0,80})$"
    r"|^.*(?:all\s+rights\s+reserved|privacy\s+policy|terms\s+(?:&|and)\s+conditions|"
    r"cookie\s+(?:policy|settings)|we\s+use\s+cookies|opt[- ]out|unsubscribe).*$"
    r"|^(?:©|copyright\b).*$",
    re.I,
)


@dataclass(frozen=True)
class Line:
    """One source line with the features the chrome rules read."""

    index: int
    text: str
    words: int
    bullet: bool
    prose: bool
    short: bool

    @property
    def blank(self) -> bool:
        """True for an empty line."""
        return not self.text


def describe_lines(text: str) -> list[Line]:
    """Split ``text`` into stripped lines with their shape features."""
    lines: list[Line] = []
    for index, raw in enumerate(text.split("\n")):
        stripped = " ".join(raw.split())
        bullet = BULLET.match(stripped) is not None
        content = BULLET.sub("", stripped) if bullet else stripped
        words = len(content.split())
        # Sentence punctuation, possibly inside closing quotes: ."  ?’  .)  . " (wire copy)
        terminal = content.rstrip(_CLOSERS).rstrip().endswith(_TERMINAL) and not _TEASER_END.search(
            content
        )
        prose = (words >= 6 and terminal) or words >= 16
        short = 0 < words <= 4 and not terminal
        lines.append(Line(index, stripped, words, bullet, prose, short))
    return lines


def line_key(text: str) -> str:
    """Normalised form of a line for repetition counts (case and bullets ignored)."""
    return " ".join(BULLET.sub("", text).lower().split())


def is_footer_marker(text: str) -> bool:
    """True when the line labels a section that is not the article (related posts...)."""
    return len(text) <= 80 and _FOOTER_MARKER.match(BULLET.sub("", text)) is not None


def is_chrome_line(text: str) -> bool:
    """True when the line is chrome wherever it stands (share rows, counters, legal)."""
    return len(text) <= 200 and _CHROME_LINE.match(BULLET.sub("", text)) is not None


def template_lines(lines: Sequence[Line], corpus_repeats: frozenset[str]) -> set[int]:
    """Indexes of short lines that a site template repeats.

    A short line (up to 12 words) seen twice in one document, or in several documents
    of the corpus, is navigation, a category label or a byline rather than prose.
    """
    seen: dict[str, list[int]] = {}
    for line in lines:
        if line.text and line.words <= 12 and not line.prose:
            seen.setdefault(line_key(line.text), []).append(line.index)
    found: set[int] = set()
    for key, indexes in seen.items():
        if len(indexes) > 1 or key in corpus_repeats:
            found.update(indexes)
    return found


def menu_lines(lines: Sequence[Line]) -> set[int]:
    """Indexes of lines in menu-like runs: three or more short lines in a row."""
    found: set[int] = set()
    run: list[int] = []
    end_marker = Line(-1, "end", 99, bullet=False, prose=True, short=False)
    for line in [*lines, end_marker]:
        if line.short:
            run.append(line.index)
            continue
        if line.blank and run:
            continue
        if len(run) >= 3:
            found.update(run)
        run = []
    return found


def find_body(
    lines: Sequence[Line], chrome: set[int], evidence: Collection[int] = frozenset()
) -> tuple[int, int] | None:
    """Find the article body as a half-open range of line indexes.

    The body starts at the first prose line that is not chrome and ends before the first
    footer marker after it. Inside that stretch it runs to the last prose line, together
    with the non-chrome lines that follow that line with no blank line between: they
    continue its block (a closing "[/]" line, a last short line), where chrome after an
    article stands apart or is caught by the chrome rules. Past that, lines with evidence
    of being body (results, standings, scores, their captions: see ``evidence``) carry on
    the body up to the first line of chrome or teaser ("Storm warning for the coast...",
    a date alone), since a table or a list is often the end of a wire story.

    Args:
        lines: Every line of the document.
        chrome: Indexes already known to be chrome.
        evidence: Indexes of short lines known to be body (see ``evidence.body_evidence``).

    Returns:
        ``(first, end)`` line indexes, or None when the document has no prose at all.
    """
    first = next((ln.index for ln in lines if ln.prose and ln.index not in chrome), None)
    if first is None:
        first = next((ln.index for ln in lines if ln.text and ln.index not in chrome), None)
        if first is None:
            return None
    stop = next(
        (ln.index for ln in lines[first + 1 :] if ln.text and is_footer_marker(ln.text)),
        len(lines),
    )
    last = max(
        (ln.index for ln in lines[first:stop] if ln.prose and ln.index not in chrome),
        default=first,
    )
    while last + 1 < stop and lines[last + 1].text and last + 1 not in chrome:
        last += 1
    for line in lines[last + 1 : stop]:
        if not line.text:
            continue
        if line.index in chrome or _TEASER_END.search(line.text):
            break
        if line.index in evidence or line.prose:
            last = line.index
    return first, last + 1
