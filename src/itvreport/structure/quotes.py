"""Block quotes: a colon lead-in, then the speaker's own words until the narrative resumes.

The speaker's paragraphs usually carry no quotation marks. The narrative
resumes at a paragraph that speaks of the speaker in the third person, reports
speech, or starts a new lead-in; captions, lists, headings and media notes end
the quote too (the caller checks those).
"""

from __future__ import annotations

import re

from itvreport.patterns import lazy
from itvreport.shapes import OPENING_QUOTES, memo

# Lead-ins that introduce something other than the speaker's words.
_LIST_LEAD = lazy(r"\b(?:including|include|includes|such as|following|are|were|as follows|these|below)\s*:$", re.IGNORECASE)

_QUOTED = lazy(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")


def _unquoted(text: str) -> str:
    """The paragraph with its quoted words blanked out: the narrator's words around them."""
    return _QUOTED.sub(" ", text) if ('"' in text or "“" in text or "‘" in text) else text
_SPEECH_VERBS = (r"(?:said|says|saying|added|adds|told|tells|explained|explains|continued|insisted|warned|claimed|stated|"
                 r"admitted|argued|wrote|writes|replied|asked|confirmed|accused|praised|criticised|criticized|urged|"
                 r"welcomed|condemned)")
# Strong signs the narrator speaks: "she said", "they told", "said the spokesman", "according to".
_PRONOUN_SPEECH = lazy(
    rf"\b(?:he|she|they|it|He|She|They|It)\s+(?:also\s+|later\s+|then\s+)?{_SPEECH_VERBS}\b(?!\s+(?:me|us|you)\b)"  # ("they told me", "she asked you": the speaker)
    r"|\b(?:said|says|added|adds)\s+(?:the|a|an|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|[A-Z][a-z]+)\b"  # "said Jo Hale"
    r"|[A-Za-z],\s+(?:said|says|told|added|warned|explained)\b"  # "Fiona Carrick, said she was"
    # after a quotation: '"She is tougher than all of us," her daughter added.'
    r"|^\W*(?:his|her|their|its)\s+(?:[a-z\-]+\s+){1,2}?(?:said|says|added|adds|told|explained|continued)\b"
    r"|\baccording to\b"
)
# Weaker signs: "the council said", "officials say", "Labour told". A paragraph in
# the speaker's own voice ("the law says we must...") is still the speaker.
# (A word ending in "s" before the verb is a plural subject, "officials say": not an adverb,
# "He always said ...", nor "no questions asked".)
# (Nor is an auxiliary part of the subject: "the virus were admitted" is no one speaking;
# "The council has said" is.)
_REPORTED_LOOSE = lazy(
    rf"\b(?:[A-Z][a-z]+|[Tt]he (?:[A-Za-z'’]+ ){{0,2}}[A-Za-z'’]+|(?!(?:always|sometimes|perhaps|afterwards|questions)\s)[a-z]+s)"
    rf"(?<!\bwere)(?<!\bwas)(?<!\bis)(?<!\bare)(?<!\bbeen)(?<!\bbe)(?<!\bhas)(?<!\bhave)(?<!\bhad)"
    rf"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|later\s+|then\s+)?(?:{_SPEECH_VERBS}|say)\b"
)
# "Manager Sue Haskins, ..." / "Councillor Tom Varley said": the narrator brings someone in.
_NAMED_START = lazy(r"^(?:[A-Z][a-z]+\s+){1,3}[A-Z][a-z]+\b")
_THIRD_PERSON_START = lazy(r"^(?:He|She|They|His|Her|Their|Mr|Mrs|Ms|Dr|Sir|Dame)\b")
_NAME_RUN = lazy(r"(?:[A-Z][\w'’\-]+\s+)+[A-Z][\w'’\-]+")
# A lead-in that hands over to someone's words.
_SPEECH_LEAD = lazy(
    r"\b(?:said|says|say|saying|told|tells|added|adds|explained|explains|wrote|writes|insisted|warned|"
    r"stated|commented|replied|asked|statement|continued|urged|pleaded|appealed|added|read|reads|"
    r"spoke|speaking|message|words|tribute|described|describes|concluded|ruled)\b",
    re.IGNORECASE,
)


_SAYS = frozenset("said says say added adds told tells wrote writes read reads explained explains warned stated".split())
_EDGE = ".,;:!?\"'’‘“”()"


def _bare_words(text: str) -> set[str]:
    """The words of ``text`` without the punctuation at their edges."""
    return {word.strip(_EDGE) for word in text.split()}


def says(lead_in: str) -> bool:
    """A verb of saying in the lead-in (not just a noun such as "message" or "post")."""
    return not _SAYS.isdisjoint(_bare_words(lead_in.lower()))


def introduces_speech(lead_in: str) -> bool:
    return bool(_SPEECH_LEAD.search(lead_in))


_OWN_VOICE = lazy(
    r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e[’'](?:re|ve|d|ll)|us|[Oo]ur|ours|[Yy]ou|[Yy]our|[Yy]ou[’'](?:re|ve|d|ll))\b"
)


ECHO_MIN_WORDS = 2


def echoes(lead_in: str, paragraph: str) -> bool:
    """The lead-in quotes words that the paragraph then holds (``it has been "another
    hectic shift" for crews:`` before the post itself): the paragraph is those words."""
    if '"' not in lead_in and "“" not in lead_in and "‘" not in lead_in:
        return False
    folded = " ".join(paragraph.casefold().split())
    for quoted in _QUOTED.findall(lead_in):
        phrase = " ".join(quoted.strip("\"“”‘’").casefold().split())
        if len(phrase.split()) >= ECHO_MIN_WORDS and phrase in folded:
            return True
    return False


# First-person plural words that a narrator does not use of themselves.
_OWN_VOICE_LATER = frozenset({"we", "us", "our", "ours", "I", "me", "my"})


def speaks_for_self(text: str) -> bool:
    """First or second person: the speaker's own voice, not the narrator's."""
    return bool(_OWN_VOICE.search(text))


def in_own_words(text: str) -> bool:
    """In the first or second person, or opening with a quotation mark: someone's own words."""
    return text[:1] in OPENING_QUOTES or speaks_for_self(text)


def quote_length(paragraphs: list[str], about: tuple[str, ...] = ()) -> int:
    """How many of the candidate paragraphs after a lead-in are the speaker's.

    The first always is. After it, the quote runs to the last paragraph that
    speaks in the first or second person or opens with a quotation mark (the
    speaker's words go on in quotation marks) or on the one the speaker talks of
    (``about``, from :func:`talks_of`: "He is grateful ..." in a statement on his
    behalf), or that carries on straight after the speaker's words ("But everyone got
    off safely."): a third-person paragraph at the end of the run is the narrator
    again, even without a "she said".
    """
    length = 1
    for position, text in enumerate(paragraphs[1:], 2):
        if in_own_words(text) or text.startswith(about) or (length == position - 1 and carries_on(text)):
            length = position  # (or it carries on straight after the speaker: "But everyone got off safely.")
    return length


# Openings that carry the speaker's argument on: "But they have been left with no choice."
_CARRIES_ON = frozenset({"But", "And", "So", "It", "It's", "It’s", "They", "This", "That", "These", "Those", "There"})


def carries_on(text: str) -> bool:
    """Does the paragraph open on a word that carries the speaker's argument on?"""
    return text.split(None, 1)[0] in _CARRIES_ON


_LIST_WORDS = ("including", "include", "includes", "such as", "following", "are", "were", "as follows", "these", "below")


def is_list_lead_in(text: str) -> bool:
    return (text.endswith(":") and text[:-1].rstrip().lower().endswith(_LIST_WORDS)
            and bool(_LIST_LEAD.search(text)))


# ", of Kent Police,", ", from the RNLI,": where the speaker is from, set off after the name.
_FROM_WHERE = lazy(r",\s+(?:of|from|at)\s+[^,:]{1,60},")


def speaker(lead_in: str) -> str | None:
    """The speaker's surname in a lead-in (the last run of capitalised words, not counting
    where they are from: "Inspector Neil Cordery, of Kent Police, said:" -> "Cordery")."""
    if ", " in lead_in:
        lead_in = _FROM_WHERE.sub("", lead_in)
    runs = _NAME_RUN.findall(lead_in)
    for run in reversed(runs):
        last = run.split()[-1]
        if last.casefold() not in {"news", "itv", "today", "said", "says"}:
            return last
    return None


def _is_word_character(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def mentions(text: str, word: str) -> bool:
    """``re.search(rf"\\b{re.escape(word)}\\b", text)`` without compiling a pattern
    for every name a page brings: each name would cost a compile."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = start > 0 and _is_word_character(text[start - 1])
        after = end < len(text) and _is_word_character(text[end])
        if before != _is_word_character(word[0]) and after != _is_word_character(word[-1]):
            return True
        start = text.find(word, start + 1)
    return False


# "his family said:", "In a statement, her parents added:", "their coach told ITV News:":
# the speaker is somebody's (his, her, their) and talks of that person.
_SOMEBODYS = lazy(
    r"\b(?P<whose>[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'’\-]+\s+){0,2}?"
    r"(?:said|says|added|adds|told|tells|wrote|writes|paid tribute|continued)\b"
)
# "His solicitor read a statement on his behalf:": the statement speaks of him.
_ON_BEHALF = lazy(r"\bon (?P<whose>[Hh]is|[Hh]er|[Tt]heir) behalf\b")
_PRONOUNS = {"his": ("He ", "His "), "her": ("She ", "Her "), "their": ("They ", "Their ")}


ANY_PERSON = ("He ", "She ", "They ", "His ", "Her ", "Their ")


def only_opens_on_someone(text: str, surname: str | None, statement: bool = False) -> bool:
    """Is opening on "He"/"She"/"They", or on someone named other than the speaker, the
    paragraph's only sign of the narrator? ("She is a much-loved grandmother", "Mr
    Hart was wearing a helmet" may be the speaker talking of someone.)"""
    if text.startswith(ANY_PERSON):
        return not is_narrative(text, surname, statement=statement, about=ANY_PERSON)
    if _THIRD_PERSON_START.match(text) or _NAMED_START.match(text):
        return not is_narrative(text, surname, statement=True, about=(text.split()[0] + " ",))
    return False


# "In a statement, the family said:", "Her parents added:": speakers who are many, never
# "he" or "she": a paragraph opening so talks of someone else.
_MANY = lazy(
    r"\b(?:family|families|parents|relatives|friends|colleagues|teammates|neighbours|club|school|council|"
    r"company|firm|charity|force|hospital|trust)(?:,[^,:]{1,40},)?\s+(?:said|says|added|adds|wrote|writes|"
    r"paid tribute|continued)\b",
    re.IGNORECASE,
)
_ONE_PERSON = ("He ", "She ", "His ", "Her ")


def talks_of(lead_in: str) -> tuple[str, ...]:
    """The openings of paragraphs in which the speaker of ``lead_in`` talks of the person
    the lead-in names them by ("his family said:": "He ...", "His ..."), or of anyone
    when the speaker is many ("the family said:": "He ...", "She ..."), else ()."""
    lower = lead_in.lower()
    found = ()
    if "his " in lower or "her " in lower or "their " in lower:
        match = _SOMEBODYS.search(lead_in) or _ON_BEHALF.search(lead_in)
        found = _PRONOUNS[match.group("whose").lower()] if match else ()
    if _MANY.search(lead_in) or (("'s " in lead_in or "’s " in lead_in) and _RELATIVE.search(lead_in)):
        found = tuple(dict.fromkeys(found + _ONE_PERSON))
    return found


# "Ellie's father, Mark Cole, said:", "The boy's mother said:": a speaker named by their
# tie to someone talks of that someone as "he" or "she".
_RELATIVE = lazy(
    r"\w['’]s\s+(?:(?:late|older|younger|eldest|twin|step-?)\s*)?(?:father|mother|dad|mum|son|daughter|"
    r"brother|sister|husband|wife|partner|fianc[eé]e?|grand(?:mother|father|son|daughter|ma|pa|mum|dad)|"
    r"uncle|aunt|cousin|niece|nephew|boyfriend|girlfriend|best friend|widow(?:er)?)\b"
)


# The narrator's own marks: a court hearing evidence, the site's newsroom at work
# ("ITV News has contacted the firm", "records seen by ITV News"). No speaker says these.
_NARRATOR = lazy(
    r"^(?:The|A) (?:court|jury|inquest|tribunal|hearing|trial) (?:heard|was told|has heard)\b"
    r"|\bITV News(?: [A-Z][\w ]{0,20}?)? (?:has|had|understands|asked|contacted|approached|revealed|obtained|"
    r"(?:first )?reported)\b"
    r"|\b(?:seen|obtained|revealed|shared with|passed to) by ITV News\b"
    # the news's own context: "It comes after two other people died ..."
    r"|^It (?:comes|came|follows|followed) (?:after|as|amid|just|weeks|days|months)\b"
    # the words quoted, spoken of as a thing: "The letter has been signed by MPs from ..."
    r"|^The (?:letter|statement|post|message|petition|email|report|tribute|open letter) (?:has|had|was|were|is|also|"
    r"went|goes|ends|ended|continued|continues|concluded|concludes|came|comes)\b"
)


# A body's statement speaks of the body by name, in the words statements use: "Harbour
# Town FC can confirm ...", "Kelham Council is deeply saddened ...".
_BODY_VOICE = lazy(
    r"^(?:[A-Z][\w'’&.\-]*\s+){1,6}(?:can confirm|would like to|(?:is|are|has been|have been) made aware|"
    r"(?:is|are|was|were) (?:deeply |extremely |very |truly )?(?:saddened|shocked|disappointed|devastated|aware)|"
    r"takes? [\w ]{1,30} seriously)\b"
)
# The last word of a body's name (the "surname" :func:`speaker` finds in "In a statement,
# Kelham Council said:").
BODIES = frozenset({"Council", "Police", "Constabulary", "FC", "Club", "Trust", "Service", "Agency", "Ltd", "plc",
                    "Group", "Authority", "Office", "Board", "Department", "University", "College", "School",
                    "Hospital", "Association", "Society", "Union", "Party", "Government", "Commission",
                    "Foundation", "Charity", "Company", "Rail", "Railway", "Airport", "Airways", "Ferries"})


# Someone brought in by name and age, the news's way: "The neighbour, 67-year-old Brian
# Hollis, was praised ...", "Brian Hollis, 67, was praised ...".
_AGE_BEFORE_NAME = lazy(r"\b\d{1,3}-year-old [A-Z][a-z]+ [A-Z][a-z]+")
_AGE_IN_COMMAS = lazy(r", (?:aged )?\d{1,3}, ")  # (a cheap necessary condition for the next)
_AGE_AFTER_NAME = lazy(r"\b[A-Z][a-z]+ [A-Z][a-z'’\-]+, (?:aged )?\d{1,3}, ")


def _narrator_marked(text: str) -> bool:
    return (("ITV News" in text or "heard" in text or "told" in text or text.startswith(("It ", "The ")))
            and bool(_NARRATOR.search(text))) or _introduced_by_age(text)


def _introduced_by_age(text: str) -> bool:
    if "year-old" in text and _AGE_BEFORE_NAME.search(text):
        return True
    return ", " in text and _AGE_IN_COMMAS.search(text) is not None and _AGE_AFTER_NAME.search(text) is not None


@memo
def is_narrative(text: str, surname: str | None, first: bool = False, statement: bool = False,
                 about: tuple[str, ...] = ()) -> bool:
    """Does this paragraph return to the narrator's voice? (``first``: it comes straight
    after a lead-in that hands over to someone's words; "He was a loving son" there is
    the speaker talking of someone, not the narrator. ``statement``: and that lead-in
    introduced a statement, which names its own body: "Harbour Town FC can confirm ...".
    ``about``: the openings with which the speaker talks of the person the lead-in
    names them by, from :func:`talks_of`: after "his family said:", "He was ..." is
    still the family's.)"""
    if _narrator_marked(text):
        return True
    if not first and _THIRD_PERSON_START.match(text) and not (
            text[:1] in "HST" and not _OWN_VOICE_LATER.isdisjoint(_bare_words(text))) and not text.startswith(about):
        return True  # (but "He gave his all and will be missed by all of us" is still the speaker's)
    unquoted = _unquoted(text)
    if first and speaks_for_self(unquoted):
        return False  # straight after the lead-in, in the first person: "When they told me ..., I nearly stopped."
    if first and _BODY_VOICE.match(unquoted):
        return False  # a body's statement in its own voice: "Harbour Town FC can confirm ..."
    speech = _mentions_speech(unquoted)
    reported = _PRONOUN_SPEECH.search(unquoted) if speech else None
    if reported and not (reported.start() and speaks_for_self(unquoted[:reported.start()])):
        return True  # (but "People wrote us off. They said we ..." is the speaker telling what others said)
    if surname and mentions(unquoted, surname) and not (first and statement and surname in BODIES) \
            and not _body_names_itself(unquoted, surname):
        return True  # (a body's statement names the body: "Kelham Council has always put residents first")
    if speaks_for_self(unquoted):
        return False
    return bool((speech and _REPORTED_LOOSE.search(unquoted)) or (not statement and _NAMED_START.match(unquoted)))


_STATEMENT = lazy(r"\bstatement\b.*\b(?:read|reads|said|says|added|adds)\s*:$|\bstatement\s*:$|\bsaid in a statement\s*:$"
                  r"|\bstatement (?:on|for) (?:his|her|their|its) behalf\s*:$", re.IGNORECASE)


_PLURAL_VOICE = lazy(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Judge", "Prof", "PC", "DC", "DI"})


def _body_names_itself(text: str, surname: str) -> bool:
    """Does a body speaking as "we" name itself ("Coventry City Council has made an offer
    which we believe is fair", "Southern Water is investing ... across our region")? Its
    name is a run of capitalised words ending on ``surname``; a person's is led by a title."""
    if not _PLURAL_VOICE.search(text):
        return False
    for found in _NAME_RUN.finditer(text):
        run = found.group().split()
        if run[-1] == surname and len(run) >= 2 and run[0] not in _HONORIFICS:
            return True
    return False


def introduces_statement(lead_in: str) -> bool:
    """``A statement from the club read:``, ``In a statement, the council said:``."""
    return "tatement" in lead_in and bool(_STATEMENT.search(lead_in))


# A speech to a court: "..., Rebecca Hall KC told jurors:", "Sentencing, Judge Ann Hale said:",
# "In his opening speech, the prosecutor said:". It opens on the people it is about
# ("Dawn Pritchard was a mother of two ...") in the speaker's words.
_COURT_SPEECH = lazy(r"\btold (?:the )?(?:jurors|jury|court|hearing|inquest|tribunal|magistrates)\b|^Sentencing\b"
                     r"|\b(?:opening|closing) (?:the (?:case|prosecution)|speech)\b|\bsentencing remarks\b", re.IGNORECASE)


def addresses_court(lead_in: str) -> bool:
    return bool(_COURT_SPEECH.search(lead_in))


def reports_speech(text: str) -> bool:
    """Does the paragraph report what someone said, outside quotation marks ("The chair
    said communities were too often unheard.", "Officials say ...")?"""
    unquoted = _unquoted(text)
    return _mentions_speech(unquoted) and bool(_PRONOUN_SPEECH.search(unquoted) or _REPORTED_LOOSE.search(unquoted))


def _mentions_speech(text: str) -> bool:
    """A cheap necessary condition for _PRONOUN_SPEECH and _REPORTED_LOOSE: one of
    their speech verbs (or "according to") occurs at all."""
    return ("said" in text or "say" in text or "add" in text or "told" in text or "tell" in text
            or "explain" in text or "continued" in text or "insisted" in text or "warned" in text
            or "claimed" in text or "stated" in text or "admitted" in text or "argued" in text
            or "wrote" in text or "writes" in text or "replied" in text or "asked" in text
            or "confirmed" in text or "according to" in text or "accused" in text or "praised" in text
            or "criticis" in text or "criticiz" in text or "urged" in text or "welcomed" in text or "condemned" in text)
