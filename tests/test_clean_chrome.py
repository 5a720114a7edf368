"""One test group per chrome rule, built from invented lines of each shape."""

import pytest

from itvreport.clean import chrome, clean
from itvreport.parse import parse_text


def run(text):
    return clean(parse_text(text))


def kept(text):
    return [b.text for b in run(text).blocks]


def dropped(text):
    return [(r.line, r.text, r.reason) for r in run(text).removed]


def first_hit(text, rule, i=0):
    page = parse_text(text)
    return rule(page, i, chrome.State())


BODY = "\n\nThe council met on Tuesday to discuss the plans.\n\nIt will meet again next month."


@pytest.mark.parametrize("line", ["Advertisement", "  Advertisement", "ADVERTISEMENT"])
def test_advertisement(line):
    assert first_hit(line + BODY, chrome.advertisement)


def test_advertisement_word_inside_a_sentence_is_kept():
    assert not first_hit("The advertisement was banned by the regulator." + BODY, chrome.advertisement)


def test_dated_prefix_gives_the_date_and_is_dropped():
    cleaned = run(" date 2018-01-17 - ITV Report\n-\nBridge reopens after repairs" + BODY)
    assert cleaned.date == "2018-01-17"
    assert kept(" date 2018-01-17 - ITV Report\n-\nBridge reopens after repairs" + BODY)[0] == "Bridge reopens after repairs"
    assert [r.text for r in cleaned.removed] == ["date 2018-01-17 - ITV Report", "-"]


def test_dated_newer_layout_with_play_video():
    cleaned = run(" date 2022-05-05 Play Brightcove video\nFerry timetable changes" + BODY)
    assert cleaned.date == "2022-05-05"
    assert cleaned.blocks[0].text == "Ferry timetable changes"


@pytest.mark.parametrize("label", ["1. ITV Report", "1. National", "1. Tyne Tees", "1. Jane Doe"])
def test_label_lines(label):
    text = f"Advertisement\n\n  {label}\n\nHeadline here" + BODY
    assert (3, label, "boilerplate") in dropped(text)


def test_label_at_page_start_without_indent():
    assert dropped("1. ITV Report\n\nHeadline here" + BODY)[0] == (1, "1. ITV Report", "boilerplate")


def test_numbered_list_is_not_a_label():
    text = "Bridge plan approved\n\nThe plan has three parts:\n\n  1. Roads\n  2. Rail\n  3. Buses"
    assert "1. Roads" in kept(text)
    assert not dropped(text)


def test_long_numbered_sentence_is_not_a_label():
    text = "Bridge plan approved\n\n1. The first thing to know is that the bridge will close for a month." + BODY
    assert not dropped(text)


@pytest.mark.parametrize("line", ["Play video", "Play Brightcove video", "storm-damage-clip_v2Play video"])
def test_play_video(line):
    assert first_hit(line, chrome.play_video)


@pytest.mark.parametrize("line", ["Play videoHarbour wall collapse at Eastley", "Play videoEASTLEY_HARBOUR_PKG",
                                  "Play Brightcove videoTime-lapse: the new bridge goes up",
                                  "Play video harbour-wall-collapse-0912",
                                  "Play video Passengers describe their night on board"])
def test_a_title_glued_after_play_video(line):
    assert first_hit(line, chrome.titled_play_video)


@pytest.mark.parametrize("line", ["The school will play video games at the fair.",
                                  "Play videos were shown to the children at the fair.",
                                  "Play video games with your children, the charity says.",
                                  "Play video follow-the-leader-style games",
                                  "Play video Games Week opens on Monday. Organisers expect 4,000 visitors."])
def test_sentence_about_a_play_is_kept(line):
    assert not first_hit(line, chrome.play_video)
    assert not first_hit(line, chrome.titled_play_video)


@pytest.mark.parametrize("line", [
    "This content is not available on your device",
    "Sorry, this video is not currently available on this platform.",
])
def test_unavailable_placeholder(line):
    assert first_hit(line, chrome.unavailable_placeholder)


def test_updates_link_marks_the_parent_story_end():
    cleaned = run("1. National\n\nFloods live\n\nView all 12 updates ›\n\nRiver peaks overnight" + BODY)
    assert cleaned.marks["updates"] == 5
    assert "View all 12 updates ›" in [r.text for r in cleaned.removed]


def test_read_more_widget_ends_the_article():
    text = "Bridge plan approved\n\nBody text here.\n\n  1. Read more\n  2. 12 updates\n\nParent title again"
    assert kept(text) == ["Bridge plan approved", "Body text here."]
    assert [r.line for r in run(text).removed] == [5, 6, 8]


@pytest.mark.parametrize("trailer", ["More on this story", "More top news"])
def test_trailer_and_every_teaser_after_it(trailer):
    text = f"Bridge plan approved\n\nBody text here.\n\n{trailer}\n\nTeaser one\n\nTeaser two"
    assert kept(text) == ["Bridge plan approved", "Body text here."]
    assert [r.text for r in run(text).removed] == [trailer, "Teaser one", "Teaser two"]


@pytest.mark.parametrize("line", [
    "Watch the full documentary on ITV tonight at 9pm",
    "Listen to our weekly politics podcast",
    "Sign up for our daily newsletter",
    "See the full story on ITV News Calendar tonight from 6pm.",
    "Find out more on Granada Reports at 6pm.",
    "Catch the latest forecast on ITV News Meridian at 6pm.",
])
def test_promo(line):
    assert first_hit(line, chrome.promo)


@pytest.mark.parametrize("line", [
    "Watch the moment the crane fell on ITV tonight:",  # a clip's lead-in
    "Police say the full story may never be known.",
])
def test_lines_that_are_no_promotion(line):
    assert not first_hit(line, chrome.promo)


def test_byline_moves_the_name():
    cleaned = run("Headline here\n\nBy Jane Doe: Political Correspondent" + BODY)
    assert cleaned.byline == "Jane Doe"
    assert "By Jane Doe: Political Correspondent" not in [b.text for b in cleaned.blocks]


@pytest.mark.parametrize("line", [
    "By Tuesday, the council had agreed to the plans.",
    "By the time the crews arrived the fire had spread",
])
def test_sentences_starting_with_by_are_not_bylines(line):
    assert not first_hit(line, chrome.byline)


def test_section_word_before_the_headline():
    assert kept("Insight\n\nWhy the village voted to stay" + BODY)[0] == "Why the village voted to stay"


def test_one_word_line_inside_the_body_is_kept():
    text = "Headline here\n\nResults\n\nThe results were announced today."
    assert "Results" in kept(text)


def test_related_link_at_the_very_end():
    text = "Headline here" + BODY + "\n\nFlu: Everything you need to know"
    assert kept(text)[-1] == "It will meet again next month."


def test_credit_line_at_the_end_is_not_a_related_link():
    text = "Headline here" + BODY + "\n\nCredit: PA"
    assert kept(text)[-1] == "Credit: PA"


def test_update_page_summaries_at_the_end():
    text = ("1. National\n\nStorm live\n\nView all 3 updates ›\n\nTrees down in the park\n\n"
            "Crews worked through the night to clear the roads.\n\n"
            "Schools closed across the county\nPower restored to most homes")
    assert kept(text)[-1] == "Crews worked through the night to clear the roads."


def test_short_lines_are_never_dropped_for_being_short():
    text = "Headline here\n\nMonday\n\nThe market opens.\n\nTuesday\n\nThe market closes."
    assert kept(text) == ["Headline here", "Monday", "The market opens.", "Tuesday", "The market closes."]


def test_every_drop_is_recorded_with_its_line():
    text = "Advertisement\n\n  1. ITV Report\n\nHeadline" + BODY
    cleaned = run(text)
    lines = text.split("\n")
    for item in cleaned.removed:
        assert item.text in lines[item.line - 1]


def test_promo_sentence_with_a_lead_phrase():
    assert first_hit("For more on this story, listen to our Health Check podcast wherever you get your podcasts.", chrome.promo)


def test_chrome_line_repeating_earlier_content_is_named_a_duplicate():
    text = ("1. National\n\nBudget day live\n\nView all 9 updates ›\n\nTax cut for savers\n\nSavers will pay less.\n\n"
            "  1. Read more\n  2. 9 updates\n\nBudget day live")
    last = run(text).removed[-1]
    assert (last.line, last.reason, last.of) == (14, "duplicate", 3)


def test_promo_for_a_programme_at_a_time():
    assert first_hit("Watch Priya Raman's full report on Calendar tonight at 6pm.", chrome.promo)


def test_related_link_that_asks_a_question():
    text = "Bridge plan approved" + BODY + "\n\nWaiting lists: How long will you wait for treatment?"
    assert kept(text)[-1] == "It will meet again next month."


def test_related_link_title_may_go_on_in_lower_case():
    text = "Bridge plan approved" + BODY + "\n\nFlood warnings: how to find out if your home is at risk"
    assert kept(text)[-1] == "It will meet again next month."


def test_update_page_summaries_before_the_read_more_widget():
    text = ("1. National\n\nStorm live\n\nView all 3 updates ›\n\nBridge shut in high winds\n\n"
            "The bridge will stay shut until the wind drops, the operator said.\n\n"
            "Ferries cancelled for the rest of the day\n\nThousands of homes without power\n\n"
            "  1. Read more\n  2. 3 updates")
    assert kept(text)[-1] == "The bridge will stay shut until the wind drops, the operator said."


def test_a_date_glued_to_the_first_line_of_content_drops_only_the_prefix():
    cleaned = run(" date 2019-03-14 Crowds gather outside the town hall. Credit: PA\n\nTown hall protest" + BODY)
    assert cleaned.date == "2019-03-14"
    assert cleaned.blocks[0].text == "Crowds gather outside the town hall. Credit: PA"
    assert cleaned.blocks[0].line == 1
    assert (1, "date 2019-03-14", "boilerplate") in dropped(" date 2019-03-14 Crowds gather outside the town hall. Credit: PA" + BODY)
    assert cleaned.marks["glued"] == 1


@pytest.mark.parametrize("line", [
    " date 2022-05-05 Play Brightcove video Advertisement",
    " date 2018-01-17 - ITV Report",
    " date 2024-01-08 Advertisement",
    " date 2019-03 Play video",
])
def test_a_dated_line_holding_only_chrome_is_dropped_whole(line):
    assert dropped(line + BODY)[0] == (1, line.strip(), "boilerplate")
    assert kept(line + BODY)[0] == "The council met on Tuesday to discuss the plans."


def test_a_month_only_glued_date_is_dropped_but_gives_no_article_date():
    cleaned = run(" date 2019-03 Snow closed the pass overnight." + BODY)
    assert cleaned.date is None
    assert cleaned.blocks[0].text == "Snow closed the pass overnight."


@pytest.mark.parametrize("line", [
    "Join UTV for all the reaction this afternoon; our special starts at 1pm.",
    "Short on time but want the big stories? Try our latest podcast episodes.",
    "Watch the documentary on ITV1 and ITVX from Sunday.",
    "You can also watch the full programme on ITVX.",
    "If you missed it, catch up on ITVX.",
    "Follow ITV News Anglia on Facebook, X and Instagram.",
    "Like us on Facebook for more from the region.",
    "Subscribe to our channel on YouTube for more from the show.",
    "Get the day's top stories sent straight to your inbox - sign up here.",
    "You can see more on this story on Calendar at 6pm.",
    "You can see Rachel's full report on ITV News Tyne Tees tonight at 6pm.",
    "You can see our full report on Granada Reports at 6pm.",
])
def test_more_promo_shapes(line):
    assert first_hit(line + BODY, chrome.promo)


@pytest.mark.parametrize("line", [
    "Watch ITV News tell the winner's brother about the result",
    "You can watch all the campaign moments live on Credit: ITV News",
    "Volunteers hope to join the clean-up of the beach on Saturday.",
    # a verb further in reports what people did: story, not an instruction to the reader
    "More than nine million people tuned in to watch the final on ITV1 on Saturday night.",
    "Shoppers who tried to get tickets through the app this afternoon were left waiting.",
    "Harbour traders fail to get refunds as booking app crashes",
    "Watch the moment a seal pup was filmed on the slipway by a TikTok user",
])
def test_not_promos(line):
    assert not first_hit(line + BODY, chrome.promo)


@pytest.mark.parametrize("line", ["Read: Key findings of the harbour inquiry", "Read more: Level 3 heat alert",
                                  "READ MORE: How the flood defences work", "Also read: Council tax to rise by 5%",
                                  "ALSO READ: Teenager charged", "Read the full story: Ferry operator fined"])
def test_read_link_anywhere(line):
    text = "Intro paragraph here.\n\n" + line + BODY
    assert (3, line, "boilerplate") in dropped(text)


def test_read_as_a_word_in_prose_is_kept():
    assert not first_hit("Read the full statement, the council urged residents." + BODY, chrome.read_link)


def test_live_updates_line_marks_an_index_page():
    cleaned = run("Harbour fire live\n\nCrews fought the fire all night.\n\nLive updates\n\nRoad reopens" + BODY)
    assert cleaned.marks["live"] == 5
    assert "Live updates" not in kept("Harbour fire live\n\nLive updates\n\nRoad reopens" + BODY)


@pytest.mark.parametrize("top", ["- ITV Report\n-\n", "- Granada\n- 2 updates\n"])
def test_dash_labels_before_the_headline(top):
    assert kept(top + "Bus fire outside the station" + BODY)[0] == "Bus fire outside the station"


def test_a_dash_line_after_the_headline_is_kept():
    assert "- Leeds" in kept("Bus fire outside the station\n\nThe bus was empty.\n- Leeds" + BODY)


@pytest.mark.parametrize("line,name", [
    ("  • By ITV News Content Producer Laura Pennick", "Laura Pennick"),
    ("By Political Correspondent Sam Oduya", "Sam Oduya"),
    ("• By Jane Doe: Political Correspondent", "Jane Doe"),
    ("By Amy Lewis and Tom Hardacre, ITV News Meridian", "Amy Lewis and Tom Hardacre"),
])
def test_byline_as_a_bullet_or_with_the_job_title_first(line, name):
    cleaned = run("Bridge reopens\n\n" + line + BODY)
    assert cleaned.byline == name
    assert cleaned.blocks[1].text == "The council met on Tuesday to discuss the plans."


@pytest.mark.parametrize("line", ["Sorry, this content is unavailable on your device.",
                                  "This video cannot be played on your device.",
                                  "This content is not available.", "Sorry, this video is unavailable"])
def test_placeholder_wordings(line):
    assert first_hit(line + BODY, chrome.unavailable_placeholder)


def test_view_all_updates_without_a_number():
    assert first_hit("View all updates ›" + BODY, chrome.updates_link)


@pytest.mark.parametrize("line", ["This vaccine is not available in Wales.", "This content is not available to buy in shops.",
                                  "Also reading: the council's plans"])
def test_sentences_near_a_placeholder_or_link_are_kept(line):
    assert not first_hit(line + BODY, chrome.unavailable_placeholder)
    assert not first_hit(line + BODY, chrome.read_link)


def test_placeholder_with_a_contraction():
    assert first_hit("Sorry, this content isn't available on your device." + BODY, chrome.unavailable_placeholder)


def test_a_pointer_to_search_the_site_is_a_promo():
    assert first_hit("Until then, every development will be on our website - simply search for Border News online." + BODY,
                     chrome.promo)


def test_a_pointer_to_the_articles_own_text_on_the_website_is_kept():
    assert not first_hit("You can read his full address on our website." + BODY, chrome.promo)


def test_a_promotion_to_join_a_programme_this_afternoon():
    line = ("Join UTV for all the reaction this afternoon; our special programme starts at 1pm - with the figures as they "
            "are published.")
    assert first_hit(line + BODY, chrome.promo)


def test_a_lone_word_before_prose_is_kept_as_a_section_title():
    assert kept("Play video\n\nBudget\n\nDepartments learn today how much they have to spend." + BODY)[0] == "Budget"
    assert not first_hit("Budget\n\nDepartments learn today how much they have to spend.", chrome.section_word_before_headline)


def test_a_long_promotion_naming_its_slot_is_dropped():
    # 34 words: a programme's promotion runs long, listing what it will have
    line = ("Join ITV for all the reaction this evening; our Harbour Special starts at 6pm - with the figures as they "
            "are published, reporters at the quay and the people who work there, and the debate in the studio.")
    assert len(line.split()) > 30
    assert first_hit(line + BODY, chrome.promo)


def test_a_long_body_sentence_with_a_promo_word_late_is_kept():
    line = ("The harbour master said crews had worked through the night and that boats would be allowed back in "
            "once divers had checked the wall, which could happen as soon as this afternoon if the weather held.")
    assert not first_hit(line + BODY, chrome.promo)


def test_a_cut_off_last_line_where_someone_speaks_is_not_a_related_link():
    line = 'Inspector Jo Marsh said: "We are appealing for anyone wh'
    assert kept("Harbour wall repaired\n\nIntro paragraph here.\n\n" + line)[-1] == line


def test_a_related_link_with_an_ampersand_at_the_end():
    text = "Intro paragraph here.\n\nThe shop shuts in May.\n\nB&Q: Full list of stores closing this year"
    assert (5, "B&Q: Full list of stores closing this year", "boilerplate") in dropped(text)


@pytest.mark.parametrize("line,slug", [("harbour-fire-0512-v2", True), ("wx_update_north_2203", True),
                                       ("e-bikes", False), ("well-being", False), ("self-service-tills", False)])
def test_a_video_file_name_on_its_own_line(line, slug):
    assert bool(first_hit(line + BODY, chrome.video_slug)) is slug


def test_a_date_glued_to_a_section_word_before_the_headline_drops_the_whole_line():
    text = " date 2020-11-05 Insight\n\nWhy are so many village pubs closing?" + BODY
    cleaned = run(text)
    assert cleaned.date == "2020-11-05"
    assert kept(text)[0] == "Why are so many village pubs closing?"
    assert dropped(text)[0] == (1, "date 2020-11-05 Insight", "boilerplate")


def test_a_date_glued_to_a_one_word_line_over_prose_keeps_the_word():
    text = " date 2020-11-05 Results\n\nThe results were announced today by the council."
    assert kept(text)[0] == "Results"


@pytest.mark.parametrize("question", [
    "Can my landlord put my rent up twice in one year?",
    "What is a holiday let and how is it taxed?",
])
def test_a_question_on_the_last_line_links_to_an_explainer(question):
    text = "Rents rise again" + BODY + "\n\n" + question
    assert kept(text)[-1] == "It will meet again next month."
    assert dropped(text)[-1][1:] == (question, "boilerplate")


@pytest.mark.parametrize("ending", [
    "But will it be enough?",  # the article's own closing question (a conjunction first, few words)
    "The question now is:\n\nWill the council find the money in time?",  # the page puts it
    '"Where are they going to put all of us?"',  # somebody's words
    "Will it open on time? Nobody at the council would say.",  # the question goes on
])
def test_questions_that_end_the_article_itself_are_kept(ending):
    text = "Rents rise again" + BODY + "\n\n" + ending
    assert kept(text)[-1] == ending.split("\n\n")[-1]


def test_a_question_after_a_video_lead_in_at_the_end_is_a_link():
    # the forecast's video is gone: the colon asks no question of its own
    text = "Heatwave to last" + BODY + "\n\nJo Hale has the latest forecast:\n\nIs it safe to swim in the sea in a heatwave?"
    assert dropped(text)[-1][1:] == ("Is it safe to swim in the sea in a heatwave?", "boilerplate")


def test_a_question_link_at_the_end_of_a_page_with_question_subheadings():
    text = ("Bin collections: what changes" + "\n\nWhen is my bin collected?\n\nEvery other Tuesday."
            "\n\nWhat goes in the green bin?\n\nGarden waste only.\n\nCan I get a bigger bin for a large family?")
    assert kept(text)[-1] == "Garden waste only."


@pytest.mark.parametrize("line", [
    "Test your knowledge of the tournament with our quiz.",
    "Read our guide to the key numbers behind the election.",
    "Explore our interactive map of every flood warning in the region.",
    "See our full coverage of the general election.",
    "Catch up on all the action with our live blog.",
    "Keep up to date with the latest developments on our live blog.",
    "For the latest updates, follow our live blog.",
])
def test_a_pointer_to_another_piece_of_ours_is_a_promo(line):
    assert first_hit(line + BODY, chrome.promo)


@pytest.mark.parametrize("line", [
    "Test your smoke alarm once a month, the fire service said.",
    "Visitors can explore our county's coastline on a new map published today.",
    "Take a look at our gallery of the day's best pictures:",  # a lead-in to pictures on the page
])
def test_our_words_that_point_at_nothing_else_are_kept(line):
    assert not first_hit(line + BODY, chrome.promo)


def test_an_instruction_after_an_exclamation_is_a_promo_only_towards_a_social_network():
    assert first_hit("ITV News is on WhatsApp! Get the latest updates by following our channel." + BODY, chrome.promo)
    # somebody's cheer, not a promotion, though it names the afternoon
    assert not first_hit("What a day! Get down to the beach this afternoon and enjoy it." + BODY, chrome.promo)
    text = "The mayor said:\n\n“What a day! Get down to the beach this afternoon and enjoy it.”" + BODY
    assert "“What a day! Get down to the beach this afternoon and enjoy it.”" in kept(text)


@pytest.mark.parametrize("line", ["Click here for more on this story", "Tap here to see the latest pictures.",
                                  "Scroll down for the latest updates", "Scroll down to read the latest updates."])
def test_a_links_or_layouts_instruction_is_dropped(line):
    assert first_hit(line + BODY, chrome.link_instruction)


@pytest.mark.parametrize("line", ["Clicking here was not an option for residents without internet access.",
                                  "Press the button here and the gate opens, he said."])
def test_lines_about_clicking_or_pressing_are_kept(line):
    assert not first_hit(line + BODY, chrome.link_instruction)


@pytest.mark.parametrize("line", [
    "This video is not available in your country.", "Content not available", "Video unavailable",
    # what a missing social embed or a blocked player leaves
    "View this post on Instagram",
    "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video",
    "This content is hosted by a third party. To view it, please accept social media cookies in your settings.",
    # a post's or a timeline's credit, and a widget that never loaded
    "A post shared by Lucy Marsh (@lucysbakes)", "Tweets by @HarbourNewsDesk", "Loading poll…", "Loading...",
])
def test_more_placeholders(line):
    assert first_hit(line + BODY, chrome.unavailable_placeholder)


@pytest.mark.parametrize("line", ["A photo shared by a neighbour shows the flames.", "Loading the lorries took all day."])
def test_a_line_about_sharing_or_loading_is_kept(line):
    assert not first_hit(line + BODY, chrome.unavailable_placeholder)


@pytest.mark.parametrize("line", ["Share this article", "Copy link", "Tweet", "Pinned", "Share on Facebook", "Share",
                                  "Facebook", "Email"])
def test_a_sharing_bars_buttons_go(line):
    assert first_hit(line + BODY, chrome.share_button)
    assert line not in kept("Bridge reopens\n\n" + line + BODY)


@pytest.mark.parametrize("line", ["Share this article with friends.", "Tweets", "Pinned down", "Facebook posts"])
def test_other_lines_with_a_buttons_word_are_kept(line):
    assert not first_hit(line + BODY, chrome.share_button)


@pytest.mark.parametrize("line", ["Cheap flights are not available in the region.",
                                  "The treatment is not available on the NHS in this country."])
def test_the_story_saying_something_is_unavailable_is_kept(line):
    # the placeholder names the embed ("this content", "this video") before the words
    assert not first_hit(line + BODY, chrome.unavailable_placeholder)


def test_only_a_news_services_app_makes_a_site_pointer():
    assert first_hit("Every development will be on the ITV News app." + BODY, chrome.promo)
    for line in ("Residents were urged to keep up to date with the council's guidance on the app.",
                 "The firm said its new service would be on the Tesco app."):
        assert not first_hit(line + BODY, chrome.promo)


@pytest.mark.parametrize("line, date", [
    ("Last updated Thu 14 Mar 2019 at 4:38pm", "2019-03-14"),
    ("Published Tuesday 4 June 2019, 5:12pm", "2019-06-04"),
    ("Updated: 12 March 2019", "2019-03-12"),
    ("Tuesday 4 June 2019, 5:12pm", "2019-06-04"),
])
def test_a_date_stamp_goes_and_gives_the_date(line, date):
    cleaned = run("Bridge plan approved\n\n" + line + BODY)
    assert line not in [b.text for b in cleaned.blocks]
    assert cleaned.date == date


def test_a_bare_date_heading_a_listing_is_kept():
    text = "Festival line-up announced\n\nSaturday 4 June 2022\n\nThe bands play from noon." + BODY
    assert "Saturday 4 June 2022" in kept(text)


def test_update_time_stamps_go_on_a_live_index_page_only():
    live = ("Storm live updates\n\nThousands are without power.\n\nLive updates\n\n11:42am\n\nBridge closed\n\n"
            "Police closed the bridge.\n\n10:58am\n\nHomes without power\n\nEngineers are working.")
    assert kept(live) == ["Storm live updates", "Thousands are without power.", "Bridge closed",
                          "Police closed the bridge.", "Homes without power", "Engineers are working."]
    timeline = "How the day unfolded\n\n9.30am\n\nThe first boats left the harbour." + BODY
    assert "9.30am" in kept(timeline)


@pytest.mark.parametrize("stamp", ["Thu 12 Oct, 5:02pm", "17 Nov 2022, 2:41pm", "Thursday 12 October at 5.02pm",
                                   "2:41pm, 17 November"])
def test_a_dated_update_time_stamp_goes_on_a_live_index_page(stamp):
    live = f"Storm live updates\n\nThousands are without power.\n\nLive updates\n\n{stamp}\n\nBridge closed\n\nPolice closed it."
    assert kept(live) == ["Storm live updates", "Thousands are without power.", "Bridge closed", "Police closed it."]
    # a date alone is no stamp
    assert "Thu 12 Oct" in kept(live.replace(stamp, "Thu 12 Oct"))


def test_a_day_and_time_stays_on_other_pages():
    # (a timeline's entry; a date with its year and a time is the page's stamp anywhere: date_stamp)
    assert "Thu 12 Oct, 5:02pm" in kept("How the day unfolded\n\nThu 12 Oct, 5:02pm\n\nThe first boats left." + BODY)


@pytest.mark.parametrize("line", [
    "Do you have a story you think we should cover? Email the newsroom and our team will get in touch.",
    "Got a story? Get in touch with our newsroom.",
    "Send us your pictures at news@example.com",
    "Send us your snow pictures: email the address below or tag us on social media.",
    "Harbour Lights: The Last Ferry is on ITV Wales at 8pm on Monday, and you can watch it afterwards on ITVX.",
    "The documentary is on ITV1 tonight.",
    "Representing Border will be on ITV at 10.40pm on Thursday.",
])
def test_appeals_for_stories_and_programme_slots_are_promos(line):
    assert first_hit(line + BODY, chrome.reader_appeal) or first_hit(line + BODY, chrome.programme_slot)


@pytest.mark.parametrize("line", [
    "Nearly 12 million tuned in to watch the final on ITV1 on Saturday night.",
    "Police said anyone who has pictures of the crash should contact them on 101.",
])
def test_the_storys_own_appeals_and_viewing_figures_are_kept(line):
    for rule in (chrome.promo, chrome.reader_appeal, chrome.programme_slot):
        assert not first_hit(line + BODY, rule)


def test_a_read_more_heading_takes_the_headlines_under_it():
    text = ("Ferry returns\n\nThe ferry sails again on Friday.\n\nThe council agreed a lease.\n\nRead more:\n\n"
            "Plans for new marina go on display\n\nTourism figures hit record high")
    assert kept(text) == ["Ferry returns", "The ferry sails again on Friday.", "The council agreed a lease."]


def test_a_read_more_heading_stops_at_the_articles_prose():
    text = ("Ferry returns\n\nThe ferry sails again on Friday.\n\nRead more\n\nMarina plans on display\n\n"
            "The council agreed a three-year lease on the berth.")
    assert kept(text)[-1] == "The council agreed a three-year lease on the berth."
    assert "Marina plans on display" not in kept(text)


def test_a_page_may_close_on_several_links():
    text = ("Flood warnings issued\n\nRivers are rising across the county.\n\nRoads are closed.\n\n"
            "What is the difference between a flood alert and a flood warning?\n\n"
            "Travel updates: roads and railways affected across the region")
    assert kept(text) == ["Flood warnings issued", "Rivers are rising across the county.", "Roads are closed."]


def test_a_question_before_the_articles_last_paragraph_is_not_a_link():
    text = ("Flood warnings issued\n\nRivers are rising.\n\nWhat happens to the homes that flooded last year?\n\n"
            "The council has promised to rebuild them by the spring.")
    assert "What happens to the homes that flooded last year?" in kept(text)


@pytest.mark.parametrize("line", ["Explained: What is a pollen bomb and should you be worried?",
                                  "LIVE: Follow the latest travel updates as the strike continues"])
def test_a_labelled_link_inside_the_article_goes(line):
    text = "Pollen warning issued\n\nPollen levels are high.\n\n" + line + BODY
    assert line not in kept(text)


@pytest.mark.parametrize("title", ["Explained: What the devolution deal means for you",
                                   "Live: Bin strike enters third week"])
def test_a_labelled_title_before_the_article_is_kept(title):
    assert kept("Insight\n\n" + title + BODY)[0] == title


@pytest.mark.parametrize("line", [
    "Running today? Send us your pictures and videos at tynetees.news@itv.com",
    "How will the closure affect you? Let us know on Twitter @itvlondon or leave a comment below",
    "Are you living with damp in your home? Contact the Granada Reports newsroom on 0161 555 0123.",
    "Do you use the N47? Have your say on our Facebook page",
    "Did you see the northern lights? Send your pictures to meridian.news@itv.com and tell us where you were.",
    "Have your say: should hospital parking be free for everyone? Vote in our poll",
])
def test_the_newsroom_asking_its_readers_is_a_promo(line):
    assert first_hit(line + BODY, chrome.reader_appeal)


@pytest.mark.parametrize("line", [
    "Anyone with information is asked to contact police on 101, quoting log 1234.",
    "Residents have until Friday to have their say on the plans on the council's website.",
    "Anyone who can get outside safely has been sharing photos with us. Please carry on sending them, to news@itv.com:",
    "“Please let us know if you see him,” his sister said.",
])
def test_appeals_that_are_the_storys_own_are_kept(line):
    assert not first_hit(line + BODY, chrome.reader_appeal)


@pytest.mark.parametrize("line", ["Hollins Cross market hall is open again. We'll have more on Granada Reports at 6pm",
                                  "Tonight at 6pm on ITV News Tyne Tees: the young welders hoping to build ships again."])
def test_more_programme_promotions(line):
    assert first_hit(line + BODY, chrome.promo) or first_hit(line + BODY, chrome.programme_slot)


@pytest.mark.parametrize("line", ["This story will be updated throughout the day.", "This article is being updated.",
                                  "Click through the gallery to see more pictures"])
def test_a_pages_state_and_a_gallerys_instruction_go(line):
    assert first_hit(line + BODY, chrome.link_instruction)


def test_a_question_over_a_question_subheading_is_a_link():
    text = ("Renters' rights explained\n\nNew rules come in next month.\n\nRents can rise once a year.\n\n"
            "Are energy prices going to fall this winter?\n\nCan my landlord still evict me?\n\n"
            "Yes, but only for specific reasons.")
    assert kept(text) == ["Renters' rights explained", "New rules come in next month.", "Rents can rise once a year.",
                          "Can my landlord still evict me?", "Yes, but only for specific reasons."]


def test_a_page_closing_on_a_question_and_a_read_more_link():
    text = ("Rents rise again" + BODY + "\n\nHow much has rent gone up in your borough?\n\n"
            "Read more: Landlords warn new rules could push smaller owners out of the market")
    assert kept(text)[-1] == "It will meet again next month."


@pytest.mark.parametrize("line", ["14 minutes ago", "1 hour ago", "an hour ago"])
def test_a_relative_time_stamp_goes_on_any_page(line):
    assert first_hit(line + BODY, chrome.update_time)


def test_a_live_pages_button_goes():
    assert first_hit("Load more updates" + BODY, chrome.link_instruction)
    assert not first_hit("Loads more people came than expected." + BODY, chrome.link_instruction)


def test_a_programme_starting_on_itv_is_a_promo():
    assert first_hit("Lifeboat: Rescue at Sea starts on ITV at 9pm on Monday 22 January." + BODY, chrome.programme_slot)


def test_a_service_saying_it_will_have_more_tonight_is_a_promo():
    for line in ("Calendar will have more on this story tonight from 6pm.", "ITV News Anglia will have more at 6pm."):
        assert first_hit(line + BODY, chrome.promo)
    assert not first_hit("Police will have more officers on patrol tonight." + BODY, chrome.promo)
