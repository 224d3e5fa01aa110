"""Named pipes, devices and endless files are refused at once, never read until a hang."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.sources.files import load_documents

BODY = "A paragraph of plain prose, long enough to count as the body of an article.\n"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@needs_fifo
def test_named_pipe_in_a_folder_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A headline\n\n" + BODY)
    os.mkfifo(tmp_path / "pipe.txt")
    result = load_documents([tmp_path])
    assert [doc.id for doc in result.documents] == ["good"]
    assert [(Path(e.path).name, e.error) for e in result.errors] == [
        ("pipe.txt", "not a regular file (a named pipe)")]


def _analyze(path: str) -> subprocess.CompletedProcess[str]:
    # In a subprocess with a timeout: the old reader blocked for ever on these.
    code = "import sys; from reader.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, "analyze", path], capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)


@needs_fifo
def test_named_pipe_given_by_name_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    done = _analyze(str(tmp_path / "pipe.txt"))
    assert done.returncode == 2
    assert "not a regular file (a named pipe)" in done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_endless_device_is_refused_without_reading() -> None:
    done = _analyze("/dev/zero")
    assert done.returncode == 2
    assert "not a regular file (a device)" in done.stderr


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_file_longer_than_its_stated_size_is_read_to_the_limit_only() -> None:
    # /proc files say they are 0 bytes long and are not: the one case of a file that
    # holds more than it states, as a file growing while it is read would.
    from reader.sources.files import read_bounded
    from reader.sources.formats import FormatError

    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    assert b"Name:" in read_bounded(status, 1_000_000)
    with pytest.raises(FormatError, match="too large"):
        read_bounded(status, 10)
