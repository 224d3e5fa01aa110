"""The analysis core and the sources never load the UI toolkit."""

from __future__ import annotations

import subprocess
import sys


def test_core_and_sources_load_no_ui() -> None:
    code = (
        "import sys, reader.core.pipeline, reader.core.export, reader.sources.files, "
        "reader.config, reader.processes, reader.cli; print(sorted(sys.modules))"
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
