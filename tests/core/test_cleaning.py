"""Cleaning on the seeds and on pages the seeds do not contain."""

from __future__ import annotations

import pytest

from reader.core.models import Article, RawDocument
from reader.core.text.cleaning import clean_corpus, clean_document

TITLES = {
    "000": "White House envoy Steve Witkoff is in Moscow for critical talks with President "
    "Putin, following negotiations with Ukraine aimed at securing a peace deal amid ongoing "
    "territorial disputes.",
    "001": "Critical Diplomacy at the Kremlin",
    "002": "Challenges Ahead: Insights from the Putin-Witkoff Talks on Ukraine Peace",
    "003": "High-stakes US push for Ukraine peace meets hard limits in Moscow",
    "004": None,
}


@pytest.mark.parametrize("seed", sorted(TITLES))
def test_seed_title(seed_articles: dict[str, Article], seed: str) -> None:
    assert seed_articles[seed].title == TITLES[seed]


def test_only_003_has_a_date(seed_articles: dict[str, Article]) -> None:
    dates = {seed: article.date for seed, article in seed_articles.items()}
    assert dates == {"000": None, "001": None, "002": None, "003": "2025-12-02", "004": None}


def test_003_metadata_from_byline_and_credit(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["003"]
    assert article.byline == "admin"
    assert article.origin == "FOX NEWS"
    assert article.source == "Fox News"


def test_000_credit_is_origin_not_outlet(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["000"]
    assert article.origin == "Original article"
    assert article.source is None
    assert "Source:" not in article.text


CHROME_003 = [
    "Editor’s Pick", "Investments Aims", "by admin", "This post appeared first",
    "0 comment", "FacebookTwitterPinterestEmail", "previous post", "next post",
    "You may also like", "Obama sycophant", "Starbucks", "Recent Posts", "Stop playing games",
    "nationalize", "Subscription", "privacy", "Terms & Conditions", "Copyright", "February",
    "Economy", "World News",
]


@pytest.mark.parametrize("chrome", CHROME_003)
def test_003_body_has_no_site_chrome(seed_articles: dict[str, Article], chrome: str) -> None:
    assert chrome not in seed_articles["003"].text


def test_003_article_survives_whole(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["003"]
    paragraphs = [article.slice(span) for span in article.paragraphs]
    assert len(paragraphs) == 18
    assert paragraphs[0].startswith("White House envoy Steve Witkoff is in Moscow")
    assert paragraphs[-1].startswith("Trump has voiced frustration")
    assert paragraphs[-1].endswith("walk away from the talks.")
    assert "‘So much work remains,’ Secretary of State Marco Rubio said" in article.text
    assert "he told The Atlantic magazine." in article.text


def test_002_related_sources_footer_removed(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["002"]
    assert "Related Sources" not in article.text
    assert "Source 1" not in article.text
    assert article.text.startswith("Good morning. On Tuesday, Vladimir Putin met")
    assert article.text.endswith("complicating the prospects for peace.")


def test_001_section_headings(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["001"]
    assert [article.slice(span) for span in article.headings] == [
        "Claims from the Frontline Increase Tensions",
        "Peace Plan Sparks Debate",
        "Key Issues Continue to Stall Progress",
    ]


def test_004_lists_and_symbol_headings(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["004"]
    assert [article.slice(span) for span in article.headings] == [
        "🔹 What to Watch For",
        "🔹 Why This Matters",
    ]
    items = [article.slice(span) for span in article.list_items]
    assert len(items) == 7
    assert items[0].startswith("- Territorial integrity & sovereignty:")
    assert all(item.startswith("- ") for item in items)


def test_offsets_index_the_text(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        for span in article.paragraphs:
            chunk = article.slice(span)
            assert chunk == chunk.strip() and chunk
            assert "\n" not in chunk
        for sentence in article.sentences:
            assert any(block.contains(sentence) for block in article.paragraphs)


# A made-up blog page: none of these strings occur in the seeds, so this checks the
# method (shape, repetition, position) rather than a list of the seeds' lines.
MADE_UP_PAGE = """\
Home
Sections
Opinion
Sport
Weather

Harbour Gazette

Council approves new ferry timetable after months of debate

Posted by Jo Bloggs on 14 March 2024

The harbour council voted on Thursday to approve a new ferry timetable, ending months of argument between operators and residents.

Residents had complained that late sailings were being cut. "We finally have certainty," said councillor Ana Ruiz.

Operators will add two evening crossings from May.

Share on
Facebook | Twitter | WhatsApp

Trending Now
Storm warning issued for the weekend coast road...
Local bakery wins national award for sourdough...

Sign up for our newsletter
© 2024 Harbour Gazette. All rights reserved.
Home
Sections
Opinion
"""


def test_made_up_page_is_cleaned_by_method() -> None:
    article = clean_document(RawDocument(id="page", path="page.txt", text=MADE_UP_PAGE))
    assert article.title == "Council approves new ferry timetable after months of debate"
    assert article.date == "2024-03-14"
    assert article.byline == "Jo Bloggs"
    assert article.source == "Harbour Gazette"
    assert article.text.startswith("The harbour council voted on Thursday")
    assert article.text.endswith("Operators will add two evening crossings from May.")
    for chrome in ("Trending", "Storm warning", "newsletter", "Facebook", "Weather", "©"):
        assert chrome not in article.text


def test_lines_repeated_across_corpus_are_template() -> None:
    footer = "Read our coverage policy"
    docs = [
        RawDocument(
            id=str(n), path=f"{n}.txt",
            text=f"Story {n} headline here\nThe body of story number {n} says something new "
            f"and true today.\n{footer}\nIt continues with a second long sentence of body text.",
        )
        for n in range(4)
    ]
    for article in clean_corpus(docs):
        assert footer not in article.text
        assert "second long sentence" in article.text


def test_empty_and_chrome_only_documents_give_empty_bodies() -> None:
    assert clean_document(RawDocument(id="e", path="e", text="")).text == ""
    menu = "Home\nNews\nSport\nContact us\n"
    assert clean_document(RawDocument(id="m", path="m", text=menu)).text == ""


def test_hard_wrapped_text_is_unwrapped() -> None:
    text = (
        "A wrapped story\n\nThe first paragraph of this story was wrapped at a fixed\n"
        "width by an old export tool, so every line breaks\nin the middle of a sentence.\n\n"
        "The second paragraph is wrapped the same way, which\nthe cleaner must undo before "
        "it finds sentences.\n"
    )
    article = clean_document(RawDocument(id="w", path="w", text=text))
    assert article.title == "A wrapped story"
    assert len(article.paragraphs) == 2
    assert "fixed width by an old export tool" in article.text


def test_markup_like_last_lines_stay_in_the_body() -> None:
    # Lines that continue the last paragraph's block are the article's, however short.
    text = (
        "Markup test headline\n\n"
        "The council said on Thursday that the budget would be published in [1] full next "
        "week, after months of debate.\n\n"
        "Officials added that [bold]nothing[/bold] had been decided about the ferry.\n"
        "[/]\n"
        "[red]unclosed\n"
    )
    article = clean_document(RawDocument(id="m", path="m.txt", text=text))
    assert article.text.endswith("had been decided about the ferry.\n\n[/]\n\n[red]unclosed")


def test_chrome_after_the_last_paragraph_still_goes() -> None:
    text = (
        "Ferry timetable approved\n\n"
        "The council approved the new ferry timetable on Thursday after months of debate.\n"
        "Share on Facebook\n"
        "© 2024 Harbour Gazette\n\n"
        "Home\nNews\nSport\n"
    )
    article = clean_document(RawDocument(id="f", path="f.txt", text=text))
    assert article.text == ("The council approved the new ferry timetable on Thursday after "
                            "months of debate.")
