"""Tests of thaiplan.dates._text: Thai digits, Buddhist-Era years, normalisation."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from strategies import be_years, ce_years, date_like_text, layout_text, layout_text_visible
from thaiplan.dates import be_to_ce, ce_to_be, normalise, to_arabic_digits, to_thai_digits
from thaiplan.dates._text import _DASHES, _SPACES, _normalise, normalise_with_positions

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"

#: Text without Thai digits, and text without Arabic (ASCII) digits.
text_without_thai_digits = st.text(alphabet=st.characters(exclude_characters=THAI_DIGITS))
text_without_arabic_digits = st.text(alphabet=st.characters(exclude_characters=ARABIC_DIGITS))


class TestDigits:
    """to_thai_digits and to_arabic_digits: inverse pairs that touch digits only."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (2561, "๒๕๖๑"),
            (0, "๐"),
            (-17, "-๑๗"),
            ("0123456789", THAI_DIGITS),
            ("ที่ สค 0017.2/ว 5577", "ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗"),
            ("5 เมษายน 2561", "๕ เมษายน ๒๕๖๑"),
            ("๕ เมษายน 2561", "๕ เมษายน ๒๕๖๑"),
            ("", ""),
        ],
    )
    def test_to_thai_known_answers(self, value: str | int, expected: str) -> None:
        """Arabic digits become Thai digits; Thai digits and other text stay."""
        assert expected == to_thai_digits(value)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (THAI_DIGITS, "0123456789"),
            ("๕ เมษายน ๒๕๖๑", "5 เมษายน 2561"),
            ("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗", "ที่ สค 0017.2/ว 5577"),
            ("5 เมษายน ๒๕๖๑", "5 เมษายน 2561"),
            ("", ""),
        ],
    )
    def test_to_arabic_known_answers(self, text: str, expected: str) -> None:
        """Thai digits become Arabic digits; Arabic digits and other text stay."""
        assert expected == to_arabic_digits(text)

    @pytest.mark.parametrize(
        "text",
        [
            "٤",  # Arabic-Indic
            "۴",  # Extended Arabic-Indic (Persian)
            "໔",  # Lao
            "４",  # full-width
            "४",  # Devanagari
            "၄",  # Myanmar
            "៤",  # Khmer
            "٢٥٦١ ໒໕໖໑ ２５６１",
        ],
    )
    def test_other_scripts_digits_are_not_converted(self, text: str) -> None:
        """Digits of other scripts stay as written, although int() would read them."""
        assert text == to_arabic_digits(text)
        assert text == to_thai_digits(text)

    @given(st.integers())
    @example(0)
    @example(-1)
    @example(2563)
    def test_int_round_trip(self, number: int) -> None:
        """An int written in Thai digits reads back as the same number."""
        thai = to_thai_digits(number)
        assert str(number) == to_arabic_digits(thai)
        assert number == int(to_arabic_digits(thai))

    @given(text_without_thai_digits)
    @example("ที่ สค 0017.2/ว 5577")
    def test_str_round_trip_from_arabic(self, text: str) -> None:
        """to_arabic_digits undoes to_thai_digits on text without Thai digits."""
        assert text == to_arabic_digits(to_thai_digits(text))

    @given(text_without_arabic_digits)
    @example("ที่ สค ๐๐๑๗.๒/ว ๕๕๗๗")
    def test_str_round_trip_from_thai(self, text: str) -> None:
        """to_thai_digits undoes to_arabic_digits on text without Arabic digits."""
        assert text == to_thai_digits(to_arabic_digits(text))

    @given(st.text())
    @example("๕ เม.ย. 61 ٤ ໔ ４")
    def test_to_thai_touches_only_arabic_digits(self, text: str) -> None:
        """Each character is kept, except an Arabic digit, which becomes its Thai digit."""
        result = to_thai_digits(text)
        assert len(text) == len(result)
        for before, after in zip(text, result, strict=True):
            if before in ARABIC_DIGITS:
                assert THAI_DIGITS[int(before)] == after
            else:
                assert before == after

    @given(st.text())
    @example("๕ เม.ย. 61 ٤ ໔ ４")
    def test_to_arabic_touches_only_thai_digits(self, text: str) -> None:
        """Each character is kept, except a Thai digit, which becomes its Arabic digit."""
        result = to_arabic_digits(text)
        assert len(text) == len(result)
        for before, after in zip(text, result, strict=True):
            if before in THAI_DIGITS:
                assert str(THAI_DIGITS.index(before)) == after
            else:
                assert before == after

    @pytest.mark.parametrize("value", [True, False, 2561.0, None, b"2561", [2561]])
    def test_to_thai_rejects_other_types(self, value: object) -> None:
        """to_thai_digits takes a str or an int, and a bool is not an int here."""
        with pytest.raises(TypeError, match="str or an int"):
            to_thai_digits(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [2561, True, 2561.0, None, b"2561"])
    def test_to_arabic_rejects_other_types(self, value: object) -> None:
        """to_arabic_digits takes a str only."""
        with pytest.raises(TypeError, match="must be a str"):
            to_arabic_digits(value)  # type: ignore[arg-type]


class TestBuddhistEra:
    """be_to_ce and ce_to_be: BE = CE + 543."""

    @pytest.mark.parametrize(
        ("be", "ce"),
        [(2563, 2020), (2561, 2018), (2562, 2019), (2484, 1941), (2543, 2000), (543, 0)],
    )
    def test_known_answers(self, be: int, ce: int) -> None:
        """Known pairs of years convert both ways."""
        assert ce == be_to_ce(be)
        assert be == ce_to_be(ce)

    @given(ce_years)
    def test_round_trip_from_ce(self, year: int) -> None:
        """be_to_ce undoes ce_to_be."""
        assert year == be_to_ce(ce_to_be(year))

    @given(be_years)
    def test_round_trip_from_be(self, year: int) -> None:
        """ce_to_be undoes be_to_ce."""
        assert year == ce_to_be(be_to_ce(year))


class TestNormalise:
    """normalise: the text every thaiplan parser reads."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("๔\u00a0เม.ย.", "4 เม.ย."),  # no-break space
            ("๔\u2009เม.ย.\u202f๖๑", "4 เม.ย. 61"),  # thin spaces
            ("๔\u3000เม.ย.", "4 เม.ย."),  # ideographic space
            ("๔\tเม.ย.\n๖๑\r\n", "4 เม.ย. 61"),  # tab, newlines
            ("๔\u200bเม.ย.", "4เม.ย."),  # zero-width space
            ("เม\u200c.ย\u200d.\u2060\ufeff", "เม.ย."),  # other invisible characters
            ("พ.ศ.\u00ad๒๕๖๑", "พ.ศ.2561"),  # soft hyphen
            ("มิ.ย. \u2013 ก.ค. ๖๑", "มิ.ย. - ก.ค. 61"),  # en dash
            ("๒๕๖๑ \u2014 ๒๕๖๔", "2561 - 2564"),  # em dash
            ("๒๕๖๑\u2212๒๕๖๔", "2561-2564"),  # minus sign
            ("๑\u2010๑๕ พ.ค.", "1-15 พ.ค."),  # hyphen
            ("๑\uff0d๑๕", "1-15"),  # full-width hyphen-minus
            ("๕   เมษายน    ๒๕๖๑", "5 เมษายน 2561"),  # runs of spaces
            ("๕ \u00a0 \u200b เมษายน", "5 เมษายน"),  # a run of mixed spaces
            ("  ๕ เมษายน ๒๕๖๑  ", "5 เมษายน 2561"),  # leading and trailing spaces
            ("   ", ""),
            ("", ""),
            ("ค\u0e4d\u0e32", "คำ"),  # sara am typed as nikhahit + sara aa
            ("น\u0e49\u0e4d\u0e32", "น้ำ"),  # tone mark before the nikhahit
            ("น\u0e4d\u0e49\u0e32", "น้ำ"),  # tone mark between nikhahit and sara aa
            ("ท\u0e4d\u0e32 น\u0e4d\u0e49\u0e32", "ทำ น้ำ"),
            ("น้ำ", "น้ำ"),  # already composed
            ("กรกฏาคม", "กรกฎาคม"),  # a common misspelling
            ("๑ กรกฏาคม ๒๕๖๑", "1 กรกฎาคม 2561"),
            ("ปฏิทิน", "ปฏิทิน"),  # ฏ is right here
            (THAI_DIGITS, "0123456789"),
            ("๕ เมษายน ๒๕๖๑", "5 เมษายน 2561"),
            ("5 เมษายน 2561", "5 เมษายน 2561"),
            ("٤ ໔ ４", "٤ ໔ ４"),  # other scripts' digits stay
            ("๔\u00a0เม.ย.\u200b ๖๑ – กรกฏาคม", "4 เม.ย. 61 - กรกฎาคม"),
        ],
    )
    def test_known_answers(self, text: str, expected: str) -> None:
        """Spaces, invisible characters, dashes, sara am, misspellings and digits."""
        assert expected == normalise(text)

    @given(st.one_of(layout_text, date_like_text, st.text()))
    @example("น\u0e4d\u0e49\u0e32")
    @example("\u0e4d\u0e4d\u0e32")
    @example("\u0e4d\u200b\u0e32")
    @example(" \u00a0กรก\u200bฏาคม ")
    def test_idempotent(self, text: str) -> None:
        """Normalising twice changes nothing more than normalising once."""
        once = normalise(text)
        assert once == normalise(once)

    @given(st.one_of(layout_text, date_like_text, st.text()))
    def test_no_layout_characters_left(self, text: str) -> None:
        """The result has no Thai digits, no runs of spaces and no space at either end."""
        result = normalise(text)
        assert not any(char in THAI_DIGITS for char in result)
        assert "  " not in result
        assert result == result.strip(" ")
        assert not any(char in result for char in "\u00a0\u200b\u00ad\u2013\u2014\u2212\t\n")

    @given(st.one_of(layout_text, date_like_text, st.text()))
    def test_keeps_digits_as_written_before_the_last_step(self, text: str) -> None:
        """Digits are converted last: normalise is _normalise, then to_arabic_digits."""
        assert to_arabic_digits(_normalise(text)) == normalise(text)


def _maps_to(source: str, target: str) -> bool:
    """Whether ``source`` in the input may give ``target`` in the normalised text."""
    if source == target:
        return True
    if target == " ":
        return source in _SPACES
    if target == "-":
        return source in _DASHES
    if target == SARA_AM or target in TONE_MARKS:
        return source == NIKHAHIT
    if target == "ฎ":  # กรกฏา -> กรกฎา
        return source == "ฏ"
    return False


def _check_positions(text: str) -> None:
    result, positions = normalise_with_positions(text)
    assert _normalise(text) == result
    assert len(result) + 1 == len(positions)
    assert len(text) == positions[-1]
    for index, (here, after) in enumerate(itertools.pairwise(positions)):
        assert 0 <= here < len(text)
        if here == after:
            # Only a tone mark moved in front of a recomposed sara am shares a position.
            assert result[index] in TONE_MARKS
            assert SARA_AM == result[index + 1]
        else:
            assert here < after
        assert _maps_to(text[here], result[index])


class TestNormaliseWithPositions:
    """normalise_with_positions: the slow twin of _normalise that places errors."""

    @pytest.mark.parametrize(
        ("text", "expected", "positions"),
        [
            ("", "", [0]),
            ("๕ เม.ย.", "๕ เม.ย.", [0, 1, 2, 3, 4, 5, 6, 7]),
            ("  ๕\u00a0\u00a0๖๑ ", "๕ ๖๑", [2, 3, 5, 6, 8]),
            ("ก\u200bข", "กข", [0, 2, 3]),
            ("ค\u0e4d\u0e32", "คำ", [0, 1, 3]),
            ("น\u0e4d\u0e49\u0e32", "น้ำ", [0, 1, 1, 4]),
            ("น\u0e49\u0e4d\u0e32", "น้ำ", [0, 1, 2, 4]),
            ("กรกฏาคม", "กรกฎาคม", [0, 1, 2, 3, 4, 5, 6, 7]),
            ("๑ \u2013 ๕", "๑ - ๕", [0, 1, 2, 3, 4, 5]),
        ],
    )
    def test_known_answers(self, text: str, expected: str, positions: list[int]) -> None:
        """Each output character points at where it came from; the last entry is len(text)."""
        assert (expected, positions) == normalise_with_positions(text)

    @given(st.one_of(layout_text_visible, st.text()))
    @example("น\u0e4d\u0e49\u0e32")
    @example("น\u0e49\u0e4d\u0e32")
    @example(" \u00a0 กรกฏาคม\u2013๒๕๖๑ ")
    @example("\u0e4d\u0e4d\u0e32")
    @example("\u0e4d \u0e32")
    def test_agrees_with_normalise(self, text: str) -> None:
        """Same string as _normalise, with increasing positions that point at the source.

        The text here has no invisible characters; see the next test for those.
        """
        _check_positions(text)

    @given(st.one_of(layout_text, date_like_text))
    @example("\u0e4d\u200b\u0e32")
    def test_agrees_with_normalise_with_invisible_characters(self, text: str) -> None:
        """As above, for text that may hold zero-width characters and soft hyphens."""
        _check_positions(text)

    @pytest.mark.parametrize("text", ["ค\u0e4d\u200b\u0e32", "น\u0e4d\u0e49\u00ad\u0e32"])
    def test_invisible_inside_sara_am(self, text: str) -> None:
        """An invisible character inside a decomposed sara am does not stop its repair."""
        assert _normalise(text) == normalise_with_positions(text)[0]
