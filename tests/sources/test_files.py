"""Hostile input: every bad file is reported in one line while the others still load."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reader.sources.files import discover, load_documents

GOOD = "A good headline\n\nThis article has a body of plain prose that loads fine.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def load_one(folder: Path, name: str, data: bytes) -> tuple[list[str], dict[str, str]]:
    (folder / name).write_bytes(data)
    result = load_documents([folder])
    texts = [doc.id for doc in result.documents]
    errors = {Path(error.path).name: error.error for error in result.errors}
    return texts, errors


def test_empty_file_is_reported(folder: Path) -> None:
    ids, errors = load_one(folder, "empty.txt", b"")
    assert ids == ["good"]
    assert errors == {"empty.txt": "empty file"}


def test_whitespace_only_file_is_reported(folder: Path) -> None:
    _ids, errors = load_one(folder, "blank.txt", b"  \n\n \t\n")
    assert errors == {"blank.txt": "empty file"}


def test_binary_file_named_txt_is_reported(folder: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    ids, errors = load_one(folder, "picture.txt", png)
    assert ids == ["good"]
    assert errors == {"picture.txt": "binary file, not text"}


def test_invalid_utf8_is_decoded_not_dropped(folder: Path) -> None:
    data = "Caf\u00e9 owners said \u201cwe are open\u201d.".encode() + b" \xff\xfe bad bytes."
    ids, errors = load_one(folder, "broken.txt", data)
    assert sorted(ids) == ["broken", "good"]
    assert errors == {}


def test_cp1252_text_is_decoded(folder: Path) -> None:
    text = "\u201cWe won\u2019t sell,\u201d the caf\u00e9 owner said, asking \u00a35."
    (folder / "legacy.txt").write_bytes(text.encode("cp1252"))
    result = load_documents([folder / "legacy.txt"])
    assert result.documents[0].text == text


def test_latin1_pound_sign_is_decoded(folder: Path) -> None:
    (folder / "pound.txt").write_bytes("Tickets cost \u00a320 each for the final.".encode("latin-1"))
    result = load_documents([folder / "pound.txt"])
    assert "\u00a320" in result.documents[0].text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_text_with_byte_order_mark(folder: Path, encoding: str) -> None:
    text = "Zelenskyy\u2019s team said \u201cyes\u201d to the plan."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (folder / "bom.txt").write_bytes(data)
    assert load_documents([folder / "bom.txt"]).documents[0].text == text


def test_50_mb_file_is_reported_not_loaded(folder: Path) -> None:
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = load_documents([folder])
    assert [doc.id for doc in result.documents] == ["good"]
    [error] = result.errors
    assert error.error.startswith("too large: 50.0 MB")


def test_unreadable_file_is_reported(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = folder / "secret.txt"
    secret.write_text(GOOD)
    secret.chmod(0)
    if os.access(secret, os.R_OK):
        # Root reads any file, so simulate the kernel refusing this one.
        real = os.open

        def refuse(path: str | os.PathLike[str], flags: int, *args: int) -> int:
            if Path(path).name == "secret.txt":
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path, flags, *args)

        monkeypatch.setattr(os, "open", refuse)
    result = load_documents([folder])
    assert [doc.id for doc in result.documents] == ["good"]
    assert [(Path(e.path).name, e.error) for e in result.errors] == [
        ("secret.txt", "permission denied")
    ]


def test_symlink_loops_end(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text(GOOD)
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    result = load_documents([folder])
    assert sorted(doc.id for doc in result.documents) == ["good", "sub/inner"]
    assert [(Path(e.path).name, e.error) for e in result.errors] == [
        ("self.txt", "symbolic link loop")
    ]


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = load_documents([tmp_path / "nope"])
    assert result.documents == ()
    assert result.errors[0].error == "no such file or folder"


def test_folder_of_10000_files(tmp_path: Path) -> None:
    for n in range(10_000):
        (tmp_path / f"{n:05d}.txt").write_text(f"Headline {n}\n\nBody of article number {n}.\n")
    (tmp_path / ".hidden.txt").write_text(GOOD)
    (tmp_path / "cover.jpg").write_bytes(b"\xff\xd8\xff")  # plainly not an article
    files, errors = discover([tmp_path])
    assert len(files) == 10_000 and not errors
    assert files[0].name == "00000.txt" and files[-1].name == "09999.txt"
    result = load_documents([tmp_path])
    assert len(result.documents) == 10_000


def test_crlf_ansi_osc_and_controls_are_normalised(folder: Path) -> None:
    raw = (
        "Title line\r\n\r\nThe \x1b[31mred\x1b[0m text and \x1b]8;;http://evil\x07a link"
        "\x1b]8;;\x07 stay\x00 plain.\rNext line\u2028here.\r\n"
    )
    (folder / "escapes.txt").write_bytes(raw.encode())
    text = load_documents([folder / "escapes.txt"]).documents[0].text
    assert text == "Title line\n\nThe red text and a link stay plain.\nNext line\nhere.\n"
    assert "\x1b" not in text and "\r" not in text


def test_nfc_normalisation(folder: Path) -> None:
    (folder / "nfd.txt").write_text("Cafe\u0301 Zelenskyy said so.\n")
    assert load_documents([folder / "nfd.txt"]).documents[0].text == "Caf\u00e9 Zelenskyy said so.\n"


def test_markup_in_title_is_kept_literally(folder: Path) -> None:
    (folder / "markup.txt").write_text("[bold]x[/\n\nBody with [link=http://x]text[/link] here.\n")
    doc = load_documents([folder / "markup.txt"]).documents[0]
    assert doc.text.startswith("[bold]x[/\n")


def test_ids_are_paths_under_the_folder_and_stable(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(GOOD)
    ids = {doc.id: doc.path for doc in load_documents([tmp_path]).documents}
    assert ids == {"a/story": str(tmp_path / "a" / "story.txt"),
                   "b/story": str(tmp_path / "b" / "story.txt")}
    # The same file keeps its id when the other one is gone.
    (tmp_path / "a" / "story.txt").unlink()
    assert [doc.id for doc in load_documents([tmp_path]).documents] == ["b/story"]


def test_clashing_ids_fall_back_to_longer_unique_forms(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(GOOD)
    (tmp_path / "story.md").write_text(GOOD)
    (tmp_path / "other.txt").write_text(GOOD)
    ids = [doc.id for doc in load_documents([tmp_path]).documents]
    assert ids == ["other", "story.md", "story.txt"]
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "note.txt").write_text(GOOD)
    ids = [doc.id for doc in load_documents([tmp_path / "x", tmp_path / "y"]).documents]
    assert ids == [(tmp_path / "x" / "note.txt").as_posix(),
                   (tmp_path / "y" / "note.txt").as_posix()]


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(GOOD)
    result = load_documents([tmp_path, tmp_path / "story.txt"])
    assert [doc.id for doc in result.documents] == ["story"]


def test_record_ids_are_file_id_and_record_number(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "feed.jsonl").write_text(
        '{"text": "First record body."}\n{"text": "Second record body."}\n')
    (tmp_path / "feed#2.txt").write_text(GOOD)  # a file named like a record id
    ids = [doc.id for doc in load_documents([tmp_path]).documents]
    assert ids == ["2024/feed#1", "2024/feed#2", "feed#2"]
