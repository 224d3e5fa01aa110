"""Run configuration: which paths to open and the limits to apply. UI-free."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Files larger than this are reported, not read (``--max-size`` changes it).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def default_paths() -> tuple[Path, ...]:
    """The folder opened with no arguments: ``./seeds``, else the checkout's ``seeds/``."""
    local = Path("seeds")
    if local.is_dir():
        return (local,)
    return (_PACKAGE_ROOT / "seeds",)


@dataclass(frozen=True)
class Config:
    """What one run of the app or CLI works on."""

    paths: tuple[Path, ...] = field(default_factory=default_paths)
    max_bytes: int = DEFAULT_MAX_BYTES
    # Analysis processes (``--workers``), 0 for none; None lets the reader and the CLI
    # pick their own defaults for a large folder (see reader.processes.worker_count).
    workers: int | None = None
    # The library's folder (``--home``); None: NEWSROOM_HOME, else the user's data folder.
    home: Path | None = None
    # False (``--no-cache``) analyses everything afresh and leaves the cache as it was.
    use_cache: bool = True
    # True (``--library``): the articles fetched into the library (feeds, pages), not paths.
    library: bool = False
    # Where the reader's w key saves reports; None: Textual's choice, the downloads folder.
    reports: Path | None = None
