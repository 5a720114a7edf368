"""Media notes: the line that introduced or credited a video that is no longer there."""

from __future__ import annotations

import re

from itvreport.patterns import lazy
from itvreport.shapes import REGIONAL_SERVICES, memo, words

# "Political Editor Joe Bloggs reports:", "... reports from Leeds:",
# "Joe Bloggs has sent this report:", "Joe Bloggs has the full report:".
_REPORTS = lazy(
    r"(?P<who>(?:[A-Z][\w'’.\-]*\s+){0,6}[A-Z][\w'’\-]+)(?:,\s+who\b[^,:]{1,60},)?\s+"  # "Jo Bloggs, who was in court, reports:"
    r"(?:reports?|reporting)(?:\s+(?:from|on|in|at|for)\s+[^:]{1,60})?\s*:$"
)
_HAS_REPORT = lazy(
    r"(?P<who>(?:[A-Z][\w'’.\-]*\s+){0,6}[A-Z][\w'’\-]+)\s+"
    r"(?:has|have|sent|filed)\s+(?:sent\s+|filed\s+)?(?:this|the|a|more|the\s+full|this\s+full|our)?\s*"
    r"(?:full\s+|latest\s+|special\s+|video\s+)?(?:report|story|more|details|update|latest|forecast)\b[^:]{0,40}:$"
)
# A standfirst ending "..., Health Correspondent Jo Bloggs reports" (no colon).
_STANDFIRST_REPORTS = lazy(
    r"(?:,|\bas|\s[-–]|[.!?])\s+(?P<who>(?:[A-Z][\w'’.\-]*\s+){1,6}[A-Z][\w'’\-]+"
    r"|(?:[Oo]ur|ITV News'?)\s+(?:[A-Za-z]+\s+){1,3}[A-Z][\w'’.\-]*\s+[A-Z][\w'’\-]+)\s+reports\.?$"  # "Our correspondent Tom Hale"
)
# A standfirst-like lead-in with no colon: "Sarah Kellow reports on the latest as ...",
# "ITV News reporter Owen Maddox has the latest on the damage", "ITV News
# correspondent Jo Bloggs reports." (the video it introduced is gone).
_LEAD_REPORTS = lazy(
    r"^(?P<who>(?:[\w'’\-]+,?\s+){0,6}?[A-Z][\w'’\-]+(?:\s+and\s+(?:[A-Z][\w'’\-]+\s+){0,2}[A-Z][\w'’\-]+)?)\s+"
    r"(?:reports?|has the latest|has more|has the full story|looks back|explains)"
    r"(?:\.?$|\s+(?:on|from|as|with|at|in|after|for|about)\b(?![^.:]*\bthat\b)[^.:]*$)"
)
# "Jo Bloggs's forecast for the east.", "Watch Jo Bloggs' report".
_POSSESSIVE_REPORT = lazy(
    r"^(?:Watch\s+|Here is\s+|Here's\s+|Here’s\s+|This is\s+)?(?P<who>(?:[A-Z][\w'’\-]*\s+){0,4}[A-Z][\w\-]*?)['’]s?\s+(?:full\s+|latest\s+|video\s+|(?!(?:our|the|a|an|this|his|her|their|my)\s)[a-z]+\s+)?"
    r"(?:report|forecast|interview)\b[^.:]{0,60}[.:]?$"
)
# "Video report by Tom Reed", "Report by Tom Reed, ITV News Tyne Tees"
_REPORT_BY = lazy(r"^(?:video\s+)?report(?:ed)?\s+by\s+(?P<who>[A-Z][\w'’.\- ]{1,60}?)(?:,\s*[A-Z][\w'’.\- ]{1,40})?\.?$",
                  re.IGNORECASE)
_VIDEO_LABEL = lazy(r"^(?:VIDEO|WATCH|Watch|Video|AUDIO|Listen)\s*:")
_WARNING = lazy(
    r"(?:^(?:warning|please note|note|viewers may|some viewers)\b|"
    r"\b(?:report|video|footage|clip|film|images?|this)\s+(?:contains?|may contain|includes?|features?|shows?)\b)"
    r"[^.]{0,80}\b(?:distressing|disturbing|upsetting|graphic|flashing)\b",
    re.IGNORECASE,
)
# Short warnings in other words: "Contains distressing images", "Some may find the
# images in this report upsetting".
_SHORT_WARNING = lazy(
    r"\b(?:distressing|disturbing|upsetting|graphic|flashing)\s+(?:images?|footage|scenes|content|pictures)\b"
    r"|\b(?:images?|footage|scenes|content|pictures|video|report)\b[^.]{0,40}\b(?:distressing|disturbing|upsetting)\b",
    re.IGNORECASE,
)
SHORT_WARNING_MAX_WORDS = 14
# "Warning: this report contains footage of violence from the start.": a warning label
# before what the report contains, whatever it warns of.
_WARNING_LABEL = ("Warning", "WARNING", "Please note")
_LABELLED_WARNING = lazy(
    r"^(?:Warning|WARNING|Please note)\s*[:\-–]\s*(?:this|the|the following|our)\s+(?:report|video|footage|clip|film)\s+"
    r"(?:contains?|includes?|features?|shows?|may)\b"
)
# "Political Correspondent Daniel Hewitt spoke to the Prime Minister:": one of the
# site's people (a job title before the name) interviewed someone, on a video.
_REPORTER_SPOKE_TO = lazy(
    r"\b(?:correspondent|editor|reporter|presenter)\s+(?:[A-Z][\w'’\-]+\s+){1,2}"
    r"(?:spoke|speaks|has been speaking|talked|talks|has been talking)\s+to\b[^:]{1,60}:$",
    re.IGNORECASE,
)
_SPOKE_TO = lazy(
    r"\b(?:(?:spoke|speaks|speaking|talked|talks)\s+to|sat\s+down\s+with)\s+(?:ITV\b|our\b|us\b|the\s+programme|[A-Z][a-z]+\s+[A-Z][a-z]+)"
    r"(?![^:]*\b(?:said|says|saying|added|told)\b)[^:]*:$"
    # "She told our reporter (Jo Bloggs) why the gift matters:": what was told, not the words (those
    # follow "told ITV News:"), stands for the interview.
    r"|\b(?:told|tells|has been telling)\s+(?:ITV(?:\s+News)?|our\s+\w+(?:\s+[A-Z][\w'’\-]+){0,2}|us)\s+"
    r"(?:why|how|what|about)\b[^:]*:$"
)
# "Watch the moment the crane fell below"; "Watch ITV News tell her brother the result"
# (a line opening with "Watch" and ending without a full stop stands for the clip).
_WATCH = lazy(r"^(?:Watch|See|Listen)\b[^.]{0,120}(?::|below|above)$|^(?:Watch|WATCH)\s[^.!?:]{3,150}$")
_IN_VIDEO = lazy(
    r"\b(?:in|from|watch) (?:the|this|our) (?:video|footage|clip|report) (?:below|above)\b"
    r"|^(?:You can |Click (?:here )?to )?(?:watch|listen to|see)\b[^.:]{0,60}\b(?:below|above|here)[.:]$"
    r"|^Here(?: is| are|'s|’s) (?:the|our|a) (?:full |whole )?(?:interview|report|video|footage|clip|conversation)\b[^.:]{0,40}:$",
    re.IGNORECASE,
)
# "Our reporter Tom Hale went to meet them:", "Tom Hale has been speaking to residents:",
# "Tom Hale caught up with the team:": one of the site's people going out for a report
# (a colon after a verb of going, meeting or asking, not of saying, hands over to a video);
# with a full stop only when they went to find something out.
_GOES_VERBS = ("went", "has been", "have been", "caught up", "met", "joined", "visited", "travelled", "spent",
               "took", "asked", "headed", "returned", "followed")
_GOES = r"^(?P<who>(?:[\w'’\-]+,?\s+){0,5}?[A-Z][\w'’\-]+)\s+(?:" + "|".join(_GOES_VERBS) + r")\b"
_REPORTER_GOES = lazy(_GOES + r"(?![^:]*\b(?:said|says|told|added)\b)[^:]{0,90}:$")
_FINDS_OUT = lazy(_GOES + r"[^.:]{0,40}\b(?:find|finding|found) out\b[^.:]{0,40}\.$")

# "ITV News Anglia's Sam Hart has been to Eastley.", "Our reporter Sam Hart sent this
# report from the village", "Sam Hart, ITV News Correspondent, reports:": one of the
# site's own people, marked as such (an ITV station, "Our", or a job title), going out
# or reporting; with or without a colon or full stop, the video it introduced is gone.
_STAFF_VERBS = ("reports", "sent", "filed", "has sent", "went", "has been", "have been", "was", "is", "visited", "met",
                "caught up", "joined", "spoke", "speaks", "talked", "travelled", "headed", "returned",
                "looks", "looked", "takes", "took", "explains", "finds", "found", "asks", "asked", "investigates")
_STAFF_REPORT = lazy(
    r"^(?P<lead>(?:[\w'’\-]+\s+){0,6}?)(?P<who>(?!(?:Correspondent|Reporter|Editor|Presenter)\b)"
    r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,2})"
    r"(?P<title>,\s+[^,:\"“”]{3,50},)?\s+(?P<verb>" + "|".join(_STAFF_VERBS) + r")\b[^\"“”:]{0,140}:?$"
)
# "He spoke to our correspondent Sam Hart.": an interview with one of the site's people.
_SPOKE_TO_STAFF = lazy(
    r"^[A-Z][^\"“”:]{0,80}\b(?:spoke|talked|has been speaking|has been talking|has spoken|speaks)\s+(?:to|with)\s+"
    r"(?P<who>(?:our|ITV)\b[^.:\"“”]{0,60})[.:]$"
)
# "The latest forecast from Sam Hart:", "Our full report from Sam Hart."
_REPORT_FROM = lazy(
    r"^(?:Here(?:'s|’s| is)\s+)?(?:[Tt]he|[Oo]ur|[Aa])\s+(?:latest\s+|full\s+|video\s+|special\s+)?"
    r"(?:report|forecast|interview)\b(?:\s+for\s+[^.:]{1,40}?)?\s+(?:from|with)\s+(?P<who>(?:[Oo]ur\s+)?(?:[A-Z][\w'’.\-]*\s+){0,4}[A-Z][\w'’\-]+)[.:]?$"
)
# A standfirst ending "..., reports ITV News Border's Callum Fyfield." (the name after the verb).
_REPORTS_NAME = lazy(
    r"(?:,|[.!?])\s+reports\s+(?P<who>(?:(?:[Oo]ur|ITV)\s+)?(?:[a-z]+\s+){0,2}(?:[A-Z][\w'’.\-]*\s+){1,5}[A-Z][\w'’\-]+)\.?$"
)
# Without a colon, only verbs of reporting or going out for a report hand over.
_STAFF_VERBS_WITHOUT_COLON = {"reports", "sent", "filed", "has sent", "has been", "have been", "went", "spoke",
                              "speaks", "talked", "caught up", "explains", "looks", "finds"}
_YEAR = lazy(r"\b(?:19|20)\d\d\b")
_STAFF_MARKS = ("correspondent", "reporter", "editor", "presenter")
# The site's regional services, whose people are named with them ("Calendar's Rob Hale spoke to ...").
_REGION_MARKS = tuple(region + ending for region in REGIONAL_SERVICES for ending in ("'s ", "’s "))
_STAFF_NAMED = ("ITV", *_REGION_MARKS)  # the reporter's name led by the station: "ITV News Anglia's ..."
_SPEECH = frozenset(("said", "says", "told", "tells", "added", "adding", "saying"))
_STAFF_VERB_WORDS = frozenset(verb.split()[0] for verb in _STAFF_VERBS)  # (a verb's first word)

# Job-title words that stand before a reporter's name.
_ROLE = {
    "political", "international", "health", "business", "economics", "economic", "royal",
    "science", "home", "affairs", "chief", "senior", "social", "security", "consumer",
    "sports", "sport", "arts", "entertainment", "diplomatic", "europe", "europa", "us", "uk",
    "africa", "asia", "middle", "east", "news", "itv", "wales", "scotland", "correspondent",
    "editor", "reporter", "presenter", "producer", "journalist", "our", "digital", "deputy",
    "national", "regional", "crime", "education", "environment", "technology", "tech",
    "transport", "west", "north", "south", "midlands", "anglia", "granada", "tyne", "tees",
    "border", "calendar", "meridian", "central", "london", "westminster", "local", "emergencies",
    "media", "culture", "legal", "medical", "war", "foreign", "defence", "defense", "america",
    "washington", "paris", "moscow", "beijing", "special", "senior", "and", "the", "watch", "reports",
}


# "Weather presenter Lucy Verity explains why:": a feature by one of the site's own people.
_STAFF_FEATURE = lazy(
    r"\b(?:presenter|correspondent|editor|reporter|producer)\s+(?P<who>(?:[A-Z][\w'’\-]+\s+){0,2}[A-Z][\w'’\-]+)\s+"
    r"(?:explains|looks|takes|has been|finds|went|visited|met|joined|spoke|speaks|asks|investigates)\b",
    re.IGNORECASE,
)


# Where a note names its reporter, in order; each with what a note must show
# (an ending, a word) before the pattern is worth trying.
_NAMED = (
    (_REPORT_BY, lambda note, lower: lower.startswith(("report", "video report"))),
    (_REPORTS, lambda note, lower: note.endswith(":") and "report" in note),
    (_HAS_REPORT, lambda note, lower: note.endswith(":") and ("has" in note or "have" in note or "sent" in note
                                                             or "filed" in note)),
    (_STANDFIRST_REPORTS, lambda note, lower: note.rstrip(".").endswith("reports")),
    (_REPORTS_NAME, lambda note, lower: " reports " in note),
    (_LEAD_REPORTS, lambda note, lower: _leads(lower)),
    (_POSSESSIVE_REPORT, lambda note, lower: "report" in lower or "forecast" in lower or "interview" in lower),
    (_REPORTER_GOES, lambda note, lower: note.endswith(":") and _reporter_goes(note, lower)),
    (_FINDS_OUT, lambda note, lower: note.endswith(".") and _reporter_goes(note, lower)),
    (_REPORT_FROM, lambda note, lower: _from_or_with(note) and ("report" in lower or "forecast" in lower
                                                                 or "interview" in lower)),
    (_STAFF_FEATURE, lambda note, lower: "presenter" in lower or "correspondent" in lower or "editor" in lower
     or "reporter" in lower or "producer" in lower),
)


def reporter(note: str) -> str | None:
    """The reporter's name in a media note, without the job title before it."""
    if note.endswith(".") and _hands_over_with_a_full_stop(note, note.lower()):
        note = note[:-1] + ":"
    lower = note.lower()
    for pattern, worth_trying in _NAMED:
        if worth_trying(note, lower):
            match = pattern.search(note)
            if match:
                return _name_only(match.group("who"))
    # One of the site's own people, named as such (the whole check, not only a guard:
    # without its marks these patterns would find a name in any sentence).
    for check, pattern in ((_staff_report, _STAFF_REPORT), (_spoke_to_staff, _SPOKE_TO_STAFF)):
        if check(note, lower):
            return _name_only(pattern.match(note).group("who"))
    return None


def _name_only(who: str) -> str | None:
    """The name at the end of ``who``: up to three words after the last job-title word."""
    name = []
    parts = who.split()
    if parts and parts[-1].endswith(("'s", "’s", "'", "’")):
        parts[-1] = parts[-1].rstrip("s").rstrip("'’") if parts[-1][-1] == "s" else parts[-1].rstrip("'’")
    for part in reversed(parts):
        if part.casefold().strip(".,'’") in _ROLE or len(name) == 3 or (name and part.endswith(("'s", "’s", "'", "’"))):
            break  # a job title, or a station's possessive ("ITV News Calendar's Tom Hale")
        name.insert(0, part)
    if not name:
        return None
    text = " ".join(name).rstrip(".")
    return text if text[:1].isupper() else None


# Each check is guarded by a cheap test of the line's shape or a substring, so
# ordinary prose costs a few ``in`` tests rather than every pattern; the word
# count (a note is short) is taken only once a guard has passed.
MAX_WORDS = 45


_LABELS = ("VIDEO", "WATCH", "Watch", "Video", "AUDIO", "Listen")  # _VIDEO_LABEL's words


def _labelled(text, lower):
    return bool((text.startswith(_LABELS) and _VIDEO_LABEL.match(text))
                or ("report" in lower[:20] and _REPORT_BY.match(text))) and words(text) <= MAX_WORDS


def _reporter_hands_over(text, lower):
    return text.endswith(":") and words(text) <= 25 and bool(
        ("report" in text and _REPORTS.search(text))
        or (("has" in text or "have" in text or "sent" in text or "filed" in text) and _hands_over_a_noun(text)
            and _HAS_REPORT.search(text))
    )


def _hands_over_a_noun(text):
    """A cheap necessary condition for _HAS_REPORT: its noun (in lower case), at most
    41 characters before the line's end."""
    tail = text[-50:]
    return ("report" in tail or "story" in tail or "more" in tail or "detail" in tail or "update" in tail
            or "latest" in tail or "forecast" in tail)


HANDS_OVER_WITH_STOP_MAX_WORDS = 14


def _hands_over_with_a_full_stop(text, lower):
    """``Jo Bloggs has sent this report.``: a short hand-over ending with a full stop
    instead of a colon, by a named person (two capitalised words running)."""
    if not text.endswith(".") or text.endswith("..") or words(text) > HANDS_OVER_WITH_STOP_MAX_WORDS:
        return False
    as_colon = text[:-1] + ":"
    return _reporter_hands_over(as_colon, lower) and _named(as_colon)


def _named(note):
    match = _REPORTS.search(note) or _HAS_REPORT.search(note)
    who = match.group("who").split() if match else []
    return any(a[:1].isupper() and b[:1].isupper() and a.casefold() not in _ROLE and b.casefold() not in _ROLE
               for a, b in zip(who, who[1:]))


def _standfirst_credit(text, lower):
    return "reports" in lower and bool(_STANDFIRST_REPORTS.search(text)) and words(text) <= MAX_WORDS


def _leads(lower):
    """A cheap necessary condition for _LEAD_REPORTS: one of its verbs occurs."""
    return "report" in lower or "has the" in lower or "has more" in lower or "looks back" in lower or "explains" in lower


def _lead_verb_at_end(text):
    """A cheap necessary condition for _LEAD_REPORTS: its verb (in lower case) ends
    the line, before at most a full stop, or comes after the line's last full stop."""
    if text.endswith("."):
        return text.endswith(_LEAD_ENDINGS) or text.endswith(("report.", "reports."))
    return _leads(text[text.rfind(".") + 1:])


def _reporter_leads(text, lower):
    return (not text.endswith(":") and _lead_verb_at_end(text) and words(text) <= 35
            and bool(_LEAD_REPORTS.match(text)) and _names_reporter(text))


def _names_reporter(text):
    """The words before the verb hold a name (two capitalised words running), not just "Police"."""
    match = _LEAD_REPORTS.match(text)
    who = match.group("who").split()
    capitals = [w[:1].isupper() for w in who]
    return any(a and b for a, b in zip(capitals, capitals[1:])) and who[0].casefold() not in {"the", "a", "an", "this"}


def _possessive_report(text, lower):
    tail = text[-72:]  # the noun (in lower case) is at most 61 characters before the end
    if not (("report" in tail or "forecast" in tail or "interview" in tail) and words(text) <= 16):
        return False
    match = _POSSESSIVE_REPORT.match(text)
    # "Watch Jo Bloggs' report", "Jo Bloggs's forecast": a person's; not "Ofsted's report
    # found pupils were not safe" (one name, and a verb: a sentence about a report).
    return bool(match) and (text.startswith(("Watch", "Here", "This is")) or len(match.group("who").split()) >= 2)


def _warning(text, lower):
    if text.startswith(_WARNING_LABEL) and words(text) <= 30 and _LABELLED_WARNING.match(text):
        return True
    if not _distressing(lower) or words(text) > 30:
        return False
    if _WARNING.search(text):
        return True
    return words(text) <= SHORT_WARNING_MAX_WORDS and " that " not in lower and bool(_SHORT_WARNING.search(text))


def _distressing(lower):
    return ("distress" in lower or "disturb" in lower or "upsetting" in lower or "graphic" in lower
            or "flashing" in lower)


def _spoke_to(text, lower):
    return (text.endswith(":") and ("spok" in lower or "speak" in lower or "talk" in lower or "sat down" in lower
                                    or "tell" in lower or "told" in lower)
            and words(text) <= 30 and bool(_SPOKE_TO.search(text) or _REPORTER_SPOKE_TO.search(text)))


# A fire service's ranks open on "Watch": "Watch Manager Jo Bloggs said:" brings in a speaker.
_WATCH_RANKS = ("watch manager", "watch commander", "watch officer")


def _watch(text, lower):
    return (text.startswith(("Watch", "See", "Listen")) and words(text) <= 30 and bool(_WATCH.match(text))
            and not lower.startswith(_WATCH_RANKS))


def _in_video(text, lower):
    return (text.endswith((":", ".")) and ("below" in lower or "above" in lower or "here" in lower)
            and bool(_IN_VIDEO.search(text)) and words(text) <= MAX_WORDS)


REPORTER_GOES_MAX_WORDS = 20


def _reporter_goes(text, lower):
    if text[-1:] == ".":
        if "out" not in lower or words(text) > REPORTER_GOES_MAX_WORDS:  # ("find out": a cheap necessary condition)
            return False
        match = _FINDS_OUT.match(text)
    elif text[-1:] == ":":
        if not any(verb in lower for verb in _GOES_VERBS) or words(text) > REPORTER_GOES_MAX_WORDS:
            return False  # (a cheap necessary condition first)
        match = _REPORTER_GOES.match(text)
    else:
        return False
    return bool(match) and _reporter_named(match.group("who"))


def _reporter_named(who):
    """A name (two capitalised words running, not "The Council") or a job title of
    the site's own people ("Our reporter", "ITV News' correspondent")."""
    parts = who.split()
    if parts[0].casefold() in {"the", "a", "an", "this", "police", "officers"}:
        return False
    capitals = [part[:1].isupper() and part.casefold().strip(",'’") not in _ROLE for part in parts]
    return any(a and b for a, b in zip(capitals, capitals[1:]))


STAFF_REPORT_MAX_WORDS = 25
STAFF_REPORT_MAX_CHARACTERS = 200  # a hand-over is short: 25 words run to about 150 characters


def _staff_marked(text, lower):
    """A cheap necessary condition for the staff checks: a station, "Our" or a job title."""
    return ("ITV" in text or text.startswith("Our ") or " our " in lower or "correspondent" in lower
            or "reporter" in lower or "editor" in lower or "presenter" in lower or text.startswith(_REGION_MARKS))


def _staff_report(text, lower):
    if len(text) > STAFF_REPORT_MAX_CHARACTERS:
        return False
    if text[-1:] not in ":." and not text[-1:].isalnum() or text[-1:] == "." and text.endswith(".."):
        return False
    if '"' in text or "“" in text or "”" in text or not _staff_marked(text, lower):
        return False
    said = lower.rstrip(".:").split()
    if _STAFF_VERB_WORDS.isdisjoint(said) or not _SPEECH.isdisjoint(said) or len(said) > STAFF_REPORT_MAX_WORDS:
        return False  # (the pattern's verb, as a word; no reported speech)
    match = _STAFF_REPORT.match(text)
    if not match:
        return False
    if text[-1] != ":" and match.group("verb") not in _STAFF_VERBS_WITHOUT_COLON:
        return False  # "... joined the runners and completed the course." is narrative
    marks = (match.group("lead") + (match.group("title") or "")).casefold()
    if "former" in marks or _YEAR.search(text):
        return False  # "Sam Hart, a former ITV News presenter, visited the school in 2019."
    staff = (marks.startswith("our ") or "itv" in marks or any(mark in marks for mark in _STAFF_MARKS)
             or match.group("who").startswith(_STAFF_NAMED))
    return staff and _reporter_named(match.group("who"))


def _spoke_to_staff(text, lower):
    if len(text) > STAFF_REPORT_MAX_CHARACTERS or not text.endswith((".", ":")) or not _staff_marked(text, lower):
        return False
    if words(text) > STAFF_REPORT_MAX_WORDS:
        return False
    if not ("spok" in lower or "speak" in lower or "talk" in lower):
        return False
    match = _SPOKE_TO_STAFF.match(text)
    return bool(match) and _reporter_named(match.group("who"))


def _reports_name(text, lower):
    if " reports " not in text or words(text) > MAX_WORDS:
        return False
    match = _REPORTS_NAME.search(text)
    return bool(match) and _reporter_named(match.group("who"))


REPORT_FROM_MAX_CHARACTERS = 120


def _from_or_with(text):
    """A cheap necessary condition for _REPORT_FROM: the word before the name."""
    return " from " in text or " with " in text


def _report_from(text, lower):
    return (len(text) <= REPORT_FROM_MAX_CHARACTERS and _from_or_with(text) and words(text) <= 16
            and bool(_REPORT_FROM.match(text)))


GUARDED_CHECKS = [_labelled, _reporter_hands_over, _hands_over_with_a_full_stop, _standfirst_credit, _reporter_leads,
                  _possessive_report, _warning, _spoke_to, _watch, _in_video, _reporter_goes, _report_from, _reports_name]
# The site's own people are asked about only on short lines that name them as such
# (a station, "Our", a job title): their own guard, not ``_may_be_note``'s.
STAFF_CHECKS = [_staff_report, _spoke_to_staff]
CHECKS = GUARDED_CHECKS + STAFF_CHECKS


def _may_be_note(text, lower):
    """The checks' first guards, or-ed: a line failing all of them fails every check.

    Most lines are prose and fail here, for a few substring tests instead of a
    call to each check. (A test holds every check to this: a line a check
    accepts always passes.)"""
    last = text[-1:]
    if last == ":" and _colon_note_words(lower):
        return True
    if ("report" in lower or "below" in lower or "above" in lower or text.startswith(_LABELS)
            or text.startswith(_WARNING_LABEL)
            or text.startswith("See") or _distressing(lower)):
        return True
    if last == "." and (" out " in lower or "here." in lower):
        return True  # _FINDS_OUT, _IN_VIDEO's "watch ... here."
    if last == ".":
        # A hand-over ending with a full stop names what it hands over (one of
        # _HAS_REPORT's nouns, in lower case, at most 41 characters before the
        # end); a lead-in without a colon ends on its verb then.
        tail = text[-50:]
        if ("story" in tail or "more" in tail or "detail" in tail or "update" in tail or "latest" in tail) and (
                "has " in lower or "have " in lower or "sent " in lower or "filed " in lower):
            return True
        if lower.endswith(_LEAD_ENDINGS):
            return True
    elif _lead_verb_at_end(text):
        return True
    if not ("forecast" in lower or "interview" in lower):
        return False  # ("report" is asked above)
    # _POSSESSIVE_REPORT: "Jo Bloggs' forecast", its noun (in lower case) at most 61
    # characters before the end
    tail = text[-72:]
    if ("forecast" in tail or "interview" in tail) and ("'" in text or "’" in text):
        return True
    # _REPORT_FROM: "The latest forecast from Jo Bloggs"
    return len(text) <= REPORT_FROM_MAX_CHARACTERS and _from_or_with(text)


def _colon_note_words(lower):
    """For a line ending with a colon, the words of the checks that accept one, bar
    those ``_may_be_note`` asks of every line ("report", "below", a label ...): a
    hand-over's verb, "spoke to", "here is", a report's noun, going out. Most quote
    lead-ins ("The minister said:") have none of them."""
    return ("has" in lower or "have" in lower or "sent" in lower or "filed" in lower or "spok" in lower
            or "speak" in lower or "talk" in lower or "sat down" in lower or "tell" in lower or "told" in lower or "here" in lower or "forecast" in lower or "interview" in lower
            or any(verb in lower for verb in _GOES_VERBS))


_LEAD_ENDINGS = ("has the latest.", "has more.", "has the full story.", "looks back.", "explains.")


_MEDIUM = lazy(
    r"\b(?:post(?:s|ed)?|tweet(?:s|ed)?|shared|social media|online|Twitter|Facebook|Instagram|TikTok|YouTube|"
    r"video|footage|clip|film(?:s|ed)?|recorded|captured|watch|update)\b",
    re.IGNORECASE,
)


def names_a_medium(lead_in: str) -> bool:
    """Does a colon lead-in name what it introduced (a post, a video, footage, a
    feature by one of the site's own presenters)? Then, with the embed gone, it
    stands for it as a media note."""
    return bool(_MEDIUM.search(lead_in) or _STAFF_FEATURE.search(lead_in))


@memo
def is_media_note(text: str) -> bool:
    """Does this line stand for a video or embed that is gone?"""
    if len(text) > 450:
        return False  # far longer than a 45-word note
    lower = text.lower()
    if _may_be_note(text, lower):
        for check in GUARDED_CHECKS:
            if check(text, lower):
                return True
    if len(text) > STAFF_REPORT_MAX_CHARACTERS or not _staff_marked(text, lower):
        return False
    return _staff_report(text, lower) or _spoke_to_staff(text, lower)
