"""Texts built to make a date parser slow, shared by the tests and the benchmark.

``tests/test_dates_hostile.py`` checks what each parser gives on them (a value or a
:class:`~thaiplan.errors.ThaiDateError`, never another exception);
``benchmarks/bench_hostile.py`` times each at three sizes and prints the growth.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from thaiplan.dates import FiscalYear, parse_date, parse_datetime, parse_period

PARSERS: dict[str, Callable[[str], object]] = {
    "parse_date": parse_date,
    "parse_datetime": parse_datetime,
    "parse_period": parse_period,
    # with a year and a reference, which write a year in and resolve relative words
    "parse_period(year=, reference=)": functools.partial(
        parse_period, year=2566, reference=dt.date(2023, 9, 20)
    ),
    "parse_date(year=)": functools.partial(parse_date, year=2566),
    "FiscalYear.parse": FiscalYear.parse,
}

# Texts built to be slow: (name, head, repeated piece, tail). Each repeats its
# piece until the text is the size asked for.
SLOW_TEXTS = [
    # issue 13: a date followed by repeated วันที่ fragments
    ("date + วันที่ fragments", "๔ เมษายน ๒๕๖๑ เวลา", " วันที่ ๔", " น."),
    ("date + วันที่ dates", "วันที่ ๔ เมษายน ๒๕๖๑", " วันที่ ๔ เมษายน ๒๕๖๑", ""),
    # issue 13: วันจันทร์ที่ × 12 (and more), then a letter that no word ends with
    ("วันจันทร์ที่ repeated", "", "วันจันทร์ที่", "ก"),
    # issue 13: twenty repeated weekday words, and more
    ("weekday words", "", "วันพุธ", "ก ๔ เม.ย. ๖๑"),
    ("weekday words, spaced", "", "วันพุธ ", "๔ เม.ย."),
    ("range separators", "๑", " - ๑", " พ.ค."),
    ("deadline words", "ภายใน", "เดือน", "พ.ค. ๖๑ x"),
    ("month names", "", "เม.ย. ", "๒๕๖๑ x"),
    ("digit run", "๔ เมษายน ", "๒", ""),
    ("era marks", "", "พ.ศ. ", "๒๕๖๑ x"),
    # issue 9 notations: the words peeled off around a period
    ("counts of days", "ภายใน ", "๑ วัน", "นับแต่วันที่ได้รับ"),
    ("time words", "๔ เม.ย. ๖๑ ", "เวลา ", "๑๓.๓๐ น."),
    ("times", "๔ เม.ย. ๖๑ เวลา ", "๑๓.๓๐ - ", "๑๒.๐๐ น."),
    ("recurrence words", "ภายในวันที่ ๑๕ ", "ของทุก", "เดือน"),
    ("relative words", "๒ ก.ย.", "นี้", ""),
    ("open-ended words", "ตั้งแต่", "วันที่ ", "๑ พ.ค. ๖๑ เป็นต้นไป"),
    ("parts of a month", "", "ปลายเดือน ", "มิ.ย. ๖๑"),
    # an unknown month whose hint is checked by parsing its corrections
    ("a month to correct", "๕ ", "เมษ", " ๒๕๖๑"),
    ("yearless ranges", "๑", " - ๑ ธ.ค.", " - ๕ ม.ค."),
]


def hostile_text(head: str, piece: str, tail: str, size: int) -> str:
    count = max(1, (size - len(head) - len(tail)) // len(piece))
    return head + piece * count + tail


#: The inputs of issue 13, which took 7-20 s each before the parsers were made linear.
ISSUE_TEXTS = [
    "๔ เมษายน ๒๕๖๑" + " วันที่ ๔ เมษายน" * 22,
    "วันจันทร์ที่" * 12 + " ๔ เมษายน ๒๕๖๑",
    "วันจันทร์ที่" * 12 + "ก",
    "วันพุธ" * 20,
    "วันพุธ" * 20 + "ก",
]
