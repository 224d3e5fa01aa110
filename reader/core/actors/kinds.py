"""Word classes that decide whether a tagged name is an actor, where it ends, and its kind.

The tagger learnt from 1996 wire text and errs on web news in a few repeatable ways; each
class here corrects one of them, by what the words are rather than by which names:

* a person's name holds no lower-case word but a particle ("de", "van", "bin"): a verb
  or a contraction after it ends the name ("Blair derided Tory", "Blair does n't");
* a name ending in an organisation's head word ("Pictures", "Records", "Airlines") is a
  body, not a person ("Sony Pictures");
* format and product acronyms (DVD, PC, MP3) and awards (Oscar, Grammy) are things, not
  people or bodies: they are no actors;
* a word the article calls a firm ("the retailer Amazon", "Nokia's chief executive",
  "giants such as Intel and Amazon") and never puts after a locative preposition is a
  body, not a place, and so is a person-shaped name starting with it ("Sony Ericsson").

Corpus-wide votes on kinds are in ``reader.core.actors.kind_votes``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace

from reader.core.models import Mention

# The lower-case words that can sit inside a person's name (between capitalised words).
NAME_PARTICLES = frozenset(
    """de da das del della dello delle dei degli der di do dos du la le van von ter ten
    den bin bint ibn al el y e zu und st wa ben ap af""".split()
)
# Lower-case words inside the names of bodies and places ("Bank of England", "Organisation
# for Security and Cooperation in Europe", "Frankfurt am Main", "Lloyd 's").
NAME_CONNECTORS = NAME_PARTICLES | frozenset(
    """of for and the on upon in am sur en at 's ' & des los las""".split()
)

# Last words of the names of bodies: companies, clubs, institutions.
ORGANISATION_HEADS = frozenset(
    """pictures records studios studio entertainment airlines airways motors group holdings
    bank music games software systems networks network communications telecom telecoms
    electronics industries technologies media films productions publishing books foods
    pharmaceuticals insurance capital partners securities investments fund trust
    foundation institute university college council committee commission party union
    association society club rovers athletic fc inc corp corporation ltd plc llc ag sa
    gmbh co company agency authority board office ministry department federation league
    brothers bros broadcasting interactive mobile wireless online labs laboratories
    """.split()
)

# Nouns that name the kind of body a name is: "the retailer Amazon", "firms such as X".
_FIRM_NOUNS = frozenset(
    """firm company giant maker manufacturer retailer group operator carrier provider
    supplier developer publisher label studio chain brand conglomerate airline bank
    insurer network broadcaster website site portal store band club outfit consultancy
    firms companies giants makers manufacturers retailers operators carriers providers
    suppliers developers publishers labels chains brands airlines banks insurers
    networks broadcasters websites sites portals stores bands clubs outfits survivors
    rivals entrants analysts""".split()
)
# Before a list of names: "giants such as", "firms like", "brands including".
_LISTING = frozenset({"like", "including", "as"})
# Words after a name (or its "'s") that only a body has: "Sony's chief executive".
_FIRM_AFTER = frozenset(
    """boss bosses shares share stock shareholders chairman founder subsidiary unit
    division executives employees staff spokesman spokeswoman spokesperson plc inc corp
    ltd""".split()
)
# Posts and parts of a body before "of" or "at" and its name: "chief operating officer of
# Sony", "engineers at Nokia".
_FIRM_MEMBERS = frozenset(
    """officer executive executives chairman chairwoman founder boss director owner owners
    shareholders shareholder subsidiary unit division employees staff engineers analyst
    spokesman spokeswoman spokesperson representatives""".split()
)
# Countries inside countries, which the city and country gazetteer lacks; as national
# sides they have bosses ("England boss") like firms do.
_HOME_NATIONS = frozenset(
    {"england", "scotland", "wales", "northern ireland", "ulster", "great britain"}
)
# Before a place, never before a body; but "shares in X" is a holding in a body.
_LOCATIVE = frozenset({"in", "near", "across", "throughout", "outside", "inside", "around"})
_HOLDINGS = frozenset({"shares", "stake", "stakes", "holding", "investment", "interest"})

# Format, medium and device acronyms: things people buy or use, not bodies.
FORMATS = frozenset(
    """dvd dvds cd cds pc pcs tv tvs mp3 mp3s mp4 hd hdtv lcd lcds vhs pda pdas gps sms mms
    usb dab dsl adsl pvr pvrs dvr dvrs iptv voip rfid sim 3g 4g gsm wifi wi-fi cpu cpus
    gpu umd lan wlan atm atms suv suvs cd-rom cd-roms dvd-r hd-dvd blu-ray""".split()
)
# Awards named after a statuette or a founder: "won an Oscar", "two Grammys".
AWARDS = frozenset(
    """oscar oscars grammy grammys grammies emmy emmys emmies bafta-winning oscar-winning
    golden-globe razzie razzies pulitzer booker""".split()
)
_PLURAL_ACRONYM_RE = re.compile(r"^[A-Z]{2,}[0-9]*s$")


def _low(word: str) -> str:
    return word.replace("’", "'").lower()


def name_end(words: Sequence[str], a: int, b: int, person: bool) -> int:
    """Where a tagged name really ends: before its first lower-case word that is no part
    of a name (a verb, a contraction), or ``b``.

    Args:
        words: The sentence's tokens.
        a: Index of the name's first token.
        b: Index just past its last token as tagged.
        person: Whether the name is a person's (only particles then, never connectors).

    Returns:
        The index just past the name's last token (``a < end <= b``).
    """
    allowed = NAME_PARTICLES if person else NAME_CONNECTORS
    for k in range(a + 1, b):
        word = words[k]
        lowered = (word.isalpha() and word.islower()) or word.startswith(("n'", "n’"))
        if lowered and _low(word) not in allowed:
            return k
    return b


def is_thing(words: Sequence[str]) -> bool:
    """Whether a name's words name a format, device or award rather than an actor
    ("DVD", "HD-DVD", "PCs", "Oscars", "Oscar-winning")."""
    content = [w for w in words if w[:1].isalnum()]
    if not content:
        return False
    return all(
        _low(w) in FORMATS or _low(w) in AWARDS or _PLURAL_ACRONYM_RE.match(w) for w in content
    )


def trim_things(words: Sequence[str], a: int, b: int) -> tuple[int, int]:
    """A name without the format or award words around it ("US DVD" -> "US",
    "Oscar-winning Lord of the Rings" -> "Lord of the Rings", "Aviator for Oscars" ->
    "Aviator"); a name of such words only is left whole, for ``is_thing`` to drop.

    Args:
        words: The sentence's tokens.
        a: Index of the name's first token.
        b: Index just past its last token.

    Returns:
        The trimmed ``(a, b)``.
    """
    if is_thing(words[a:b]):
        return a, b
    # Only compounds go at the start ("Oscar-winning"): an award word there may be a
    # given name ("Oscar Wilde"), a format a shop's name ("PC World").
    while a < b - 1 and is_thing(words[a : a + 1]) and "-" in words[a]:
        a += 1
    trimmed = b
    while b > a + 1 and is_thing(words[b - 1 : b]):
        b -= 1
    # What the award or format hung on goes with it: "Aviator for [Oscars]".
    while b < trimmed and b > a + 1 and words[b - 1].islower():
        b -= 1
    return a, b


def organisation_head(words: Sequence[str]) -> bool:
    """Whether a name of two words or more ends in an organisation's head word."""
    return len(words) > 1 and _low(words[-1]).rstrip(".") in ORGANISATION_HEADS


def firm_context(words: Sequence[str], a: int, b: int) -> bool:
    """Whether the words around ``words[a:b]`` call it a firm or another body.

    The words before it may open a list it is in ("giants such as Intel and X").

    Args:
        words: The sentence's tokens.
        a: Index of the name's first token.
        b: Index just past its last token.

    Returns:
        True for "the retailer X", "firms such as X", "chief executive of X", "X's chief
        executive", "X shares" and the like.
    """
    i = _list_start(words, a)
    if i > 0 and _low(words[i - 1]) in _FIRM_NOUNS:
        return True
    if i > 1 and _low(words[i - 1]) in {"of", "at"} and _low(words[i - 2]) in _FIRM_MEMBERS:
        return True
    if _listed_as_firm(words, i):
        return True
    k = b + 1 if b < len(words) and words[b] in {"'s", "’s"} else b
    if k < len(words) and _low(words[k]) in _FIRM_AFTER:
        return True
    return k + 1 < len(words) and _low(words[k]) == "chief" and _low(words[k + 1]) in {
        "executive",
        "operating",
        "financial",
        "technology",
    }


def _list_start(words: Sequence[str], a: int) -> int:
    """Where the list of names ending with the one at ``words[a]`` starts ("Google,
    Yahoo and X"): back over capitalised words, commas and "and"."""
    i = a
    while i > 0 and a - i < 12 and (
        any(c.isupper() for c in words[i - 1]) or words[i - 1] in {",", "and", "or", "'s"}
    ):
        i -= 1
    while i < a and not any(c.isupper() for c in words[i]):
        i += 1  # the list starts with a name, not with "and" or a comma
    return i


def _listed_as_firm(words: Sequence[str], i: int) -> bool:
    """Whether a list starting at ``words[i]`` is one of firms: "firms like", "giants
    such as", "rivals, such as"."""
    if i == 0 or _low(words[i - 1]) not in _LISTING:
        return False
    i -= 1
    if _low(words[i]) == "as":
        if i == 0 or _low(words[i - 1]) != "such":
            return False
        i -= 1
    if i > 0 and words[i - 1] == ",":
        i -= 1
    return i > 0 and _low(words[i - 1]) in _FIRM_NOUNS


def locative_context(words: Sequence[str], a: int) -> bool:
    """Whether the name starting at ``words[a]`` follows a locative preposition ("in X",
    "in the X")."""
    if a > 1 and _low(words[a - 1]) == "the":
        a -= 1
    # "shares in X", "a stake in X": a holding in a body, not a place.
    if a > 1 and _low(words[a - 2]) in _HOLDINGS:
        return False
    return a > 0 and _low(words[a - 1]) in _LOCATIVE


def settle_kinds(
    mentions: Sequence[Mention],
    firm: Collection[str],
    located: Collection[str],
    places: Collection[str],
    given_names: Collection[str],
    plurals: Collection[str],
) -> list[Mention]:
    """One article's mentions with things dropped and bodies told from places and people.

    Args:
        mentions: The article's mentions, as tagged and cleaned.
        firm: Names some mention of which ``firm_context`` calls a body.
        located: Names some mention of which follows a locative preposition.
        places: Lower-cased known place names.
        given_names: Lower-cased given names.
        plurals: Lower-cased words the article writes capitalised with a plural "s".

    Returns:
        The mentions, minus formats and awards (an award word stays when it starts a
        person's full name here: "Oscar Wilde", then "Oscar"). A place the article calls
        a firm, and a lone-word person it calls a firm or tags as a body as often, is an
        organisation when the article never locates it ("in X") and it is no known place
        or family name of a person here; so is a person's name that starts with such a
        body's name ("Sony Ericsson" beside "Sony") unless it starts with a given name.
    """
    given_here = {m.text.split()[0] for m in mentions if m.kind == "person" and " " in m.text}
    kept = [
        m
        for m in mentions
        if not (is_thing(m.text.split()) or _plural_acronym(m.text, plurals))
        or m.text in given_here
    ]
    # Family names of this article's people stay people ("Mr Ford" beside "Tom Ford").
    families = {m.text.split()[-1] for m in kept if m.kind == "person" and " " in m.text}
    # One sense per article: a lone word tagged a body here at least as often as a person
    # is one, and a person's name starting with a body's is that body's ("Sony Ericsson").
    tagged = {m.text for m in kept if m.kind == "organisation" and " " not in m.text}
    votes = Counter((m.text, m.kind) for m in kept)
    mostly_bodies = {t for t in tagged if votes[t, "organisation"] >= votes[t, "person"]}
    bodies = {
        m.text
        for m in kept
        if m.text not in located
        and m.text.lower() not in places
        and m.text.lower() not in _HOME_NATIONS
        and (
            (m.kind == "place" and m.text in firm)
            or (
                m.kind == "person"
                and " " not in m.text
                and (m.text in firm or m.text in mostly_bodies)
                and m.text not in families
            )
        )
    }
    starts = bodies | (tagged - set(located))
    out = []
    for m in kept:
        parts = m.text.split()
        if (m.kind != "organisation" and m.text in bodies) or (
            m.kind == "person"
            and len(parts) > 1
            and parts[0] in starts
            and not parts[0].isupper()  # initials: "JD Vance" beside a stray "JD"
            and parts[0].lower() not in places
            and parts[0].lower() not in given_names
        ):
            m = replace(m, kind="organisation", role=None)
        out.append(m)
    return out


def _plural_acronym(text: str, plurals: Collection[str]) -> bool:
    """An acronym the article also writes with a plural "s" ("DVD" beside "DVDs")."""
    return text.isupper() and text.isalnum() and text.lower() + "s" in plurals
