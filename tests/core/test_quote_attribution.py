"""Speaker attribution rules, one named case per rule (texts written for the tests)."""

from __future__ import annotations

import pytest

from reader.core.quotes.detection import analyse_quotes, detect_quotes, looks_like_term

# name -> (text, expected speaker of the LAST quote, expected cue or None to skip)
CASES: dict[str, tuple[str, str | None, str | None]] = {
    "x-said": ("“We won the vote,” Smith said.", "Smith", "said"),
    "said-x": ("“We won the vote,” said Jane Smith, a senator.", "Jane Smith", "said"),
    "x-told-reporters": ("“We won the vote,” Smith told reporters.", "Smith", "told reporters"),
    "according-to-x": (
        "The plan is “dead on arrival,” according to Senator John Smith.",
        "John Smith",
        "according to",
    ),
    "x-wrote-on-telegram": (
        "Zelenskyy wrote on Telegram: “We will not give up our land.”",
        "Zelenskyy",
        "wrote on Telegram",
    ),
    "x-colon": ("Rubio: “We made real progress today.”", "Rubio", ":"),
    "x-remarked-comma": (
        "Secretary of State Marco Rubio remarked, “So much work remains.”",
        "Marco Rubio",
        "remarked",
    ),
    "participle-subject": (
        "Trump expressed optimism, stating, “There’s a good chance we can make a deal.”",
        "Trump",
        "stating",
    ),
    "appositive-subject": (
        "Clinton, the former secretary of state, said, “We need a plan.”",
        "Clinton",
        "said",
    ),
    "party-parenthesis": ("“We need a plan,” Rep. Earl Jones (D-Ore.) said.", "Earl Jones", "said"),
    "passive-by": (
        "The talks, described by the Foreign Minister as “useful”, ended.",
        "the Foreign Minister",
        "described",
    ),
    "cue-in-previous-sentence": (
        "Smith said the talks went well on Monday. “We are ready for the next round.”",
        "Smith",
        "said",
    ),
    "cue-in-next-sentence": ("“We are ready for the next round.” Smith said so.", "Smith", "said"),
    "continued-after-paragraph-break": (
        "“The first round went well,” Anna Berg said.\n“We are ready for the next one.”",
        "Anna Berg",
        "said",
    ),
    "pronoun-he": (
        "Russian President Vladimir Putin spoke on Tuesday. “We are ready,” he said.",
        "Vladimir Putin",
        "said",
    ),
    "pronoun-she-skips-man": (
        "Angela Merkel met John Smith on Monday. “We are ready,” she said.",
        "Angela Merkel",
        "said",
    ),
    "pronoun-chain": (
        "Donald Trump took swipes at fellow candidate Jeb Bush. “He is weak,” he wrote.",
        "Donald Trump",
        "wrote",
    ),
    "description-president": (
        "Russian President Vladimir Putin arrived. “We are ready,” the president said.",
        "Vladimir Putin",
        "said",
    ),
    "description-kremlin-spokesman": (
        "Kremlin spokesman Dmitry Peskov spoke. “Talks continue,” the Kremlin spokesman said.",
        "Dmitry Peskov",
        "said",
    ),
    "name-before-colon": (
        "The surge does not surprise Republican pollster Dana Shaw: “Outsiders get a boost.”",
        "Dana Shaw",
        ":",
    ),
    "addressee-before-colon-is-not-speaker": (
        "McConnell delivered a blunt message to Trump on Monday: “You will lose this fight.”",
        "McConnell",
        ":",
    ),
    "inverted-cue-then-day": (
        "The Smithsonian Institution said Thursday on Twitter, “We have no plans to buy it.”",
        "Smithsonian Institution",
        "said",
    ),
    "according-to-opens-sentence": (
        "According to Rush Limbaugh, “If it were up to her, she would say nothing.”",
        "Rush Limbaugh",
        "According to",
    ),
    "inverted-reported": (
        "“Turnout is roughly the same as last month,” reported Reuters.",
        "Reuters",
        "reported",
    ),
    "honorific-before-title-word-surname": (
        "“They pay us a lot of money,” Mr. King said.",
        "King",
        "said",
    ),
    "lower-case-role-before-title": (
        "“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz (R-Utah) said.",
        "Jason Chaffetz",
        "said",
    ),
    "dash-name-after-quote": (
        "“Maybe we can build a wall around the candidate.” ― Steve Quinlan.",
        "Steve Quinlan",
        None,
    ),
    "dash-then-prose-is-not-a-name": ("“Fine” — and then Trump left.", None, None),
    "adjective-before-plural-cue-is-a-noun": (
        "PolitiFact rated 32 percent of Republican claims as “false or misleading” last year.",
        "PolitiFact",
        None,
    ),
    "the-republican-said-is-still-a-cue": (
        "“It drives the prices of everything up,” the Republican said this week.",
        "Republican",
        "said",
    ),
    "cue-inside-an-earlier-cues-clause": (
        "House Speaker Paul Ryan said the spate of shootings and protests demands that "
        "all Americans engage in “more listening, more learning.”",
        "Paul Ryan",
        "said",
    ),
    "cue-word-after-a-preposition-is-a-noun": (
        "In contests in states with diverse electorates, Clinton has decried the issue "
        "of “systemic racism” and more.",
        "Clinton",
        None,
    ),
    "gerund-after-a-preposition-is-a-cue": (
        "Husted continued by saying, “We will appeal this decision.”",
        "Husted",
        "saying",
    ),
    "participle-clause-before-subject": (
        "Reading from a prepared text, Ben Carson repeatedly pronounced the name “Hamas” oddly.",
        "Ben Carson",
        None,
    ),
    "opening-phrase-before-subject": (
        "Hours later, Donald Trump returned the compliment, telling Reuters, “We are friends.”",
        "Donald Trump",
        "telling Reuters",
    ),
    "adverb-before-subject": (
        "Immediately after the attacks, Donald Trump issued a statement, “We were attacked.”",
        "Donald Trump",
        None,
    ),
    "dateline-before-subject": (
        "WASHINGTON — Sen. Chuck Grassley on Wednesday dismissed the attack as “basically” fine.",
        "Chuck Grassley",
        None,
    ),
    "as-x-put-it": (
        "As Ms. Simonyan put it in July, RT is “providing a perspective you won’t get.”",
        "Simonyan",
        "put it",
    ),
    "quote-then-as-x-put-it": (
        "The spot was “a disgrace to the profession,” as The New Yorker put it.",
        "New Yorker",
        "put it",
    ),
    "sign-reads": ("The sign read, “Lock her up.”", "The sign", "read"),
    "according-to-at-sentence-end": (
        "The campaign pays “dozens” of canvassers $15 an hour to go door to door in the "
        "African American community, according to campaign manager Jeff Weaver.",
        "Jeff Weaver",
        "according to",
    ),
    "first-name-then-title-word-surname": (
        "“Turnout makes a difference,” said Charlie King, a prominent New York Democrat.",
        "Charlie King",
        "said",
    ),
    "as-x-appositive-put-it": (
        "As Steven M. Rosenthal, a tax lawyer and senior fellow at the Tax Policy Center, "
        "recently put it, “Did he lower his taxes legally?”",
        "Steven M. Rosenthal",
        "put it",
    ),
    "possessive-phrase-is-definite": (
        "However, Ivana Trump's brief said that was not her view and dismissed those reports "
        "as “previous misinterpreted statements.”",
        "Ivana Trump's brief",
        "said",
    ),
    "organisation": ("“There is work to be done,” the Kremlin said.", "Kremlin", "said"),
    "indefinite-source-is-none": ("“We are ready for talks,” a spokesman said.", None, "said"),
    "plural-source-is-none": ("“We are ready for talks,” officials said.", None, "said"),
    "no-cue-is-none": ("Nobody knows. “We are ready for talks.”", None, None),
    "pronoun-without-antecedent-is-none": ("“We are ready for talks,” he said.", None, "said"),
    "scare-quote-has-no-speaker": ("The so-called “peace plan” was rejected.", None, None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_attribution(name: str) -> None:
    text, speaker, cue = CASES[name]
    quotes = detect_quotes(text)
    assert quotes, text
    last = quotes[-1]
    assert last.speaker == speaker, last
    if cue is not None:
        assert last.cue == cue, last
    if last.speaker_span is not None:
        assert text[last.speaker_span.start : last.speaker_span.end] == last.speaker


def test_split_quote_second_part_same_speaker() -> None:
    text = "“We will,” Maria Lopez said, “win this fight.”"
    first, second = detect_quotes(text)
    assert first.speaker == second.speaker == "Maria Lopez"


def test_mention_is_the_phrase_next_to_the_cue() -> None:
    text = "Angela Merkel arrived. “We are ready,” she said."
    (detail,) = analyse_quotes(text)
    assert detail.mention is not None
    assert text[detail.mention.start : detail.mention.end] == "she"
    assert detail.quote.speaker == "Angela Merkel"


@pytest.mark.parametrize(
    ("words", "term"),
    [
        ("serious", True),
        ("productive", True),
        ("Obama sycophant", True),
        ("much more complicated", True),
        ("should have happened a long time ago", False),
        ("We will.", False),
        ("Where?", False),
        ("There’s a good chance we can make a deal.", False),
        ("The first part goes on.", False),
    ],
)
def test_looks_like_term(words: str, term: bool) -> None:
    assert looks_like_term(words) is term


def test_term_introduced_by_a_cue_is_a_statement() -> None:
    (quote,) = detect_quotes("Asked about the talks, Smith said: “Productive.”")
    assert quote.kind == "statement"
    (quote,) = detect_quotes("Smith called the talks “productive” on Monday.")
    assert quote.kind == "fragment"
    assert quote.speaker == "Smith"


def test_dash_line_under_a_quote_names_its_speaker() -> None:
    text = "“Wages are flat and the rich get richer.”\n- Anna Berg.\nThe claim is half true."
    (quote,) = detect_quotes(text)
    assert quote.speaker == "Anna Berg"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "Anna Berg"


def test_dash_line_must_be_only_a_name() -> None:
    text = "“Wages are flat and the rich get richer.”\n- and then the rally went on for hours."
    (quote,) = detect_quotes(text)
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Secretary of State John Kerry spoke after the vote. Later he urged Kim Jong Un "
            "to talk. “We remain open to talks,” he said.",
            "John Kerry",
            id="pronoun-before-a-name-makes-it-an-object",
        ),
        pytest.param(
            "Retired Gen. Carter Ham left the army in 2014. "
            "In an interview with Daily Review USA, Ham made it clear he was unhappy. "
            "“It was demoralizing,” he told the host.",
            "Ham",
            id="name-after-a-preposition-is-not-the-antecedent",
        ),
        pytest.param(
            "Former DNC chairman Don Fowler spoke. The DNC met on Monday. “Be ready,” he said.",
            "Don Fowler",
            id="acronym-is-an-organisation",
        ),
        pytest.param(
            "Casey Morgan met Jordan Price at the rally, where she waved to the crowd. "
            "“Thank you all,” he said.",
            "Casey Morgan",
            id="next-pronoun-tells-gender-only-with-no-other-person-between",
        ),
        pytest.param(
            "Donald Trump spoke in Ohio. Donald Trump had a rally later. The Republican "
            "nominee noted his lead in the polls. “We will win,” he said.",
            "Donald Trump",
            id="description-goes-to-the-most-named-person",
        ),
        pytest.param(
            "The Security Council met on Friday and condemned what it called “a clear "
            "threat to international peace and security.”",
            "Security Council",
            id="it-is-the-organisation-of-its-sentence",
        ),
    ],
)
def test_pronoun_antecedent(text: str, speaker: str) -> None:
    assert detect_quotes(text)[-1].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale spoke first. “We will not back down,” said the minister, Anna Berg.",
        "“We will not back down,” said the foreign minister, Anna Berg, on Monday.",
        "Tom Hale spoke first. “We will not back down,” the minister, Anna Berg, said.",
        "Minister Vows to Fight On\n“We Will Not Back Down,” Says Anna Berg",
    ],
    ids=["said the role, name", "name then more", "role, name, said", "headline"],
)
def test_speaker_named_only_after_the_quote(text: str) -> None:
    (quote,) = detect_quotes(text)
    assert quote.speaker == "Anna Berg"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "Anna Berg"


def test_a_day_after_the_role_is_no_name() -> None:
    (quote,) = detect_quotes("“We will not back down,” said the minister, Monday.")
    assert quote.speaker == "the minister"


def test_a_pronoun_bound_to_a_name_outweighs_the_next_pronoun() -> None:
    # “Hale … and she smiled” would make Hale a woman; the “he said” quote bound to
    # Sasha Hale already says otherwise, so the “she” is Jo Marsh.
    text = (
        "Sasha Hale spoke and he was firm. “We will not back down,” he said. "
        "Hale then met Jo Marsh. Hale waved at reporters, and she smiled. "
        "“It was a long day,” she said."
    )
    first, second = detect_quotes(text)
    assert first.speaker == "Sasha Hale"
    assert second.speaker == "Jo Marsh"
