"""Chrome rules: lines the site put around the article, not part of it.

Each rule is ``rule(page, i, state) -> Hit | None``: it looks at block ``i``
(and, if it must, its neighbours) and says how many blocks from ``i`` on are
chrome. Rules are tried in the order of ``RULES``; the first hit wins. A hit
may carry metadata found on the line (a date, a byline) or a mark that the
structure stage needs (where ``View all N updates`` stood, where the article
ended). Adding a pattern means adding one rule here and its tests.
"""

from __future__ import annotations

import re

from itvreport.dispatch import shape
from itvreport.patterns import lazy
from itvreport.shapes import NUMBERED, OPENING_QUOTES, REGIONAL_SERVICES, attribution, ends_sentence, is_title_shaped, numbered_item, split_credit, words


class Hit:
    """What a chrome rule found: ``count`` blocks from ``i`` are chrome."""

    __slots__ = ("count", "mark", "date", "byline", "rest", "keep")

    def __init__(self, count=1, mark=None, date=None, byline=None, rest=False, keep=None):
        self.count = count
        self.mark = mark      # a name the structure stage looks for ("updates", "end")
        self.date = date      # "YYYY-MM-DD" found on the line
        self.byline = byline  # a reporter's name found on the line
        self.rest = rest      # every block after this one is chrome too (trailers)
        self.keep = keep      # (chrome prefix, content): only the start of the line is chrome


class State:
    """What the rules know about the page so far."""

    __slots__ = ("kept", "update_page", "own", "live_index")

    def __init__(self):
        self.kept = 0            # content blocks kept so far
        self.update_page = False  # a "View all N updates" line was seen
        self.own = 0             # content blocks kept since then: the item's own
        self.live_index = False  # a "Live updates" line was seen: a live story's index page


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


# --- single-line chrome -------------------------------------------------------------


@shape(first="AaSs", max_words=2)
def advertisement(page, i, state):
    if page.blocks[i].text[:1] in "AaSs" and _fold(page.blocks[i].text).rstrip(".:") in {"advertisement", "advert", "sponsored", "ad"}:
        return Hit()
    return None


DATED = lazy(r"^date\s+([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\b")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _real_date(text: str) -> bool:
    """``YYYY-MM-DD`` naming a day that exists (29 February allowed in any year)."""
    year, month, day = (int(part) for part in text.split("-"))
    return year >= 1900 and 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]


@shape(first="d", max_words=16)
def dated_prefix(page, i, state):
    """`` date 2018-01-17 - ITV Report``: the article's date; the rest is chrome."""
    text = page.blocks[i].text
    match = DATED.match(text) if text.startswith("date") else None
    if match:
        date = match.group(1)  # ``date 2019-03`` (no day) is chrome too, but no article date
        return Hit(date=date if len(date) == 10 and _real_date(date) else None)
    return None


_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday|sday)?,?"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CLOCK = r"(?:\d{1,2}[:.]\d\d\s?(?:[ap]m)?|\d{1,2}\s?[ap]m)"
_MONTH = rf"(?:{'|'.join(_MONTHS)})[a-z]*"  # (patterns that use it ignore case)
# "Last updated Thu 14 Mar 2019 at 4:38pm", "Published Tuesday 4 June 2019, 5:12pm",
# "Updated: 12 March 2019": when the page was put up or changed, not the article's words.
STAMP = lazy(
    r"^(?P<stamp>(?:last |first )?(?:updated|published|posted)(?: on)?:?\s+)?(?:" + _WEEKDAY + r"\s+)?"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTH + r"),?\s+"
    r"(?P<year>\d{4})(?P<clock>,?\s+(?:at\s+)?" + _CLOCK + r")?\s*$",
    re.IGNORECASE,
)


_STAMP_INITIALS = "0123456789LlFfPpUuMTWSs"  # a day, "Last", "First", "Published", "Posted", "Updated", a weekday
_STAMP_LASTS = "0123456789mM"  # a year, or a clock's last digit or "am"/"pm"


@shape(first=_STAMP_INITIALS, last=_STAMP_LASTS, max_words=10)
def date_stamp(page, i, state):
    """``Last updated Thu 14 Mar 2019 at 4:38pm``: the page's date stamp, its date the
    article's when the page gives no other. (A bare date with neither a time nor
    "updated" is kept: a listing may head a day with it.)"""
    text = page.blocks[i].text
    found = STAMP.match(text) if text[-1:] in _STAMP_LASTS and text[:1] in _STAMP_INITIALS else None
    if not found or not (found.group("stamp") or found.group("clock")):
        return None
    date = f"{found['year']}-{_MONTHS.index(found['month'][:3].lower()) + 1:02d}-{int(found['day']):02d}"
    return Hit(date=date if _real_date(date) else None)


GLUED_DATE = lazy(r"^date\s+(?P<date>[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\s+(?P<rest>\S.*)$")
_ADVERT_WORDS = {"advertisement", "advert", "sponsored", "ad"}


def _without_advert(text: str) -> str:
    """The line without an ``Advertisement`` word at its end."""
    head, _, last = text.rpartition(" ")
    return head.rstrip() if _fold(last).rstrip(".:") in _ADVERT_WORDS else ("" if _fold(text).rstrip(".:") in _ADVERT_WORDS else text)


@shape(first="d")
def glued_date(page, i, state):
    """`` date 2019-03-14 Crowds gather outside the town hall``: newer pages glue the
    page's date to the first line of content. The prefix is chrome (its date is the
    article's); the rest of the line is read as usual."""
    text = page.blocks[i].text
    match = GLUED_DATE.match(text) if text.startswith("date") else None
    if not match:
        return None
    rest = match.group("rest")
    bare = _without_advert(rest)
    if not bare or bare[0] in "-–—|" or not any(ch.isalpha() for ch in bare) or PLAY_VIDEO.match(bare) or NUMBERED.match(bare):
        return None  # `` date ... - ITV Report``, `` date ... Play video``: the whole line is chrome
    date = match.group("date")
    date = date if len(date) == 10 and _real_date(date) else None
    if (bare.isalpha() and bare[:1].isupper() and i + 1 < len(page.blocks)
            and is_title_shaped(page.blocks[i + 1].text, 30)):
        return Hit(date=date, mark="glued")  # `` date ... Insight`` before the headline: a section word, chrome too
    return Hit(date=date, mark="glued", keep=(text[:match.start("rest")].rstrip(), rest))


@shape(first=lambda ch: not ch.isalnum(), max_words=12)
def no_words(page, i, state):
    """A lone ``-`` (or any line with no letter or digit): a separator."""
    text = page.blocks[i].text
    if not (text[0].isalnum() or text[-1].isalnum() or any(ch.isalnum() for ch in text)):
        return Hit()
    return None


_PLAY_LABEL = r"Play(?: Brightcove)? video"  # the player's label, left where the video was
PLAY_VIDEO = lazy(r"^(?P<slug>\S*?)\s*" + _PLAY_LABEL + "$", re.IGNORECASE)


@shape(max_words=4)
def play_video(page, i, state):
    """``Play video``, ``Play Brightcove video``, or a video slug glued to ``Play video``."""
    text = page.blocks[i].text
    if text[-5:].lower() == "video" and PLAY_VIDEO.match(text):
        return Hit()
    return None


# "Play videoBarn fire at Eastley farm", "Play video Barn fire at Eastley farm", "Play
# video barn-fire-0512": a video's title glued after the player's label or set after it
# (a capital, and no sentence's end: not "Play video games ..."), or its slug (one word
# of parts and numbers) after it.
TITLED_PLAY_VIDEO = lazy("^" + _PLAY_LABEL + r"(?:(?!s\b)\S.{0,100}|\s+(?-i:[A-Z])[^.!?]{0,100}|"
                         r"\s+(?=\S*\d)\w+(?:-\w+){2,})$", re.IGNORECASE)
TITLED_PLAY_VIDEO_MAX_WORDS = 14


@shape(first="Pp", max_words=TITLED_PLAY_VIDEO_MAX_WORDS)
def titled_play_video(page, i, state):
    """``Play video`` with the video's title or slug glued after it."""
    if TITLED_PLAY_VIDEO.match(page.blocks[i].text):
        return Hit()
    return None


VIDEO_SLUG = lazy(r"^(?=[^ ]*\d)[a-z0-9]+(?:[-_][a-z0-9]+){2,}$")


@shape(first=lambda ch: ch.islower() or ch.isdigit(), max_words=1)
def video_slug(page, i, state):
    """``barn-fire-0512-v2`` on a line of its own: a video's file name, left where the
    player was (one word of lower-case parts and numbers joined by hyphens, never prose)."""
    if VIDEO_SLUG.match(page.blocks[i].text):
        return Hit()
    return None


UNAVAILABLE = lazy(
    r"(?:(?:\bnot|n[’']t) (?:currently |yet )?(?:available|supported|viewable|playable)|\bunavailable|"
    r"\b(?:cannot|can[’']t|could not|couldn[’']t) be (?:played|displayed|shown|viewed))\b"
    r".*\b(?:device|browser|platform|app|region|location|country)\b"
    # "This content is not available.", "Sorry, this video is unavailable": the embed itself, nowhere named
    r"|^(?:sorry,? )?this (?:content|video|embed|media|post|tweet|clip) (?:is not|isn[’']t|is) "
    r"(?:currently )?(?:available|unavailable)\.?$"
    r"|^(?:content|video|media|embed) (?:not available|unavailable)\.?$",
    re.IGNORECASE,
)
# The embed is named just before the words that say it cannot be shown here ("Cheap flights
# are not available in the region" is the article's).
_EMBED_NAMED = lazy(r"\b(?:content|video|clip|embed|media|post|tweet|player|footage|stream|this)\b", re.IGNORECASE)
EMBED_NAMED_BEFORE = 40  # characters before "not available" that may name it
# What a social embed or a blocked player leaves: "View this post on Instagram", "To view
# this video please enable JavaScript ...", "... To view it, please accept social media cookies".
# So does a post's or a timeline's credit ("A post shared by Lucy Marsh (@lucysbakes)", "Tweets
# by @ChannelNews") and a widget that never loaded ("Loading poll…").
EMBED_LEFTOVER = lazy(r"^view this (?:post|photo|video|reel|profile|tweet) on \w+\.?$|\benable javascript\b"
                      r"|\bto view (?:it|this|the)\b.*\baccept\b.*\bcookies\b"
                      r"|^an? (?:post|photo|video|reel) shared by\b.*\(@\w+\)|^tweets by @\w+$"
                      r"|^loading(?: (?:the )?\w+)?(?:…|\.\.\.)$", re.IGNORECASE)


@shape(max_words=30)
def unavailable_placeholder(page, i, state):
    """"This content is not available on your device", "Sorry, this content isn't
    available on your device.", "... is unavailable on your device", "This video cannot
    be played on your device" and their variants; what a missing social embed leaves."""
    text = page.blocks[i].text
    lower = text.lower()
    # (a cheap necessary condition for UNAVAILABLE first: "cannot" holds "not ")
    if "not " in lower or "n't " in lower or "n’t " in lower or "unavailable" in lower:
        found = UNAVAILABLE.search(text)
        if found and (found.start() == 0 or _EMBED_NAMED.search(
                text, max(0, found.start() - EMBED_NAMED_BEFORE), found.start() + 1)):
            return Hit()
    if (("view" in lower and ("view this" in lower or "javascript" in lower or "cookies" in lower))
            or "shared by" in lower or "tweets by" in lower or lower.startswith("loading")) and EMBED_LEFTOVER.search(text):
        return Hit()
    return None


# A sharing bar's buttons, and a live page's mark on an update it keeps at the top.
SHARE_BUTTON = lazy(r"^(?:share(?: this (?:page|article|story|post))?|share on (?:facebook|twitter|x|whatsapp|linkedin)"
                    r"|facebook|twitter|whatsapp|linkedin|email|copy link|tweet|pinned(?: post| update)?)$", re.IGNORECASE)


@shape(first="SsCcTtPpFfWwLlEe", max_words=4)
def share_button(page, i, state):
    """``Share this article``, ``Copy link``, ``Tweet``, ``Pinned``: a button's word on a line
    of its own, left where the sharing bar or the live page's pin was."""
    return Hit() if SHARE_BUTTON.match(page.blocks[i].text) else None


UPDATES_LINK = lazy(r"^View all (?:\d[\d,]* )?(?:updates?|posts?|entries)\b", re.IGNORECASE)


@shape(first="Vv", max_words=6)
def updates_link(page, i, state):
    """``View all 12 updates ›`` (or ``View all updates ›``): marks where the parent
    story ends on an update page."""
    text = page.blocks[i].text
    if text[:1] in "Vv" and UPDATES_LINK.match(text):
        state.update_page = True
        return Hit(mark="updates")
    return None


@shape(first="1", max_words=3)
def read_more_widget(page, i, state):
    """``1. Read more`` then ``2. 12 updates``: the article is over; what follows is not it."""
    blocks = page.blocks
    if blocks[i].text[:1] != "1" or _fold(blocks[i].text) != "1. read more":
        return None
    if i + 1 < len(blocks) and _counts_updates(blocks[i + 1].text, 2):
        return Hit(count=2, mark="end", rest=True)
    return Hit(mark="end", rest=True)


_UPDATES_COUNT = lazy(r"^(?P<number>\d+)\.\s+\d[\d,]*\s+(?:updates?|posts?)\b")


def _counts_updates(text: str, number: int) -> bool:
    """``2. 12 updates``: the read-more widget's line counting a live story's updates."""
    found = _UPDATES_COUNT.match(_fold(text))
    return bool(found) and int(found.group("number")) == number


TRAILER = lazy(
    r"^(?:more (?:on|about) this (?:story|topic)|more top (?:news|stories)|more (?:from|news from) [\w' ]+|"
    r"related (?:stories|articles|content|links)|you may (?:also )?(?:like|be interested in)|read more from [\w' ]+|"
    r"most (?:read|popular|watched)|top stories|latest (?:news|stories))$",
    re.IGNORECASE,
)


_TRAILER_INITIALS = "MRYLTmrylt"  # first letters of TRAILER's phrases: skip the pattern otherwise


@shape(first=_TRAILER_INITIALS, max_words=8)
def trailer(page, i, state):
    """``More on this story`` / ``More top news``: the trailer and every teaser after it."""
    text = page.blocks[i].text
    if text[:1] not in _TRAILER_INITIALS or not TRAILER.match(text.rstrip(" ›>:")):
        return None
    return Hit(mark="end", rest=True)


# The verb is an instruction to the reader: it opens the line, or follows "you can" or a
# lead phrase and its comma ("For more on this story, listen to ..."). A verb further in
# reports what people did ("Nearly 12 million tuned in to watch the final on ITV1").
# A lead phrase and its comma before a promotion's verb ("For more on this story, ").
_PROMO_LEAD = r"^(?:[^,.;:!?]{1,60},\s+)?"
PROMO_VERB = lazy(
    _PROMO_LEAD + r"(?:you can (?:also )?|(?:and )?don[’']t forget to |please )?"
    r"(?:watch|listen|subscribe|sign up|download|follow|catch up|stream|tune in|get|try our|see more|"
    r"(?:see|hear) (?:the |our |his |her |their |(?:\w+ ){0,2}\w+['’]s? )?(?:full|whole) (?:story|report|interview)|find out more|catch the latest|"
    r"join (?:us|our|ITV|UTV|STV)|"
    # a pointer to another piece of ours, checked against OUR_PIECE: "Read our guide to ..."
    r"(?:read|see|explore|browse|check out|(?:take a )?look at) our|test your|keep up(?: to date)?)\b",
    re.IGNORECASE,
)
# "We'll have more on Granada Reports at 6pm", opening the line or after a sentence.
WE_HAVE_MORE = lazy(r"(?:^|[.!?]\s+)(?:(?i:we[’']ll|we will|there[’']ll be|there will be)|"
                   rf"(?:ITV News(?: [A-Z]\w+){{0,2}}|{'|'.join(REGIONAL_SERVICES)}) will) (?:have )?more\b")
# "Short on time but want the big stories? Try our latest podcast episodes."
PROMO_AFTER_QUESTION = lazy(r"[?!]\s+(?:watch|listen|subscribe|sign up|download|follow|catch up|stream|tune in|get|try)\b",
                            re.IGNORECASE)
# Where or when to watch: a service, a programme slot; "ITV" itself only as "on ITV"
# ("Watch ITV News tell her brother the result" is a video's lead-in, not a promotion).
PROMO_WHERE = lazy(
    r"\b(?:podcasts?|newsletters?|ITVX|ITV ?Hub|on ITV\d?|ITV\d|Spotify|Apple Podcasts|app|tonight|this evening|"
    r"this afternoon|on demand)\b"
    r"|\b(?:at|from) \d{1,2}(?:[.:]\d\d)?\s?[ap]m\b"
    # another piece of ours: "our guide to ...", "our interactive map", "our live blog"
    r"|\bour (?:[\w-]+ ){0,2}?(?:guide|explainer|quiz|map|gallery|live blog|live page|coverage|special|"
    r"documentary|timeline|podcast)\b"
)


PROMO_SHORT_WORDS = 30
PROMO_OPENERS = ("Join", "Watch", "Listen", "Subscribe", "Sign up", "Download", "Follow", "Catch up", "Stream",
                 "Tune in", "Get", "Try our", "You can")


def _promo_verb_in(lower: str) -> bool:
    """A cheap necessary condition for PROMO_VERB and PROMO_FOLLOW: one of their verbs occurs at all."""
    return ("watch" in lower or "listen" in lower or "subscribe" in lower or "sign up" in lower
            or "download" in lower or "follow" in lower or "catch up" in lower or "stream" in lower
            or "tune in" in lower or "get" in lower or "try" in lower or "join" in lower or "see more" in lower or "like" in lower
            or " full " in lower or " whole " in lower or "find out more" in lower or "catch the latest" in lower
            or "our " in lower or "keep up" in lower or "ll have more" in lower or "be more" in lower)


def _follow_place_in(lower: str) -> bool:
    """A cheap necessary condition for PROMO_FOLLOW: one of its places occurs."""
    return ("inbox" in lower or "youtube" in lower or "facebook" in lower or "instagram" in lower or "tiktok" in lower
            or "twitter" in lower or "whatsapp" in lower or " x" in lower)


# "Follow us on Facebook", "Subscribe on YouTube", "Get the stories sent to your inbox": a
# social network or an inbox only with a verb of following (not "Watch ... on TikTok",
# a clip's lead-in).
PROMO_FOLLOW = lazy(
    _PROMO_LEAD + r"(?:you can (?:also )?)?(?:follow|subscribe|sign up|get|join|like)\b"
    r".*\b(?:inbox|YouTube|Facebook|Instagram|TikTok|Twitter|WhatsApp|X)\b",
    re.IGNORECASE,
)

# "Every development will be on our website - simply search for UTV News online."
# (Not "You can read his full address on our website.": that points at the article's own text.)
# The app is a news service's ("on the ITV News app", "the ITVX app"): "guidance on the
# app" or "on the Tesco app" is the story's.
SITE_POINTER = lazy(r"\b(?:(?i:search for [\w' ]{1,30} online)|on the (?:free )?(?:[A-Z]\w* ){0,2}(?:News|ITV\w*|UTV|STV) app)\b")


# "Do you have a story you think we should cover? Email ...", "Got a story? Get in touch",
# "Send us your pictures": the newsroom asking its readers, not the article.
STORY_APPEAL = lazy(
    r"^(?:(?:do you have|have you got|got) (?:a story|any (?:pictures|photos|videos?|footage|news)|pictures|photos)\b"
    r".*\b(?:email|e-mail|get in touch|contact|send|message|call us|let us know)\b"
    r"|send us your (?:\w+ ){0,2}?(?:pictures|photos|videos|stories)\b)",
    re.IGNORECASE,
)
# The newsroom asking its readers anywhere in the line ("Running today? Send us your pictures
# at ...", "How will the closure affect you? Let us know on Twitter @itvlondon", "Have your say:
# ... Vote in our poll"): an instruction to write to the newsroom, by its address or its page.
READER_APPEAL = lazy(
    r"\b(?:have your say|leave a comment|vote in our poll|let us know|tell us|send (?:us )?your (?:pictures|photos|"
    r"videos|stories|views)|(?:email|e-mail|contact|message|tweet) (?:us|the [\w ]{0,30}?newsroom))\b",
    re.IGNORECASE,
)
# A reader appeal asks a question first ("Running today? Send us ...") or opens on its instruction.
_APPEAL_OPENERS = ("Send", "Have your", "Let us", "Email", "E-mail", "Contact", "Tell us", "Vote", "Leave a")


def _newsroom_in(lower: str) -> bool:
    """A cheap necessary condition for _NEWSROOM."""
    return ("itv.com" in lower or "@itv" in lower or "newsroom" in lower or "your say" in lower or "our poll" in lower
            or "comment below" in lower or ("our " in lower and ("facebook" in lower or "twitter" in lower
                                                                 or "instagram" in lower or "website" in lower
                                                                 or " page" in lower)))


# ... and the newsroom named: its address, its handle or page, "newsroom", "your say", "our poll".
_NEWSROOM = lazy(r"itv\.com\b|@itv|\bnewsroom\b|\bour (?:Facebook|Twitter|Instagram|website|page)\b|\byour say\b|"
                 r"\bour poll\b|\bcomment below\b", re.IGNORECASE)
# "<Programme> is on ITV1 at 9pm": the slot of a programme (a broadcaster's channel and a time
# or a day), not "Nearly 12 million tuned in to watch the final on ITV1".
PROGRAMME_SLOT = lazy(
    r"\b(?:is|airs|will air|will be(?: shown| broadcast)?|is broadcast|goes out|starts|begins|returns) on (?:ITV|UTV|STV)\w*"
    r"(?: [A-Z]\w*){0,3},? (?:at \d|tonight|this evening|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
)
# The channel's own coverage: "ITV News is bringing you full coverage of the results through
# the night on ITV1 and ITVX" (not "The final was watched by millions on ITV1").
OWN_COVERAGE = lazy(r"\b(?:bring(?:s|ing)? you|will bring you|will have|has) (?:full|live|special|extended|all the|continuing)"
                    r" (?:\w+ )?coverage\b.*\bon (?:ITV|UTV|STV)")
# The slot first: "Tonight at 6pm on ITV News Tyne Tees: the young welders ..."
SLOT_FIRST = lazy(r"^(?:Tonight|This evening|Tomorrow|Coming up)(?: at [\d.:]+\s?[ap]m)? on (?:ITV|UTV|STV)[\w ]{0,30}:")


@shape(max_words=40)
def promo(page, i, state):
    """Promotion lines: watch it on ITV tonight, listen to our podcast, get the app,
    find every development on our website."""
    block = page.blocks[i]
    text = block.text
    if text.endswith(":") or (block.words > PROMO_SHORT_WORDS and not text.startswith(PROMO_OPENERS)):
        return None  # (past 30 words only a promotion that opens on its verb: "Join UTV for ...")
    lower = text.lower()
    if _promo_verb_in(lower):
        # the instruction opens the line or follows a question; after an exclamation only
        # to a social network ("ITV News is on WhatsApp! Get the latest ..."): "What a day!
        # Get down to the beach this afternoon" is somebody's cheer
        after = ("?" in text or "!" in text) and PROMO_AFTER_QUESTION.search(text)
        social = _follow_place_in(lower)
        if (((after and after.group()[0] == "?") or PROMO_VERB.match(text)
             or (("ll have more" in lower or "be more" in lower) and WE_HAVE_MORE.search(text)))
                and PROMO_WHERE.search(text)) or (
                social and (after or PROMO_FOLLOW.match(text))):
            return None if split_credit(text) else Hit()  # (a line with a picture credit is the picture's caption)
    if ("online" in lower or "app" in lower) and SITE_POINTER.search(text):
        return None if split_credit(text) else Hit()
    return None


@shape(max_words=40)
def reader_appeal(page, i, state):
    """The newsroom asking its readers for stories, pictures or views: ``Got a story? Get
    in touch ...``, ``Running today? Send us your pictures at ...@itv.com``. (Not a lead-in
    to what readers sent, nor somebody's quoted words.)"""
    text = page.blocks[i].text
    if text[:1] in "DdHhGgSs" and STORY_APPEAL.match(text):
        return Hit()
    if (("?" in text or text.startswith(_APPEAL_OPENERS)) and text[:1] not in OPENING_QUOTES and not text.endswith(":")
            and _newsroom_in(text.lower()) and _NEWSROOM.search(text) and READER_APPEAL.search(text)):
        return Hit()
    return None


@shape(max_words=40)
def programme_slot(page, i, state):
    """A programme's slot: ``<Programme> is on ITV1 at 9pm``, ``Tonight at 6pm on ITV News
    Tyne Tees: ...``."""
    text = page.blocks[i].text
    if (" on " in text and ("ITV" in text or "UTV" in text or "STV" in text)
            and (PROGRAMME_SLOT.search(text) or SLOT_FIRST.match(text)
                 or ("coverage" in text and OWN_COVERAGE.search(text)))):
        return Hit()
    return None


LABEL_ITEM = lazy(r"^[A-Z0-9][\w'’&.\- ]*$")


@shape(first=str.isdigit, max_words=6)
def label_line(page, i, state):
    """``1. ITV Report``, ``1. National``, ``1. <Region>``, ``1. <Reporter name>``.

    A numbered line with one short item and nothing numbered after it (next, or as
    item 2 a few paragraphs on) is a label, not a list.
    """
    blocks = page.blocks
    if not blocks[i].text[:1].isdigit():
        return None
    found = numbered_item(blocks[i].text)
    if not found or found[0] != 1:
        return None
    item = found[1]
    if words(item) > 5 or ends_sentence(item) or not LABEL_ITEM.match(item):
        return None
    if (i + 1 < len(blocks) and NUMBERED.match(blocks[i + 1].text)) or (i and NUMBERED.match(blocks[i - 1].text)):
        return None  # (after "2. Woolacombe", "1. Bamburgh" ends a list counting down)
    if _second_item_follows(blocks, i):
        return None  # "1. Stay out of the sun", a paragraph, "2. Drink water": a list with text between
    return Hit()


LIST_GAP = 8  # blocks that may stand between two items of a list with paragraphs between them


def _second_item_follows(blocks, i):
    """Is the next numbered line after ``i`` (within ``LIST_GAP`` blocks) item 2 of a
    list, not the read-more widget's ``2. 12 updates``?"""
    for block in blocks[i + 1:i + 1 + LIST_GAP]:
        if block.text[:1].isdigit():
            found = numbered_item(block.text)
            if found:
                return found[0] == 2 and not _counts_updates(block.text, 2)
    return False


BYLINE = lazy(
    r"^(?:[•◦▪●‣·∙]\s+)?By\s+(?P<name>(?:[A-Z][\w'’\-]*\.?\s+){0,3}[A-Z][\w'’\-]+"
    r"(?:\s+and\s+(?:[A-Z][\w'’\-]*\.?\s+){0,3}[A-Z][\w'’\-]+)?)"  # "By Amy Lewis and Tom Hardacre"
    r"(?:\s*(?:[:,|–—]|\s-)\s*(?P<role>[^.!?]*))?$"
)
# "By ITV News Content Producer Jo Bloggs": the job title first, then the name.
BYLINE_ROLE_FIRST = lazy(
    r"^(?:[•◦▪●‣·∙]\s+)?By\s+(?P<role>(?:[A-Z][\w'’\-]*\s+){0,5}?"
    r"(?:Correspondent|Editor|Reporter|Producer|Journalist|Presenter|Writer|Analyst))\s+"
    r"(?P<name>(?:[A-Z][\w'’\-]*\s+){0,2}[A-Z][\w'’\-]+)$"
)
ROLE_WORDS = lazy(
    r"\b(?:correspondent|editor|reporter|producer|journalist|presenter|writer|analyst|"
    r"columnist|news|itv|digital|staff|team|desk|online|content)\b",
    re.IGNORECASE,
)


@shape(first="B•◦▪●‣·∙", max_words=15)
def byline(page, i, state):
    """``By Jane Doe: Political Correspondent`` (also set as a bullet, or with the job
    title first: ``By ITV News Reporter Jane Doe``): the name goes to ``byline``."""
    text = page.blocks[i].text
    if text[:1] != "B":
        if not text[2:4] == "By" and not text[1:].lstrip().startswith("By"):
            return None
    elif not text.startswith("By"):
        return None
    match = BYLINE_ROLE_FIRST.match(text) if words(text) <= 15 else None
    if match:
        return Hit(byline=match.group("name").strip())
    match = BYLINE.match(text)
    if not match or words(text) > 14 + (text[:1] != "B"):
        return None
    role = (match.group("role") or "").strip()
    if role and not ROLE_WORDS.search(role):
        return None
    return Hit(byline=match.group("name").strip())


@shape(first=str.isupper, max_words=1)
def section_word(page, i, state):
    """A lone section word before the headline (``Insight``, ``Explainer``)."""
    if state.kept:
        return None
    text = page.blocks[i].text
    if " " in text or not text[:1].isupper() or not text.isalpha():
        return None
    following = page.blocks[i + 1] if i + 1 < len(page.blocks) else None
    if following is None or words(following.text) < 3:
        return None
    return Hit()


@shape(first=str.isupper, max_words=1)
def section_word_before_headline(page, i, state):
    """On a text page, a lone section word goes only when a headline follows it: one
    before prose titles the page's first section and is kept. (An HTML page marks its
    headline, so ``section_word`` serves there.)"""
    if not section_word(page, i, state) or not is_title_shaped(page.blocks[i + 1].text, 30):
        return None
    return Hit()


RELATED_LINK = lazy(r"^[A-Z][\w'’&. \-]{0,40}: [\w\"'‘“].*$")
# "Chief Inspector Mark Allen said: ..." is someone speaking (here cut off), not a link.
_SPEAKS_BEFORE_COLON = lazy(r"\b(?:said|says|told|tells|added|adds|wrote|writes|explained|asked)\s*:", re.IGNORECASE)
NOT_A_LINK = lazy(r"^(?:photos?|credits?|pictures?|images?|video|watch|warning|update)\b", re.IGNORECASE)
LINKS_AT_END = 4  # a page closes on a few links at most


def _related_link(text: str) -> bool:
    """``Flu: Everything you need to know``: a headline-shaped link to another story."""
    if words(text) > 12 or (ends_sentence(text) and not text.endswith("?")) or text.endswith(":"):
        return False
    return bool(RELATED_LINK.match(text)) and not NOT_A_LINK.match(text) and not split_credit(text) \
        and not _SPEAKS_BEFORE_COLON.search(text)


QUESTION_LINK_WORDS = (5, 16)
_QUESTION_OPENERS = {"What", "How", "Why", "When", "Where", "Who", "Which", "Can", "Could", "Should", "Will",
                     "Would", "Is", "Are", "Do", "Does", "Did", "Has", "Have"}


def _question_link(blocks, i) -> bool:
    """``Can my landlord put my rent up twice in one year?``: a link to an explainer that
    asks it (its answer is not on this page). Not a question closing a quote or ending
    the article in its own words ("But will it be enough?" opens with a conjunction), nor
    one the page itself puts after a colon ("The question now is:"; after "Jo Hale has the
    latest forecast:" the video is gone and the question is a link)."""
    text = blocks[i].text
    if (not text.endswith("?") or text.count("?") > 1 or ". " in text or any(mark in text for mark in '"“”‘')
            or not QUESTION_LINK_WORDS[0] <= blocks[i].words <= QUESTION_LINK_WORDS[1]
            or text.split(None, 1)[0] not in _QUESTION_OPENERS):
        return False
    if i and blocks[i - 1].text.endswith(":"):
        before = blocks[i - 1].text.lower()
        return not ("question" in before or "ask" in before or "wonder" in before)
    return True


def _links_to_end(page, i, state) -> bool:
    """Is every block after ``i`` (a few at most) a link too, or a promotion: the page
    closes on its links and the newsroom's own lines ("Watch ITV News at 6pm ...")?"""
    blocks = page.blocks
    return len(blocks) - i <= LINKS_AT_END and all(
        _related_link(blocks[j].text) or _question_link(blocks, j) or READ_LINK.match(blocks[j].text)
        or any(rule(page, j, state) for rule in _CLOSING_PROMOS)
        for j in range(i + 1, len(blocks)))


@shape(first="ABCDEFGHIJKLMNOPQRSTUVWXYZ", max_words=12)
def related_link_at_end(page, i, state):
    """A related-story link among the page's last lines: ``Flu: Everything you need to know``."""
    blocks = page.blocks
    if len(blocks) - i > LINKS_AT_END or not state.kept or not _related_link(blocks[i].text) or not _links_to_end(page, i, state):
        return None
    return Hit()


@shape(first="WHCSIDA", last="?", max_words=16)
def question_link_before_question(page, i, state):
    """A bare question straight before another: the second is a subheading the text
    under it answers, the first a link to another story ("Are energy prices going to fall
    this winter?" over "Can my landlord still evict me?")."""
    blocks = page.blocks
    nxt = blocks[i + 1].text if i + 1 < len(blocks) else ""
    if not state.kept or not nxt.endswith("?") or not is_title_shaped(nxt, QUESTION_LINK_WORDS[1]) \
            or not _question_link(blocks, i):
        return None
    return Hit()


@shape(first="WHCSIDA", last="?", max_words=16)
def question_link_at_end(page, i, state):
    """A bare question among the page's last lines, on a page with questions for
    subheadings too (a page cut off stops mid-sentence, not after a whole question)."""
    blocks = page.blocks
    if len(blocks) - i > LINKS_AT_END or not state.kept or not _question_link(blocks, i) or not _links_to_end(page, i, state):
        return None
    return Hit()


READ_LINK = lazy(r"^(?:(?:also )?read(?: more)?(?: here)?|read the full (?:story|article)|more|see also|related|"
                 # titles of other pages, which may also be this page's own title: after the article's start only
                 r"(?P<title>explained|explainer|live(?: updates| blog)?))\s*:\s*\S",
                 re.IGNORECASE)
_READ_LINK_INITIALS = "RrMmSsAaEeLl"


@shape(first=_READ_LINK_INITIALS, max_words=16)
def read_link(page, i, state):
    """``Read: Key findings of the inquiry``, ``Read more: ...``, ``Also read: ...``,
    ``Explained: ...``, ``LIVE: Follow the latest ...``: a link to another article."""
    text = page.blocks[i].text
    found = READ_LINK.match(text) if text[:1] in _READ_LINK_INITIALS and ":" in text[:30] else None
    if found and (state.kept or not found.group("title")) and not split_credit(text):
        return Hit()
    return None


LINKS_HEADING = lazy(r"^(?:read more|also read|read next|see also|related|more stories)$", re.IGNORECASE)
LINKS_UNDER_HEADING = 6


@shape(first=_READ_LINK_INITIALS, max_words=3)
def links_heading(page, i, state):
    """``Read more:`` on a line of its own, and the headlines of the links under it."""
    blocks = page.blocks
    if not LINKS_HEADING.match(blocks[i].text.rstrip(" :›>")):
        return None
    end = i + 1
    while end < len(blocks) and end - i <= LINKS_UNDER_HEADING and is_title_shaped(blocks[end].text, 20) \
            and not blocks[end].indent:
        end += 1
    return Hit(count=end - i)


LINK_INSTRUCTION = lazy(r"^(?:(?:click|tap|press) (?:here|on (?:this|the) link|(?:this|the) link)|"
                        r"(?:click|tap|swipe|scroll) through (?:the|our|this) (?:gallery|pictures|photos|images)|"
                        r"scroll (?:down|up) (?:for|to (?:read|see|follow))\b.*\b(?:updates?|latest|more)\b|"
                        # the page's state when it was saved: "This story will be updated throughout the day."
                        r"this (?:story|article|page) (?:is being|will be) updated\b|"
                        # a live page's button: "Load more updates"
                        r"(?:load|show) more(?: updates| posts| stories)?$)",
                        re.IGNORECASE)


@shape(first="CcTtPpSsLl", max_words=20)
def link_instruction(page, i, state):
    """``Click here for the latest updates``, ``Scroll down for the latest updates``: the
    instruction of a link or a page's layout, which a saved page no longer has; and the
    page's own state (``This story will be updated``)."""
    if LINK_INSTRUCTION.match(page.blocks[i].text):
        return Hit()
    return None


@shape(first="Ll", max_words=3)
def live_updates_line(page, i, state):
    """``Live updates``: on a live story's index page, the updates follow (each under its title)."""
    if _fold(page.blocks[i].text).rstrip(" :›>") == "live updates":
        state.live_index = True
        return Hit(mark="live")
    return None


# "11:42am", "Thu 12 Oct, 5:02pm", "17 Nov 2022, 2:41pm", "2:41pm, 17 November": a clock,
# perhaps with the day (a weekday, a date or both) before or after it.
_DAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"\.?(?:\s+\d{4})?"
UPDATE_TIME = lazy(rf"^(?:{_DAY},?\s+(?:at\s+)?)?{_CLOCK}$|^{_CLOCK},?\s+{_DAY}$", re.IGNORECASE)
# "14 minutes ago", "1 hour ago": a stamp that meant something only while the page was live.
RELATIVE_STAMP = lazy(r"^(?:\d+|an?|one) (?:second|minute|min|hour|hr|day)s? ago$", re.IGNORECASE)


@shape(first="0123456789AaOoMmTtWwFfSs", max_words=6)
def update_time(page, i, state):
    """``11:42am`` or ``Thu 12 Oct, 5:02pm`` on a line of its own on a live story's index
    page: an update's time stamp; and ``14 minutes ago`` on any page."""
    text = page.blocks[i].text
    if (state.live_index and UPDATE_TIME.match(text)) or (text.endswith("ago") and RELATIVE_STAMP.match(text)):
        return Hit()
    return None


DASH_LABEL = lazy(r"^[-–]\s+(?:\d[\d,]* (?:updates?|posts?)|[A-Z][\w'’&. ]*)$")


@shape(first="-–", max_words=5)
def dash_label(page, i, state):
    """``- ITV Report``, ``- Granada``, ``- 2 updates``: label lines of the dash layout,
    before the headline."""
    text = page.blocks[i].text
    if state.kept or text[:1] not in "-–" or words(text) > 5:
        return None
    return Hit() if DASH_LABEL.match(text) else None


@shape(max_words=20)
def update_summaries_at_end(page, i, state):
    """On an update page, headline-shaped lines after the article: other stories' summaries.

    They follow the article with no trailer line before them, up to the end of
    the page or to the read-more widget or a trailer. One such line alone is
    kept (it may be the article's own cut-off last line), and so are the item's
    title and first paragraph, a picture's credit and a quote's attribution.
    """
    blocks = page.blocks
    if not state.update_page or state.own < 2:
        return None  # the item's own title and first paragraph come first, whatever their shape
    end, titles, summaries = i, 0, 0
    while (end < len(blocks) and end - i <= 8 and is_title_shaped(blocks[end].text, 20) and not blocks[end].indent
           and not split_credit(blocks[end].text) and not attribution(blocks[end].text)):
        if _ends_article(blocks[end].text):
            break
        end += 1
        titles += 1
        if end < len(blocks) and _summary_under(blocks, end, page.blank_separated):
            end += 1  # the summary of the story the title stands for, under it with a single newline
            summaries += 1
    closes = end == len(blocks) or _ends_article(blocks[end].text)
    if end - i >= 2 and closes and (titles >= 2 or not summaries):
        return Hit(count=end - i, mark="end")
    return None


SUMMARY_MAX_WORDS = 30


def _summary_under(blocks, j, blank_separated):
    """On a page that sets its paragraphs apart with blank lines, a sentence right under
    a title (a single newline between them): a teaser's summary."""
    block = blocks[j]
    return (blank_separated and block.gap == 0 and block.words <= SUMMARY_MAX_WORDS and ends_sentence(block.text)
            and not is_title_shaped(block.text, 20))


def _ends_article(text: str) -> bool:
    """The read-more widget's first line, or a trailer line."""
    return _fold(text) == "1. read more" or bool(TRAILER.match(text.rstrip(" ›>:")))


# The newsroom's own lines that may close a page after its links (rules of this module).
_CLOSING_PROMOS = (promo, reader_appeal, programme_slot, link_instruction)

RULES = [
    advertisement,
    glued_date,
    dated_prefix,
    date_stamp,
    no_words,
    play_video,
    titled_play_video,
    video_slug,
    unavailable_placeholder,
    share_button,
    updates_link,
    read_more_widget,
    trailer,
    promo,
    reader_appeal,
    programme_slot,
    label_line,
    byline,
    section_word_before_headline,
    read_link,
    links_heading,
    link_instruction,
    live_updates_line,
    update_time,
    dash_label,
    related_link_at_end,
    question_link_before_question,
    question_link_at_end,
    update_summaries_at_end,
]
