"""Structure rules, each tested on invented pages of its shape."""

import pytest

from itvreport.errors import NoArticleError
from itvreport.model import Heading, Image, ListBlock, Media, Paragraph
from itvreport import shapes
from itvreport.pipeline import read_article
from itvreport.structure import live, media, quotes


def read(text):
    return read_article(text.encode("utf-8"), source="page.txt")


def blocks(text):
    return [b.to_dict() for b in read(text).blocks]


HEAD = "1. ITV Report\n\nHarbour wall repaired after winter storms\n\n"


def assert_update(article, headline, story_title, texts):
    """An update page read as one: its own headline, the parent story apart, its own text."""
    assert article.headline == headline
    assert article.live_story.title == story_title
    assert [block.text for block in article.blocks] == texts


# --- headline and layouts ------------------------------------------------------------

@pytest.mark.parametrize("second", ["Smoke rising from the mill on Thursday evening. Credit: ITV News Calendar",
                                    "Crews were called to the mill at about 6.30pm on Thursday."])
def test_a_title_glued_to_the_date_is_the_headline(second):
    article = read(" date 2023-09-14 Huge fire destroys derelict mill in Calder Bridge\n" + second
                   + "\nFifteen fire engines were sent to the scene.\nNobody was hurt.")
    assert article.headline == "Huge fire destroys derelict mill in Calder Bridge"
    assert article.date == "2023-09-14"


@pytest.mark.parametrize("first", ["Spray over the pier at Carrow Bay during a gale. Credit: PA",
                                   "Heavy snow blew across the region this morning.",
                                   "Snow on the moors"])  # too short for a headline
def test_a_caption_or_sentence_glued_to_the_date_is_not_the_headline(first):
    article = read(" date 2023-03-09 " + first + "\nSchools were closed across the county.\nRoads were gritted.")
    assert article.headline is None


def test_marker_first_layout_headline():
    article = read("Advertisement\n\n  1. ITV Report\n\nHarbour wall repaired after storms\n\nWork finished on Friday.")
    assert article.headline == "Harbour wall repaired after storms"
    assert blocks("1. ITV Report\n\nHarbour wall repaired\n\nWork finished on Friday.") == [
        {"type": "paragraph", "text": "Work finished on Friday."}]


def test_headline_first_single_newline_layout_with_video_report():
    article = read("Harbour wall repaired after storms\nVideo report by Jane Doe\nWork finished on Friday.\nThe road reopens today.")
    assert article.headline == "Harbour wall repaired after storms"
    assert article.byline == "Jane Doe"
    assert article.blocks[0] == Media("Video report by Jane Doe", line=2)


def test_dated_dash_layout():
    article = read(" date 2018-01-17 - ITV Report\n-\nHarbour wall repaired\nWork finished on Friday.\nThe road reopens today.")
    assert (article.date, article.headline) == ("2018-01-17", "Harbour wall repaired")
    assert len(article.blocks) == 2


def test_a_page_that_starts_with_prose_has_no_headline():
    long = "The harbour wall, which was damaged in three separate storms over the winter months, has finally been repaired by a team of engineers working day and night."
    article = read(long + "\n\nThe road reopens today.")
    assert article.headline is None
    assert article.blocks[0].text == long


def test_page_of_nothing_but_chrome_is_an_error():
    with pytest.raises(NoArticleError):
        read("Advertisement\n\n  1. ITV Report\n\nPlay video")


# --- update pages ------------------------------------------------------------------

NEWER = (
    "Advertisement\n\n  1. National\n\nStorm Ada: live updates\n\nHigh winds hit the north coast.\n\n"
    "View all 14 updates ›\n\nFerries cancelled until Monday\n\nAll crossings are off, the operator said.\n\n"
    "More on this story\n\nOther story teaser"
)


def test_newer_update_page_headline_is_the_items_own():
    article = read(NEWER)
    assert article.headline == "Ferries cancelled until Monday"
    assert article.live_story.title == "Storm Ada: live updates"
    assert article.live_story.summary == ("High winds hit the north coast.",)
    assert [b.to_dict() for b in article.blocks] == [
        {"type": "paragraph", "text": "All crossings are off, the operator said."}]


def test_parent_lines_are_not_listed_as_removed():
    removed = [r.text for r in read(NEWER).removed]
    assert "Storm Ada: live updates" not in removed
    assert "View all 14 updates ›" in removed and "Other story teaser" in removed


def test_older_update_page_parent_block_at_the_end():
    text = ("Ferries cancelled until Monday\n\nAll crossings are off, the operator said.\n\n"
            "Passengers were told to check before travelling.\n\nThe port will reopen when winds drop.\n\n\n"
            "Storm Ada batters the coast\n\nHigh winds and heavy rain have hit the north.")
    article = read(text)
    assert article.headline == "Ferries cancelled until Monday"
    assert article.live_story.title == "Storm Ada batters the coast"
    assert article.live_story.summary == ("High winds and heavy rain have hit the north.",)
    assert len(article.blocks) == 3


def test_on_a_single_newline_page_one_blank_line_sets_the_parent_block_apart():
    text = ("Ferries cancelled until Monday\nAll crossings are off, the operator said.\n"
            "Passengers were told to check before travelling.\nThe port will reopen when winds drop.\n\n"
            "Storm Ada batters the coast\nHigh winds and heavy rain have hit the north.\n"
            "Schools closed in upland areas\nBus services withdrawn on moorland routes")
    article = read(text)
    assert article.live_story.title == "Storm Ada batters the coast"
    assert [block.text for block in article.blocks][-1] == "The port will reopen when winds drop."
    assert {r.text for r in article.removed} == {"Schools closed in upland areas", "Bus services withdrawn on moorland routes"}


@pytest.mark.parametrize("text, title, line", [
    # on a blank-separated page, one blank line before a closing section sets nothing apart
    ("Ferries cancelled until Monday\n\nAll crossings are off, the operator said.\n\n"
     "Passengers were told to check before travelling.\n\nThe port will reopen when winds drop.\n\n"
     "What happens next\n\nEngineers will inspect the harbour wall on Monday.", "What happens next", 9),
    # a lone day name after a wide break titles a forecast's section, not a parent story
    ("Heatwave to end with thunderstorms\n\nTemperatures will reach 31C on Thursday.\n\n"
     "Storms are expected to break the heat overnight.\n\nThe Met Office has issued a yellow warning.\n\n\n"
     "Friday\n\nFresher, with a breeze off the sea and highs of 24C.", "Friday", 10),
])
def test_a_closing_section_is_no_older_updates_parent_block(text, title, line):
    article = read(text)
    assert article.live_story is None
    assert article.blocks[-2] == Heading(title, line=line)


def test_standfirst_twice_and_other_updates_make_a_page_without_its_own_title():
    text = ("Gales batter the Fylde coast\nWinds of 70mph have hit the coast overnight.\n"
            "Winds of 70mph have hit the coast overnight.\n"
            "A caravan park near Knott End has been evacuated after roofs were torn off.\n"
            "Wardens at the Knott End park said everyone was safe.\n"
            "Blackpool's illuminations are switched off for the night.\n"
            "Rail passengers face delays on the line to Preston.")
    article = read(text)
    assert article.headline is None
    assert article.live_story.title == "Gales batter the Fylde coast"
    assert [b.text for b in article.blocks] == [
        "A caravan park near Knott End has been evacuated after roofs were torn off.",
        "Wardens at the Knott End park said everyone was safe.",
    ]
    assert [(r.line, r.reason) for r in article.removed] == [(3, "duplicate"), (6, "boilerplate"), (7, "boilerplate")]


def test_an_update_item_is_never_cut_to_its_opening_paragraph():
    # Two closing lines that share no word with a one-paragraph item are as likely its own.
    text = ("1. National\nHeatwave: live updates\nTemperatures could reach 38C across the south.\n"
            "View all 9 updates ›\nFerries held at Harwich\n"
            "Sailings from Harwich have been held after a fire in a ship's galley.\n"
            "Lorry drivers are being told to expect long queues on the A120.\n"
            "Essex Police said a holding plan had been put in place.")
    article = read(text)
    assert article.headline == "Ferries held at Harwich"
    assert [b.text for b in article.blocks][-2:] == [
        "Lorry drivers are being told to expect long queues on the A120.",
        "Essex Police said a holding plan had been put in place.",
    ]


def test_standfirst_twice_on_a_page_that_ends_on_its_own_text_is_an_article():
    text = ("Gales batter the Fylde coast\nWinds of 70mph have hit the coast overnight.\n"
            "Winds of 70mph have hit the coast overnight.\n"
            "A caravan park near Knott End has been evacuated after roofs were torn off.\n"
            "Wardens at the Knott End park said everyone was safe.\n"
            "The caravan owners hope to return once the roofs are made safe.")
    article = read(text)
    assert article.headline == "Gales batter the Fylde coast"
    assert article.live_story is None
    assert len(article.blocks) == 4


def test_names_are_capitalised_words_inside_a_sentence_days_and_months_aside():
    assert live.names("Police in Leeds said on Monday. Officers found the Ford Fiesta.") == {"leeds", "ford", "fiesta"}


def test_triple_newline_inside_an_article_is_not_a_parent_story():
    text = ("Ferries cancelled\n\nAll crossings are off.\n\n\nWhat passengers should do\n\n"
            "Check before travelling.\n\nRefunds are offered.\n\nThe port reopens on Monday.\n\nStaff are ready.")
    assert read(text).live_story is None


# --- captions ------------------------------------------------------------------

@pytest.mark.parametrize("line,caption,credit", [
    ("Crowds gather outside the court. Photo: PA", "Crowds gather outside the court.", "PA"),
    ("Firefighters at the scene Credit: ITV News Anglia", "Firefighters at the scene", "ITV News Anglia"),
    ("The old mill in 1950 Picture: Family handout.", "The old mill in 1950", "Family handout"),
    ("St Mary's church at dawn Photo:", "St Mary's church at dawn", None),
    ("The flooded high street Image: Reuters", "The flooded high street", "Reuters"),
])
def test_caption_with_credit(line, caption, credit):
    assert blocks(HEAD + line + "\n\nThe water rose quickly.")[0] == {"type": "image", "caption": caption, "credit": credit}


def test_credit_only_line_joins_the_caption_before_it():
    out = blocks(HEAD + "The water rose quickly.\n\nVolunteers fill sandbags by the river\n\nCredit: PA\n\nMore rain is due.")
    assert out[1] == {"type": "image", "caption": "Volunteers fill sandbags by the river", "credit": "PA"}
    assert len(out) == 3


def test_caption_without_credit_describing_a_scene():
    out = blocks(HEAD + "The water rose quickly.\n\nResidents gather outside the flooded church\n\nMore rain is due tonight.")
    assert out[1] == {"type": "image", "caption": "Residents gather outside the flooded church", "credit": None}


def test_gallery_of_captions():
    out = blocks(HEAD + "The water rose quickly.\n\nThe bridge at noon Photo: PA\n\nSandbags on Mill Lane\n\nThe church Credit: Jane Doe\n\nMore rain is due.")
    assert [b["type"] for b in out] == ["paragraph", "image", "image", "image", "paragraph"]


def test_credit_word_in_prose_is_not_a_caption():
    text = "Credit: the bank said it would lend more to small firms this year than ever before."
    assert blocks(HEAD + "Intro text.\n\n" + text)[1]["type"] == "paragraph"


# --- media notes ---------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Political Editor Joe Bloggs reports:",
    "Joe Bloggs has sent this report:",
    "Joe Bloggs has the full report:",
    "Our correspondent Joe Bloggs reports from Leeds:",
    "Video report by Jo Bloggs",
    "Report by Jo Bloggs, ITV News Tyne Tees",
    "Here's our report from the scene:",
    "Jo Bloggs, who was in court for ITV News, reports:",
    "Weather presenter Jo Bloggs has the forecast:",
    "Political Correspondent Jo Bloggs spoke to the Prime Minister:",
    "VIDEO: The moment the wall collapsed",
    "Warning: this report contains distressing images",
    "The council has promised a review, Health Correspondent Jo Bloggs reports.",
    # a reporter going out for a report: a verb of going, meeting or asking, then a colon
    "Our reporter Tom Hale went to meet them:",
    "Tom Hale has been speaking to residents:",
    "Tom Hale caught up with the team before the final:",
    "Tom Hale asked shoppers in Leeds what they think:",
    "Tom Hale has been finding out more.",
    "Tom Hale went to find out why.",
    # pointing at the missing clip
    "Listen to the interview below:",
    "You can watch the full interview below.",
    "Here is the full interview:",
    "Police arrested three men after a fight, as our Midlands Correspondent Steph Lambourne reports.",
    "Mr Hollis sat down with our Midlands Editor Nasir Qureshi:",
    "Owen Castell's weekend forecast",
])
def test_media_note_shapes(line):
    assert media.is_media_note(line)


@pytest.mark.parametrize("line", [
    "The minister said:",
    "Campaigners issued a warning about distressing conditions in the prison.",
    "She reports to the board every month.",
    "The Prime Minister met the families:",
    "Police have been searching the area:",
    "Mr Hale met the families and said:",
    "Sarah Jones, who went to the school, said:",
    "The council has been told to find out more.",
    "Residents went to the meeting to find out more.",
    "Our correspondent Hana Lusk was there for the first count in 1998.",  # "was" without a colon
    "The pier has been closed for two years, reports say.",
    "Warning: the council says the pier is unsafe.",
    "Watch manager Kerry Brough said:",  # a fire service's rank brings in a speaker
    "Watch Commander Lee Hart, of Eastley fire station, said:",
    "The families sat down with officials to discuss the plans:",
    "Ofsted's damning report found pupils were not safe.",
])
def test_not_media_notes(line):
    assert not media.is_media_note(line)


def test_reporter_name_without_job_title_becomes_byline():
    assert media.reporter("International Correspondent John Irvine reports:") == "John Irvine"
    assert media.reporter("Joe Bloggs has sent this report:") == "Joe Bloggs"
    assert media.reporter("Our reporter Tom Hale went to meet them:") == "Tom Hale"
    assert media.reporter("ITV News' Tom Hale reports.") == "Tom Hale"
    assert media.reporter("Report by Tom Hale, ITV News Tyne Tees") == "Tom Hale"
    assert media.reporter("Granada Reports' Tom Hale has more:") == "Tom Hale"
    article = read(HEAD + "Intro text.\n\nPolitical Editor Joe Bloggs reports:\n\nThe vote was close.")
    assert article.byline == "Joe Bloggs"


def test_paragraph_after_a_report_line_is_narrative_not_a_quote():
    out = blocks(HEAD + "Intro text.\n\nJoe Bloggs reports:\n\nThe vote was close.\n\nIt passed by two.")
    assert [b["type"] for b in out] == ["paragraph", "media", "paragraph", "paragraph"]


# --- quotes --------------------------------------------------------------------

def test_quote_without_quotation_marks_ends_where_narrative_resumes():
    text = (HEAD + "The mayor Jane Doe said:\n\nWe will rebuild the wall stronger than before.\n\n"
            "Our town has seen worse and we always come back.\n\nShe thanked the crews for their work.")
    assert blocks(text)[1:] == [
        {"type": "quote", "paragraphs": ["We will rebuild the wall stronger than before.",
                                         "Our town has seen worse and we always come back."], "attribution": None},
        {"type": "paragraph", "text": "She thanked the crews for their work."},
    ]


def test_quote_with_en_dash_attribution():
    text = HEAD + "In a statement, the council added:\n\nWe are grateful to everyone.\n\n– Jane Doe, council leader\n\nThe road reopens today."
    assert blocks(text)[1] == {"type": "quote", "paragraphs": ["We are grateful to everyone."], "attribution": "Jane Doe, council leader"}


def test_same_attribution_closes_two_blocks():
    text = (HEAD + "The leader said:\n\nWe are grateful.\n\n– Jane Doe\n\nWork starts soon.\n\n"
            "We expect it to take a year.\n\n– Jane Doe\n\nThe road reopens today.")
    quotes_ = [b for b in blocks(text) if b["type"] == "quote"]
    assert [q["attribution"] for q in quotes_] == ["Jane Doe", "Jane Doe"]


def test_quote_ends_at_reported_speech_and_at_the_speakers_name():
    assert quotes.is_narrative("The work will finish in May, she said.", None)
    assert quotes.is_narrative("Mrs Doe has led the council since 2019.", "Doe")
    assert quotes.is_narrative("Ms Doe, 52, has led the council since 2019.", "Doe")
    assert not quotes.is_narrative("We told them we would not give up.", "Doe")
    assert not quotes.is_narrative('"We will not give up," I said to them.', "Doe")


def test_colon_lead_in_for_a_list_is_not_a_quote():
    out = blocks(HEAD + "Measures include:\n\n  • Sandbags\n  • Pumps\n\nMore rain is due.")
    assert out[:2] == [{"type": "paragraph", "text": "Measures include:"},
                       {"type": "list", "ordered": False, "items": ["Sandbags", "Pumps"]}]


def test_colon_lead_in_before_a_missing_embed_then_narrative():
    out = blocks(HEAD + "He spoke to our reporter about why:\n\nThe council said the work would take a year.")
    assert [b["type"] for b in out] == ["media", "paragraph"]


def test_quoted_paragraph_inside_narrative_is_a_paragraph():
    out = blocks(HEAD + 'Intro text.\n\n"We are heartbroken," she said.\n\nThe family asked for privacy.')
    assert [b["type"] for b in out] == ["paragraph", "paragraph", "paragraph"]


# --- lists ---------------------------------------------------------------------

def test_bullets_touching_lines_with_single_newlines():
    out = blocks(HEAD + "The plan covers:\n  • Roads\n  • Rail\nIt starts in May.")
    assert out[1] == {"type": "list", "ordered": False, "items": ["Roads", "Rail"]}
    assert out[2] == {"type": "paragraph", "text": "It starts in May."}


def test_bullets_used_as_section_titles_are_headings():
    text = HEAD + "Intro text.\n\n  • The cost\n\nIt will cost a lot.\n\n  • The timing\n\nIt starts in May."
    assert [b["type"] for b in blocks(text)] == ["paragraph", "heading", "paragraph", "heading", "paragraph"]


def test_a_lone_bullet_touching_its_heading_is_a_list_of_one():
    text = (HEAD + "Schools closed today:\n\nEast Sussex\n  • Downs Primary, Lewes\n  • Oak College, Crowborough\n\n"
            "West Sussex\n  • Amberley Primary\n\nParents should check the school's website.")
    out = blocks(text)
    assert out[-3:] == [{"type": "heading", "text": "West Sussex"}, {"type": "list", "ordered": False, "items": ["Amberley Primary"]},
                        {"type": "paragraph", "text": "Parents should check the school's website."}]
    # set apart from the line above by a blank line, it still titles its section
    assert [b["type"] for b in blocks(text.replace("Sussex\n  • Amberley", "Sussex\n\n  • Amberley"))][-3:] == [
        "heading", "heading", "paragraph"]


def test_a_transcripts_lines_are_paragraphs_not_headings():
    text = (HEAD + "Her answers have been edited for length.\n\nQ: How busy has it been?\n\nA: It's the busiest I have known it.\n\n"
            "Mr Adair: Was that enough?\n\nMs Quinn: No. It was nowhere near enough.")
    assert [b["type"] for b in blocks(text)][-4:] == ["paragraph"] * 4
    # nor is a fact set out as a label and its figure
    assert blocks(HEAD + "The count ended at 3am.\n\nTurnout: 66.4%\n\nThe MP was re-elected.")[1]["type"] == "paragraph"
    # a title with a colon of its own still heads its section
    assert blocks(HEAD + "Intro text.\n\nStorm Ada: what happens next\n\nThe clean-up begins.")[1]["type"] == "heading"


def test_a_run_of_results_is_facts_not_a_gallery():
    text = (HEAD + "Both areas voted against the plan.\n\nKelham\n\nNo: 88,830 (65.4%)\nYes: 47,011 (34.6%)\nTurnout: 87.5%\n\n"
            "The result was greeted with cheers.")
    assert [b["type"] for b in blocks(text)] == ["paragraph", "heading"] + ["paragraph"] * 4
    gallery = HEAD + "The town turned out.\n\nCrowds on the quay\nBoats in the harbour\nThe mayor at the start\n\nIt was a fine day."
    assert [b["type"] for b in blocks(gallery)][1:4] == ["image"] * 3


def test_a_listing_by_day_keeps_each_days_entry_as_text():
    text = (HEAD + "Wales play four pool matches.\n\nThe fixtures\n\nMonday 23 September\nWales v Georgia, Toyota City, 11.15am\n\n"
            "Sunday 13 October\nWales v Uruguay, Kumamoto Stadium, 9.15am UK time\n\n")
    out = read(text)
    assert [type(b) for b in out.blocks][-4:] == [Heading, Paragraph, Heading, Paragraph]
    assert out.live_story is None  # a day and its entry closing the page are no parent story's title and standfirst


def test_numbered_list():
    out = blocks(HEAD + "The steps are:\n\n  1. Check the forecast\n  2. Move valuables upstairs\n  3. Call the helpline\n\nStay safe.")
    assert out[1] == {"type": "list", "ordered": True, "items": ["Check the forecast", "Move valuables upstairs", "Call the helpline"]}


def test_flattened_list_is_split():
    out = blocks(HEAD + "Jobs at risk:\n\nLeeds - 12 jobs.York - 3 jobs.Hull - 9 jobs.\n\nUnions are angry.")
    assert out[1] == {"type": "list", "ordered": False, "items": ["Leeds - 12 jobs.", "York - 3 jobs.", "Hull - 9 jobs."]}


def test_ordinary_sentences_are_not_a_flattened_list():
    out = blocks(HEAD + "It rained. It poured. It flooded. Then it stopped.")
    assert out[0]["type"] == "paragraph"


# --- headings and truncation ------------------------------------------------------------

def test_subheadings_and_day_names():
    out = blocks(HEAD + "What happens next\n\nThe council will vote.\n\nMonday\n\nThe road closes.")
    assert [b["type"] for b in out] == ["heading", "paragraph", "heading", "paragraph"]


def test_short_last_line_without_full_stop_is_a_truncated_paragraph():
    article = read(HEAD + "The council will vote next week on whether the wall should be rebuilt in sto")
    assert article.truncated
    assert article.blocks[-1] == Paragraph("The council will vote next week on whether the wall should be rebuilt in sto", line=5)


def test_complete_page_is_not_truncated():
    assert not read(HEAD + "The council will vote next week.").truncated
    assert not read(HEAD + "It will cover:\n\n  • Roads\n  • Rail").truncated
    assert not read(HEAD + "Intro.\n\nJoe Bloggs reports:").truncated


def test_words_counts_what_a_reader_reads():
    article = read(HEAD + "One two three.\n\nThe quay Photo: PA")
    assert article.words == len("Harbour wall repaired after winter storms".split()) + 3 + 2


def test_blocks_keep_their_input_line():
    article = read(HEAD + "Intro text.\n\n  • Roads\n  • Rail")
    assert [(type(b), b.line) for b in article.blocks] == [(Paragraph, 5), (ListBlock, 7)]


def test_lead_in_for_a_missing_post_becomes_a_media_note():
    out = blocks(HEAD + "Intro text.\n\nThe police posted this update online:\n\nThe force said the road would stay shut.")
    assert out[1] == {"type": "media", "text": "The police posted this update online:"}


def test_lead_in_before_a_heading_stays_a_paragraph():
    out = blocks(HEAD + "Here is how the week looks:\n\nMonday\n\nSunny and warm.")
    assert [b["type"] for b in out] == ["paragraph", "heading", "paragraph"]


def test_caption_shaped_subject_participle_place():
    out = blocks(HEAD + "Intro text.\n\nFlowers left at the roadside near the bridge\n\nThe judge said the driver was reckless.")
    assert out[1] == {"type": "image", "caption": "Flowers left at the roadside near the bridge", "credit": None}


def test_quote_ends_at_the_last_paragraph_in_the_speakers_own_voice():
    text = (HEAD + "The ranger, Sam Oduya, said:\n\nIt is a real success story for the coast.\n\n"
            "Please stay behind the fences, we ask everyone to keep dogs on a lead.\n\n"
            "Boat trips from the quay are running as normal until February.")
    out = blocks(text)
    assert out[1]["paragraphs"] == ["It is a real success story for the coast.",
                                    "Please stay behind the fences, we ask everyone to keep dogs on a lead."]
    assert out[2] == {"type": "paragraph", "text": "Boat trips from the quay are running as normal until February."}


def test_quote_length_keeps_a_middle_paragraph_without_pronouns():
    assert quotes.quote_length(["Insiders are leaving.", "Those closest are moving away.", "We think that is promising.", "Trade fell."]) == 3
    assert quotes.quote_length(["It is a disgrace.", "The council met on Monday."]) == 1


def test_long_caption_with_a_clause_is_a_caption_not_a_heading():
    out = blocks(HEAD + "Intro text.\n\nSwimmers at the lake, where campaigners have called for action for years\n\nThe judge said the fine was fair.")
    assert out[1]["type"] == "image"


def test_attribution_makes_a_quote_even_after_a_plain_lead_in():
    text = (HEAD + "The mayor put it like this when she announced the plan:\n\n"
            "For forty years this town has waited for a bridge. That ends now.\n\n– Dawn Holroyd, mayor\n\nWork starts in May.")
    out = blocks(text)
    assert out[1] == {"type": "quote", "paragraphs": ["For forty years this town has waited for a bridge. That ends now."],
                      "attribution": "Dawn Holroyd, mayor"}


def test_quote_ends_when_the_narrator_brings_in_a_named_person():
    text = (HEAD + "After the final, he said:\n\nI had been watching their takers all week.\n\n"
            "This club has given me everything.\n\nManager Sue Haskins praised her players.\n\n"
            '"They never stopped running," she said.')
    out = blocks(text)
    assert out[1]["paragraphs"] == ["I had been watching their takers all week.", "This club has given me everything."]
    assert out[2] == {"type": "paragraph", "text": "Manager Sue Haskins praised her players."}


def test_a_third_person_paragraph_inside_a_quote_closed_by_the_narrator_stays_in_it():
    text = (HEAD + "The union leader said:\n\nNobody wants to strike. Our members lose money.\n\n"
            "But they have been left with no choice by the company.\n\nShe said talks could resume.")
    assert len(blocks(text)[1]["paragraphs"]) == 2


def test_lead_in_to_a_feature_by_a_presenter_gives_the_byline():
    article = read(HEAD + "Intro text.\n\nWeather presenter Lucy Verity explains what is behind the heat:\n\n"
                   "Health officials say older people are most at risk.")
    assert article.blocks[1] == Media("Weather presenter Lucy Verity explains what is behind the heat:", line=7)
    assert article.byline == "Lucy Verity"


def test_long_paragraph_ending_in_a_video_lead_in_stays_a_paragraph():
    text = (HEAD + "The team leader said the search had been one of the hardest of the year, but that the walker had "
            "done the right things once he realised he was lost. He spoke to our reporter about why:\n\n"
            "Mr Fothergill said the walker had sheltered under a rock.")
    assert blocks(text)[0]["type"] == "paragraph"


def test_a_short_heading_after_a_picture_is_not_part_of_a_gallery():
    out = blocks(HEAD + "Intro text.\n\nParents at the meeting Photo: Jane Doe\n\nA long history\n\nThe school opened in 1850.")
    assert out[2] == {"type": "heading", "text": "A long history"}


def test_attribution_a_few_paragraphs_on_makes_a_quote_even_of_a_they_opening():
    text = (HEAD + "The helmsman described the scene when the crew arrived:\n\n"
            "They were a hundred metres apart and drifting further out.\n\n– Craig Fenner, helmsman\n\nThe pair were unhurt.")
    assert blocks(text)[1] == {"type": "quote", "paragraphs": ["They were a hundred metres apart and drifting further out."],
                               "attribution": "Craig Fenner, helmsman"}


def test_narrator_signals_with_an_appositive_or_a_capitalised_subject():
    assert quotes.is_narrative("Northline's managing director, Fiona Carrick, said she was disappointed.", None)
    assert quotes.is_narrative("The charity says it has treated 23 seals this year.", None)
    assert not quotes.is_narrative("The law says we must set a balanced budget.", None)


@pytest.mark.parametrize("line", [
    "But records seen by ITV News show the firm was told about the damp in January.",
    "ITV News has contacted the landlord for comment.",
    "The court heard that 34 people were treated by paramedics.",
    "The inquest was told she had complained of chest pains.",
    "It comes after two other people died in open water within a fortnight.",
    "The letter has been signed by MPs from across the party.",
    "The neighbour, 67-year-old Brian Hollis, was praised by the judge.",
    "Brian Hollis, 67, was praised by the judge for his actions.",
])
def test_the_narrators_own_marks_end_a_quote_even_straight_after_its_lead_in(line):
    assert quotes.is_narrative(line, None)
    assert quotes.is_narrative(line, None, first=True)
    text = HEAD + "Her mother said:\n\nWe will never get over losing her.\n\n" + line
    assert blocks(text)[-1] == {"type": "paragraph", "text": line}


def test_a_statement_after_a_lead_in_ending_with_a_full_stop_is_a_quote():
    text = (HEAD + "The firm denied wrongdoing, its lawyers said in a statement.\n\n"
            "The company has always acted within the law.\n\nWe will not comment further while the case is live.\n\n"
            "The case continues next month.")
    assert blocks(text)[1:] == [
        {"type": "quote", "paragraphs": ["The company has always acted within the law.",
                                         "We will not comment further while the case is live."], "attribution": None},
        {"type": "paragraph", "text": "The case continues next month."},
    ]


@pytest.mark.parametrize("after", [
    "The council will meet next week to discuss the plans.\n\nResidents were not convinced.",  # no "we"
    '"We are heartbroken," they said.\n\nThe funeral is on Friday.',  # in quotation marks: narrative
    "Councillor Jo Hart said we would all pay for it.\n\nThe vote is on Friday.",  # the narrator's reported speech
])
def test_paragraphs_after_said_in_a_statement_stay_narrative_without_the_statements_voice(after):
    text = HEAD + "The council apologised, a spokesperson said in a statement.\n\n" + after
    assert {b["type"] for b in blocks(text)} == {"paragraph"}


def test_a_quote_in_quotation_marks_ends_at_the_first_paragraph_without_one():
    text = (HEAD + "The regional manager said:\n\n\"Branches like this one show what local people can do.\n\n"
            "\"We will support the team here in every way we can.\"\n\n"
            "The branch will open six days a week, with volunteers at the counter.\n\n"
            "Local MP Jo Lane said he was \"thrilled\" for the village.")
    out = blocks(text)
    assert len(out[1]["paragraphs"]) == 2
    assert out[2] == {"type": "paragraph", "text": "The branch will open six days a week, with volunteers at the counter."}


def test_a_letter_quoted_whole_runs_from_its_greeting_to_its_signature():
    letter = ("In a letter to parents, the headteacher wrote:\n\nDear parents and carers,\n\n"
              "I am writing about an incident on one of our bus routes.\n\n"
              "A driver was struck by an object thrown by a student. He was not seriously hurt.\n\n"
              "From Monday, students who put others at risk will lose their place.\n\nYours sincerely,\n\n")
    out = blocks(HEAD + letter + "Ann Cole, Headteacher\n\nThe council said it was working with the school.")
    assert out[1] == {"type": "quote", "attribution": "Ann Cole, Headteacher", "paragraphs": [
        "Dear parents and carers,", "I am writing about an incident on one of our bus routes.",
        "A driver was struck by an object thrown by a student. He was not seriously hurt.",
        "From Monday, students who put others at risk will lose their place.", "Yours sincerely,"]}
    assert out[2] == {"type": "paragraph", "text": "The council said it was working with the school."}
    # a family letter signs off with the writer's name, and the page attributes it
    family = ("One of them, written weeks before he died, reads:\n\nDear Mother,\n\nThank you for the socks and the cake.\n\n"
              "Tell Father I think of the boats.\n\nYour loving son, Albert\n\n– Private Albert Shaw, in a letter of 1916\n\n"
              "His great-niece has given the letters to the museum.")
    out = blocks(HEAD + family)
    assert out[1]["paragraphs"][-1] == "Your loving son, Albert"
    assert out[1]["attribution"] == "Private Albert Shaw, in a letter of 1916"
    # unsigned, it ends on its sign-off
    out = blocks(HEAD + letter + "The council said it was working with the school.")
    assert out[1]["paragraphs"][-1] == "Yours sincerely," and out[1]["attribution"] is None
    assert out[2] == {"type": "paragraph", "text": "The council said it was working with the school."}


def test_a_first_person_quote_ends_where_a_plain_narrative_paragraph_follows():
    text = (HEAD + "The crew manager said:\n\nWe got there within six minutes and the family were already out.\n\n"
            "The cause of the fire is being investigated.\n\nThe road was closed for three hours.\n\n"
            "The house after the fire Credit: PA\n\nNeighbours have set up a fund for the family.")
    out = blocks(text)
    assert out[1] == {"type": "quote", "attribution": None,
                      "paragraphs": ["We got there within six minutes and the family were already out."]}
    assert [b["type"] for b in out[2:]] == ["paragraph", "paragraph", "image", "paragraph"]


@pytest.mark.parametrize("second, third", [
    ("But they have been left with no choice by the company.", "Pay has fallen behind for ten years."),  # carries on
    ("Nobody on the crew will forget it.", "We owe them everything."),  # the speaker's voice comes back
    # a lead-in closes it, on a paragraph that argues (a modal): the speaker's still
    ("The crews could not have stopped a fire spreading so fast.", "The chief officer added:\n\nThanks to all."),
])
def test_a_paragraph_without_first_person_stays_in_the_quote_when_the_narrator_does_not_take_over(second, third):
    text = (HEAD + "The union leader said:\n\nNobody wants to strike. Our members lose money.\n\n" + second + "\n\n"
            + third + "\n\nShe said talks could resume.")
    assert blocks(text)[1]["paragraphs"][1] == second


def test_a_plain_paragraph_before_a_new_lead_in_is_the_narrators():
    text = (HEAD + "The union leader said:\n\nNobody wants to strike. Our members lose money.\n\n"
            "The school is one of more than 200 where the concrete has been found.\n\nThe chief officer added:\n\n"
            "Thanks to all.")
    out = blocks(text)
    assert out[1]["paragraphs"] == ["Nobody wants to strike. Our members lose money."]
    assert out[2] == {"type": "paragraph", "text": "The school is one of more than 200 where the concrete has been found."}


def test_a_quote_at_the_pages_end_keeps_a_paragraph_carrying_on_straight_after_the_speaker():
    text = (HEAD + "The watch manager said:\n\nIt is not a job we do every day, and it took us a while.\n\n"
            "But everyone got off safely, the sheep included.\n\nThe river is expected to fall by Monday.")
    assert blocks(text)[1]["paragraphs"] == ["It is not a job we do every day, and it took us a while.",
                                             "But everyone got off safely, the sheep included."]
    assert quotes.quote_length(["We got there.", "The crews left.", "But the sheep stayed."]) == 1


def test_where_the_speaker_is_from_is_not_their_name():
    assert quotes.speaker("Inspector Neil Cordery, of Kent Police, said:") == "Cordery"
    assert quotes.speaker("Sergeant Amy Cole, from the force's roads unit, added:") == "Cole"
    # so another force named in the speaker's words does not hand back to the narrator
    text = (HEAD + "Inspector Neil Cordery, of Kent Police, said:\n\nWe are increasingly concerned for her welfare.\n\n"
            "We are working with British Transport Police to find out whether she boarded a train.\n\n"
            "She is described as white and around 5ft 3in tall.")
    assert len(blocks(text)[1]["paragraphs"]) == 2


@pytest.mark.parametrize("line", ["He loved his job. He always said he was paid to go on his holidays.",
                                  "These spaces are open to everyone, no questions asked."])
def test_an_adverb_or_an_idiom_before_a_speech_verb_is_no_reported_speech(line):
    assert not quotes.is_narrative(line, None, about=("He ", "His "))
    assert quotes.is_narrative("Officials said the road would reopen on Monday.", None)


def test_a_speech_to_a_court_opens_on_the_people_it_is_about():
    text = (HEAD + "Opening the case, Ruth Hall KC told jurors:\n\nDawn Marsh was a mother of two who worked at a primary school.\n\n"
            "In the early hours of 22 August he let himself into her home.\n\n"
            "Ms Hall said the defendant had sent more than 600 messages.")
    out = blocks(text)
    assert out[1]["type"] == "quote" and len(out[1]["paragraphs"]) == 2
    assert out[2]["type"] == "paragraph"
    # after a lead-in to an embed, a paragraph opening on a name is the narrator's
    assert blocks(HEAD + "He posted a video on Facebook:\n\nDawn Marsh shared it within the hour.")[1]["type"] != "quote"


def test_a_body_speaking_as_we_may_name_itself():
    text = (HEAD + "A spokesperson for Kelham City Council said:\n\nWe are sorry for the disruption residents face.\n\n"
            "Kelham City Council has made an offer which we believe is fair.\n\n"
            "The union said it had been forced into the strike.")
    assert blocks(text)[1]["paragraphs"][-1] == "Kelham City Council has made an offer which we believe is fair."
    # a person named by title, or the body named without "we", is the narrator again
    assert quotes.is_narrative("Mr Hart said we would all pay for it.", "Hart")
    assert quotes.is_narrative("Kelham City Council has made an offer.", "Council")


def test_an_attributed_tribute_keeps_its_paragraphs_about_him():
    tribute = ("We are heartbroken. Our dad was the kindest man you could meet.\n\n"
               "He loved his garden and never missed a home game.\n\nWe will miss him every single day.\n\n")
    out = blocks(HEAD + "Tributes have been paid to a former miner.\n\n" + tribute + "– The family of Jack Hirst")
    assert out[0]["type"] == "paragraph"
    assert out[1] == {"type": "quote", "attribution": "The family of Jack Hirst", "paragraphs": [
        "We are heartbroken. Our dad was the kindest man you could meet.",
        "He loved his garden and never missed a home game.", "We will miss him every single day."]}
    # two paragraphs of her between the family's own words, the first opening on her name
    statement = ("The day we lost Lucy, our family lost its heart.\n\nLucy wanted to be a nurse since she was seven.\n\n"
                 "She was walking home when she was killed by a drink-driver.\n\nMy husband hasn't been back to work.\n\n")
    out = blocks(HEAD + "Her mother described the impact of her death.\n\n" + statement + "– Statement from Lucy's mother")
    assert [b["type"] for b in out] == ["paragraph", "quote"] and len(out[1]["paragraphs"]) == 4
    # with no words of the speaker's own above it, "He ..." is the narrator introducing them
    out = blocks(HEAD + "Tributes have been paid to a former miner.\n\nHe died after a fall at his home.\n\n"
                 "We will miss him every single day.\n\n– The family of Jack Hirst")
    assert [b["type"] for b in out] == ["paragraph", "paragraph", "quote"]


def test_an_attributed_block_after_the_narrator_reporting_the_speaker_starts_at_once():
    # the narrator's introduction reports the speaker ("The inquiry's chair said ..."), so the
    # first paragraph after it, even with no "I" or "we", is the speaker's
    text = (HEAD + "Thirty-one people were taken to hospital.\n\nThe inquiry's chair said communities were too often unheard.\n\n"
            "When people told landlords they were frightened, they were not listened to.\n\n"
            "I want every landlord to read this report.\n\n– Ann Hale, chair of the inquiry")
    out = blocks(text)
    assert out[2]["type"] == "quote" and len(out[2]["paragraphs"]) == 2


def test_a_passive_verb_is_no_one_reporting_speech():
    assert not quotes.reports_speech("Figures showed 1,842 people with the virus were admitted to hospitals.")
    assert quotes.reports_speech("The council has said it will act.")
    assert quotes.reports_speech("The inquiry's chair said communities were too often unheard.")


def test_my_opening_a_paragraph_is_the_speaker_talking():
    assert quotes.speaks_for_self("My class are going to be unbearable on Monday.")
    assert quotes.speaks_for_self("Me and my brother were there.")


def test_a_speaker_who_spoke_to_itv_news_is_still_the_speaker():
    assert not quotes.is_narrative("We told ITV News last week that this would happen, and it has.", None, first=True)


def test_line_memos_are_empty_once_a_page_is_read():
    """The memos serve one read: a long page's lines are not held after it."""
    from itvreport import shapes

    read_article("Headline here\n\nThe council said:\n\nWe will act.\n\nVIDEO: The moment it fell".encode())
    assert len(shapes._MEMOS) >= 5
    assert all(cached.cache_info().currsize == 0 for cached in shapes._MEMOS)
    with pytest.raises(NoArticleError):
        read_article(b"Advertisement\n\n1. ITV Report")
    assert all(cached.cache_info().currsize == 0 for cached in shapes._MEMOS)


def test_reading_leaves_the_garbage_collector_as_it_was():
    import gc

    assert gc.isenabled()
    read_article(b"Headline here\n\nOne paragraph.")
    assert gc.isenabled()
    with pytest.raises(NoArticleError):
        read_article(b"Advertisement")
    assert gc.isenabled()
    gc.disable()
    try:
        read_article(b"Headline here\n\nOne paragraph.")
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- careful-editor shapes (captions vs paragraphs, headlines) -------------------------

def test_a_quoted_sentence_ending_inside_its_quotation_marks_is_a_paragraph():
    text = (HEAD + "The coach praised the squad after the final.\n\n"
            'Her assistant added: "They ran until they dropped."\n\n"We are so proud of them."\n\nThe parade is on Sunday.')
    assert [b["type"] for b in blocks(text)] == ["paragraph"] * 4


@pytest.mark.parametrize("line", [
    "Can the valley escape the flooding?",
    "What a night for the village at the edge of the moor!",
    '"Not only are the lanes blocked near the farm, they are also',
    "“Residents outside the hall, as they waited for news",
])
def test_a_question_an_exclamation_or_a_quoted_line_is_not_a_caption(line):
    out = blocks(HEAD + "The rain kept falling.\n\n" + line + "\n\nThe river peaked at noon.")
    assert out[1]["type"] != "image"


def test_a_cut_off_last_line_is_not_a_caption():
    out = blocks(HEAD + "The rain kept falling.\n\nFarmers near the river at Selby were told to move their stock to hig")
    assert out[-1] == {"type": "paragraph", "text": "Farmers near the river at Selby were told to move their stock to hig"}


def test_a_sentence_before_a_bare_credit_stays_a_paragraph():
    out = blocks(HEAD + "Readers sent in their pictures, including this one from the pier at dawn.\n\n"
                 "Credit: Tom Iqbal\n\nThe frost lasted until noon.")
    assert out[:2] == [{"type": "paragraph", "text": "Readers sent in their pictures, including this one from the pier at dawn."},
                       {"type": "image", "caption": "", "credit": "Tom Iqbal"}]


def test_a_first_line_ending_with_a_full_stop_glued_to_the_date_is_not_the_headline():
    article = read(" date 2023-02-11 Thick fog covered the estuary, closing the ferry this morning.\n\n"
                   "Drivers were told to take care.")
    assert article.headline is None
    assert article.date == "2023-02-11"
    assert article.blocks[0].text == "Thick fog covered the estuary, closing the ferry this morning."


@pytest.mark.parametrize("line,name", [
    ("Sarah Kellow reports on the latest as the flooding enters its third day", "Sarah Kellow"),
    ("ITV News reporter Owen Maddox has the latest on the damage left by the storm", "Owen Maddox"),
    ("ITV News correspondent Jo Bloggs reports.", "Jo Bloggs"),
    ("The talks broke down again on Friday as ITV News Correspondent Jo Bloggs reports", "Jo Bloggs"),
    ("Jo Bloggs's forecast for the east.", "Jo Bloggs"),
    ("Watch Helen Garside's report", "Helen Garside"),
    ("Rents have risen by a fifth. Our correspondent Tom Hale reports.", "Tom Hale"),
    ("ITV News Calendar's Tom Hale has this report.", "Tom Hale"),
])
def test_video_lead_ins_without_a_colon(line, name):
    article = read("Floods close the valley road\n\n" + line + "\n\nThe river rose overnight.\n\nIt fell by noon.")
    assert article.blocks[0] == Media(line, line=3)
    assert article.byline == name


@pytest.mark.parametrize("line", ["Contains distressing images", "Some may find the images in this report upsetting"])
def test_short_distressing_images_warnings(line):
    assert media.is_media_note(line)


@pytest.mark.parametrize("line", [
    "The BBC reports that the talks failed.",
    "Police Scotland reports on Tuesday that crime fell",
    "The report found that graphic images were shared by pupils at the school.",
    "Ofsted's report found pupils were not safe at break times.",
])
def test_prose_about_reports_is_not_a_media_note(line):
    assert not media.is_media_note(line)


@pytest.mark.parametrize("line", ["  • Video report by ITV News Reporter Sara Whitlock",
                                  "  • Our Correspondent, Mark Feeney has this report:"])
def test_a_media_note_set_as_a_bullet(line):
    assert blocks(HEAD + line + "\n\nThe sea wall gave way.")[0] == {"type": "media", "text": line.strip()[2:]}


@pytest.mark.parametrize("line", ["This Evening and Overnight:", "Outlook for Friday to Sunday:"])
def test_a_title_case_line_ending_with_a_colon_is_a_heading(line):
    out = blocks(HEAD + line + "\n\nDry at first, then rain from the west.\n\nWinds easing.")
    assert out[0] == {"type": "heading", "text": line}


def test_a_lower_case_colon_lead_in_is_not_a_heading():
    out = blocks(HEAD + "Weather for the north of the region:\n\nDry at first, then rain from the west.")
    assert out[0]["type"] != "heading"


def test_lines_joined_by_single_newlines_on_a_blank_line_page_are_a_gallery():
    text = (HEAD + "The mayor's day began early.\n\nIt ended late.\n\n"
            "At 8am, the chain goes on.\nPupils greet the mayor at the school gate.\n"
            "A stop at the market. Credit: ITV News\nThe day ends at the social club.\n\nShe is back tomorrow.")
    out = blocks(text)
    assert [b["type"] for b in out] == ["paragraph", "paragraph", "image", "image", "image", "image", "paragraph"]
    assert out[4] == {"type": "image", "caption": "A stop at the market.", "credit": "ITV News"}


def test_a_removed_line_between_two_lines_does_not_make_them_touch():
    # Each advert's blank line keeps the short sentences apart once it is gone: no gallery.
    text = (HEAD + "The mayor's day began early.\n\nIt ended late.\n\nPupils greet the mayor.\n\n"
            "Advertisement\nThe day ends at the club.\n\nAdvertisement\nA stop at the market.\n\n"
            "She is back tomorrow.")
    page = read(text)
    assert {b.to_dict()["type"] for b in page.blocks} == {"paragraph"}
    assert [r.text for r in page.removed].count("Advertisement") == 2


def test_kept_blocks_take_the_widest_gap_of_the_lines_removed_before_them():
    from itvreport.clean import _keep_gaps
    from itvreport.parse import RawBlock as Block
    lines = [Block(1, "One."), Block(3, "Advertisement", gap=1), Block(4, "Two."), Block(5, "Three.")]
    kept = [lines[0], lines[2], lines[3]]
    assert [b.gap for b in _keep_gaps(lines, kept)] == [0, 1, 0]


def test_single_newline_page_has_no_gallery_runs():
    text = "Harbour wall repaired\nWork finished on Friday.\nThe road reopens today.\nThe mayor will cut a ribbon.\nBuses return next week."
    assert {b["type"] for b in blocks(text)} == {"paragraph"}


def test_update_titles_on_a_live_index_page_are_headings():
    """Even when one names a scene, when one stands over its update's credited picture, and
    when one follows the last update's picture."""
    text = ("Bus fire outside the station\n\nA bus caught fire this afternoon.\n\nLive updates\n\n"
            "Bus fire blamed on engine fault\n\nThe operator said checks had started.\n\n"
            "Crews pictured at the station after the fire\n\nTwo crews attended.\n\n"
            "Lorry blown over on the Eastley bypass\n\nThe lorry on its side Credit: Eastley Police\n\n"
            "A lorry was blown onto its side this morning.\n\nThe lorry on the bypass Photo: PA\n\n"
            "Drivers told to avoid the coast road\n\nGusts of 70mph are forecast tonight.")
    out = blocks(text)
    assert out[1] == {"type": "heading", "text": "Bus fire blamed on engine fault"}
    assert out[3] == {"type": "heading", "text": "Crews pictured at the station after the fire"}
    assert out[5] == {"type": "heading", "text": "Lorry blown over on the Eastley bypass"}
    assert out[6]["type"] == "image" and out[6]["credit"] == "Eastley Police"
    assert out[8]["type"] == "image" and out[9] == {"type": "heading", "text": "Drivers told to avoid the coast road"}


def test_an_uncredited_line_over_a_credited_picture_elsewhere_starts_a_gallery():
    text = HEAD + "Intro text.\n\nCrowds on the seafront at dawn\n\nThe pier after the storm Credit: PA\n\nMore text."
    assert [b["type"] for b in blocks(text)] == ["paragraph", "image", "image", "paragraph"]


@pytest.mark.parametrize("line", [
    "Police are appealing for information after the van was taken from outside the shop",
    "The city's new mayor has promised to plant trees and ban cars from the centre on Sundays",
])
def test_a_subject_auxiliary_and_verb_make_a_sentence_not_a_caption(line):
    article = read("Headline about the town\n" + line + "\nThe first paragraph of the story goes on here.")
    assert article.blocks[0] == Paragraph(line, line=2)


@pytest.mark.parametrize("line", [
    "Readings are still rising in some places - now 32.6C at Eastley",  # an adverb before the verb
    "It's now 32.4C in Kelham and 32.2C in Lowdon, the warmest day of the summer",  # an empty subject
])
def test_a_sentence_opening_the_body_is_not_the_lead_pictures_caption(line):
    article = read("Headline about the town\n\n" + line + "\n\nThe first paragraph of the story goes on here.")
    assert not isinstance(article.blocks[0], Image)


@pytest.mark.parametrize("line", [
    "Swimmers at Windermere, where campaigners have been calling for action for years",
    "Crowds gathered outside the court in Leeds on Monday",
])
def test_a_scene_with_a_relative_clause_or_no_auxiliary_is_still_a_caption(line):
    article = read("Headline about the town\n" + line + "\nThe first paragraph of the story goes on here.")
    assert isinstance(article.blocks[0], Image)


@pytest.mark.parametrize("line, kind", [
    ("Mandy Cole inside her flooded shop", "image"),
    ("Green group leader Hannah Cole at the count", "image"),
    ("The Marsh family at the Eastley show", "image"),
    ("Marchers on Station Road on their way to the hospital", "image"),
    ("Chaos at the station", "heading"),  # no one is there
    ("Reaction in Carrow", "heading"),
    ("Farming in the upper Wendle in numbers", "heading"),
])
def test_people_somewhere_is_a_picture_and_a_section_title_is_not(line, kind):
    text = HEAD + "The water rose overnight.\n\n" + line + "\n\nShops were cleared by noon."
    assert blocks(text)[1]["type"] == kind


def test_a_bullet_title_before_a_picture_is_a_heading():
    text = HEAD + "Intro text.\n\n  • How cold could it get?\nNot weather for a paddle. Credit: PA\n\nForecasters said it could reach -12C."
    out = blocks(text)
    assert out[1] == {"type": "heading", "text": "How cold could it get?"}
    assert out[2] == {"type": "image", "caption": "Not weather for a paddle.", "credit": "PA"}


def test_an_update_page_that_lost_its_view_all_line():
    text = ("Walkers rescued from cliffs\n\nThree hikers stuck on a cliff path were brought to safety.\n\n"
            "Coastguard praises torch signals\n\nThe walkers flashed torches from the path.\n\n"
            "A lifeboat reached them at 1am.\n\nMore top news\n\nOther story")
    article = read(text)
    assert article.live_story.title == "Walkers rescued from cliffs"
    assert article.live_story.summary == ("Three hikers stuck on a cliff path were brought to safety.",)
    assert article.headline == "Coastguard praises torch signals"


def test_a_headline_first_page_with_a_subheading_after_the_standfirst_and_no_trailer_is_not_an_update():
    text = ("Walkers rescued from cliffs\n\nThree hikers stuck on a cliff path were brought to safety.\n\n"
            "How it happened\n\nThe walkers flashed torches from the path.\n\nA lifeboat reached them at 1am.")
    article = read(text)
    assert article.live_story is None
    assert article.headline == "Walkers rescued from cliffs"


def test_an_older_update_page_cut_off_in_the_parent_standfirst():
    text = ("Beacon lit on the fell\n\nThe beacon was lit at dusk by the oldest villager.\n\n"
            "Crowds gathered to watch.\n\n\n\nJubilee beacons across the county\n\n"
            "More than forty beacons will be lit across the county tonight as part of the")
    article = read(text)
    assert article.live_story.title == "Jubilee beacons across the county"
    assert [b.text for b in article.blocks] == ["The beacon was lit at dusk by the oldest villager.",
                                                "Crowds gathered to watch."]


@pytest.mark.parametrize("line,name", [
    ("Fighting went on in the hills overnight. Jo Bloggs reports.", "Jo Bloggs"),
    ("Our correspondent Jo Bloggs has sent this report.", "Jo Bloggs"),
    ("Here is Jo Bloggs' forecast for the east:", "Jo Bloggs"),
    ("Watch ITV News tell the winner's brother about her victory", None),
    ("Our correspondent Hana Lusk was there:", "Hana Lusk"),  # "was" hands over with a colon only
    ("Here is the forecast for the week ahead with Joel Brannigan:", "Joel Brannigan"),
    ("A report from our Wales Correspondent Hana Lusk:", "Hana Lusk"),
    ("The pier has been closed for two years, reports ITV News Border's Hana Lusk.", "Hana Lusk"),
    ("Warning: this report contains footage of violence from the start.", None),
])
def test_more_video_lead_ins(line, name):
    assert media.is_media_note(line)
    assert media.reporter(line) == name


@pytest.mark.parametrize("line", ["The Council has the full report.", "Watch this space, the minister said.",
                                  "Ofsted has the latest report."])
def test_sentences_that_only_look_like_lead_ins(line):
    assert not media.is_media_note(line)


@pytest.mark.parametrize("line,name", [
    # one of the site's own people (a station, "Our", a job title before or after the
    # name) going out or reporting: with a colon, a full stop or nothing at the end
    ("ITV News Anglia's Sam Hart has been to Eastley, one of the villages cut off.", "Sam Hart"),
    ("ITV Westcountry's Sam Hart has been speaking to those affected", "Sam Hart"),
    ("Our reporter Sam Hart sent this report from the village, which was cut off overnight.", "Sam Hart"),
    ("Our reporter Sam Hart spoke to residents.", "Sam Hart"),
    ("Sam Hart, ITV News Correspondent, reports:", "Sam Hart"),
    ("Midlands Correspondent Sam Hart joined the crews on their last shift:", "Sam Hart"),
    ("He spoke to our correspondent Sam Hart.", "Sam Hart"),
    ("The latest forecast from Sam Hart:", "Sam Hart"),
])
def test_the_sites_own_people_going_out_for_a_report(line, name):
    assert media.is_media_note(line)
    assert media.reporter(line) == name


@pytest.mark.parametrize("line", [
    "ITV News Anglia's Sam Hart was the first journalist to reach the village.",  # no verb of going or reporting
    "Our correspondent Sam Hart said the mood in the town was one of relief.",  # reported speech
    "ITV Westcountry's Sam Hart spoke to the council leader, who said the decision was long overdue.",
    "Our Health Editor Emily Morgan has been told that the hospital will close.",
    "ITV Tyne Tees presenter Sam Hart joined the runners on the start line and completed the course.",  # joined: colon only
    "Sam Hart, a former ITV News presenter, visited the school in 2019.",  # not the site's reporter now
    "The BBC's Sam Hart reported that the talks had collapsed.",  # not the site's
    "Residents spoke to ITV News about their fears.",  # nobody named
    "The report, by ITV Meridian, found that half of the bridges were unsafe.",
])
def test_sentences_about_the_sites_people_that_are_narrative(line):
    assert not media.is_media_note(line)


def test_a_colon_lead_in_naming_no_medium_before_narrative_is_a_paragraph():
    out = blocks(HEAD + "Officers are urging drivers to stay local and avoid any trip that is not needed:\n\n"
                 "There were crashes on the M3 and the A303.")
    assert out[0] == {"type": "paragraph", "text": "Officers are urging drivers to stay local and avoid any trip that is not needed:"}


def test_a_colon_lead_in_naming_a_post_stands_for_it():
    out = blocks(HEAD + "The coastguard shared this footage of the rescue:\n\nThe walkers were taken to hospital.")
    assert out[0] == {"type": "media", "text": "The coastguard shared this footage of the rescue:"}


def test_a_lead_in_quoting_words_the_next_paragraph_holds_introduces_them():
    text = (HEAD + 'With grass fire alerts in place, it has been "another busy night" for crews:\n\n'
            "Another busy night with teams tackling scrub blazes across the moor. #heatwave\n\nRain is due on Friday.")
    out = blocks(text)
    assert out[1] == {"type": "quote", "paragraphs": ["Another busy night with teams tackling scrub blazes across the moor. #heatwave"],
                      "attribution": None}
    assert quotes.echoes('it has been "another busy night" for crews:', "Another busy night with teams.")
    assert not quotes.echoes('it has been "busy" for crews:', "Busy with teams.")


def test_a_lone_word_over_prose_is_a_subheading_not_the_headline():
    article = read("Budget\n\nDepartments learn today how much they have to spend.\n\nHealth got the most last year.")
    assert article.headline is None
    assert article.blocks[0] == Heading("Budget", line=1)


# --- a caption with a full stop ----------------------------------------------------------

def test_participle_sentence_without_a_finite_verb_is_a_caption():
    text = (HEAD + "The wall was rebuilt over six weeks by a team from the county council.\n\n"
            "Volunteers clearing stones from the slipway at low tide.\n\n"
            "The harbour reopens to boats on Monday.")
    out = blocks(text)
    assert out[1] == {"type": "image", "caption": "Volunteers clearing stones from the slipway at low tide.",
                      "credit": None}
    assert out[2]["type"] == "paragraph"


@pytest.mark.parametrize("line", [
    "Volunteers clearing stones from the slipway were thanked by the mayor.",  # a finite verb
    "Fishermen hoping for a good season, the harbour master said.",            # reported, with a comma
    "Repairs costing more than expected.",                                     # nothing after the participle says where
    "During the storm the wall fell into the sea.",                            # "During" is no participle
    "Nothing happening at the harbour tonight. Boats stay in.",                # two sentences
    "The firm blamed rising fuel costs after a wet summer.",                   # a verb in the past before it
    "We spoke to people working on the harbour wall.",                        # a pronoun telling
    "The amber warning for wind remains in place until 6pm.",                 # "warning" is a noun here
    "The court hearing at the town hall lasted two days.",
    "Drivers passing the picket line sounded their horns in support.",       # a verb in the past after it
])
def test_narrative_sentences_are_not_full_stop_captions(line):
    text = HEAD + "The wall was rebuilt over six weeks.\n\n" + line + "\n\nThe harbour reopens to boats on Monday."
    assert [b["type"] for b in blocks(text)] == ["paragraph", "paragraph", "paragraph"]


# --- headline-style subheadings -------------------------------------------------------

def test_a_line_quoting_words_in_single_marks_is_a_subheading_not_a_caption():
    text = (HEAD + "The wall was rebuilt over six weeks.\n\n"
            "Crews hailed as 'heroes' after rescue at the quay\n\n"
            "Two crews pulled a man from the water on Sunday.\n\n"
            "Harbour master 'proud as ever' of the team\n\n"
            "Boats back at the quay Credit: PA\n\nThe harbour reopens to boats on Monday.")
    out = blocks(text)
    assert out[1] == {"type": "heading", "text": "Crews hailed as 'heroes' after rescue at the quay"}
    assert out[3] == {"type": "heading", "text": "Harbour master 'proud as ever' of the team"}
    assert out[4] == {"type": "image", "caption": "Boats back at the quay", "credit": "PA"}


def test_a_line_quoting_words_after_a_picture_is_still_a_caption():
    text = (HEAD + "The wall was rebuilt over six weeks.\n\nBoats back at the quay Credit: PA\n\n"
            "Fishermen holding a banner reading 'Thank you' outside the harbour office\n\n"
            "The harbour reopens to boats on Monday.")
    assert blocks(text)[2]["type"] == "image"


def test_colon_lead_ins_set_in_one_frame_stand_for_their_missing_clips():
    out = blocks(HEAD + "Forecast for the east of the county:\n\nForecast for the west of the county:\n\n"
                 "Tonight:\n\nDry with clear spells and a touch of frost in rural spots.")
    assert out[:2] == [{"type": "media", "text": "Forecast for the east of the county:"},
                       {"type": "media", "text": "Forecast for the west of the county:"}]
    assert [b["type"] for b in out[2:]] == ["heading", "paragraph"]


def test_two_colon_lines_in_different_frames_are_not_media():
    out = blocks(HEAD + "The council leader said:\n\nThe plan had been agreed by every member:\n\n"
                 "We will build the wall again by spring.")
    assert "media" not in [b["type"] for b in out]


def test_a_tribute_after_said_colon_that_speaks_of_him_is_the_quote():
    out = blocks(HEAD + "Tom Hale died in hospital on Sunday.\n\nIn a tribute, his family said:\n\n"
                 "He was a loving son and brother who lit up every room. We are heartbroken.\n\n"
                 "Police are still appealing for witnesses.")
    assert out[2] == {"type": "quote", "paragraphs": ["He was a loving son and brother who lit up every room. We are heartbroken."],
                      "attribution": None}
    assert out[3]["type"] == "paragraph"


def test_he_after_a_lead_in_that_hands_over_to_no_one_is_narrative():
    out = blocks(HEAD + "Officers were called to the harbour at 6am:\n\nHe was found on the slipway and taken to hospital.")
    assert "quote" not in [b["type"] for b in out]


def test_a_statement_opening_with_the_name_of_its_own_body_is_the_quote():
    out = blocks(HEAD + "The manager left on Friday.\n\nA statement from the club read:\n\n"
                 "Harbour Town FC can confirm that Dan Roper has left his role as manager.\n\n"
                 "Roper joined in 2021 and won promotion in his first season.")
    assert out[2] == {"type": "quote", "attribution": None,
                      "paragraphs": ["Harbour Town FC can confirm that Dan Roper has left his role as manager."]}
    assert out[3]["type"] == "paragraph"


def test_a_named_start_after_a_lead_in_that_is_no_statement_is_narrative():
    out = blocks(HEAD + "The manager left on Friday, and the chairman told reporters:\n\n"
                 "Harbour Town chairman Ian Mole later confirmed the search for a new manager had begun.")
    assert "quote" not in [b["type"] for b in out]


@pytest.mark.parametrize("line,kind", [("What you need to know:", "heading"), ("How to apply:", "heading"),
                                       ("What the harbour master said:", "quote")])
def test_a_question_word_phrase_with_a_colon_before_prose_titles_a_section(line, kind):
    out = blocks(HEAD + "The harbour is closed.\n\n" + line + "\n\nYou should keep away from the water. Call 999 in danger.")
    assert kind in [b["type"] for b in out]
    if kind == "heading":
        assert out[1] == {"type": "heading", "text": line}


def test_a_credit_saying_who_supplied_the_picture_may_run_longer():
    out = blocks(HEAD + "The water rose quickly.\n\nJo Marsh at her home in Kelmouth. Picture: supplied by the family of Jo Marsh\n\n"
                 "More rain is due.")
    assert out[1] == {"type": "image", "caption": "Jo Marsh at her home in Kelmouth.", "credit": "supplied by the family of Jo Marsh"}
    prose = "The lifeboat crew said in an Image: post that the boat had been launched twice in one very busy day."
    assert blocks(HEAD + "Intro text.\n\n" + prose)[1]["type"] == "paragraph"


def test_a_credit_naming_an_organisation_may_run_longer():
    line = "Ann Boyd was found on the third day. Photo: Kelmouth Search and Mountain Rescue Association"
    out = blocks(HEAD + "The search is over.\n\n" + line + "\n\nShe is recovering in hospital.")
    assert out[1] == {"type": "image", "caption": "Ann Boyd was found on the third day.",
                      "credit": "Kelmouth Search and Mountain Rescue Association"}
    prose = "He said the Image: tag was added by a volunteer who runs the page for the team in his own time."
    assert blocks(HEAD + "Intro text.\n\n" + prose)[1]["type"] == "paragraph"


@pytest.mark.parametrize("title", ["What happens next", "Planning for the next big season"])
def test_a_line_after_a_bare_credit_is_not_taken_for_its_caption(title):
    out = blocks(HEAD + "The new stand opened on Saturday.\n\nCredit: PA\n\n" + title + "\n\n"
                 "The club will apply to extend the ground again next year.")
    assert out[1] == {"type": "image", "caption": "", "credit": "PA"}
    assert out[2] == {"type": "heading", "text": title}


@pytest.mark.parametrize("line", ["Sara Pell with her daughter Ivy at the harbour in Kelmouth",
                                  "The Pell family at their home in Kelmouth"])
def test_people_as_a_picture_shows_them_is_a_caption(line):
    out = blocks(HEAD + "The water rose quickly.\n\n" + line + "\n\nMore rain is due tonight.")
    assert out[1] == {"type": "image", "caption": line, "credit": None}


def test_an_update_cut_off_after_its_first_short_line_keeps_its_title_and_text():
    text = ("1. National\n\nStorm Ada: live updates\n\nGales are sweeping the north coast tonight.\n\n"
            "View all 18 updates ›\n\nHarbour road shut at Kelmouth\n\nThe harbour road is shut after waves threw stones")
    article = read(text)
    assert_update(article, "Harbour road shut at Kelmouth", "Storm Ada: live updates",
                  ["The harbour road is shut after waves threw stones"])
    assert article.truncated


def test_a_credit_at_the_end_of_an_update_is_the_pictures_not_another_updates_summary():
    text = ("1. National\n\nStorm Ada: live updates\n\nGales are sweeping the north coast tonight.\n\n"
            "View all 18 updates ›\n\nHarbour road shut at Kelmouth\n\nThe harbour road is shut after waves threw stones.\n\n"
            "Stones on the harbour road at high tide\n\nCredit: ITV News")
    article = read(text)
    assert [b.to_dict()["type"] for b in article.blocks] == ["paragraph", "image"]
    assert article.blocks[1].credit == "ITV News"


def test_an_attribution_and_a_cut_off_last_line_of_an_update_are_not_other_updates_summaries():
    text = ("1. National\n\nStorm Ada: live updates\n\nGales are sweeping the north coast tonight.\n\n"
            "View all 18 updates ›\n\nHarbour road shut at Kelmouth\n\nThe harbour road is shut after waves threw stones.\n\n"
            "The harbourmaster said:\n\nWe will reopen it as soon as it is safe.\n\n– Tom Reed, harbourmaster\n\n"
            "The council has called for urgent talks wit")
    article = read(text)
    assert article.blocks[-2].attribution == "Tom Reed, harbourmaster"
    assert article.blocks[-1] == Paragraph("The council has called for urgent talks wit", line=19)
    assert article.removed[-1].text == "View all 18 updates ›"


def test_a_quote_goes_on_through_he_when_the_speaker_still_speaks_as_we():
    out = blocks(HEAD + "A crew member has died.\n\nThe lifeboat station posted on social media:\n\n"
                 "We are heartbroken to share the news that our crewmate has died.\n\n"
                 "He gave his all to the station and will be missed by all of us.\n\n"
                 "Hundreds of people have since left messages.")
    assert out[2]["type"] == "quote" and len(out[2]["paragraphs"]) == 2
    assert out[3] == {"type": "paragraph", "text": "Hundreds of people have since left messages."}


def test_a_post_that_is_gone_leaves_its_lead_in_as_a_media_note():
    out = blocks(HEAD + "The shop closed on Friday.\n\nIts owner posted a message on Facebook:\n\n"
                 "Hundreds of people have since replied, many of them regular customers.")
    assert out[1] == {"type": "media", "text": "Its owner posted a message on Facebook:"}
    assert out[2]["type"] == "paragraph"


def test_a_post_in_the_posters_own_words_is_a_quote():
    out = blocks(HEAD + "The shop closed on Friday.\n\nIts owner posted a message on Facebook:\n\n"
                 "We want to thank every one of our customers for forty happy years.")
    assert out[2]["type"] == "quote"


def test_closing_sentences_of_a_newer_update_with_no_trailer_are_the_items_own():
    text = ("1. National\n\nFestival: live updates\n\nThe festival is under way at the farm.\n\nView all 14 updates ›\n\n"
            "Headliner closes the main stage\n\nThe headliner has played the last set on the main stage.\n\n"
            "The crowd at the main stage was the biggest it has seen.\n\n"
            "Traffic leaving the site is expected to be heavy on Monday morning.\n\n"
            "Police advised drivers to check their routes before setting off.")
    article = read(text)
    assert article.headline == "Headliner closes the main stage"
    assert len(article.blocks) == 4
    assert [r.text for r in article.removed if r.reason == "boilerplate"] == ["1. National", "View all 14 updates ›"]


def test_numbered_section_titles_with_advice_between_keep_their_numbers():
    out = blocks(HEAD + "An amber heat alert is in place.\n\n1. Stay out of the sun\n\nAvoid the hours around noon.\n\n"
                 "2. Drink plenty of water\n\nCarry a bottle with you.")
    assert out[1] == {"type": "heading", "text": "1. Stay out of the sun"}
    assert out[3] == {"type": "heading", "text": "2. Drink plenty of water"}


def test_a_list_counting_down_keeps_its_numbers():
    out = blocks(HEAD + "The top three, counting down, are:\n\n  3. Holkham\n  2. Woolacombe\n  1. Bamburgh\n\n"
                 "The survey was run by a magazine.")
    assert out[1] == {"type": "list", "ordered": False, "items": ["3. Holkham", "2. Woolacombe", "1. Bamburgh"]}


def test_a_captioned_picture_after_a_triple_newline_is_no_parent_story():
    text = ("Beach huts burn at Kelmouth\nSix beach huts have burned on the seafront.\nPolice said the fire was deliberate.\n\n\n"
            "Firefighters on Kelmouth seafront Credit: ITV News\nAnyone with information is asked to call police.")
    article = read(text)
    assert article.live_story is None
    assert article.blocks[2].to_dict() == {"type": "image", "caption": "Firefighters on Kelmouth seafront", "credit": "ITV News"}


def test_a_live_titled_parent_without_its_view_all_line():
    text = ("1. National\n\nTube strike: Live updates\n\nMost lines are shut as drivers walk out.\n\n"
            "Queues for buses at Victoria\n\nLong queues have formed at the bus station.\n\nExtra buses are running.")
    assert_update(read(text), "Queues for buses at Victoria", "Tube strike: Live updates",
                  ["Long queues have formed at the bus station.", "Extra buses are running."])


def test_a_live_story_index_page_is_not_taken_for_an_update():
    text = ("Tube strike: Live updates\n\nMost lines are shut as drivers walk out.\n\nLive updates\n\n"
            "Queues for buses at Victoria\n\nLong queues have formed at the bus station.")
    article = read(text)
    assert article.headline == "Tube strike: Live updates"
    assert article.live_story is None


@pytest.mark.parametrize("line,items", [
    ("1937 - The zoo opens.1969 - A chairlift is built.1990 - The panda house opens.",
     ["1937 - The zoo opens.", "1969 - A chairlift is built.", "1990 - The panda house opens."]),
    ("2011: Home side won by 9 runs 2007: Match drawn 2003: Visitors won by 5 wickets",
     ["2011: Home side won by 9 runs", "2007: Match drawn", "2003: Visitors won by 5 wickets"]),
    ("Cambridge 38.1C.Santon Downham 37.4C.Writtle 36.9C.", ["Cambridge 38.1C.", "Santon Downham 37.4C.", "Writtle 36.9C."]),
])
def test_flattened_lists_of_years(line, items):
    out = blocks(HEAD + "The zoo has a long history.\n\n" + line + "\n\nIt now has 1,000 animals.")
    assert out[1] == {"type": "list", "ordered": False, "items": items}


def test_decimals_and_a_year_in_prose_are_not_a_flattened_list():
    out = blocks(HEAD + "Intro.\n\nThe rate rose to 3.5 per cent.It was 2.1 last year.\n\nIn 2011: a year to remember.")
    assert [b["type"] for b in out] == ["paragraph", "paragraph", "paragraph"]


def test_a_quote_about_somebody_runs_on_through_paragraphs_about_them():
    # "his family said:": the family talks of him; "He ..." is still their words, and
    # the narrative resumes with reported speech.
    out = blocks(HEAD + "In a statement released through police, his family said:\n\n"
                 "Danny was a loving son who lit up every room.\n\nHe had just started his dream job.\n\n"
                 "He will be missed more than words can say.\n\n"
                 "Police said a man had been arrested.")
    assert out[1] == {"type": "quote", "paragraphs": ["Danny was a loving son who lit up every room.",
                                                       "He had just started his dream job.",
                                                       "He will be missed more than words can say."],
                      "attribution": None}
    assert out[2]["type"] == "paragraph"


def test_he_after_a_named_speaker_is_the_narrator():
    out = blocks(HEAD + "Councillor Tom Varley said:\n\nWe will rebuild the wall by spring.\n\n"
                 "He has led the council since 2019.")
    assert out[1] == {"type": "quote", "paragraphs": ["We will rebuild the wall by spring."], "attribution": None}
    assert out[2] == {"type": "paragraph", "text": "He has led the council since 2019."}


def test_a_quote_closed_by_a_new_lead_in_keeps_its_paragraphs_without_first_person():
    # Nothing in the second paragraph says the narrator is back; the new lead-in closes it.
    out = blocks(HEAD + "In a letter to residents, the housing association wrote:\n\n"
                 "We are sorry for the disruption.\n\nEvery household will be offered a temporary home.\n\n"
                 "One resident said:\n\nWhere are they going to put all of us?")
    assert out[1]["paragraphs"] == ["We are sorry for the disruption.", "Every household will be offered a temporary home."]


@pytest.mark.parametrize("page,quoted,narrative", [
    # a quote running to the end of the page stops at its last first-person paragraph
    ("The harbour master said:\n\nWe are proud of the crews.\n\nThe wall will reopen to walkers in May.",
     ["We are proud of the crews."], "The wall will reopen to walkers in May."),
    # "She ..." with narrative after it (not the speaker's first person) is the narrator
    ("Detective Inspector Jo Marr said:\n\nThis was a cowardly attack.\n\n"
     "She is the force's most senior detective.\n\nThe attack happened at 9pm.",
     ["This was a cowardly attack."], "She is the force's most senior detective."),
])
def test_where_the_narrator_resumes_after_a_quote(page, quoted, narrative):
    out = blocks(HEAD + page)
    assert out[1]["paragraphs"] == quoted
    assert out[2] == {"type": "paragraph", "text": narrative}


def test_a_present_verb_before_a_participle_makes_a_sentence_not_a_caption():
    out = blocks(HEAD + "Birdwatchers have come from across the country.\n\n"
                 "Warden Clare Hebb reports seeing the bird every morning near the lighthouse.\n\n"
                 "The trust has asked visitors to keep to the paths.")
    assert out[1] == {"type": "paragraph",
                      "text": "Warden Clare Hebb reports seeing the bird every morning near the lighthouse."}


def test_a_hyphen_typed_for_the_en_dash_before_a_name_and_a_comma_is_an_attribution():
    out = blocks(HEAD + "The residents' association said:\n\nWe are delighted common sense has prevailed.\n\n"
                 "- Helen Forbes, chair of the residents' association\n\nThe work ends in May.")
    assert out[1] == {"type": "quote", "paragraphs": ["We are delighted common sense has prevailed."],
                      "attribution": "Helen Forbes, chair of the residents' association"}


@pytest.mark.parametrize("line", ["- Leeds 12 jobs", "- more to follow, the council said", "- Helen Forbes"])
def test_other_lines_opening_with_a_hyphen_are_no_attribution(line):
    assert shapes.attribution(line) is None


def test_a_section_after_one_blank_line_is_the_articles_own_without_a_live_title():
    text = ("Pupils sent home as school heating fails\n\nPupils were sent home this morning after the heating failed.\n\n"
            "The school hopes to reopen tomorrow.\n\nWhat parents should do\n\nParents should check the school website.")
    article = read(text)
    assert article.live_story is None
    assert article.blocks[-2] == Heading("What parents should do", line=7)


def test_a_long_article_that_printed_its_standfirst_twice_keeps_its_closing_paragraphs():
    # An update item whose own title was lost is short; a long article with its
    # standfirst twice is the article itself, whatever its last paragraphs name.
    topics = ["the quay", "the crane", "the lock gates", "the fish market", "the lifeboat station", "the slipway",
              "the ferry ramp", "the sea wall", "the car park", "the lighthouse", "the boatyard"]
    body = "\n\n".join(f"Work on {topic} will take {n} months and cost £{n * 3} million." for n, topic in
                       enumerate(topics, 2))
    closing = ("Environmental groups said the decision was a mistake.\n\n"
               "Friends of the Heath said the extra lorries would add to pollution.\n\n"
               "Work is expected to start in 2026.")
    standfirst = "Plans to rebuild the harbour wall have been approved by councillors."
    text = f"1. ITV Report\n\nHarbour plans approved\n\n{standfirst}\n\n{standfirst}\n\n{body}\n\n{closing}"
    article = read(text)
    assert article.headline == "Harbour plans approved"
    assert article.live_story is None
    assert article.blocks[-1].text == "Work is expected to start in 2026."
    assert [item.reason for item in article.removed] == ["boilerplate", "duplicate"]


def test_the_first_paragraph_in_the_first_person_is_the_speakers_even_reporting_speech():
    out = blocks(HEAD + "She said:\n\nWhen they told me at 20 miles that I was leading, I nearly stopped.\n\n"
                 "My pupils are going to be unbearable on Monday.\n\nShe was met at the finish by her son.")
    assert out[1]["paragraphs"] == ["When they told me at 20 miles that I was leading, I nearly stopped.",
                                    "My pupils are going to be unbearable on Monday."]
    assert out[2] == {"type": "paragraph", "text": "She was met at the finish by her son."}


@pytest.mark.parametrize("narrative", [
    "The train operator said it had added extra buses.",  # a body of two or three words, then a verb of saying
    "Opposition members accused the council of betraying the town.",
    "The judge praised her courage.",
])
def test_reported_speech_in_more_words_ends_the_quote(narrative):
    out = blocks(HEAD + "One commuter said:\n\nI start at 7.30 and I got here at 6.\n\n"
                 "We have had enough of it.\n\n" + narrative)
    assert out[1]["paragraphs"] == ["I start at 7.30 and I got here at 6.", "We have had enough of it."]
    assert out[2] == {"type": "paragraph", "text": narrative}


def test_a_speaker_talking_of_someone_goes_on_in_the_first_person():
    # "She ..." alone is no sign of the narrator when the speaker's first person follows.
    out = blocks(HEAD + "Detective Inspector Jo Marr said:\n\nThis was a cowardly attack on a woman walking home.\n\n"
                 "She is a much-loved grandmother and she is badly shaken.\n\n"
                 "I would urge anyone who saw the man to come forward.\n\nThe attack happened at 9pm.")
    assert out[1]["paragraphs"] == ["This was a cowardly attack on a woman walking home.",
                                    "She is a much-loved grandmother and she is badly shaken.",
                                    "I would urge anyone who saw the man to come forward."]


@pytest.mark.parametrize("lead_in", ["In a statement, the family said:", "Her parents added:",
                                     "A statement from the club said:"])
def test_speakers_who_are_many_talk_of_him_or_her(lead_in):
    out = blocks(HEAD + lead_in + "\n\nWe are devastated by the loss of our son.\n\nHe was a kind and gentle boy.\n\n"
                 "Police said a man had been arrested.")
    assert out[1]["paragraphs"] == ["We are devastated by the loss of our son.", "He was a kind and gentle boy."]
    assert out[2]["type"] == "paragraph"


def test_a_person_speaking_is_he_or_she_then_narrative_resumes():
    out = blocks(HEAD + "The club captain said:\n\nWe are devastated.\n\nHe has captained the side since 2019.")
    assert out[1]["paragraphs"] == ["We are devastated."]


def test_a_member_of_a_club_is_one_person():
    out = blocks(HEAD + "The club captain said:\n\nWe are devastated.\n\nHe has captained the side since 2019.\n\n"
                 "The match has been called off.")
    assert out[1]["paragraphs"] == ["We are devastated."]
    assert out[2] == {"type": "paragraph", "text": "He has captained the side since 2019."}


@pytest.mark.parametrize("item,parent,summary", [
    # single newlines, a triple newline, a parent standfirst of a lead-in and bullets
    ("Gritters out across the fells\nGritters were out overnight as temperatures dropped to minus 8C.\n"
     "The council said 40 lorries were on the roads.\n\n\n",
     "Cold snap: latest\nHere is what you need to know:\n  • Several schools are closed\n  • The A66 is shut",
     ("Here is what you need to know:", "Several schools are closed", "The A66 is shut")),
    # a parent title that says it is a live story's, after one blank line
    ("Gritters out across the fells\n\nGritters were out overnight as temperatures dropped to minus 8C.\n\n"
     "The council said 40 lorries were on the roads.\n\n",
     "Cold snap: Live updates\n\nTemperatures are dropping across the county.",
     ("Temperatures are dropping across the county.",)),
    # "... as they happen", handing over with "Follow the results ...:" to bullets
    ("Gritters out across the fells\n\nGritters were out overnight as temperatures dropped to minus 8C.\n\n"
     "The council said 40 lorries were on the roads.\n\n\n\n",
     "Local elections: results as they happen\n\nFollow the results from councils across the county:\n\n"
     "  • 17 councils holding elections\n\n  • Results expected through the night",
     ("Follow the results from councils across the county:", "17 councils holding elections",
      "Results expected through the night")),
])
def test_older_update_pages_whose_parent_block_has_more_shapes(item, parent, summary):
    article = read(item + parent)
    assert article.headline == "Gritters out across the fells"
    assert article.live_story.title == parent.split("\n")[0]
    assert article.live_story.summary == summary
    assert [b.text for b in article.blocks] == ["Gritters were out overnight as temperatures dropped to minus 8C.",
                                                "The council said 40 lorries were on the roads."]


# --- sixth round: shapes from new invented pages ------------------------------------

@pytest.mark.parametrize("page, narrative, quoted", [
    # Walking back from "– Name": a paragraph with no "I", "we" or "you" above the
    # speaker's first person, with none above it either, is the narrator's ...
    ("The youngest soldier was described by his comrades as a man who never complained.\n\n"
     "He impressed me from day one and kept reminding me he wanted promotion.\n\n– Captain Ruth Hale",
     "The youngest soldier was described by his comrades as a man who never complained.",
     ["He impressed me from day one and kept reminding me he wanted promotion."]),
    # ... but one between two of the speaker's first-person paragraphs is the speaker's.
    ("Mrs Lyle said the families would watch every hearing.\n\n"
     "We have been failed by those in charge, and we will not stop.\n\n"
     "This is bigger than one village, it is about trusting every public body.\n\n"
     "We will find the people responsible.\n\n– Margaret Lyle",
     "Mrs Lyle said the families would watch every hearing.",
     ["We have been failed by those in charge, and we will not stop.",
      "This is bigger than one village, it is about trusting every public body.",
      "We will find the people responsible."]),
])
def test_an_attribution_without_a_lead_in_takes_back_the_speakers_paragraphs(page, narrative, quoted):
    out = blocks(HEAD + page)
    assert out[0] == {"type": "paragraph", "text": narrative}
    assert out[1]["paragraphs"] == quoted


@pytest.mark.parametrize("line, kind", [
    ("Though I suspect we'll be doing it all again on Friday!", "paragraph"),  # an exclamation is a sentence
    ("Bring on the weekend!", "paragraph"),
    ("So how hot did it get?", "heading"),  # a question can title a section
])
def test_an_exclamation_is_no_subheading(line, kind):
    assert blocks(HEAD + "The sun shone all day.\n\n" + line + "\n\nThe warmest spot was Ashworth Park.")[1]["type"] == kind


@pytest.mark.parametrize("lead_in", ["She told our reporter why the new bridge matters to the town:",
                                     "The head teacher told ITV News how the scheme would work:",
                                     "He told us about the night of the fire:",
                                     "He told our reporter Priya Desai how it started:"])
def test_telling_our_reporter_what_stands_for_the_interview(lead_in):
    out = blocks(HEAD + "Work began in March.\n\n" + lead_in + "\n\nThe bridge will open in May.")
    assert out[1] == {"type": "media", "text": lead_in}
    assert out[2] == {"type": "paragraph", "text": "The bridge will open in May."}


@pytest.mark.parametrize("lead_in", ["She told ITV News:", "The mother told the court how her son had changed:"])
def test_telling_the_words_themselves_is_no_media_note(lead_in):
    out = blocks(HEAD + "Work began in March.\n\n" + lead_in + "\n\nWe are heartbroken and we want answers.")
    assert out[1] == {"type": "paragraph", "text": lead_in}
    assert out[2]["type"] == "quote"


@pytest.mark.parametrize("page, quoted, narrative", [
    # "Mr Hart was wearing a helmet" between the judge's "you" paragraphs is still the judge
    ("Sentencing him, Judge Rupert Ayling told him:\n\nYou were not looking at the road for nine seconds.\n\n"
     "Mr Hart was wearing a helmet and was riding exactly where he should have been.\n\n"
     "You did not see him because you were not looking.\n\nStott was jailed for four years.",
     ["You were not looking at the road for nine seconds.",
      "Mr Hart was wearing a helmet and was riding exactly where he should have been.",
      "You did not see him because you were not looking."],
     "Stott was jailed for four years."),
    # at the page's end, the speaker's words go on in quotation marks
    ("Its regional officer, Joanna Pike, said:\n\n"
     "\"Midwives have been warning about this for years. Staff are exhausted.\n\n"
     "\"Closing units overnight is a sticking plaster, and it is families who will pay.\"\n\n"
     "A public meeting will be held next Thursday.",
     ["\"Midwives have been warning about this for years. Staff are exhausted.",
      "\"Closing units overnight is a sticking plaster, and it is families who will pay.\""],
     "A public meeting will be held next Thursday."),
])
def test_a_quote_runs_on_through_the_speakers_words(page, quoted, narrative):
    out = blocks(HEAD + page)
    assert out[1]["paragraphs"] == quoted
    assert out[2] == {"type": "paragraph", "text": narrative}


@pytest.mark.parametrize("lead_in", ["In a statement, Mrs Hale's son, Peter, said:", "The boy's mother said:"])
def test_a_speaker_named_by_their_tie_to_someone_talks_of_them(lead_in):
    assert quotes.talks_of(lead_in) == ("He ", "She ", "His ", "Her ")
    out = blocks(HEAD + lead_in + "\n\nMy mother trusted you.\n\nShe has lost her savings and her confidence.\n\n"
                 "Police said the investigation was closed.")
    assert out[1]["paragraphs"] == ["My mother trusted you.", "She has lost her savings and her confidence."]


def test_a_lead_in_naming_no_ones_tie_talks_of_no_one():
    assert quotes.talks_of("The club's manager said:") == ()


@pytest.mark.parametrize("name", ["Margaret Lowe, season ticket holder for 41 years",
                                  "Tom and Ann Pratt, who travelled from Sedbergh"])
def test_a_name_set_before_words_in_quotation_marks_is_a_heading(name):
    out = blocks(HEAD + "We spoke to fans after the match.\n\n" + name + "\n\n\"Best day of my life.\"")
    assert out[1] == {"type": "heading", "text": name}


def test_a_name_before_words_in_quotation_marks_after_a_picture_is_still_a_heading():
    # a captioned picture before it makes no gallery of the speaker's name
    out = blocks(HEAD + "We spoke to fans after the match.\n\nFans outside the ground on Saturday Credit: PA\n\n"
                 "Sam and Ruth Ellery, farmers\n\n\"Nobody talks about farming,\" said Ruth.")
    assert out[2] == {"type": "heading", "text": "Sam and Ruth Ellery, farmers"}


def test_a_person_somewhere_before_words_in_quotation_marks_is_still_a_picture():
    out = blocks(HEAD + "We spoke to fans after the match.\n\nGary Tait at the ground on Saturday\n\n"
                 "\"Best day of my life.\"")
    assert out[1]["type"] == "image"


@pytest.mark.parametrize("line", ["Barry Wilkes at home in Burton upon Trent", "The couple at home in Kelham this week"])
def test_someone_at_home_in_a_place_is_a_picture(line):
    out = blocks(HEAD + "He has waited two years for surgery.\n\n" + line + "\n\nThe trust said waits were falling.")
    assert out[1] == {"type": "image", "caption": line, "credit": None}


@pytest.mark.parametrize("following, kind", [
    ("Labour group leader Priya Natt said the cuts would fall hardest on families.", "heading"),
    ("We will not back down on this, and we will keep going.", "paragraph"),  # the lead-in to the words
    ('"We will not back down on this."', "paragraph"),
])
def test_what_somebody_said_titles_a_section_of_narrative(following, kind):
    out = blocks(HEAD + "The budget was approved.\n\nWhat the opposition said:\n\n" + following)
    assert out[1]["type"] == kind


@pytest.mark.parametrize("line, following, kind", [
    ("The supporters' view:", "Trust chair Jackie Milburn said fans were sick with worry.", "heading"),
    ("Their secret to a long marriage:", "Maureen said the answer was simple.", "heading"),
    ("The changes include:", "Weekly collections will end in May.", "paragraph"),  # a verb: a lead-in
    ("His verdict:", "\"It was the best day of my life.\"", "paragraph"),  # before someone's own words
])
def test_a_noun_phrase_with_a_colon_titles_a_section(line, following, kind):
    out = blocks(HEAD + "The club has been up for sale since the summer.\n\n" + line + "\n\n" + following)
    assert out[1]["type"] == kind


def test_an_attribution_touching_the_last_line_is_no_parent_story_title():
    article = read(HEAD + "The scheme was approved.\n\nArea manager Priya Lall said:\n\n"
                   "We know how long people have waited for this.\n\n– Priya Lall, Environment Agency\n"
                   "Work is expected to take around 18 months.")
    assert article.live_story is None
    assert [b.to_dict() for b in article.blocks][-2:] == [
        {"type": "quote", "paragraphs": ["We know how long people have waited for this."],
         "attribution": "Priya Lall, Environment Agency"},
        {"type": "paragraph", "text": "Work is expected to take around 18 months."}]


@pytest.mark.parametrize("lead_in, first", [
    ("The club said:", "Harbour Town FC can confirm that manager Tom Diaz has left the club by mutual consent."),
    ("A spokesperson said:", "Kelham Ferries is deeply saddened by the death of a passenger on Sunday."),
    ("In a statement, Kelham Council said:", "Kelham Council has always put residents first and always will."),
])
def test_a_bodys_statement_names_the_body_in_its_own_words(lead_in, first):
    out = blocks(HEAD + lead_in + "\n\n" + first + "\n\nWe are reviewing what happened.\n\n"
                 "Diaz joined the club in 2019.")
    assert out[1] == {"type": "quote", "paragraphs": [first, "We are reviewing what happened."], "attribution": None}


def test_the_narrator_naming_a_body_after_its_lead_in_is_still_the_narrator():
    out = blocks(HEAD + "Harbour Town said:\n\nHarbour Town have won four games in a row under the new manager."
                 "\n\nThe next match is on Saturday.")
    assert out[1] == {"type": "paragraph", "text": "Harbour Town have won four games in a row under the new manager."}


@pytest.mark.parametrize("title, headline", [
    ("Rail strike: one in five trains running as walkout begins", "Rail strike: one in five trains running as walkout begins"),
    ("Pickets at dawn", None),  # too short for a title: the first paragraph's heading, not the page's
])
def test_a_title_after_a_picture_glued_to_the_date_is_the_headline(title, headline):
    article = read(" date 2022-06-21 A picket line outside Leeds station. Credit: ITV News Calendar\n\n" + title
                   + "\n\nOnly one in five trains are running today.\n\nMore strikes are planned for Thursday.")
    assert article.headline == headline
    assert article.date == "2022-06-21"
    assert article.blocks[0] == Image("A picket line outside Leeds station.", "ITV News Calendar", line=1)


def test_words_said_by_someone_named_after_them_are_the_narrators():
    text = "\"It's a once-in-a-lifetime thing,\" said Taunton mother Becky Hale, who came at 6am."
    assert quotes.is_narrative(text, None)
    out = blocks(HEAD + "The organiser said:\n\nWe are thrilled with the crowds.\n\n" + text
                 + "\n\nThe torch moves on to Wells tomorrow.")
    assert out[1]["paragraphs"] == ["We are thrilled with the crowds."]
    assert out[2] == {"type": "paragraph", "text": text}


def test_a_statement_read_on_someones_behalf_speaks_of_him():
    lead_in = "Speaking outside court, Mr Hale's solicitor read a statement on his behalf:"
    assert quotes.introduces_statement(lead_in)
    assert quotes.talks_of(lead_in) == ("He ", "His ")
    out = blocks(HEAD + lead_in + "\n\nMr Hale has always maintained his innocence.\n\n"
                 "He is grateful to his family for their support.\n\nHe will now consider an appeal.\n\n"
                 "The case was heard over three weeks.")
    assert out[1]["paragraphs"] == ["Mr Hale has always maintained his innocence.",
                                    "He is grateful to his family for their support.", "He will now consider an appeal."]


@pytest.mark.parametrize("last, kind", [
    # the speaker argues on with a modal, and the narrator visibly comes back after it
    ("Doctors are leaving every week, and unless pay is restored the NHS will keep losing them.", "quote"),
    # the narrator reports what is or was: the narrator has taken over already
    ("The cause of the fire is being investigated.", "paragraph"),
    ("Beavers were hunted to extinction in Britain in the 16th century.", "paragraph"),
])
def test_a_speakers_last_paragraph_without_first_person_before_reported_speech(last, kind):
    out = blocks(HEAD + "Dr Rob Lane, of the doctors' union, said:\n\nNone of us wants to be on a picket line.\n\n"
                 + last + "\n\nThe Health Secretary said the demand was unaffordable.")
    assert (last in out[1]["paragraphs"]) == (kind == "quote")
    assert out[-1] == {"type": "paragraph", "text": "The Health Secretary said the demand was unaffordable."}


@pytest.mark.parametrize("text", ["The local MP said she would meet workers next week.",
                                  "The GMB union said its members would respond to every call.",
                                  "The Met Office said the wind would ease by evening."])
def test_a_body_or_role_with_capitals_reporting_speech_is_the_narrator(text):
    assert quotes.is_narrative(text, None)


def test_a_live_index_page_ending_on_a_line_after_a_picture_reads():
    # (found by the mutation test: the update-title check asked about a next line that was not there)
    out = blocks("Storm hits the coast: Live updates\n\nGales are battering the coast.\n\nLive updates\n\n"
                 "Trees down on the coast road\n\nThe road is closed.\n\nThe pier after the storm Photo: PA\n\n"
                 "Crowds watching the waves at the harbour wall")
    assert out[-1] == {"type": "image", "caption": "Crowds watching the waves at the harbour wall", "credit": None}


@pytest.mark.parametrize("title", ["Watch: The moment a runaway horse trotted through a drive-through",
                                   "VIDEO: Lifeboat crew pull swimmer from the sea off Seaton"])
def test_a_title_labelled_as_a_video_in_the_headlines_place_is_the_headline(title):
    article = read(f"1. ITV Report\n\n{title}\n\nA horse escaped from a field on Sunday evening.\n\nIt was caught.")
    assert article.headline == title
    assert [type(b) for b in article.blocks] == [Paragraph, Paragraph]


def test_a_labelled_video_below_the_headline_is_still_a_media_note():
    article = read("1. ITV Report\n\nHorse escapes from field\n\nWatch: The moment the horse trotted through a "
                   "drive-through\n\nA horse escaped from a field on Sunday evening.")
    assert article.headline == "Horse escapes from field"
    assert isinstance(article.blocks[0], Media)


@pytest.mark.parametrize("line", [
    "Health Correspondent Sian Morgan has been hearing from patients and staff",  # the role before the name
    "Calendar's Rob Hale spoke to passengers at the Cathedral stop:",  # a regional service's reporter
    "Granada's Sam Hill spoke to residents at the scene:",
])
def test_the_sites_own_reporter_named_by_role_or_region_stands_for_the_report(line):
    assert media.is_media_note(line)


def test_a_regions_namesake_leading_a_quote_is_no_media_note():
    # the region's word, then a role and a name: a company's chief speaking, not a reporter
    assert not media.is_media_note("Granada's chief executive John Smith spoke to shareholders:")
    article = read("1. ITV Report\n\nTram strike leaves passengers stranded\n\nCalendar's Rob Hale spoke to "
                   "passengers at the Cathedral stop:\n\nStudents have been left searching for buses.")
    assert article.byline == "Rob Hale"
    assert isinstance(article.blocks[0], Media) and isinstance(article.blocks[1], Paragraph)


def test_a_speaker_telling_what_someone_asked_them_is_still_the_speaker():
    text = (HEAD + "Sentencing him, Judge Helen Marwood said:\n\nYou targeted a woman who lived alone.\n\n"
            "When she asked you to leave, you answered her with violence.\n\n"
            "The judge said he would serve an extended licence.")
    out = blocks(text)
    assert out[1]["paragraphs"] == ["You targeted a woman who lived alone.",
                                    "When she asked you to leave, you answered her with violence."]
    assert quotes.is_narrative("He asked the council to think again.", None)


def test_a_speaker_telling_what_others_said_of_them_is_still_the_speaker():
    assert not quotes.is_narrative("People wrote us off in August. They said we had the smallest budget.", None)
    assert quotes.is_narrative("They said we had the smallest budget in the division.", None)


@pytest.mark.parametrize("narrative", [
    "Slade, of Pennant Close, had admitted causing death by dangerous driving.",
    "Slade will serve half of his sentence in custody.",
    "Slade sat with his head bowed as she spoke.",
    "Slade listened from the dock.",
])
def test_someone_named_in_full_and_then_by_surname_alone_is_the_narrators(narrative):
    text = (HEAD + "Kieran Slade, 29, was more than twice the limit.\n\nIn a statement, his victim's wife said:\n\n"
            "Our children ask me every day when their dad is coming home.\n\nYou made a choice that night.\n\n"
            f"{narrative}\n\nSentencing him, the judge said:\n\nYou had drunk six pints.")
    out = blocks(text)
    assert out[2]["paragraphs"] == ["Our children ask me every day when their dad is coming home.",
                                    "You made a choice that night."]
    assert out[3] == {"type": "paragraph", "text": narrative}


def test_a_body_by_its_last_word_is_no_surname():
    text = (HEAD + "Officers from Kelham Police were called at 2am.\n\nA neighbour said:\n\nWe heard shouting and ran outside.\n\n"
            "Police arrived within minutes and we were told to go back indoors.")
    assert len(blocks(text)[2]["paragraphs"]) == 2


def test_a_surname_nobody_was_named_by_in_full_does_not_end_the_quote():
    text = (HEAD + "The manager said:\n\nI am proud of them all.\n\nRees, who came on late, was brilliant. I told him so.\n\n"
            "Town are top of the league.")
    assert blocks(text)[1]["paragraphs"] == ["I am proud of them all.",
                                             "Rees, who came on late, was brilliant. I told him so."]


def test_a_paragraph_without_the_speakers_voice_before_the_narrator_reports_them_is_the_narrators():
    text = (HEAD + "Centre manager Gwen Tully said:\n\nIt's always emotional. We spend weeks with them.\n\n"
            "Volunteers are reminding people not to approach a seal pup on a beach.\n\n"
            '"Call us first," Ms Tully added.')
    out = blocks(text)
    assert out[1]["paragraphs"] == ["It's always emotional. We spend weeks with them."]
    assert out[2]["type"] == "paragraph"


def test_the_site_saying_it_reported_first_is_the_narrator():
    assert quotes.is_narrative("ITV News Granada first reported problems at the block in 2013.", None)
    assert quotes.is_narrative("ITV News reported last year that the trust had missed its targets.", None)


def test_our_correspondent_is_somewhere_stands_for_the_report():
    assert media.is_media_note("Our correspondent Daniel Mbeki is at the bridge:")
    assert not media.is_media_note("Our correspondent Daniel Mbeki is at the bridge.")


@pytest.mark.parametrize("own", ["Tram crash: Eight people taken to hospital",   # one word changed
                                 "Tram crash: Seven people taken to hospital"])  # printed the same
def test_an_updates_own_title_that_repeats_the_parent_title_is_still_the_headline(own):
    article = read("1. National\n\nTram crash: Seven people taken to hospital\n\nA tram left the rails in the town "
                   f"centre.\n\nView all 5 updates ›\n\n{own}\n\nAn eighth person has been taken to hospital.\n\n"
                   "Trams will not run until Tuesday.")
    assert article.headline == own
    assert article.live_story.title == "Tram crash: Seven people taken to hospital"
    assert [b.text for b in article.blocks] == ["An eighth person has been taken to hospital.",
                                                "Trams will not run until Tuesday."]


def test_other_updates_titles_with_their_summaries_after_the_item_are_chrome():
    article = read("1. National\n\nMetro strike: walkout begins\n\nMost lines are closed.\n\nView all 7 updates ›\n\n"
                   "Buses packed as commuters try to get to work\n\nQueues formed at every stop.\n\n"
                   "Hire bikes were in short supply by 7.30am.\n\n"
                   "Which lines are running and how can I get around?\nOnly two lines are running.\n\n"
                   "Union and transport authority blame each other\nNo date has been set for talks.\n\n"
                   "Walkout could be repeated next month, union warns")
    assert [b.text for b in article.blocks] == ["Queues formed at every stop.", "Hire bikes were in short supply by 7.30am."]


def test_an_items_own_subheading_and_paragraph_at_its_end_are_kept():
    # one title with a sentence under it is the item's own section, not a teaser
    article = read("1. National\n\nMetro strike: walkout begins\n\nMost lines are closed.\n\nView all 7 updates ›\n\n"
                   "Buses packed as commuters try to get to work\n\nQueues formed at every stop.\n\n"
                   "Hire bikes were in short supply by 7.30am.\n\nWhat happens next\nTalks resume on Monday.")
    assert [b.text for b in article.blocks][-2:] == ["What happens next", "Talks resume on Monday."]


def test_an_update_title_with_its_time_first_over_a_picture_is_a_heading():
    article = read("Storm live: red warning in force\n\nA red warning is in force until 9pm.\n\nLive updates\n\n"
                   "4.45pm: Bridge closed after lorry blown onto its side\n\n"
                   "The lorry on its side in the westbound lane. Credit: Avonmere Police\n\n"
                   "The bridge has been closed in both directions.")
    assert [type(b) for b in article.blocks][-3:] == [Heading, Image, Paragraph]
    assert article.blocks[-3].text == "4.45pm: Bridge closed after lorry blown onto its side"


def test_an_update_title_over_its_pictures_credited_caption_is_a_heading():
    # on a live index page the picture follows its update's title; a gallery's next caption stays a caption
    page = ("Storm live: red warning in force\n\nA red warning is in force until 9pm.\n\nLive updates\n\n"
            "Crowds gather on the seafront\n\nWaves breaking over the sea wall. Credit: Avonmere Police\n\n"
            "The promenade has been closed.")
    article = read(page)
    assert [type(b) for b in article.blocks][-3:] == [Heading, Image, Paragraph]
    assert article.blocks[-3].text == "Crowds gather on the seafront"
    gallery = page.replace("The promenade", "Crowds gathered on the pier at noon\n\nSpray over the pier. Credit: PA\n\nThe promenade")
    assert [type(b) for b in read(gallery).blocks][-4:-1] == [Image, Image, Image]
    # not on an ordinary page: there a line over a credited caption starts a gallery
    ordinary = read(page.replace("Live updates\n\n", ""))
    assert [b.caption for b in ordinary.blocks if isinstance(b, Image)][:1] == ["Crowds gather on the seafront"]


@pytest.mark.parametrize("line", ['"She is tougher than all of us," her daughter added.',
                                  "“We will miss him,” his older brother said."])
def test_a_quotation_tagged_with_someones_relative_is_the_narrators(line):
    assert quotes.is_narrative(line, None)
    text = HEAD + "In a statement, her daughter said:\n\nShe is home now, and she is not afraid.\n\n" + line
    assert blocks(text)[-1] == {"type": "paragraph", "text": line}


def test_a_statement_in_the_first_person_ends_where_the_narrator_takes_over():
    text = (HEAD + "In a statement released through police, his family said:\n\n"
            "Kyle was a kind and gentle boy who loved his football.\n\n"
            "We cannot understand how anyone could do this to him. Please come forward.\n\n"
            "Two boys, aged 16 and 18, have been arrested on suspicion of murder and remain in custody.\n\n"
            "Detective Chief Inspector Lisa Farrant said extra patrols would be in place.")
    out = blocks(text)
    assert len(out[1]["paragraphs"]) == 2
    assert out[2] == {"type": "paragraph",
                      "text": "Two boys, aged 16 and 18, have been arrested on suspicion of murder and remain in custody."}


def test_a_lead_in_reporting_how_someone_explained_is_followed_by_narrative():
    text = (HEAD + "Bosses have explained how the recruitment will work:\n\n"
            "Around 200 of the jobs will be on the production line.\n\nThe firm will also take on apprentices.")
    assert [b["type"] for b in blocks(text)] == ["paragraph", "paragraph", "paragraph"]
    # in the speaker's own voice, the same lead-in hands over to a quote
    text = HEAD + "She explained why she decided to stand:\n\nI have lived here all my life.\n\nShe was elected in May."
    assert blocks(text)[1] == {"type": "quote", "paragraphs": ["I have lived here all my life."], "attribution": None}
