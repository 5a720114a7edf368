"""Block rules for pictures and media: captions with or without a credit (a lone
credit, a gallery of lines, a short description, a full-stop caption), and the lines
that stand for a video or embed that is gone (media notes). Their order in the
reader is :data:`itvreport.structure.rules.RULES`.
"""

from __future__ import annotations

import re

from itvreport.dispatch import shape
from itvreport.model import Heading, Image, Paragraph
from itvreport.patterns import lazy
from itvreport.shapes import OPENING_QUOTES, SENTENCE_CLOSERS, attribution, bullet_item, day_line, fact_line, is_title_shaped, numbered_item, split_credit, words
from itvreport.structure import media
from itvreport.structure.lines import caption_sized, emit_media, is_structural, previous_line, title_shaped


@shape(colon=True)
def credited_caption(ctx, i):
    """``<caption> Photo: PA``; a credit-only line joins the caption next to it."""
    found = split_credit(ctx.texts[i])
    if found is None:
        return 0
    caption, credit = found
    line = ctx.blocks[i].line
    if caption:
        ctx.emit(Image(caption, credit, line=line))
        return 1
    last = ctx.last
    if isinstance(last, Image) and last.credit is None:
        ctx.out[-1] = last.replace(credit=credit)
        return 1
    if (isinstance(last, (Heading, Paragraph)) and last.line == previous_line(ctx, i) and caption_sized(last.text)
            and is_title_shaped(last.text, 40)):
        # An unpunctuated line before a bare credit was the picture's caption; a
        # sentence there is narrative, and the credit stands for the picture alone.
        ctx.out[-1] = Image(last.text, credit, line=last.line)
        return 1
    # (The line after a bare credit is not taken for its caption: there it is more often
    # a subheading or the story going on.)
    ctx.emit(Image("", credit, line=line))
    return 1


def media_note(ctx, i):
    """A line that stood for a video: ``Joe Bloggs reports:``, ``VIDEO: ...``."""
    text = ctx.texts[i]
    if not media.is_media_note(text):
        return 0
    emit_media(ctx, text, ctx.blocks[i].line)
    return 1


PARALLEL_LEAD_IN_MAX_WORDS = 12


def _frame(text):
    """The first two words of a short colon lead-in, folded: the frame a run of them shares."""
    if not text or not text.endswith(":") or words(text) > PARALLEL_LEAD_IN_MAX_WORDS:
        return None
    parts = text.casefold().split()
    return tuple(parts[:2]) if len(parts) >= 3 else None


@shape(last=":")
def parallel_lead_ins(ctx, i):
    """``Weather for the north of the region:`` then ``Weather for the south of the
    region:``: colon lead-ins set one after another in the same frame introduced what
    each was for (a clip, a forecast) and nothing of them is left: each stands for
    its missing media."""
    nxt = ctx.texts[i + 1]
    if nxt is None or not nxt.endswith(":"):
        return 0
    frame = _frame(ctx.texts[i])
    if frame is None or _frame(nxt) != frame:
        return 0
    j = i
    while j < len(ctx.blocks) and _frame(ctx.texts[j]) == frame:
        emit_media(ctx, ctx.texts[j], ctx.blocks[j].line)
        j += 1
    return j - i


GALLERY_MIN_LINES = 3
GALLERY_MAX_WORDS = 40


def joined_run(blocks):
    """Whether ``GALLERY_MIN_LINES`` lines or more run joined by single newlines."""
    run = 1
    for block in blocks[1:]:
        run = 1 if block.gap else run + 1
        if run >= GALLERY_MIN_LINES:
            return True
    return False


def gallery_run(ctx, i):
    """On a page that sets paragraphs apart with blank lines, three or more short lines
    joined by single newlines (no list marks, no lead-ins) are a gallery of captions."""
    if not ctx.blank_separated or (i and not ctx.blocks[i].gap):
        return 0
    j = i + 1
    while j < len(ctx.blocks) and not ctx.blocks[j].gap:
        j += 1
    if j - i < GALLERY_MIN_LINES:
        return 0
    for k in range(i, j):
        text = ctx.texts[k]
        if (words(text) > GALLERY_MAX_WORDS or text.endswith(":") or bullet_item(text) or numbered_item(text)
                or attribution(text) or media.is_media_note(text) or text[0] in OPENING_QUOTES or fact_line(text)):
            return 0  # (a run of facts, "No: 88,830 (65.4%)", is a result, not a gallery)
    for k in range(i, j):
        caption, credit = split_credit(ctx.texts[k]) or (ctx.texts[k], None)
        ctx.emit(Image(caption, credit, line=ctx.blocks[k].line))
    return j - i


_SCENE = lazy(
    r"\b(?:pictured|seen|file (?:photo|image|picture)|arriv(?:es|ing|ed)|outside|at the scene|during|"
    r"gather(?:s|ed|ing)?|stand(?:s|ing)?|aerial|view of|in (?:19|20)\d\d|(?:19|20)\d\d$|"
    r"\((?:left|right|centre|center)\)|left,|right,|"
    # people as a picture shows them: "Jo Marsh with her son Alfie", "The Marsh family at their home"
    r"with (?:his|her|their) (?:son|sons|daughter|daughters|children|wife|husband|partner|mum|mother|dad|father|"
    r"family|baby|parents|grandchildren|dog)|at (?:his|her|their) (?:home|house|farm)|at home in(?= [A-Z]))\b",
    re.IGNORECASE,
)
# "Mandy Cole inside her flooded shop", "Green group leader Hannah Cole at the count",
# "Marchers on Station Road", "The Airey family at the show": people (a name of two
# capitalised words, perhaps after a role, or a group of people) somewhere, as a picture
# shows them. ("Chaos at the station", "Reaction in Carrow": no one is there.)
_PEOPLE_SOMEWHERE = lazy(
    r"^(?:(?:[A-Z][\w'’\-]*\s+)?(?:[a-z]+\s+){0,3}[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+|The [A-Z][\w'’\-]+ family|"
    r"(?:[A-Z][a-z]+\s+)?(?:[Rr]esidents|[Pp]upils|[Mm]archers|[Hh]olidaymakers|[Ss]upporters|[Ff]ans|[Cc]rowds|"
    r"[Cc]ampaigners|[Pp]rotesters|[Vv]olunteers|[Ff]irefighters|[Cc]hildren|[Ss]hoppers|[Vv]isitors|[Ww]alkers|"
    r"[Rr]unners|[Ss]wimmers|[Ss]tudents|[Ff]amilies|[Mm]ourners|[Ww]orshippers|[Ss]pectators|[Rr]escuers|"
    r"[Bb]irdwatchers|[Ff]estival-goers))"
    r"(?:\s+and\s+[\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)?"
    r"\s+(?:at|in|on|inside|outside|along|near|beside|by|on their way to|lined up along)\s+(?:the|her|his|their|a|[A-Z])"
)
# "Flowers left at the roadside", "Residents living near the site": a subject, a
# participle, then a place. Headings rarely take that shape.
_PARTICIPLE_PLACE = lazy(
    r"^\S+(?:\s+\S+){0,3}?\s+(?:\w+(?:ed|ing|en)|left|laid|held|lit|shut|set|built|hit)\b.*\b(?:at|near|outside|in|on|by|beside|inside|after|before|during|from)\s+\S",
)


# A subject of at most five words, then an auxiliary and a verb: "Police are appealing
# for witnesses after ...", "The city's new mayor has promised to ...". (Not "The house
# where the fire was started": a relative word first.)
# A sentence's empty subject: no caption opens on one.
_SENTENCE_OPENERS = ("It's ", "It’s ", "It is ", "There's ", "There’s ", "There is ", "There are ", "That's ", "That’s ")
_AUXILIARY_AFTER_SUBJECT = lazy(
    r"^(?!(?:[\w'’\-,]+\s+){0,4}?(?:who|which|that|where|when|as|after|before|while)\b)"
    r"(?:[\w'’\-,]+\s+){1,5}?(?:is|are|was|were|has|have|had|will|would|could|can|should|must)\s+"
    r"(?:been\s+|being\s+|not\s+|still\s+|now\s+|also\s+)?[a-z]+(?:ed|ing|en)\b"
)
# Headlines and subheadings quote in single quotation marks ("... 'as strong as ever'");
# a caption describes what the picture shows.
_HEADLINE_QUOTE = lazy(r"(?:^|\s)['‘][^'‘’]{2,60}['’](?:\s|$)")


def _describes(text):
    """A caption describes a picture: it does not ask or exclaim, and it is not
    somebody's words (a line opening with a quotation mark continues a quote)."""
    return text[0] not in OPENING_QUOTES and text.rstrip(SENTENCE_CLOSERS)[-1:] not in ("?", "!")


@title_shaped
def uncredited_caption(ctx, i):
    """A caption with no credit: a short unpunctuated line that describes a picture."""
    text = ctx.texts[i]
    if not is_title_shaped(text, 30) or words(text) < 3 or not _describes(text):
        return 0
    # (after a picture with a caption: a credit standing alone starts no gallery)
    # (On a live story's index page an update's title stands over its picture: a
    # credited caption after a line starts no gallery there.)
    gallery = (isinstance(ctx.last, Image) and ctx.last.caption and words(text) >= 5) or (
        not ctx.live_index and ctx.texts[i + 1] is not None and split_credit(ctx.texts[i + 1])
    )
    lead_image = i == 0 and ctx.texts[i + 1] is not None and words(text) >= 6 and not text.endswith("?")
    described = words(text) >= 7 and "," in text  # headings are short and rarely take a clause
    if not (_SCENE.search(text) or _PARTICIPLE_PLACE.search(text) or _PEOPLE_SOMEWHERE.match(text) or described
            or gallery or lead_image):
        return 0
    if ctx.texts[i + 1] is None and not gallery:
        return 0  # the page's last line, unpunctuated and alone: text cut off mid-sentence
    if i and day_line(ctx.texts[i - 1]) and not ctx.blocks[i].gap:
        return 0  # the entry under a day in a listing ("Sunday 29 September" over "Wales v Australia, Tokyo ...")
    if not gallery and (_AUXILIARY_AFTER_SUBJECT.match(text) or text.startswith(_SENTENCE_OPENERS)):
        return 0  # "Police are appealing for ...", "It's now 32C in ...": a sentence of narrative
    if not isinstance(ctx.last, Image) and not lead_image and _HEADLINE_QUOTE.search(text):
        return 0  # "Attacker wearing 'fake vest' shot dead": quoted words set off as in a headline
    nxt = ctx.texts[i + 1]
    if nxt is not None and nxt[:1] in OPENING_QUOTES and _NAME_APPOSITION.match(text):
        return 0  # "Gary Tait, season ticket holder" over words in quotation marks: the speaker's name (after a picture too)
    if ctx.live_index and nxt is not None and not is_structural(nxt) and (is_title_shaped(text) or not gallery):
        return 0  # on a live story's index page a line over prose is an update's title, after a picture too
    if ctx.live_index and not isinstance(ctx.last, Image) and nxt is not None and split_credit(nxt):
        return 0  # ... and over its picture's credited caption, unless a gallery runs on
    if ctx.live_index and _CLOCK_FIRST.match(text):
        return 0  # "4.45pm: Bridge closed after lorry blown over": an update's title, its time first
    ctx.emit(Image(text, None, line=ctx.blocks[i].line))
    return 1


_CLOCK_FIRST = lazy(r"^\d{1,2}[:.]\d\d\s?(?:[ap]m)?\s*[:\-–]\s", re.IGNORECASE)
# A name and a comma: "Gary Tait, season ticket holder", "Tom and Ann Pratt, from Sedbergh".
_NAME_APPOSITION = lazy(r"^[A-Z][\w'’\-]+(?:\s+(?:and|&)\s+[A-Z][\w'’\-]+)?(?:\s+[A-Z][\w'’\-]+){1,2},")
# "Supporters starting to gather outside the ground.": a subject, then a participle.
_SUBJECT_PARTICIPLE = lazy(r"^(?:[\w'’\-]+\s+){1,4}?([a-z]+ing)\b")
_NOT_PARTICIPLES = {"during", "morning", "evening", "nothing", "something", "anything", "everything",
                    "building", "spring", "king", "thing", "ring", "wing", "being", "according", "including",
                    # nouns: "The amber warning for wind remains in place until 6pm." is a sentence
                    # (not "meeting", "painting", "setting": "The sun setting over the bay." is a picture)
                    "warning", "hearing", "funding", "housing", "wedding", "ruling", "ending", "feeling", "ceiling",
                    "shooting", "stabbing", "killing", "bombing", "sentencing", "parking", "clothing"}
# A finite verb makes the line a sentence of narrative, not a description of a picture.
_FINITE = lazy(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|did|does|do|"
    r"said|says|told|tells|added)\b",
    re.IGNORECASE,
)
_WHERE_AFTER = lazy(r"\b(?:at|near|outside|in|on|inside|beside|during|after|before|with)\s+\S")
# A verb in the past with its object ("sounded their horns", "blocked the road"), where a
# caption's "pictured from the air" takes none.
_PAST_WITH_OBJECT = lazy(r"\b[a-z]{3,}ed (?:the|their|his|her|its|our|a|an)\b")
FULL_STOP_CAPTION_WORDS = (3, 14)
# Verbs in the present that take a participle after them ("reports seeing", "recalls
# meeting"): before the participle they make the line a sentence.
_TAKES_A_GERUND = {"reports", "recalls", "remembers", "enjoys", "loves", "likes", "hates", "keeps", "starts",
                   "begins", "stops", "admits", "denies", "avoids", "considers", "suggests", "recommends",
                   "risks", "imagines", "misses", "spends", "describes", "finishes", "regrets", "describe",
                   "recall", "remember", "enjoy", "love", "keep", "start", "stop", "admit", "deny",
                   "avoid", "suggest", "recommend", "risk", "miss", "spend", "regret", "report"}
_PRONOUN_SUBJECTS = {"I", "We", "You", "He", "She", "They", "It", "This", "That"}


@shape(first=str.isupper, last=".")
def full_stop_caption(ctx, i):
    """``Joanna Hartley greeting supporters in Swindon today.``: one short sentence
    with no finite verb, a subject doing something (a participle) somewhere, is a
    caption describing a picture even with its closing full stop."""
    text = ctx.texts[i]
    if "ing " not in text or "," in text or not text.endswith(".") or text.count(".") > 1:
        return 0
    if not FULL_STOP_CAPTION_WORDS[0] <= words(text) <= FULL_STOP_CAPTION_WORDS[1] or not text[0].isupper():
        return 0
    if text.split(None, 1)[0] in _PRONOUN_SUBJECTS:
        return 0  # "We spoke to people working on the docks.": someone telling, not a picture
    found = _SUBJECT_PARTICIPLE.match(text)
    if not found or found.group(1) in _NOT_PARTICIPLES or _FINITE.search(text):
        return 0
    before = text[:found.start(1)].split()[1:]
    if any(word.endswith("ed") for word in before):
        return 0  # "The firm blamed rising costs ...": a verb in the past before it, a sentence
    if before and before[-1] in _TAKES_A_GERUND:
        return 0  # "Warden Clare Hebblethwaite reports seeing the bird ...": a verb in the present
    if not _WHERE_AFTER.search(text, found.end()):
        return 0
    if _PAST_WITH_OBJECT.search(text, found.end()):
        return 0  # "Drivers passing the picket line sounded their horns ...": a verb in the past after it
    ctx.emit(Image(text, None, line=ctx.blocks[i].line))
    return 1
