from itvreport.parse import parse_text


def test_each_non_blank_line_is_a_block_with_its_line_number():
    page = parse_text("Headline\n\nFirst paragraph.\n\n  • item one\n  • item two")
    assert [(b.line, b.text, b.indent) for b in page.blocks] == [
        (1, "Headline", 0), (3, "First paragraph.", 0), (5, "• item one", 2), (6, "• item two", 2),
    ]
    assert page.lines == 6


def test_gap_counts_blank_lines_before_a_block():
    page = parse_text("Title\n\n\nParent story\nStandfirst.")
    assert [b.gap for b in page.blocks] == [0, 2, 0]


def test_single_newline_pages_are_recognised():
    single = parse_text("Headline\nOne.\nTwo.\nThree.")
    double = parse_text("Headline\n\nOne.\n\nTwo.\n\nThree.")
    assert not single.blank_separated
    assert double.blank_separated


def test_trailing_whitespace_and_missing_final_newline_do_not_matter():
    assert parse_text("A line   \n\nB").blocks == parse_text("A line\n\nB\n").blocks
