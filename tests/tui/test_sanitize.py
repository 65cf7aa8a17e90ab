from tui.sanitize import clean, clean_line, truncate


def test_clean_keeps_length_and_shows_escape():
    text = "red \x1b[31mtext\x1b[0m\r\nnext\x00\x7f\u202eevil"
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    assert "\x1b" not in cleaned and "\x00" not in cleaned and "\u202e" not in cleaned
    assert cleaned.startswith("red \u241b[31mtext\u241b[0m \nnext\u2400\u2421\ufffdevil")


def test_clean_leaves_ordinary_text_and_markup_alone():
    text = "Kyiv said [bold]11,000[/bold]\ttroops\n\u00e9t\u00e9 \u2014 \u201cquoted\u201d"
    assert clean(text) is text


def test_clean_line_flattens_breaks():
    assert clean_line("a\nb\tc\x1b") == "a b c\u241b"


def test_truncate():
    assert truncate("abcdef", 6) == "abcdef"
    assert truncate("abcdefg", 6) == "abcde\u2026"
