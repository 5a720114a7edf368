from itvreport.clean import clean, repeats
from itvreport.parse import parse_text

P1 = "The new bridge across the river will open to traffic in the spring, the council said."
P2 = "Work began two years ago and has cost more than twelve million pounds so far."


def run(text):
    return clean(parse_text(text))


def test_exact_repeat_keeps_the_first():
    cleaned = run(f"Bridge plan approved\n\n{P1}\n\n{P2}\n\n{P1}")
    assert [b.text for b in cleaned.blocks] == ["Bridge plan approved", P1, P2]
    assert [(r.line, r.reason, r.of) for r in cleaned.removed] == [(7, "duplicate", 3)]


def test_exact_repeat_ignores_case_spacing_and_quote_style():
    a = "She said it was “the best day” of her life and thanked the crew."
    b = 'She said it was  "the best day" of her life and thanked the crew.'
    assert len(run(f"Bridge plan approved\n\n{a}\n\n{b}").blocks) == 2


def test_short_lines_repeat_only_exactly():
    cleaned = run("Bridge plan approved\n\nCredit: PA\n\nSome text here.\n\nCredit: PA\n\nCredit: PA")
    assert [r.line for r in cleaned.removed] == [7, 9]


def test_same_caption_with_a_different_marker_word_is_a_duplicate():
    cleaned = run("Bridge plan approved\n\nCrowds outside the court Photo: PA\n\nText.\n\nCrowds outside the court Credit: PA")
    assert [(r.line, r.of) for r in cleaned.removed] == [(7, 3)]


def test_near_repeat_with_two_words_changed_is_dropped():
    near = P1.replace("spring", "summer").replace("council", "mayor")
    cleaned = run(f"Bridge plan approved\n\n{P1}\n\n{P2}\n\n{near}")
    assert [(r.line, r.of) for r in cleaned.removed] == [(7, 3)]


def test_a_listings_items_are_not_near_repeats_of_each_other():
    items = ["Monday: the library opens from 9am to 5pm and the pool from 7am",
             "Wednesday: the library opens from 9am to 7pm and the pool from 7am"]
    for mark in ("  • ", "  1. "):
        listing = "\n".join(mark.replace("1", str(n)) + item for n, item in enumerate(items, 1))
        assert not run(f"New opening hours\n\n{P1}\n\n{listing}").removed
    # an item printed twice word for word is still a repeat
    twice = f"  • {items[0]}\n  • {items[0]}"
    assert [r.reason for r in run(f"New opening hours\n\n{P1}\n\n{twice}").removed] == ["duplicate"]


def test_entries_that_differ_only_in_their_dates_are_not_repeats():
    a = "No collections on the day. Bins will be emptied on Friday 27 December instead."
    b = "No collections on the day. Bins will be emptied on Saturday 28 December instead."
    assert not run(f"Bin collections over Christmas\n\nWednesday 25 December\n{a}\nThursday 26 December\n{b}").removed
    # "may" alone is no month: "they may have been" against "they have been" is a near repeat
    d = "Anyone who thinks they have been scammed should contact their bank straight away."
    assert [r.reason for r in run(f"Scam warning\n\n{d}\n\n{P1}\n\n{d.replace('they have', 'they may have')}").removed] == ["duplicate"]
    # a word of substance changed as well as a date: a near repeat as before
    c = b.replace("emptied", "collected").replace("Saturday 28", "Friday 27")
    assert [r.reason for r in run(f"Bin collections\n\n{a}\n\n{P1}\n\n{c}").removed] == ["duplicate"]


def test_three_words_changed_is_a_new_paragraph():
    other = P1.replace("spring", "summer").replace("council", "mayor").replace("river", "valley")
    assert not run(f"Bridge plan approved\n\n{P1}\n\n{other}").removed


def test_leading_repeat_keeps_only_the_new_text():
    cleaned = run(f"Bridge plan approved\n\n{P1}\n\n{P1} The mayor welcomed the news:")
    assert cleaned.blocks[-1].text == "The mayor welcomed the news:"
    assert [(r.line, r.text, r.of) for r in cleaned.removed] == [(5, P1, 3)]


def test_leading_repeat_after_a_label_keeps_the_label():
    cleaned = run(f"Bridge plan approved\n\n{P1}\n\nVIDEO: {P1} Jane Doe reports:")
    assert cleaned.blocks[-1].text == "VIDEO: Jane Doe reports:"
    assert cleaned.removed[0].text == P1


def test_attribution_lines_may_close_two_quotes():
    text = "Bridge plan approved\n\nWe will rebuild.\n\n– Jane Doe, mayor\n\nIt will take time.\n\n– Jane Doe, mayor"
    assert not run(text).removed


def test_a_short_lead_in_may_open_two_quotes():
    text = ("Bridge plan approved\n\nThe mayor spoke first.\n\nHe said:\n\nWe will rebuild.\n\n"
            "The judge spoke later.\n\nHe said:\n\nYou betrayed their trust.")
    assert not run(text).removed


def test_a_caption_with_an_empty_credit_still_repeats():
    text = "Bridge plan approved\n\nAleksi Varga Credit:\n\nWork began in May.\n\nAleksi Varga Credit:"
    assert [(r.line, r.reason) for r in run(text).removed] == [(7, "duplicate")]


def test_within_edits():
    a = "one two three four five six seven eight".split()
    assert repeats.within_edits(a, a, 2)
    assert repeats.within_edits(a, a[:-1], 2)
    assert repeats.within_edits(a, ["x"] + a[1:-1] + ["y"], 2)
    assert not repeats.within_edits(a, ["x", "y", "z"] + a[3:], 2)


def test_many_paragraphs_sharing_an_opening_are_not_mistaken_for_repeats():
    paras = [f"The minister said that school{n} would get new roofs this year." for n in range(50)]
    cleaned = run("Bridge plan approved\n\n" + "\n\n".join(paras))
    # Each differs from its neighbours by one word: these ARE near repeats by the rule.
    # (Not by a number alone: entries of a listing differ so, test_entries_that_differ_only_in_their_dates.)
    assert len(cleaned.blocks) == 2
    distinct = [f"Paragraph {n} talks about a different subject entirely with word{n} and more{n} text{n}." for n in range(50)]
    assert len(run("Bridge plan approved\n\n" + "\n\n".join(distinct)).blocks) == 51


def test_long_near_repeat_allows_one_word_in_eight():
    a = "The libraries in Penhill, Walcot and Park North will shut at the end of March. Mobile visits will be increased to make up for the loss."
    b = "The library buildings in Penhill, Walcot and Park North will close at the end of March. Mobile visits will be increased to make up for the loss."
    cleaned = run(f"Bridge plan approved\n\n{a}\n\nOther text here.\n\n{b}")
    assert [(r.line, r.of) for r in cleaned.removed] == [(7, 3)]


def _levenshtein(a, b):
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
        previous = current
    return previous[-1]


def test_within_edits_agrees_with_a_full_edit_distance_table():
    import random

    rng = random.Random(5)
    for _ in range(5000):
        base = [rng.choice("abcdefgh") for _ in range(rng.randint(0, 12))]
        other = list(base)
        for _ in range(rng.randint(0, 4)):
            op = rng.random()
            if op < 0.33 and other:
                other[rng.randrange(len(other))] = rng.choice("abcdefghij")
            elif op < 0.66:
                other.insert(rng.randint(0, len(other)), rng.choice("abcdefghij"))
            elif other:
                other.pop(rng.randrange(len(other)))
        for limit in (1, 2, 3):
            assert repeats.within_edits(base, other, limit) == (_levenshtein(base, other) <= limit), (base, other, limit)


def test_long_lists_are_aligned_greedily_and_still_find_a_near_repeat():
    words = [f"w{n % 50}" for n in range(400)]
    changed = list(words)
    for position in range(0, 400, 20):
        changed[position] = "other"
    del changed[100]
    changed.insert(300, "extra")
    assert repeats.within_edits(words, changed, 50)
    assert not repeats.within_edits(words, changed, 12)
    assert repeats._greedy_edits(words, words, 10) == 0


def _distinct_paragraphs(count):
    """Paragraphs that repeat nothing: each has words of its own."""
    return [f"Item{n} stands apart from alpha{n} beta{n} gamma{n} delta{n} and epsilon{n} here." for n in range(count)]


def test_repeats_past_the_blocks_that_keep_their_own_words_are_found_the_same_way():
    """Past ``Index.OWN_WORDS`` blocks the index shares words through the page's
    vocabulary: exact, near and leading repeats there read as on a short page."""
    filler = _distinct_paragraphs(repeats.Index.OWN_WORDS + 20)
    near = P1.replace("spring", "summer")
    body = filler + [P1, P2, P1, near, f"{P2} The mayor welcomed the news."]
    cleaned = run("Bridge plan approved\n\n" + "\n\n".join(body))
    first = 3 + 2 * len(filler)  # line of P1
    assert [(r.line, r.of) for r in cleaned.removed] == [(first + 4, first), (first + 6, first), (first + 8, first + 2)]
    assert cleaned.blocks[-1].text == "The mayor welcomed the news."
    assert len(cleaned.blocks) == 1 + len(filler) + 3


def test_long_pages_share_one_string_per_distinct_word():
    index = repeats.Index()
    for text in _distinct_paragraphs(repeats.Index.OWN_WORDS) + [P1, P1.replace("spring", "summer")]:
        index.add(repeats.Probe(text))
    late, later = index.words(len(index.kept) - 2), index.words(len(index.kept) - 1)
    assert late == tuple(repeats.tokens(P1))
    assert all(a is b for a, b in zip(late, later) if a == b)  # "the", "bridge", ...: the same objects
    assert index.first_with(repeats.tokens(P1)) == repeats.Index.OWN_WORDS


def test_past_the_shared_vocabulary_blocks_keep_one_string_and_repeats_are_still_found(monkeypatch):
    """A page of mostly distinct words would only grow the vocabulary: once it
    is full, later blocks keep their words joined, and are split when compared."""
    monkeypatch.setattr(repeats.Index, "OWN_WORDS", 2)
    monkeypatch.setattr(repeats.Index, "SHARED_WORDS", 20)
    filler = _distinct_paragraphs(6)
    near = P1.replace("spring", "summer")
    body = filler + [P1, P2, P1, near, f"{P2} The mayor welcomed the news."]
    cleaned = run("Bridge plan approved\n\n" + "\n\n".join(body))
    first = 3 + 2 * len(filler)
    assert [(r.line, r.of) for r in cleaned.removed] == [(first + 4, first), (first + 6, first), (first + 8, first + 2)]
    assert cleaned.blocks[-1].text == "The mayor welcomed the news."

    index = repeats.Index()
    for text in filler + [P1]:
        index.add(repeats.Probe(text))
    assert isinstance(index.kept[-1], str) and len(index.vocabulary) >= 20
    assert index.words(len(index.kept) - 1) == tuple(repeats.tokens(P1))
    assert index.first_with(repeats.tokens(P1)) == len(filler)


def test_a_block_whose_words_hash_like_an_earlier_ones_is_no_exact_repeat():
    index = repeats.Index()
    index.add(repeats.Probe(P1))
    other = repeats.Probe(P2)
    other.key = repeats.Probe(P1).key  # as if their hashes collided
    assert repeats.exact_repeat(other, index) is None
    assert repeats.exact_repeat(repeats.Probe(P1.upper()), index).of == 0
    assert index.first_with(repeats.tokens(P2)) is None


def test_a_cut_off_copy_of_an_earlier_paragraph_is_a_duplicate():
    text = ("Headline here\n\nMaya Osei founded a trust in honour of her brother after the crash on the coast road.\n\n"
            "The trust has raised £40,000.\n\nMaya Osei founded a trust in hon")
    cleaned = run(text)
    assert [b.text for b in cleaned.blocks][-1] == "The trust has raised £40,000."
    assert [(r.line, r.reason, r.of) for r in cleaned.removed] == [(7, "duplicate", 3)]


def test_a_short_paragraph_sharing_an_earlier_opening_but_going_elsewhere_is_kept():
    text = ("Headline here\n\nMaya Osei founded a trust in honour of her brother after the crash.\n\n"
            "Maya Osei founded a trust in Leeds too")
    assert [b.text for b in run(text).blocks][-1] == "Maya Osei founded a trust in Leeds too"
