"""Benchmark ``project-duplicate``'s search for nearly equal titles against comparing every pair.

The rule compares the titles of one level, one place and the same numbers.
:func:`thaiplan.checks.rules._similar.similar_pairs` finds the pairs whose
difflib ratio is at least 0.92 through a filter that cannot miss one (see its
module); the baseline compares every pair with ``difflib.SequenceMatcher``
(``real_quick_ratio``, then ``ratio``), as the rule did for groups of up to 200
distinct titles (larger groups were not compared at all).

The titles are a hard case: five slots (work, structure, connector, place,
name), each filled from a list of 6 to 12 words, so that any two titles share
words and most of their two-letter grams. Real titles of one place share
fewer. It prints the time of each size (CPU seconds, best of ``--runs``), the
growth from one size to the next (4 times the titles: 4 is linear, 16 is
every pair), the baseline where it runs (up to ``--baseline-max`` titles), and
checks that both find the same pairs (PASS/FAIL). It always exits 0.

Run it from the repository root::

    python benchmarks/bench_duplicates.py           # 250, 1,000 and 4,000 titles
    python benchmarks/bench_duplicates.py --quick   # 250 and 1,000
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from collections.abc import Sequence
from typing import Final

from bench_validate import best_of  # CPU seconds, the best of the runs

from thaiplan.checks.rules._similar import similar_pairs
from thaiplan.checks.rules.projects import _SIMILAR, _title_key

SLOTS: Final = (
    ("ก่อสร้าง", "ปรับปรุง", "ซ่อมแซม", "ขยายเขต", "ติดตั้ง", "จัดซื้อ", "อบรม", "ส่งเสริม", "พัฒนา", "จัดทำ"),
    (
        "ถนนคอนกรีตเสริมเหล็ก",
        "ท่อระบายน้ำ",
        "ระบบประปาหมู่บ้าน",
        "ไฟฟ้าสาธารณะ",
        "ศาลาประชาคม",
        "รางระบายน้ำ",
        "สะพานไม้",
        "ถนนลูกรัง",
        "ลานกีฬา",
        "ป้ายจราจร",
        "กล้องวงจรปิด",
        "หอกระจายข่าว",
    ),
    ("ซอย", "สาย", "บริเวณ", "จาก", "ข้าง", "หน้า"),
    ("บ้านนาย", "วัด", "โรงเรียน", "ตลาด", "ศูนย์เด็กเล็ก", "สถานีอนามัย", "หนองน้ำ", "คลอง", "ทุ่งนา"),
    ("สมชาย", "สมศรี", "กลาง", "ใต้", "เหนือ", "บุญมี", "ทองดี", "ใหม่", "เก่า", "ประชาสามัคคี"),
)


def titles(count: int, seed: int = 1) -> list[str]:
    """``count`` distinct title keys of one group, as the rule compares them, sorted."""
    rng = random.Random(seed)
    found: set[str] = set()
    while len(found) < count:
        title = "".join(rng.choice(words) for words in SLOTS)
        if rng.random() < 0.5:
            title += "ถึง" + rng.choice(SLOTS[3]) + rng.choice(SLOTS[4])
        found.add(_title_key(title))
    return sorted(found)


def every_pair(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Every pair compared, as the rule did."""
    found = []
    for i, text in enumerate(texts):
        for j in range(i + 1, len(texts)):
            matcher = difflib.SequenceMatcher(None, text, texts[j])
            if matcher.real_quick_ratio() >= _SIMILAR and matcher.ratio() >= _SIMILAR:
                found.append((i, j))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the results; always 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="250 and 1,000 titles")
    parser.add_argument("--runs", type=int, default=3, help="runs of each size (default 3)")
    parser.add_argument(
        "--baseline-max", type=int, default=1_000, help="largest group compared pair by pair"
    )
    options = parser.parse_args(argv)
    sizes = (250, 1_000) if options.quick else (250, 1_000, 4_000)
    print(f"Python {sys.version.split()[0]}; titles of one group, threshold {_SIMILAR}")
    print(
        f"  {'titles':>7}  {'pairs':>6}  {'filter s':>9}  {'growth':>7}  {'every pair s':>12}  same"
    )
    previous = None
    verdicts = []
    for n in sizes:
        texts = titles(n)
        spent, pairs = best_of(
            lambda texts=texts: list(similar_pairs(texts, _SIMILAR)), options.runs
        )
        growth = f"{spent / previous:6.1f}x" if previous else "      -"
        base, same = "           -", "-"
        if n <= options.baseline_max:
            base_s, expected = best_of(lambda texts=texts: every_pair(texts), 1)
            base = f"{base_s:12.3f}"
            same = "PASS" if expected == pairs else "FAIL"
            verdicts.append(same)
        print(f"  {n:>7,}  {len(pairs):>6,}  {spent:9.3f}  {growth}  {base}  {same}")
        previous = spent
    print(f"same pairs as comparing every pair: {'PASS' if set(verdicts) == {'PASS'} else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
