"""Thai number words and amounts of baht: thaiplan.dates._numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import baht_amounts, whole_numbers
from thaiplan.dates import (
    bahttext,
    format_baht,
    parse_baht,
    parse_thai_number,
    thai_number_words,
    to_thai_digits,
)
from thaiplan.errors import ThaiNumberError

# Known answers: the Royal Institute's rules as Excel's BAHTTEXT and PyThaiNLP
# write them (เอ็ด in the units place of a number above nine, ยี่สิบ, ล้านล้าน).
WORDS = [
    (0, "ศูนย์"),
    (1, "หนึ่ง"),
    (10, "สิบ"),
    (11, "สิบเอ็ด"),
    (20, "ยี่สิบ"),
    (21, "ยี่สิบเอ็ด"),
    (101, "หนึ่งร้อยเอ็ด"),
    (111, "หนึ่งร้อยสิบเอ็ด"),
    (1_000_001, "หนึ่งล้านเอ็ด"),
    (1_000_011, "หนึ่งล้านสิบเอ็ด"),
    (1_200_000, "หนึ่งล้านสองแสน"),
    (11_000_000, "สิบเอ็ดล้าน"),
    (10**12, "หนึ่งล้านล้าน"),
    (2_500_000_000_000, "สองล้านห้าแสนล้าน"),
    (10**13 + 1, "สิบล้านล้านเอ็ด"),
    (3_185_000_000_000, "สามล้านหนึ่งแสนแปดหมื่นห้าพันล้าน"),
    (-21, "ลบยี่สิบเอ็ด"),
]

BAHT = [
    (Decimal("1200000"), "หนึ่งล้านสองแสนบาทถ้วน"),
    (Decimal("0"), "ศูนย์บาทถ้วน"),
    (Decimal("1.50"), "หนึ่งบาทห้าสิบสตางค์"),
    (Decimal("0.50"), "ห้าสิบสตางค์"),
    (Decimal("21.21"), "ยี่สิบเอ็ดบาทยี่สิบเอ็ดสตางค์"),
    (Decimal("2847165072"), "สองพันแปดร้อยสี่สิบเจ็ดล้านหนึ่งแสนหกหมื่นห้าพันเจ็ดสิบสองบาทถ้วน"),
    (Decimal("3489999000"), "สามพันสี่ร้อยแปดสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันบาทถ้วน"),
]


class TestWords:
    @pytest.mark.parametrize(("number", "words"), WORDS)
    def test_known_answers(self, number: int, words: str) -> None:
        """Each number is written as the rules have it, and read back."""
        assert words == thai_number_words(number)
        assert number == parse_thai_number(words)

    @given(whole_numbers)
    @example(10**12)
    @example(10**18 + 10**6 + 1)
    @settings(max_examples=200, deadline=None)
    def test_round_trip(self, number: int) -> None:
        """parse_thai_number(thai_number_words(n)) == n, for numbers of any size."""
        assert number == parse_thai_number(thai_number_words(number))

    @given(st.integers(0, 10**13))
    @settings(max_examples=100, deadline=None)  # the first call imports PyThaiNLP
    def test_oracle(self, number: int) -> None:
        """The words are what PyThaiNLP's num_to_thaiword writes."""
        util = pytest.importorskip("pythainlp.util")
        assert util.num_to_thaiword(number) == thai_number_words(number)

    @pytest.mark.parametrize(
        ("text", "number"),
        [
            ("สิบหนึ่ง", 11),  # หนึ่ง for เอ็ด, as some documents write it
            ("หนึ่งร้อยหนึ่ง", 101),
            ("ร้อยห้าสิบ", 150),  # spoken: a place alone is one of it
            ("หนึ่ง ล้าน สอง แสน", 1_200_000),  # spaces anywhere
            ("๑,๒๓๔,๕๖๗", 1_234_567),
            ("1234567", 1_234_567),
            ("๓,๑๘๕,๐๐๐ ล้าน", 3_185_000_000_000),
            ("2.5 ล้าน", 2_500_000),
            ("ล้าน", 1_000_000),
            ("-5", -5),
        ],
    )
    def test_variants(self, text: str, number: int) -> None:
        """What documents write beside the canonical words."""
        assert number == parse_thai_number(text)

    @pytest.mark.parametrize(
        ("text", "reason", "position"),
        [
            ("", "empty", None),
            ("ร้อยสิบร้อย", "place_order", 7),
            ("ยี่ร้อย", "unexpected_text", 0),
            ("เอ็ดสิบ", "unexpected_text", 0),
            ("สองสาม", "unexpected_text", 3),
            ("สิบบาท", "unexpected_text", 3),
            ("หนึ่งx", "unexpected_text", 5),
            ("1,23", "bad_commas", 0),
            ("1.5", "not_whole", None),
            ("ศูนย์สิบ", "unexpected_text", 5),
        ],
    )
    def test_errors(self, text: str, reason: str, position: int | None) -> None:
        """Bad numbers raise ThaiNumberError (also a ValueError) saying where."""
        with pytest.raises(ThaiNumberError) as caught:
            parse_thai_number(text)
        assert (reason, position) == (caught.value.reason, caught.value.position)
        assert isinstance(caught.value, ValueError)

    def test_types(self) -> None:
        """A bool, a float or text is not a number to write; a non-string is not text to read."""
        for bad in (True, 1.5, "1"):
            with pytest.raises(TypeError):
                thai_number_words(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            parse_thai_number(12)  # type: ignore[arg-type]


class TestBahttext:
    @pytest.mark.parametrize(("amount", "words"), BAHT)
    def test_known_answers(self, amount: Decimal, words: str) -> None:
        """Amounts in words as cheques write them, and read back."""
        assert words == bahttext(amount)
        assert amount == parse_baht(words)

    @given(baht_amounts)
    @settings(max_examples=200, deadline=None)
    def test_round_trip(self, amount: Decimal) -> None:
        """parse_baht(bahttext(x)) == x."""
        assert amount == parse_baht(bahttext(amount))

    @given(st.integers(1, 10**8), st.integers(0, 99))
    @example(1, 0)
    @example(101, 1)
    @example(1_000_001, 21)
    @settings(max_examples=200, deadline=None)
    def test_oracle(self, baht: int, satang: int) -> None:
        """The words are what PyThaiNLP's bahttext writes, from one baht up.

        Below one baht PyThaiNLP writes ศูนย์บาท before the satang, which
        Excel's BAHTTEXT and thaiplan leave out. PyThaiNLP takes floats, which
        hold every satang of amounts up to 10^8 baht exactly enough for its
        two-place formatting.
        """
        util = pytest.importorskip("pythainlp.util")
        amount = Decimal(baht) + Decimal(satang) / 100
        assert util.bahttext(float(amount)) == bahttext(amount)

    def test_refuses_floats_and_fractions_of_satang(self) -> None:
        """Money is never a float, and never silently rounded."""
        with pytest.raises(TypeError, match="never a float"):
            bahttext(1.5)  # type: ignore[arg-type]
        with pytest.raises(ThaiNumberError) as caught:
            bahttext(Decimal("1.005"))
        assert "below_satang" == caught.value.reason
        with pytest.raises(ThaiNumberError):
            bahttext(Decimal("NaN"))

    def test_negative(self) -> None:
        """A negative amount (a refund, a cut) begins with ลบ and reads back."""
        assert "ลบสิบบาทห้าสิบสตางค์" == bahttext(Decimal("-10.50"))
        assert Decimal("-10.50") == parse_baht("ลบสิบบาทห้าสิบสตางค์")


class TestFigures:
    @pytest.mark.parametrize(
        ("text", "amount"),
        [
            (" 1,632,820 ", Decimal("1632820")),
            (" - ", None),
            ("", None),
            ("–", None),
            ("๑,๒๓๔,๕๖๗ บาท", Decimal("1234567")),
            ("1,234,567.50 บาท", Decimal("1234567.50")),
            ("฿1,500", Decimal("1500")),
            ("1,500.-", Decimal("1500")),
            ("๒.๕ ล้านบาท", Decimal("2500000")),
            ("1500บาทถ้วน", Decimal("1500")),
            ("50 สตางค์", Decimal("0.50")),
            ("-1,000", Decimal("-1000")),
        ],
    )
    def test_as_documents_write_them(self, text: str, amount: Decimal | None) -> None:
        """Amounts as ผ.๐๒ sheets, letters and budget books write them."""
        assert amount == parse_baht(text)

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("1,63,2820", "bad_commas"),
            ("1.005", "below_satang"),
            ("สิบบาทร้อยสตางค์", "bad_satang"),
            ("สิบบาทห้า", "unexpected_text"),
            ("บาท", "not_number"),
            ("1,000 ดอลลาร์", "unexpected_text"),
            ("1.2.3", "bad_numeral"),
        ],
    )
    def test_errors(self, text: str, reason: str) -> None:
        """What is not an amount of baht raises ThaiNumberError with a reason."""
        with pytest.raises(ThaiNumberError) as caught:
            parse_baht(text)
        assert reason == caught.value.reason

    @given(st.one_of(st.none(), baht_amounts), st.sampled_from(["arabic", "thai"]), st.booleans())
    @settings(max_examples=200, deadline=None)
    def test_round_trip(self, amount: Decimal | None, digits: str, unit: bool) -> None:
        """parse_baht(format_baht(x)) == x, in either digits, with or without บาท."""
        assert amount == parse_baht(format_baht(amount, digits=digits, unit=unit))  # type: ignore[arg-type]

    def test_format(self) -> None:
        """Commas between thousands, two places when there are satang, Thai digits on request."""
        assert "1,632,820" == format_baht(Decimal("1632820"))
        assert "1,632,820.00" == format_baht(1632820, satang=True)
        assert to_thai_digits("1,234.50") + " บาท" == format_baht(
            Decimal("1234.5"), digits="thai", unit=True
        )
        with pytest.raises(ThaiNumberError):
            format_baht(Decimal("1.50"), satang=False)
        with pytest.raises(ThaiNumberError):
            format_baht(1, digits="roman")  # type: ignore[arg-type]

    def test_facade(self) -> None:
        """The money functions are importable from thaiplan itself."""
        assert thaiplan.bahttext is bahttext
        assert thaiplan.parse_baht is parse_baht
        assert thaiplan.ThaiNumberError is ThaiNumberError
