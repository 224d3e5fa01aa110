"""Analysis in worker processes: the same results, in order, and a prompt stop."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from pathlib import Path

import pytest

from reader import processes
from reader.cli import main
from reader.core.analysis import analyse_article
from reader.core.models import Article, LoadError, Mention, Quote
from reader.core.text.cleaning import clean_corpus, split_empty
from reader.processes import (
    PROCESS_MIN_ARTICLES,
    WorkerDied,
    analyse_batches,
    map_batches,
    start_method,
    worker_count,
)
from reader.sources.files import load_documents

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_articles() -> list[Article]:
    articles, _ = split_empty(clean_corpus(load_documents((SEEDS,)).documents))
    return articles


def test_worker_processes_give_the_same_analysis_in_the_same_order() -> None:
    articles = seed_articles()
    batches = list(analyse_batches(articles, batch=2, workers=2))
    assert [len(b) for b in batches] == [2, 2, 1]
    assert [item for b in batches for item in b] == [analyse_article(a) for a in articles]
    assert sum(len(item.quotes) for b in batches for item in b) >= 10  # real work was done


def test_workers_are_forked_only_while_no_other_thread_runs() -> None:
    alone = start_method()
    assert alone == ("fork" if sys.platform == "linux" and threading.active_count() == 1
                     else "spawn")
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert start_method() == "spawn"
        # and spawned workers give the same analysis as forked ones
        articles = seed_articles()
        batches = list(analyse_batches(articles, batch=3, workers=2))
        assert [item for b in batches for item in b] == [analyse_article(a) for a in articles]
    finally:
        release.set()
        other.join()


def test_an_error_in_a_worker_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        list(map_batches(int, ["1", "two"], batch=1, workers=2))


def test_a_stop_ends_the_workers_without_waiting_for_the_rest() -> None:
    got: list[list[object]] = []
    for batch in map_batches(analyse_article, seed_articles(), batch=1, workers=2,
                             stop=lambda: bool(got)):
        got.append(batch)
    assert len(got) == 1  # stopped after the first of five batches


def test_worker_count_is_the_users_choice_or_one_per_core_for_large_folders() -> None:
    assert worker_count(None, 5) == 0  # a small folder is analysed in place
    assert worker_count(0, 10_000) == 0
    assert worker_count(1, 5) == 1
    assert worker_count(3, 5) == 3
    automatic = worker_count(None, PROCESS_MIN_ARTICLES)
    assert automatic == 0 or automatic >= 2
    assert worker_count(None, PROCESS_MIN_ARTICLES, most=1) == min(automatic, 1)


def test_cli_workers_option_changes_nothing_in_the_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["analyze", str(SEEDS), "--json", "--workers", "0"]) == 0
    in_place = json.loads(capsys.readouterr().out)
    assert main(["analyze", str(SEEDS), "--json", "--workers", "2"]) == 0
    assert json.loads(capsys.readouterr().out) == in_place


@pytest.mark.parametrize("value", ["-2", "many", "1.5"])
def test_cli_rejects_a_bad_workers_value(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", str(SEEDS), "--workers", value])
    assert exit_info.value.code == 2
    assert "--workers" in capsys.readouterr().err


def _die_on(item: str) -> str:
    """Kills its own worker process on "die", as the OOM killer would."""
    if item == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return item.upper()


def test_a_dead_worker_is_detected_and_its_batch_retried_then_given_up() -> None:
    items = ["a", "b", "die", "c", "d", "e"]
    got = list(map_batches(_die_on, items, batch=1, workers=2, lost=lambda item: "lost"))
    assert got == [["A"], ["B"], ["lost"], ["C"], ["D"], ["E"]]
    with pytest.raises(WorkerDied):
        list(map_batches(_die_on, items, batch=2, workers=2))


DOOMED = "002"


def _findings_dying_on_doomed(article: Article) -> tuple[tuple[Quote, ...], tuple[Mention, ...]]:
    if article.id.startswith(DOOMED):
        os.kill(os.getpid(), signal.SIGKILL)
    found = analyse_article(article)
    return found.quotes, found.mentions


def test_a_lost_article_is_reported_and_the_rest_analysed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = seed_articles()
    doomed = articles[2]
    assert doomed.id.startswith(DOOMED)
    # Forked workers see the patched function.
    monkeypatch.setattr(processes, "_findings", _findings_dying_on_doomed)
    failed: list[LoadError] = []
    batches = list(analyse_batches(articles, batch=1, workers=2, failed=failed))
    assert failed == [LoadError(doomed.path, processes.LOST_REASON)]
    analysed = [item for b in batches for item in b]
    assert [item.article.id for item in analysed] == [a.id for a in articles]
    assert analysed[2].quotes == () and analysed[0] == analyse_article(articles[0])
