"""The library database: schema versions, busy writers, and a process killed mid-write."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.library import Library, LibraryBusy, NewerSchema
from reader.library.home import library_home
from reader.library.state import Known, ReadingState, content_hash
from reader.library.store import DATABASE_NAME, SCHEMA_VERSION


def test_new_library_is_wal_and_current(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "home")
    with library.read() as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    library.close()
    # Opening again migrates nothing and keeps what was there.
    Library.open(tmp_path / "home").close()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE future (x)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchema, match="newer than this newsroom reads"):
        Library.open(tmp_path)
    assert path.read_bytes() == before
    assert not path.with_name(DATABASE_NAME + "-wal").exists()


def test_second_writer_waits_then_reports_busy(tmp_path: Path) -> None:
    Library.open(tmp_path).close()
    holder = sqlite3.connect(tmp_path / DATABASE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    library = Library.open(tmp_path, busy_seconds=0.2)
    state = ReadingState(library)
    # Readers still see the committed data while another process writes.
    assert state.listed() == []
    with pytest.raises(LibraryBusy, match="another newsroom is writing"):
        state.set([Known(content_hash("x"))], read=True)
    holder.execute("ROLLBACK")
    state.set([Known(content_hash("x"))], read=True)
    assert [row.state.read for row in state.listed()] == [True]


def test_killed_mid_write_reopens_with_committed_data(tmp_path: Path) -> None:
    # A child saves notes one transaction at a time, printing each once committed, and
    # is killed with SIGKILL while it goes on writing.
    code = textwrap.dedent(f"""
        from pathlib import Path
        from reader.library import Library
        from reader.library.state import Known, ReadingState, content_hash
        state = ReadingState(Library.open(Path({str(tmp_path)!r})))
        n = 0
        while True:
            state.set([Known(content_hash(str(n)), path=str(n))], note="note " * 200)
            print(n, flush=True)
            n += 1
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    committed = [child.stdout.readline() for _ in range(30)]
    child.kill()
    child.wait()
    library = Library.open(tmp_path)
    with library.read() as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    paths = {row.path for row in ReadingState(library).listed()}
    assert {line.strip() for line in committed} <= paths


def test_home_from_option_then_environment(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSROOM_HOME", str(tmp_path / "env"))
    assert library_home(tmp_path / "option") == tmp_path / "option"
    assert library_home() == tmp_path / "env"
    monkeypatch.delenv("NEWSROOM_HOME")
    assert library_home().name == "newsroom-reader"


def test_analyze_killed_mid_run_leaves_a_library_that_gives_the_right_output(
    tmp_path: Path,
) -> None:
    # Kill `newsroom analyze` once its first analyses are committed (before the folder's
    # snapshot and corpus results are), then check the next run against --no-cache.
    home = tmp_path / "home"
    env = {**os.environ, "NEWSROOM_HOME": str(home)}
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    args = [sys.executable, "-m", "reader", "analyze", str(seeds), "--json"]
    child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not _analyses(home):
        try:  # wait on the child itself, a few ms at a time, until it has committed
            child.wait(timeout=0.005)
            break
        except subprocess.TimeoutExpired:
            continue
    child.kill()
    child.wait()
    assert _analyses(home) > 0
    library = Library.open(home)
    with library.read() as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    library.close()
    cached = subprocess.run(args, env=env, capture_output=True, check=True).stdout
    fresh = subprocess.run([*args, "--no-cache"], env=env, capture_output=True,
                           check=True).stdout
    assert cached == fresh


def _analyses(home: Path) -> int:
    """Committed analyses, read as a second process would (0 before the table exists)."""
    try:
        connection = sqlite3.connect(f"file:{home / DATABASE_NAME}?mode=ro", uri=True)
        try:
            return int(connection.execute("SELECT count(*) FROM analyses").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return 0
