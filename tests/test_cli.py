"""The command line: the JSON contract, exit statuses, help and version, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE_KEYS = {"id", "path", "title", "source", "byline", "date", "text", "paragraphs",
                "sentences", "quotes", "quote_counts", "mentions"}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    status = main(["analyze", *args, "--json"])
    return status, json.loads(capsys.readouterr().out)


def test_analyze_json_contract_on_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    status, data = run_json(capsys, str(SEEDS))
    assert status == 0
    assert set(data) == {"articles", "actors", "errors", "stories"}
    assert data["errors"] == []
    assert [a["id"] for a in data["articles"]] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for article in data["articles"]:
        assert set(article) >= ARTICLE_KEYS
        text = article["text"]
        for start, end in article["paragraphs"] + article["sentences"]:
            assert 0 <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end]
    by_id = {a["id"][:3]: a for a in data["articles"]}
    assert by_id["003"]["date"] == "2025-12-02"
    (story,) = data["stories"]
    assert story["articles"] == [a["id"] for a in data["articles"]]
    assert {a["story"] for a in data["articles"]} == {story["id"]}
    # 000 is a rewrite of 003: nearly all of it is inside 003, and its sentences say so.
    (pair,) = story["pairs"]
    assert (pair["a"][:3], pair["b"][:3], pair["direction"][:3]) == ("000", "003", "003")
    assert pair["coverage_a"] > 0.9
    assert any({o["article"][:3] for o in q["occurrences"]} == {"000", "003"}
               for q in story["quotes"])
    sentences = len(by_id["000"]["sentences"])
    shared = [p for p in by_id["000"]["provenance"] if by_id["003"]["id"] in p["articles"]]
    assert len(shared) > 0.8 * sentences
    assert all(0 <= p["sentence"] < sentences and p["kind"] in {"reuse", "paraphrase"}
               for p in by_id["000"]["provenance"])
    assert by_id["004"]["title"] is None


def test_errors_listed_and_status_2_when_nothing_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    status, data = run_json(capsys, str(tmp_path), str(tmp_path / "missing"))
    assert status == 2
    assert data["articles"] == []
    assert {Path(e["path"]).name: e["error"] for e in data["errors"]} == {
        "empty.txt": "empty file",
        "missing": "no such file or folder",
    }


def test_status_0_when_some_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    status, data = run_json(capsys, str(tmp_path), str(SEEDS / "001_fd58ad96ff42eae5.txt"))
    assert status == 0
    assert len(data["articles"]) == 1 and len(data["errors"]) == 1


def test_readable_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "Critical Diplomacy at the Kremlin" in out
    assert "2025-12-02" in out and "Fox News" in out
    assert out.rstrip().endswith("5 articles, 0 errors")
    # 001 quotes nobody in marks and reports a good deal: speech and reported apart.
    header, *rows = out.splitlines()
    assert header.split()[4:7] == ["QUOTES", "REPORTED", "TITLE"]
    row = next(r for r in rows if "Critical Diplomacy at the Kremlin" in r).split()
    assert row[4] == "0" and int(row[5]) > 5


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsroom {__version__}"
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    assert "--json" in capsys.readouterr().out


def test_console_script_has_no_traceback_on_garbage(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "binary file, not text" in result.stderr


def test_analyze_json_fills_quotes_mentions_and_actors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, data = run_json(capsys, str(SEEDS))
    assert status == 0
    by_id = {a["id"][:3]: a for a in data["articles"]}
    actors = {actor["id"]: actor for actor in data["actors"]}
    rubio = next(q for q in by_id["000"]["quotes"] if q["text"].startswith("So much work"))
    assert set(rubio) == {"start", "end", "text", "speaker", "actor", "kind", "cue"}
    assert by_id["000"]["text"][rubio["start"] : rubio["end"]] == rubio["text"]
    assert rubio["speaker"] == "Marco Rubio" and rubio["kind"] == "statement"
    assert actors[rubio["actor"]]["name"] == "Marco Rubio"
    # Reported speech comes in the same list, kind "indirect", with its cue and speaker.
    stressed = next(q for q in by_id["001"]["quotes"]
                    if q["kind"] == "indirect" and q["cue"] == "stressed")
    assert stressed["text"].startswith("Ukraine’s sovereignty and firm security guarantees")
    assert stressed["speaker"] == "Zelensky"
    assert actors[stressed["actor"]]["name"] == "Volodymyr Zelenskyy"
    for article in data["articles"]:
        counts = article["quote_counts"]
        kinds = [q["kind"] for q in article["quotes"]]
        expected = {kind: kinds.count(kind) for kind in ("statement", "fragment", "term",
                                                          "indirect")}
        expected["speech"] = kinds.count("statement") + kinds.count("fragment")
        assert counts == expected
    assert by_id["001"]["quote_counts"]["speech"] == 0
    assert by_id["001"]["quote_counts"]["indirect"] > 5
    zelensky = {m["actor"] for a in data["articles"] for m in a["mentions"]
                if m["text"].startswith("Zelensk")}
    assert len(zelensky) == 1  # Zelensky (001) and Zelenskyy (others): one actor
    actor = actors[zelensky.pop()]
    assert actor["name"] == "Volodymyr Zelenskyy" and actor["kind"] == "person"
    assert len(actor["articles"]) == 5
    for article in data["articles"]:
        for mention in article["mentions"]:
            assert article["text"][mention["start"] : mention["end"]] == mention["text"]
            assert mention["actor"] in actors


def test_align_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    a, b = SEEDS / "000_a4b843c2ee7adb06.txt", SEEDS / "003_93b0f4002bfe62b8.txt"
    assert main(["align", str(a), str(b), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"a", "b", "coverage_a", "coverage_b", "pairs", "unique_a", "unique_b"}
    assert (data["a"], data["b"]) == (a.stem, b.stem)
    assert data["coverage_a"] > 0.8 and data["coverage_b"] > 0.5
    pair = data["pairs"][0]
    assert set(pair) == {"a", "b", "a_text", "b_text", "score", "kind", "moved", "ops"}
    for op in pair["ops"]:
        assert op[0] in {"equal", "insert", "delete", "replace"} and len(op) == 5


def test_align_readable_and_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    a, b = SEEDS / "001_fd58ad96ff42eae5.txt", SEEDS / "004_93d9cd55b77c851e.txt"
    assert main(["align", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A 001_fd58ad96ff42eae5: Critical Diplomacy at the Kremlin")
    assert "only in A" in out
    assert main(["align", str(a), str(SEEDS / "missing.txt")]) == 2


def test_overlap_finds_the_rewrite(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["overlap", str(SEEDS), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["a"].startswith("000") and found[0]["b"].startswith("003")
    assert found[0]["coverage_a"] > 0.8
    assert main(["overlap", str(SEEDS)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("1 overlapping pair")


def test_overlap_table_shows_titles_and_paths(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["overlap", str(SEEDS)]) == 0
    a_line, b_line = capsys.readouterr().out.splitlines()[1:3]
    assert "A 000_a4b843c2ee7adb06  White House envoy Steve Witkoff" in a_line
    assert a_line.endswith(f"({SEEDS / '000_a4b843c2ee7adb06.txt'})")
    assert "B 003_93b0f4002bfe62b8  High-stakes US push for Ukraine peace" in b_line
    assert b_line.endswith(f"({SEEDS / '003_93b0f4002bfe62b8.txt'})")


def test_align_takes_the_ids_analyze_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for sub, seed in (("a", "000_a4b843c2ee7adb06"), ("b", "003_93b0f4002bfe62b8")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_bytes((SEEDS / f"{seed}.txt").read_bytes())
    assert main(["analyze", str(tmp_path), "--json"]) == 0
    ids = [a["id"] for a in json.loads(capsys.readouterr().out)["articles"]]
    assert ids == ["a/story", "b/story"]
    assert main(["align", *ids, "--in", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["a"], data["b"]) == ("a/story", "b/story") and data["coverage_a"] > 0.8
    monkeypatch.chdir(tmp_path)  # as 'newsroom analyze .' lists them
    assert main(["align", "a/story", "b/story", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["coverage_a"] > 0.8
    assert main(["align", "a/story.txt", "b/story.txt", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["a"], data["b"]) == ("a/story.txt", "b/story.txt")  # both named 'story'
    assert main(["align", "a/story", "c/story"]) == 2
    assert "c/story: no such file, record or article id" in capsys.readouterr().err


def test_align_takes_records_of_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = [(SEEDS / f"{seed}.txt").read_text() for seed in
             ("000_a4b843c2ee7adb06", "003_93b0f4002bfe62b8")]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": text}) for text in texts) + "\n")
    assert main(["align", f"{feed}#1", f"{feed}#2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["a"], data["b"]) == ("feed#1", "feed#2")
    assert main(["align", str(feed), f"{feed}#2"]) == 2
    assert "holds 2 articles: name one as" in capsys.readouterr().err


def test_counts_are_singular_for_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    one = SEEDS / "000_a4b843c2ee7adb06.txt"
    assert main(["analyze", str(one), str(tmp_path)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("\n1 article, 1 error")
    assert main(["analyze", str(SEEDS)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("\n5 articles, 0 errors")
    assert main(["overlap", str(one), str(SEEDS / "003_93b0f4002bfe62b8.txt")]) == 0
    assert capsys.readouterr().out.rstrip().endswith("\n1 overlapping pair")
    assert main(["align", str(one), str(tmp_path / "empty.txt")]) == 2
    assert "needs two articles, got 1 article" in capsys.readouterr().err


def test_stories_lists_one_row_a_story(capsys: pytest.CaptureFixture[str]) -> None:
    stories = Path(__file__).resolve().parent / "data" / "stories"
    assert main(["stories", str(stories), str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["STORY", "ARTICLES", "OUTLETS", "DATES", "TITLE"]
    rows = [line.split() for line in lines[1:-1]]
    assert [row[1] for row in rows] == ["5", "2", "2", "1"]
    assert rows[0][3] == "2025-12-02"
    assert "Strong earthquake shakes central Chile" in lines[2] + lines[3]
    assert lines[-1] == "4 stories of 10 articles"


def test_stories_json_is_the_stories_list(capsys: pytest.CaptureFixture[str]) -> None:
    stories = Path(__file__).resolve().parent / "data" / "stories"
    assert main(["stories", str(stories), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(story["articles"] for story in data) == [
        ["cup-final"], ["quake-chile-1", "quake-chile-2"], ["quake-turkey-1", "quake-turkey-2"]]
    assert set(data[0]) == {"id", "title", "articles", "outlets", "first_date", "last_date",
                            "pairs", "quotes"}


def test_stories_title_from_a_file_cannot_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: \"Quake\\u001b[31m red\"\n---\n\nA body of words.\n")
    assert main(["stories", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "Quake\u241b[31m red" in out


def test_output_is_byte_identical_with_and_without_the_cache(
    capsys: pytest.CaptureFixture[str], library_home: Path
) -> None:
    outputs = []
    for extra in ([], [], ["--no-cache"]):
        assert main(["analyze", str(SEEDS), "--json", *extra]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert main(["cache", "info"]) == 0
    info = capsys.readouterr().out
    assert str(library_home) in info and "entries: 5 " in info
    assert main(["cache", "clear"]) == 0
    assert capsys.readouterr().out == "cleared 5 cached analyses\n"


def test_state_cli_marks_lists_and_follows_a_moved_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "story.txt"
    article.write_text((SEEDS / "001_fd58ad96ff42eae5.txt").read_text())
    assert main(["state", str(article), "--read", "--flag", "--note", "check the date"]) == 0
    capsys.readouterr()
    moved = tmp_path / "moved.txt"
    article.rename(moved)
    assert main(["state", str(moved), "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["read"], row["flagged"], row["note"]) == (True, True, "check the date")
    assert main(["state", "--list", "--unread"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["state", "--list", "--flagged", "--json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == [row["title"]]
