"""Word lists used by quote attribution: speech cues, titles, roles and name hints.

This module owns the small hand-written vocabularies of the quotes engine, so that the
rules in ``attribution`` and ``names`` read as rules. Every list is a frozenset of
lowercase words; nothing here is mutable or loaded from disk.
"""

from __future__ import annotations

__all__ = [
    "AUX_ADVERBS",
    "CLAUSE_BREAKS",
    "CUE_VERBS",
    "DETERMINERS",
    "FEMALE_WORDS",
    "INVERTIBLE_CUES",
    "LEADING_CAPS",
    "MALE_WORDS",
    "MEDIA_OBJECT_CUES",
    "ORG_WORDS",
    "PARTICIPLE_CUES",
    "PERSON_ROLES",
    "PREPOSITIONS",
    "PRONOUNS",
    "TITLES",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CUE_STEMS = """
say said says tell told tells add added adds ask asked asks write wrote writes written
state stated states remark remarked remarks assert asserted asserts insist insisted insists
note noted notes explain explained explains continued argue argued argues
claim claimed claims declare declared declares announce announced announces reply replied
replies respond responded responds warn warned warns acknowledge acknowledged acknowledges
admit admitted admits suggest suggested suggests recall recalled recalls tweet tweeted tweets
post posted posts indicate indicated indicates describe described describes call called
calls urge urged urges emphasize emphasized emphasizes emphasise emphasised emphasises stress
stressed stresses complain complained complains joke joked jokes quip quipped quips predict
predicted predicts promise promised promises vow vowed vows pledge pledged pledges concede
conceded concedes counter countered counters observe observed observes mused muse muses boast
boasted boasts brag bragged brags lament lamented laments testify testified testifies report
reported reports confirm confirmed confirms deny denied denies shout shouted shouts yell
yelled yells conclude concluded concludes comment commented comments reiterate reiterated
reiterates contend contended contends maintain maintained maintains charge charged charges
allege alleged alleges accuse accused accuses dub dubbed dubs label labeled labelled labels
brand branded brands characterize characterized characterizes characterise characterised
recount recounted recounts exclaim exclaimed exclaims whisper whispered murmured cautioned
caution cautions signaled signalled signal signals communicated communicate communicates
agreed agree agrees hinted hint hints demanded demand demands pointed told wrote
interjected pressed riffed exhorted chanted wondered mocked rebuked scoffed retorted snapped
pleaded proclaimed opined cheered barked fumed seethed gushed marveled marvelled conceded
sniped griped grumbled insisted reasoned surmised speculated summed chimed answered
advised affirmed reckoned estimated projected touted hailed praised criticized criticised
blasted slammed ridiculed teased taunted thundered sneered quoted read reads
cited assured confessed confesses
"""
# Base forms that are far more often nouns in news text (“GOP state leaders”, “a post”).
_NOUN_LIKE = _words(
    """state post report comment charge call claim note counter answer demand reply promise
    pledge vow label brand quote tweet remark post posts signal hint caution
    muse chair"""
)
CUE_VERBS = (_words(_CUE_STEMS) - _NOUN_LIKE) | _words(
    """saying telling adding asking writing stating remarking asserting insisting noting
    explaining continuing arguing claiming declaring announcing replying responding warning
    acknowledging admitting suggesting recalling tweeting posting indicating describing
    calling urging emphasizing emphasising stressing complaining joking quipping predicting
    promising vowing pledging conceding countering observing boasting lamenting testifying
    confirming denying shouting yelling concluding commenting reiterating contending
    maintaining charging alleging accusing dubbing labeling labelling branding recounting
    exclaiming cautioning signaling signalling communicating hinting demanding vowing
    pressing mocking blasting slamming touting hailing praising criticizing criticising
    answering wondering citing assuring confessing"""
)
PARTICIPLE_CUES = frozenset(w for w in CUE_VERBS if w.endswith("ing"))
# Cues that can precede their speaker: “…,” said Smith.
INVERTIBLE_CUES = _words(
    """said says added adds asked asks wrote writes continued explained noted recalled
    replied responded warned insisted argued declared concluded countered observed
    remarked stated tweeted quipped joked cautioned conceded acknowledged interjected
    pressed exhorted wondered retorted snapped proclaimed opined barked answered reads read
    reported reports"""
)
# Cues whose next words name the audience or medium: told reporters, wrote on Telegram.
MEDIA_OBJECT_CUES = _words("told tells telling wrote writes writing said says posted tweeted")
# Auxiliaries and adverbs allowed between a speaker and the cue: “Yermak had previously stated”.
AUX_ADVERBS = _words(
    """had has have also previously publicly later then once again repeatedly reportedly
    recently quickly simply flatly further would will could did does do was is were been
    just only still even first never often already earlier bluntly openly privately now
    angrily proudly softly told today yesterday"""
)
PRONOUNS = _words("he she they we i it you")
# Prepositions: a name after one is an object (“with CNN”), a cue word after one a noun.
PREPOSITIONS = _words("with to in at from by of for on about against into")
DETERMINERS = _words("the a an his her their its our this that these those")
# Words that end a noun phrase read leftwards from a cue.
CLAUSE_BREAKS = _words(
    """that and but or which who whom whose when where while as if because since
    although though after before during in on at for from with without to into by about
    than so yet not nor what how why despite amid over under against between"""
)
# Capitalised words that start sentences and never begin a name.
LEADING_CAPS = _words(
    """the a an in on at but and however after before this that these those it he she
    they we i his her their our its when while if as for with from by to of despite
    although since earlier later meanwhile still yet so also instead now then there here
    both all some many most several such what who why how during under over against
    among between last next during one two three four five six seven eight nine ten
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mr mrs ms dr according
    speaking asked despite nonetheless nevertheless indeed analysts officials critics
    yesterday today tomorrow"""
)
# Titles and roles that precede a name in one capitalised run: President Vladimir Putin.
TITLES = _words(
    """president vice prime minister secretary spokesman spokeswoman spokesperson chancellor
    senator sen. rep. representative gov. governor mayor mr. mrs. ms. dr. miss mr mrs ms
    dr gen. general lt. col. sgt. capt. captain colonel major admiral judge justice pope
    king queen prince princess sir lord lady dame director chairman chairwoman chair chief
    leader ambassador envoy commissioner prof. professor rev. reverend deputy attorney
    sheriff detective officer coach manager ceo founder premier speaker candidate nominee
    foreign defence defense interior finance home state whip majority minority"""
)
# Heads of descriptions that refer to one person: the president, the Kremlin spokesman.
PERSON_ROLES = _words(
    """president minister secretary spokesman spokeswoman spokesperson chancellor senator
    governor mayor general judge justice pope king queen prince princess director chairman
    chairwoman chief leader ambassador envoy commissioner professor deputy attorney sheriff
    detective officer coach manager founder premier speaker candidate nominee businessman
    businesswoman billionaire actor actress singer author writer reporter journalist
    analyst adviser advisor aide negotiator economist lawyer head executive ceo widow
    husband wife father mother son daughter brother sister congressman congresswoman
    lawmaker republican democrat politician star player striker boss owner official
    strategist pollster host commentator columnist activist campaigner economist"""
)
# Words that mark a capitalised run as an organisation or place, not a person.
ORG_WORDS = _words(
    """house times post news organization organisation party council department ministry
    office committee union nations states kingdom republic street agency center centre
    institute university bank fund court senate congress commission administration army
    forces magazine group company inc corp corporation association journal press tribune
    network channel foundation club league federation government parliament assembly
    police service services board authority airlines airways motors telegraph guardian
    reuters bloomberg cnn bbc fox abc nbc cbs kremlin pentagon commons lords institution
    school college hospital team united city county island islands sea ocean river tower
    hotel plaza square hall airport station stadium arena church mosque temple park
    bridge road avenue building"""
)
MALE_WORDS = _words(
    """mr. mr sir lord king prince spokesman businessman chairman husband father son
    brother congressman actor he his him
    donald joe barack george bill john james michael robert david richard thomas charles
    william mark paul peter steve steven jared vladimir volodymyr andriy dmitry sergei
    marco mike ted ben jeb bernie chris tim kevin mitch eric tony gordon boris keir
    emmanuel olaf rishi jeremy nick ed alan ian andrew stephen matthew jack harry dan
    daniel jim bob frank henry sam scott greg gary larry jeff jason ryan kirill rustem
    dainis victor xi kim abe shinzo recep benjamin jean pierre francois angus rupert
    walter carl ron rand marco lindsey reince newt rudy chuck harry jim al bernard
    hugh howard roger sean lou rush glenn jon stephen seth jimmy conan anderson wolf
    martin luis jose carlos juan pedro antonio francisco jorge mohammed muhammad ahmed ali
    hassan omar khalid abdullah recep narendra justin pete beto cory julian tom tommy
    dick dennis douglas doug edward eddie elijah eugene fred gerald gregory jerry joel
    jonathan joseph keith ken kenneth lawrence leon louis marcus matt max michael nathan
    neil nicholas patrick phil philip ralph randy raymond rick roy russell stanley ted
    terrence todd travis tyler vince wayne willie zach jacob aaron adam alex andy anthony
    brad brandon brian bruce chad christopher cody colin craig darren dean derek don
    evan gavin grant hank jake jay jesse jimmy josh kyle lance luke mitt paul reid
    preet jeh ash sherrod jared kirk corey"""
)
FEMALE_WORDS = _words(
    """mrs. mrs ms. ms miss lady queen princess dame spokeswoman businesswoman chairwoman
    wife mother daughter sister congresswoman actress she her hers
    hillary michelle nancy elizabeth theresa angela kaja karoline ursula kamala sarah mary
    patricia jennifer linda susan margaret lisa karen helen sandra donna carol ruth
    sharon laura amy melania ivanka chelsea kellyanne loretta huma marine nicola kate
    emily emma anna anne jane julia victoria catherine diane barbara betsy condoleezza
    madeleine terry jill debbie tulsi nikki liz priti yvette harriet kelly carly megyn
    hope dana donna maxine nita kirsten claire tammy jeanne heidi lisa susana mia maria
    rosa ana carmen sonia elena natalie nicole rachel rebecca samantha stephanie tina
    wendy abigail alice amanda andrea angela ann ashley beth brenda carolyn cheryl
    christina cindy deborah denise diana dolores doris dorothy eleanor ellen erin eva
    evelyn frances gloria grace hannah heather irene jacqueline janet jessica joan joanna
    joyce judith judy julie katherine kathleen kathy katie kristen lauren lillian lori
    louise lucy marie marilyn martha megan melissa michele monica nina olivia pamela
    paula peggy phyllis rita roberta robin rose sally sara shirley stacey sylvia teresa
    theresa valerie virginia vivian zoe ayanna stacey gretchen mika brooke chelsea"""
)
