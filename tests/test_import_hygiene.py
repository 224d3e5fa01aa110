"""The analysis core and the sources never load the UI toolkit."""

from __future__ import annotations

import subprocess
import sys


def test_core_and_sources_load_no_ui() -> None:
    code = (
        "import sys, reader.core.pipeline, reader.core.export, reader.sources.files, "
        "reader.config, reader.processes, reader.cli, reader.library, reader.library.corpora, "
        "reader.library.feeds, reader.sources.web.update, reader.cli_feeds; "
        "print(sorted(sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "'textual'" not in out
    assert "'rich'" not in out
    assert "'reader.ui'" not in out
    # Heavy parsers load only when a file needs them.
    assert "'trafilatura'" not in out
    assert "'charset_normalizer'" not in out
    # The HTTP client and the feed parser load only when something is fetched.
    assert "'httpx'" not in out
    assert "'feedparser'" not in out


def test_worker_analysis_loads_only_its_engines() -> None:
    # A spawned worker imports reader.core.analysis alone: the package entry points load
    # lazily, so it gets the quote finder and the NER but not the merge, cleaner or aligner.
    code = "import sys, reader.core.analysis; print(sorted(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "'reader.core.quotes.detection'" in out
    assert "'reader.core.actors.entities'" in out
    assert "'reader.core.actors.merging'" not in out
    assert "'reader.core.text.cleaning'" not in out
    assert "'reader.core.align'" not in out
    assert "'rapidfuzz'" not in out
