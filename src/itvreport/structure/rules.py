"""Block rules: turn the cleaned blocks after the headline into article blocks.

The rules for quotes, lists, headings and paragraphs are here; those for pictures
and media notes are in :mod:`pictures`, and what both ask of a line in its place
in :mod:`lines`.

Each rule is ``rule(ctx, i) -> int``: it looks at raw block ``i`` and, if the
shape is its own, emits article blocks through ``ctx`` and returns how many raw
blocks it used (0: not mine). ``RULES`` is tried in order for every position;
the last rule, ``paragraph``, always matches. Adding a pattern means adding one
rule and its tests, not editing an ``if`` chain.
"""

from __future__ import annotations

import re

from itvreport import dispatch
from itvreport.dispatch import line_key, shape
from itvreport.model import Heading, ListBlock, Paragraph, Quote
from itvreport.patterns import lazy
from itvreport.shapes import BULLET_MARKS, OPENING_QUOTES, attribution, bullet_item, flattened_items, is_title_shaped, numbered_item, split_credit, words
from itvreport.structure import media, quotes
from itvreport.structure.lines import emit_media, is_structural, looks_like_heading, single_sentence, title_shaped
from itvreport.structure.pictures import (
    credited_caption,
    full_stop_caption,
    gallery_run,
    joined_run,
    media_note,
    parallel_lead_ins,
    uncredited_caption,
)


class Context:
    """The blocks being read and the article blocks built so far."""

    __slots__ = ("blocks", "texts", "out", "reporters", "blank_separated", "joined_runs", "live_index")

    def __init__(self, blocks, live_index=False, blank_separated=False):
        self.blocks = blocks
        self.blank_separated = blank_separated  # the page sets paragraphs apart with blank lines
        self.joined_runs = blank_separated and joined_run(blocks)  # it has a run for gallery_run
        self.live_index = live_index  # a live story's index page: each update under its title
        # Each block's text, and None after the last: texts[-1] and texts[len(blocks)]
        # (one before the first, one after the last) are both None.
        self.texts = [block.text for block in blocks] + [None]
        self.out = []
        self.reporters = []  # names found in media notes, in page order

    def emit(self, block):
        self.out.append(block)

    @property
    def last(self):
        return self.out[-1] if self.out else None


# --- quotes and attributions ----------------------------------------------------------


@shape(first="–—-")
def attribution_line(ctx, i):
    """``– Jane Doe, chief executive`` closes the quote before it."""
    who = attribution(ctx.texts[i])
    if who is None:
        return 0
    last = ctx.last
    if isinstance(last, Quote) and last.attribution is None:
        ctx.out[-1] = last.replace(attribution=who)
        return 1
    # No lead-in: the speaker's paragraphs stand just before the attribution.
    surname = who.split(",")[0].split()[-1] if who.split(",")[0].split() else None
    start = len(ctx.out)
    while start > 0 and isinstance(ctx.out[start - 1], Paragraph):
        text = ctx.out[start - 1].text
        if text.endswith(":") or (start < len(ctx.out) and not _between_own_words(ctx.out, start - 1, surname) and (
                quotes.is_narrative(text, surname) or _narrator_before(ctx.out, start - 1))):
            break
        start -= 1
    if start == len(ctx.out):
        ctx.emit(Paragraph(ctx.texts[i], line=ctx.blocks[i].line))
        return 1
    paragraphs = tuple(block.text for block in ctx.out[start:])
    line = ctx.out[start].line
    del ctx.out[start:]
    ctx.emit(Quote(paragraphs, who, line=line))
    return 1


BETWEEN_OWN_WORDS_ABOVE = 3  # paragraphs looked at above one that opens on someone


def _between_own_words(out, k, surname):
    """Walking back from an attribution: paragraph ``out[k]`` opens on someone ("He loved
    his garden ...") with no other sign of the narrator, the paragraph below it speaks in
    the first or second person, and so does one a little above it with nothing of the
    narrator's between: the speaker talking of someone, as a family's tribute does ("Lucy
    wanted to be a nurse ...", "She was walking home ..."), not the narrator."""
    if not (quotes.speaks_for_self(out[k + 1].text) and quotes.only_opens_on_someone(out[k].text, surname)):
        return False
    for m in range(k - 1, max(-1, k - 1 - BETWEEN_OWN_WORDS_ABOVE), -1):
        if not isinstance(out[m], Paragraph):
            return False
        text = out[m].text
        if quotes.speaks_for_self(text):
            return True
        if quotes.is_narrative(text, surname) or quotes.reports_speech(text):
            return False
    return False


def _speakers_voice(text):
    """Any sign of a speaker's own voice: "I", "we" or "you", an opening quotation mark,
    a question or exclamation, an opening that carries an argument on ("But ...")."""
    return quotes.in_own_words(text) or "?" in text or "!" in text or quotes.carries_on(text)


def _narrator_before(out, k):
    """Walking back from an attribution with no lead-in: the paragraph after ``out[k]``
    is in the first or second person, ``out[k]`` shows no sign of a speaker's voice
    (:func:`_speakers_voice`), and the paragraph above it is not in the first or second
    person: the narrator introducing the speaker, and the quote starts after it. (Not
    when the paragraph above already introduced them, reporting speech: "The inquiry's
    chair said communities were too often unheard.")"""
    text = out[k].text
    if not quotes.speaks_for_self(out[k + 1].text) or _speakers_voice(text):
        return False
    above = out[k - 1] if k > 0 else None
    if isinstance(above, Paragraph) and quotes.reports_speech(above.text):
        return False
    return not (isinstance(above, Paragraph) and quotes.speaks_for_self(above.text))


_SMALL_WORDS = {"and", "or", "for", "to", "the", "of", "in", "on", "at", "a", "an", "by", "with", "from", "&"}
COLON_HEADING_MAX_WORDS = 6


# "What you need to know:", "How to apply:", "Why it matters:" (not "What the minister said:")
_WH_TITLE = lazy(r"^(?:What|How|Why|When|Where|Who)\b", re.IGNORECASE)


# "The supporters' view:", "Their secret to a long marriage:": a noun phrase (a determiner
# or possessive, then words with no verb among them) labels what follows.
_NOUN_PHRASE = lazy(
    r"^(?:The|Their|His|Her|Our|Its|A|An)\s+(?!.*\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|"
    r"should|must|may|might|did|does|do|said|says|told|tells|added|adds|include|includes|including|read|reads|"
    r"follows?|below|here|these|this|following|[a-z]+ed)\b)[\w'’\- ]+$"
)


@shape(first=lambda ch: not ch.islower(), last=":")
def colon_heading(ctx, i):
    """``This Evening and Overnight:``, ``Outlook for Friday to Sunday:``, ``What you
    need to know:``, ``What the council said:``: a short line in title case, or a short
    question-word phrase, ending with a colon, before prose, titles a section (it
    introduces no one's own words and no list)."""
    text = ctx.texts[i]
    if not text.endswith(":") or words(text) > COLON_HEADING_MAX_WORDS:
        return 0
    title = text[:-1].strip(" *")
    if not title:
        return 0
    nxt = ctx.texts[i + 1]
    if nxt is None or is_structural(nxt) or nxt.endswith(":"):
        return 0
    if not (all(word[:1].isupper() or word[:1].isdigit() or word in _SMALL_WORDS for word in title.split())
            or (_WH_TITLE.match(title) and not (quotes.introduces_speech(title) and quotes.in_own_words(nxt)))
            or (_NOUN_PHRASE.match(title) and not quotes.in_own_words(nxt))):
        return 0  # ("What the minister said:" before the minister's own words brings them in)
    if media.is_media_note(text):
        return 0
    ctx.emit(Heading(text, line=ctx.blocks[i].line))
    return 1


@shape(last=":")
def quote_block(ctx, i):
    """A colon lead-in followed by the speaker's own words."""
    lead_in = ctx.texts[i]
    if not lead_in.endswith(":") or media.is_media_note(lead_in):
        return 0
    nxt = ctx.texts[i + 1]
    if nxt is None or is_structural(nxt) or quotes.is_list_lead_in(lead_in):
        return 0
    closing = _attribution_after(ctx, i + 1)
    if closing is not None:
        # An attribution line a few paragraphs on says whose words they all are,
        # even one that opens like narrative ("They were a hundred metres apart").
        paragraphs = tuple(ctx.texts[k] for k in range(i + 1, closing))
        ctx.emit(Paragraph(lead_in, line=ctx.blocks[i].line))
        ctx.emit(Quote(paragraphs, attribution(ctx.texts[closing]), line=ctx.blocks[i + 1].line))
        return closing - i + 1
    signed = _letter_signed(ctx, i + 1)
    if signed is not None:
        sign_off, signature = signed
        ctx.emit(Paragraph(lead_in, line=ctx.blocks[i].line))
        who = None
        if signature is not None:
            who = attribution(ctx.texts[signature]) or ctx.texts[signature]
        ctx.emit(Quote(tuple(ctx.texts[i + 1:sign_off + 1]), who, line=ctx.blocks[i + 1].line))
        return (signature or sign_off) - i + 1
    surname = quotes.speaker(lead_in)
    speech = quotes.introduces_speech(lead_in)
    # (a statement names its own body; a speech to a court opens on whoever it is about)
    statement = speech and (quotes.introduces_statement(lead_in) or quotes.addresses_court(lead_in))
    about = quotes.talks_of(lead_in) if speech else ()
    paragraphs = []
    narrator_resumed = False
    j = i + 1
    while j < len(ctx.blocks):
        text = ctx.texts[j]
        if _closes_quote(ctx, j):
            break
        first = j == i + 1 and speech
        if paragraphs and _by_surname_alone(ctx, j):
            narrator_resumed = True
            break
        if quotes.is_narrative(text, surname, first=first, statement=first and statement, about=about):
            if not (paragraphs and _speaker_goes_on(ctx, j, surname)):
                narrator_resumed = True
                break
        if paragraphs and _narrator_takes_over(ctx, j, paragraphs, about, surname):
            narrator_resumed = True
            break
        if paragraphs and text[:1] not in OPENING_QUOTES and all(p[:1] in OPENING_QUOTES for p in paragraphs):
            narrator_resumed = True  # the speaker's words went on in quotation marks; this one has none
            break
        paragraphs.append(text)
        j += 1
    who = attribution(ctx.texts[j]) if paragraphs and j < len(ctx.blocks) else None
    if who is None and paragraphs and not _somebodys_words(lead_in, paragraphs[0], speech):
        paragraphs = []
    if not paragraphs:
        if (single_sentence(lead_in) and media.names_a_medium(lead_in) and not is_structural(nxt)
                and not looks_like_heading(ctx, i + 1)):
            # What the lead-in introduced (a post, a clip) is gone; narrative goes on.
            # (A lead-in that names no medium is narrative: "Officers are urging drivers
            # to stay local:" stays a paragraph.)
            emit_media(ctx, lead_in, ctx.blocks[i].line)
            return 1
        return 0
    if who is None and not narrator_resumed and j >= len(ctx.blocks):
        # The quote ran to the page's end with nothing to close it: it runs to the
        # speaker's last paragraph in their own voice (quotes.quote_length). (A lead-in,
        # caption, list or heading closes it where it stands.)
        paragraphs = paragraphs[: quotes.quote_length(paragraphs, about)]
        j = i + 1 + len(paragraphs)
    ctx.emit(Paragraph(lead_in, line=ctx.blocks[i].line))
    ctx.emit(Quote(tuple(paragraphs), who, line=ctx.blocks[i + 1].line))
    return j - i + (1 if who else 0)


LETTER_MAX_PARAGRAPHS = 12
_SIGN_OFF = lazy(r"^(?:Yours (?:sincerely|faithfully|truly)|(?:With )?(?:Kind|Best|Warm(?:est)?) (?:regards|wishes)|"
                 r"Many thanks|Thank you|Regards|Best|"
                 # a family letter's, with the writer's name: "Your loving son, Albert", "Love, Mum"
                 r"Your (?:loving|affectionate|devoted|dear) [a-z]+(?:,? [A-Z][a-z]+)?|(?:All my )?[Ll]ove(?: from)?,? [A-Z][a-z]+)"
                 r",?$", re.IGNORECASE)


def _letter_signed(ctx, start):
    """A letter quoted whole: it opens on its greeting ("Dear parents and carers,") and
    runs to its sign-off ("Yours sincerely,"), whatever it says between; the name under
    the sign-off is whose letter it is. Returns the sign-off's index and the signature's
    (None when the page gives none), or None."""
    greeting = ctx.texts[start]
    if greeting is None or not greeting.startswith("Dear ") or not greeting.endswith(",") or words(greeting) > 8:
        return None
    for j in range(start + 1, min(start + LETTER_MAX_PARAGRAPHS, len(ctx.blocks))):
        text = ctx.texts[j]
        if text.endswith(":") or (is_structural(text) and attribution(text) is None):
            return None  # a new lead-in, caption or list: the letter was not quoted whole
        if _SIGN_OFF.match(text):
            name = ctx.texts[j + 1]
            signs = name is not None and (attribution(name) is not None or (
                words(name) <= 8 and is_title_shaped(name) and not name.endswith("?")))
            return j, (j + 1 if signs else None)
    return None


def _closes_quote(ctx, j):
    """Line ``j`` is one no quote runs into: a list item, caption, media note or
    attribution, a new lead-in, or a heading."""
    text = ctx.texts[j]
    return is_structural(text) or text.endswith(":") or looks_like_heading(ctx, j)


STATEMENT_MAX_PARAGRAPHS = 6
STATEMENT_LEAD_IN_MAX_WORDS = 45


@shape(last=".")
def statement_after_full_stop(ctx, i):
    """``..., the prime minister's office said in a statement.`` then the statement's
    paragraphs, set apart without quotation marks: a lead-in that ends with a full stop.
    The paragraphs after it are the statement when one of them speaks as "we" or "our"
    and none before it shows the narrator or reports speech; the statement runs to
    the last such paragraph."""
    lead_in = ctx.texts[i]
    if not lead_in.endswith("in a statement.") or words(lead_in) > STATEMENT_LEAD_IN_MAX_WORDS:
        return 0
    paragraphs = []
    j = i + 1
    while j < len(ctx.blocks) and len(paragraphs) < STATEMENT_MAX_PARAGRAPHS:
        text = ctx.texts[j]
        if (_closes_quote(ctx, j) or text[:1] in OPENING_QUOTES or quotes.says(text)
                or quotes.is_narrative(text, None, statement=True)):
            break  # (a statement does not report what anyone said)
        paragraphs.append(text)
        j += 1
    length = max((k + 1 for k, text in enumerate(paragraphs) if quotes.speaks_for_self(text)), default=0)
    if not length:
        return 0
    ctx.emit(Paragraph(lead_in, line=ctx.blocks[i].line))
    ctx.emit(Quote(tuple(paragraphs[:length]), None, line=ctx.blocks[i + 1].line))
    return 1 + length


def _narrator_takes_over(ctx, j, paragraphs, about, surname):
    """Paragraph ``j`` follows a paragraph in the speaker's own voice (first or second
    person, or talking of the one the lead-in names them by: "She has always said ..."
    after "Her grandmother said:") and has none of it: no "I", "we" or "you", no question
    or exclamation, no quotation mark, no opening that carries the speaker's argument on or names the one
    the speaker talks of; and the speaker's own voice does not come back in the next
    paragraph. The narrator has taken over ("The cause of the fire is being
    investigated."). A new lead-in, caption, list or heading right after it closes the
    quote there instead, and the paragraph stays the speaker's if it argues (a modal: "The
    crews could not have stopped it"); a plain report of fact there is the narrator's."""
    text = ctx.texts[j]
    if _speakers_voice(text) or text.startswith(about):
        return False
    if not (quotes.speaks_for_self(paragraphs[-1]) or (about and paragraphs[-1].startswith(about))):
        return False  # (the speaker's voice: "I", "we", "you", or the one they talk of, "She has always said ...")
    nxt = ctx.texts[j + 1]
    if nxt is None:
        return True
    if _closes_quote(ctx, j + 1):
        return not _ARGUES.search(text)  # ("The school is one of more than 200 where ..." before a caption)
    if _ARGUES.search(text) and quotes.is_narrative(nxt, surname):
        return False  # the speaker argues on ("... the NHS will keep losing staff"), and the narrator comes back next
    # (the next paragraph's "us" inside quotation marks, reported with "Ms Tully added", is the narrator's)
    return not quotes.speaks_for_self(nxt) or quotes.is_narrative(nxt, surname)


# A modal: a speaker arguing what could or should be ("The government could settle this
# tomorrow"), where the narrator reports what is or was ("The cause is being investigated.").
_ARGUES = lazy(r"\b(?:can|cannot|can't|can’t|could|should|would|will|won't|won’t|must|needs? to|has to|have to)\b")


# "Slade, of Pennant Close, had admitted ...", "Ruddock, who pleaded guilty, showed no
# emotion", "Beale will serve half of his sentence", "Harland sat with his head bowed":
# someone the page named in full, now by the surname alone. That second reference is the
# news's own; a speaker says "you", "Mr Slade" or "Kieran".
_SURNAME_OPENS = lazy(r"^(?P<surname>[A-Z][a-z'’\-]+)(?:,| (?:who|will|would|had|has|was|is|showed|admitted|denied|"
                      r"pleaded|told|said|sat|stood|wept|[a-z]{2,}ed)\b)")


def _by_surname_alone(ctx, j):
    """Does paragraph ``j`` open on a surname alone, of someone named in full before it?"""
    found = _SURNAME_OPENS.match(ctx.texts[j])
    if not found:
        return False
    surname = found.group("surname")
    if surname in quotes.BODIES:
        return False  # ("Police arrived ..." after "Kent Police": a body, which a speaker names so too)
    earlier = [ctx.texts[k] for k in range(j) if " " + surname in ctx.texts[k]]
    if not earlier:
        return False  # (the surname nowhere before it: no pattern to build)
    named = re.compile(r"\b[A-Z][a-z'’\-]+ " + surname + r"\b")
    return any(named.search(text) for text in earlier)


def _speaker_goes_on(ctx, j, surname):
    """Paragraph ``j`` opens on someone in the third person and shows no other sign of
    the narrator, and the next paragraph is in the first person: the speaker is still
    talking (of the victim, of a son). The narrator does not hand back to a speaker's
    unmarked words without a new lead-in."""
    nxt = ctx.texts[j + 1]
    return (quotes.only_opens_on_someone(ctx.texts[j], surname) and nxt is not None
            and not _closes_quote(ctx, j + 1)
            and quotes.speaks_for_self(nxt) and not quotes.is_narrative(nxt, surname))


# A lead-in that reports how, why or what someone explained hands over to their own words
# only when the paragraph after it is in their voice; else the narrator tells it.
_INDIRECT = lazy(r"\b(?:explained|explains|described|describes|set out|sets out|outlined|outlines|revealed|reveals)"
                 r" (?:how|why|what|where|when|which)\b")


def _somebodys_words(lead_in, first, speech):
    """Is ``first``, after ``lead_in`` and with no attribution to close it, somebody's words?

    Yes when the lead-in hands over to speech with a verb of saying ("In a post, the
    Met Office said:", first person or not) or names no post or clip; otherwise only
    when the paragraph speaks for itself or echoes the lead-in: after "officials posted
    a map:" or "He posted a message on Facebook:", "Hundreds have replied" is narrative
    (what the lead-in introduced is gone)."""
    if speech and _INDIRECT.search(lead_in) and not quotes.in_own_words(first):
        return False  # "Bosses have explained how the recruitment will work:" over narrative
    if speech and (quotes.says(lead_in) or not media.names_a_medium(lead_in)):
        return True
    return quotes.speaks_for_self(first) or quotes.echoes(lead_in, first)


ATTRIBUTED_MAX_PARAGRAPHS = 4


def _attribution_after(ctx, start):
    """The index of an attribution line closing the plain paragraphs from ``start``, if any."""
    j = start
    while j < len(ctx.blocks) and j - start <= ATTRIBUTED_MAX_PARAGRAPHS:
        text = ctx.texts[j]
        if attribution(text) is not None:
            return j if j > start else None
        if _closes_quote(ctx, j):
            return None
        j += 1
    return None


@shape(first=BULLET_MARKS)
def bullet_list(ctx, i):
    """A run of ``  • item`` lines; a lone bullet followed by prose is a section title."""
    items = []
    j = i
    while j < len(ctx.blocks) and bullet_item(ctx.texts[j]) is not None:
        items.append(bullet_item(ctx.texts[j]))
        j += 1
    if not items:
        return 0
    line = ctx.blocks[i].line
    if len(items) == 1 and media.is_media_note(items[0]):
        emit_media(ctx, items[0], line)  # "  • Video report by Jo Bloggs"
        return 1
    after = j
    while ctx.texts[after] is not None and split_credit(ctx.texts[after]) and after - j < 2:
        after += 1  # a picture between a bullet title and its section does not make it a list
    before = ctx.texts[i - 1]
    if len(items) == 1 and not (before and before.endswith(":")) and not _under_its_heading(ctx, i) \
            and _titles_a_section(items[0], ctx.texts[after]):
        ctx.emit(Heading(items[0], line=line))
    else:
        ctx.emit(ListBlock(tuple(items), False, line=line))
    return j - i


@shape(first=str.isdigit)
def numbered_list(ctx, i):
    """``  1. ...``, ``  2. ...``: a genuine numbered list (labels were cleaned already).

    A list that counts down (``5.``, ``4.`` ...) or starts past 1 keeps each item's
    number in its text (a list block numbers from 1). A single item with prose after
    it titles a section (``1. Stay out of the sun`` then advice, then ``2. ...``): a
    heading, number and all."""
    first = numbered_item(ctx.texts[i])
    if first is None:
        return 0
    items, j = [first[1]], i + 1
    second = numbered_item(ctx.texts[j] or "")
    step = -1 if second is not None and second[0] == first[0] - 1 else 1
    expected = first[0] + step
    while j < len(ctx.blocks):
        found = numbered_item(ctx.texts[j])
        if found is None or found[0] != expected:
            break
        items.append(found[1])
        expected += step
        j += 1
    line = ctx.blocks[i].line
    if len(items) == 1 and _titles_a_section(items[0], ctx.texts[j]):
        ctx.emit(Heading(ctx.texts[i], line=line))
    elif first[0] == 1 and step == 1:
        ctx.emit(ListBlock(tuple(items), True, line=line))
    else:
        ctx.emit(ListBlock(tuple(ctx.texts[i:j]), False, line=line))
    return j - i


def _under_its_heading(ctx, i):
    """Does the bullet at ``i`` touch a heading above it, on a page that sets paragraphs
    apart with blank lines? Then it is that heading's list, of one item ("West Sussex" over
    "  • Amberley Primary"), not a section's title."""
    before = ctx.texts[i - 1]
    return (ctx.blank_separated and before is not None and ctx.blocks[i].gap == 0
            and is_title_shaped(before) and bullet_item(before) is None)


def _titles_a_section(item, following):
    """A lone list item with prose after it is a section's title, not a list."""
    return following is not None and not is_structural(following) and is_title_shaped(item, 16)


def flattened_list(ctx, i):
    """``Leeds - 12 jobs.York - 3 jobs.Hull - 9 jobs.``: items glued by full stops."""
    items = flattened_items(ctx.texts[i])
    if items is None:
        return 0
    ctx.emit(ListBlock(items, False, line=ctx.blocks[i].line))
    return 1


# --- headings and paragraphs ------------------------------------------------------------


@title_shaped
def heading(ctx, i):
    """A short line with no closing full stop that introduces what follows."""
    if not looks_like_heading(ctx, i):
        return 0
    ctx.emit(Heading(ctx.texts[i], line=ctx.blocks[i].line))
    return 1


def paragraph(ctx, i):
    ctx.emit(Paragraph(ctx.texts[i], line=ctx.blocks[i].line))
    return 1


RULES = [
    attribution_line,
    bullet_list,
    numbered_list,
    gallery_run,
    credited_caption,
    media_note,
    parallel_lead_ins,
    colon_heading,
    quote_block,
    statement_after_full_stop,
    flattened_list,
    uncredited_caption,
    full_stop_caption,
    heading,
    paragraph,
]


_WITHOUT_GALLERY: dict = {}


def _without_gallery(rules):
    found = _WITHOUT_GALLERY.get(rules)
    if found is None:
        _WITHOUT_GALLERY.clear()  # the rule list changed (tests swap it)
        found = _WITHOUT_GALLERY[rules] = tuple(rule for rule in rules if rule is not gallery_run)
    return found


def build_blocks(blocks, live_index=False, blank_separated=False):
    """Run the rules over ``blocks``; return (article blocks, reporter names).

    ``live_index``: the page is a live story's index (a ``Live updates`` line);
    ``blank_separated``: the page sets its paragraphs apart with blank lines."""
    ctx = Context(list(blocks), live_index, blank_separated)
    # The rules that allow a line's first and last characters (a page with no run of
    # joined lines never meets gallery_run).
    by_key = dispatch.table(RULES if ctx.joined_runs else _without_gallery(tuple(RULES)))
    texts = ctx.texts
    i = 0
    while i < len(ctx.blocks):
        key = line_key(texts[i])
        for rule in by_key.get(key) or by_key[key]:
            used = rule(ctx, i)
            if used:
                i += used
                break
    return tuple(ctx.out), ctx.reporters
