"""Fast paths agree with the definitions they stand in for.

The reader puts cheap tests (a first character, a substring, a line ending)
before its patterns, and uses a few hand-written checks instead of a pattern.
Each cheap test must be a necessary condition of what it guards: a line the
full test accepts must always pass the guard. These tests hold each guard to
that on every line of every page in ``fixtures/`` (hand-written and real),
on shaped lines made to pass, and on random text; the equivalences (word
boundaries, comparable words) are checked exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itvreport import shapes
from itvreport.clean import chrome, repeats
from itvreport.structure import media, quotes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SETTINGS = settings(max_examples=300, derandomize=True, deadline=None)

# Lines built to pass each full test, so the guards meet many positives.
SHAPED = [
    "VIDEO: The moment the wall collapsed",
    "Watch: residents describe the flood",
    "Listen: the full interview",
    "AUDIO : the minister's statement",
    "Video report by Jo Bloggs",
    "Report by Sam Dee.",
    "Political Editor Joe Bloggs reports:",
    "Our correspondent Joe Bloggs reports from Leeds:",
    "Joe Bloggs has the full report:",
    "Jo Bloggs has sent this report:",
    "Mr Hollis sat down with our Midlands Editor Nasir Qureshi:",
    "Owen Castell's weekend forecast",
    "The fight spilled onto the street, as our Midlands Correspondent Steph Lambourne reports.",
    "The council has promised a review, Health Correspondent Jo Bloggs reports.",
    "Warning: this report contains distressing images",
    "Some viewers may find the footage upsetting.",
    "Please note: this video contains flashing images",
    "Jo Bloggs spoke to ITV News:",
    "She talked to Jo Bloggs about the night:",
    "Watch the moment the crane fell below",
    "See the full interview above",
    "You can see it in the video below.",
    "Find out more in our report above:",
    "Watch the full report on ITVX tonight at 9pm",
    "Listen to our podcast on Spotify",
    "Subscribe to our newsletter for the app",
    "Catch up on ITV Hub on demand",
    "Sign up to the newsletter",
    "Get the ITV News app",
    "This content is not available on your device",
    "Sorry, this video is not currently supported in your browser or region",
    "Crowds outside the court Photo: PA",
    "Credit: ITV News Anglia",
    "Flowers left at the scene. Picture credit: Family handout",
    "Play videoHarbour wall collapse at Eastley",
    "Jo Bloggs has sent this report:",
    "Mr Hollis sat down with our Midlands Editor Nasir Qureshi:",
    "Owen Castell's weekend forecast",
    "The fight spilled onto the street, as our Midlands Correspondent Steph Lambourne reports.",
    "Leeds - 12 jobs.York - 3 jobs.Hull - 9 jobs.",
    "A.B.C.",
    "Sarah Kellow reports on the latest as the flooding enters its third day",
    "ITV News reporter Owen Maddox has the latest on the damage",
    "Jo Bloggs's forecast for the east.",
    "Watch Helen Garside's report",
    "Contains distressing images",
    "Join UTV for all the reaction this afternoon",
    "Short on time? Try our podcast",
    "Sorry, this content isn't available on your device.",
    "Read more: Level 3 heat alert",
]


def _fixture_lines():
    lines = set(SHAPED)
    for path in sorted(FIXTURES.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip():
                lines.add(line.strip())
    return sorted(lines)


LINES = _fixture_lines()
any_line = st.text(alphabet=st.sampled_from(list(
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ .,:;!?'\"’‘“”–—-()[]0123456789é£_\t"
)), max_size=80) | st.sampled_from(SHAPED).flatmap(
    lambda line: st.text(max_size=8).map(lambda extra: (line + extra).strip())
)  # lines as the reader sees them: stripped (a pattern's "$" may also match before a final newline)


def test_there_are_lines_to_check():
    assert len(LINES) > 500


# --- media notes: the or-ed guards before the checks --------------------------------


def _media_note_by_checks(text):
    return len(text) <= 450 and any(check(text, text.lower()) for check in media.CHECKS)


def _guarded_checks_accept(text):
    return len(text) <= 450 and any(check(text, text.lower()) for check in media.GUARDED_CHECKS)


@pytest.mark.parametrize("text", [line for line in SHAPED if _media_note_by_checks(line)])
def test_every_shaped_media_note_passes_the_guard(text):
    if _guarded_checks_accept(text):
        assert media._may_be_note(text, text.lower())
    else:  # one of the site's people, by the staff checks and their own guard
        assert len(text) <= media.STAFF_REPORT_MAX_CHARACTERS and media._staff_marked(text, text.lower())
    assert media.is_media_note(text)


def test_media_note_guard_on_every_fixture_line():
    for text in LINES:
        assert media.is_media_note.__wrapped__(text) == _media_note_by_checks(text), text


@SETTINGS
@given(any_line)
def test_media_note_guard_on_random_lines(text):
    assert media.is_media_note.__wrapped__(text) == _media_note_by_checks(text)


# Media notes whose telling words sit at the end of a long line: the guards that
# look only at a line's last characters must still let them through.
_PROSE = ("The council said the scheme, first put forward in 2019 by residents of the "
          "village, had been changed several times since. ")
ENDING_NOTES = [
    "Jo Bloggs has sent this report.",
    "Sam Dee has more on the story.",
    "Health Editor Sam Dee has the latest details.",
    "Jo Bloggs has filed this update for us from the town hall.",
    "Jo Bloggs explains.",
    "Jo Bloggs has the latest.",
    "Sam Dee reports from the town hall as the count goes on",
    "Here is Jo Bloggs' forecast for the weekend.",
    "Here is Jo Bloggs' forecast for the weekend ahead in the west.",
    "Watch Sam Dee's interview with the new head teacher",
]


def _guarded_lines():
    return [text for line in SHAPED + ENDING_NOTES for text in (line, _PROSE + line, _PROSE * 3 + line)]


def _tail_guards_hold(text):
    """The guards that look at a line's end hold wherever their pattern matches."""
    if media._LEAD_REPORTS.match(text):
        assert media._lead_verb_at_end(text), text
    if media._POSSESSIVE_REPORT.match(text):
        assert any(noun in text[-72:] for noun in ("report", "forecast", "interview")), text
    lower = text.lower()
    assert media._possessive_report(text, lower) == (
        shapes.words(text) <= 16 and bool(media._POSSESSIVE_REPORT.match(text))), text
    assert media._reporter_leads(text, lower) == (
        shapes.words(text) <= 35 and not text.endswith(":") and bool(media._LEAD_REPORTS.match(text))
        and media._names_reporter(text)), text
    if text.endswith(".") and media._HAS_REPORT.search(text[:-1] + ":"):
        assert any(noun in text[-50:] for noun in ("report", "story", "more", "detail", "update", "latest")), text


def test_media_note_tail_guards_on_long_lines():
    lines = _guarded_lines()
    assert sum(map(_media_note_by_checks, lines)) >= 2 * len(ENDING_NOTES)  # the long ones are notes too
    for text in lines + LINES:
        _tail_guards_hold(text)
        assert media.is_media_note.__wrapped__(text) == _media_note_by_checks(text), text


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("abc ABC .,:'’")), max_size=120).map(lambda prose: prose.strip() + " ")
       .flatmap(lambda prose: st.sampled_from(ENDING_NOTES + SHAPED).map(lambda note: (prose + note).strip())))
def test_media_note_tail_guards_on_random_prose_before_notes(text):
    _tail_guards_hold(text)
    assert media.is_media_note.__wrapped__(text) == _media_note_by_checks(text)


def test_reporter_guards_on_shaped_and_fixture_lines():
    """Each reporter pattern's guard holds wherever the pattern finds a name."""
    for text in LINES:
        lower = text.lower()
        for pattern, worth_trying in media._NAMED:
            if pattern.search(text):
                assert worth_trying(text, lower), (pattern, text)


@SETTINGS
@given(any_line)
def test_reporter_guards_on_random_lines(text):
    lower = text.lower()
    for pattern, worth_trying in media._NAMED:
        if pattern.search(text):
            assert worth_trying(text, lower)


# --- chrome rules: guards before patterns --------------------------------------------


def _guarded_patterns(text):
    """(guard result, pattern result) pairs for each guarded chrome pattern."""
    lower = text.lower()
    return [
        (chrome._promo_verb_in(lower), bool(chrome.PROMO_VERB.match(text))),
        (chrome._promo_verb_in(lower) and chrome._follow_place_in(lower), bool(chrome.PROMO_FOLLOW.match(text))),
        (chrome._promo_verb_in(lower) and "?" in text, bool(chrome.PROMO_AFTER_QUESTION.search(text))),
        ("not " in lower or "n't " in lower or "n’t " in lower or "unavailable" in lower,
         bool(chrome.UNAVAILABLE.search(text))),
        (text[:1] in "RrMmSsAa" and ":" in text[:30], bool(chrome.READ_LINK.match(text))),
        (text.startswith("date"), bool(chrome.GLUED_DATE.match(text))),
        (text[-5:].lower() == "video", bool(chrome.PLAY_VIDEO.match(text))),
        (text[:1] in "Vv", bool(chrome.UPDATES_LINK.match(text))),
        (text.startswith("date"), bool(chrome.DATED.match(text))),
        (text[:1] in chrome._TRAILER_INITIALS, bool(chrome.TRAILER.match(text))),
    ]


# --- shapes: first-character and substring guards -------------------------------------


def _shape_guards(text):
    return [
        (text[:1] in shapes.BULLET_MARKS, bool(shapes.BULLET.match(text))),
        (text[:1].isdigit(), bool(shapes.NUMBERED.match(text))),
        (text[:1] in "–—", bool(shapes.ATTRIBUTION.match(text))),
        (":" in text and ("Photo" in text or "Credit" in text or "Picture" in text or "Image" in text),
         bool(shapes.CREDIT.match(text))),
        (text.count(".") - text.count(". ") - text.endswith(".") >= 2, len(shapes._GLUE.split(text)) >= 3),
    ]


def _all_guards(text):
    return _guarded_patterns(text) + _shape_guards(text)


def test_guards_on_every_fixture_line():
    for text in LINES:
        for guard, found in _all_guards(text):
            assert guard or not found, text


@SETTINGS
@given(any_line)
def test_guards_on_random_lines(text):
    for guard, found in _all_guards(text):
        assert guard or not found


# --- quotes: speech-verb guard and the word-boundary search ---------------------------


@SETTINGS
@given(any_line)
def test_speech_guard_is_necessary(text):
    if quotes._PRONOUN_SPEECH.search(text) or quotes._REPORTED_LOOSE.search(text):
        assert quotes._mentions_speech(text)


@SETTINGS
@given(any_line.map(lambda text: text + ":") | any_line)
def test_list_lead_in_guard_is_necessary(text):
    assert quotes.is_list_lead_in(text) == bool(quotes._LIST_LEAD.search(text))


@pytest.mark.parametrize("text", ["The plans include:", "Other measures, such as :", "They were:", "AS FOLLOWS:",
                                  "The changes are\u00a0:", "Among them these:"])
def test_list_lead_ins_pass_the_guard(text):
    assert quotes._LIST_LEAD.search(text)
    assert quotes.is_list_lead_in(text)


def test_speech_guard_on_every_fixture_line():
    for text in LINES:
        if quotes._PRONOUN_SPEECH.search(text) or quotes._REPORTED_LOOSE.search(text):
            assert quotes._mentions_speech(text), text


@SETTINGS
@given(any_line, st.sampled_from(["Smith", "O'", "Jean-", "Ann-Marie", "_x", "é", "a", "’t"]))
def test_mentions_is_a_word_boundary_search(text, word):
    for candidate in (text, word + text, text + word, text[:3] + word + text[3:]):
        expected = re.search(rf"\b{re.escape(word)}\b", candidate) is not None
        assert quotes.mentions(candidate, word) == expected


# --- plain text and sentence endings: str methods instead of patterns --------------


@SETTINGS
@given(st.text(max_size=60) | any_line)
def test_plain_text_test_agrees_with_the_pattern(text):
    from itvreport import read

    assert read._plain(text) == (read._NEEDS_CLEANING.search(text) is None)


def test_every_character_the_cleaner_removes_is_unprintable():
    from itvreport import read

    for code in range(0x110000):
        ch = chr(code)
        if read._NEEDS_CLEANING.match(ch) and ch != "\n":
            assert not ch.isprintable(), hex(code)


@SETTINGS
@given(any_line)
def test_sentence_ending_agrees_with_the_pattern(text):
    assert shapes.ends_like_a_sentence(text) == bool(re.search(r"[.!?…][\"'”’)\]]*$", text))


# --- repeats: comparable words ------------------------------------------------------


def _reference_tokens(text):
    """The definition: case-folded, caption markers as ``credit:``, quotes and
    punctuation out wherever they stand, dashes as ``-``, split on whitespace."""
    folded = text.casefold()
    folded = re.sub(r"\b(?:photos?|credits?|pictures?|images?):", "credit:", folded)
    for mark in ".,;:!?\"'()[]’‘“”":
        folded = folded.replace(mark, "")
    return folded.replace("–", "-").replace("—", "-").split()


def test_tokens_on_every_fixture_line():
    for text in LINES:
        assert repeats.tokens(text) == _reference_tokens(text), text


@SETTINGS
@given(any_line)
def test_tokens_on_random_lines(text):
    assert repeats.tokens(text) == _reference_tokens(text)


@SETTINGS
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), max_size=14),
       st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), max_size=14),
       st.integers(min_value=0, max_value=4))
def test_within_edits_is_word_levenshtein(a, b, limit):
    def distance(x, y):
        previous = list(range(len(y) + 1))
        for i, word in enumerate(x, 1):
            current = [i]
            for j, other in enumerate(y, 1):
                current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other)))
            previous = current
        return previous[-1]

    assert repeats.within_edits(tuple(a), tuple(b), limit) == (distance(a, b) <= limit)


# --- dispatch: rules skipped by their declared shapes would not have matched ---------


def _pages_for_dispatch():
    import importlib.util
    import sys

    path = FIXTURES.parent / "benchmarks" / "pagegen.py"
    spec = importlib.util.spec_from_file_location("pagegen", path)
    pagegen = sys.modules.get("pagegen") or importlib.util.module_from_spec(spec)
    if "pagegen" not in sys.modules:
        sys.modules["pagegen"] = pagegen
        spec.loader.exec_module(pagegen)
    pages = [path.read_bytes() for path in sorted(FIXTURES.rglob("*.txt"))]
    return pages + pagegen.generate(400, seed=7)


def test_dispatch_changes_no_output(monkeypatch):
    """Every page reads the same when every rule is tried on every line, whatever its
    declared shape (``dispatch.shape``: first and last characters, colon, longest line)."""
    from itvreport import dispatch
    from itvreport.errors import ItvReportError
    from itvreport.pipeline import read_article

    def read_all(pages):
        out = []
        for data in pages:
            try:
                out.append(read_article(data).to_dict())
            except ItvReportError as error:
                out.append(str(error))
        return out

    from itvreport import clean

    pages = _pages_for_dispatch()
    dispatched = read_all(pages)
    monkeypatch.setattr(dispatch, "allows", lambda rule, key: True)
    monkeypatch.setattr(clean, "_with_max_words", lambda rule: (rule, 10**9))  # and every length
    dispatch._TABLES.clear()
    try:
        everything = read_all(pages)
    finally:
        dispatch._TABLES.clear()
    assert len(pages) > 450
    assert dispatched == everything
