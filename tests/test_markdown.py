from benchmark.presentation.markdown import code_span, inert_text, table_row


def test_inert_text_makes_no_markup_and_no_new_line():
    text = inert_text("[x](http://e) <b>*y*</b>\nz")
    # the newline is shown as backslash-n (benchmark.printable), whose backslash is escaped
    assert text == "\\[x\\]\\(http://e\\) &lt;b&gt;\\*y\\*&lt;/b&gt;\\\\nz"


def test_code_span_only_for_text_that_cannot_end_it():
    assert code_span("baseline=crf") == "`baseline=crf`"
    assert code_span("a`b") == "a\\`b"


def test_a_bar_in_a_cell_does_not_split_the_row():
    assert table_row(["a|b", "c"]) == "| a\\|b | c |"
