"""ENGINE_VERSION must change whenever what the engines find in an article changes.

The digest of the seeds' analysis is stored beside the version it was made with. When
an engine's output changes, this test fails until ENGINE_VERSION is bumped (so every
user's cached analyses are made again) and the digest below is brought up to date.
"""

from __future__ import annotations

import hashlib
import json

from reader.core.analysis import ENGINE_VERSION, analyse_article
from reader.core.models import Article
from reader.library.codec import to_data

# (ENGINE_VERSION, digest of the seeds' findings) as last stored.
STORED = (4, "f7974edc1be86e75dca3080c70725ce5b1caa86655d8d702b7e948881e89edd3")


def seeds_digest(articles: list[Article]) -> str:
    findings = []
    for article in sorted(articles, key=lambda a: a.id):
        data = to_data(analyse_article(article))
        data.pop("article")
        findings.append(data)
    text = json.dumps(findings, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def test_engine_version_changes_with_the_output(seed_articles: dict[str, Article]) -> None:
    digest = seeds_digest(list(seed_articles.values()))
    assert (ENGINE_VERSION, digest) == STORED, (
        "the engines' output on the seeds changed: bump ENGINE_VERSION in "
        "reader/core/analysis.py and set STORED here to the new version and digest"
    )
