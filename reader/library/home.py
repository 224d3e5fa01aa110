"""Where the library lives: ``--home DIR``, else ``NEWSROOM_HOME``, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "NEWSROOM_HOME"
APP_NAME = "newsroom-reader"


def library_home(explicit: Path | None = None) -> Path:
    """The library's folder (not created here).

    Args:
        explicit: The ``--home`` option, which wins over the environment.
    """
    if explicit is not None:
        return explicit
    named = os.environ.get(HOME_VARIABLE)
    if named:
        return Path(named)
    # Imported only when needed: tests and scripts name their home and never load it.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))
