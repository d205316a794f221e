"""thaiplan.checks.rules._similar: alike pairs found through a filter, the same as comparing all."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import thaiplan
from thaiplan.checks.rules._similar import similar_pairs


def every_pair(texts: list[str], threshold: float) -> list[tuple[int, int]]:
    """The pairs by comparing every text with every other, as the rule did."""
    found = []
    for i, text in enumerate(texts):
        for j in range(i + 1, len(texts)):
            matcher = difflib.SequenceMatcher(None, text, texts[j])
            if matcher.real_quick_ratio() >= threshold and matcher.ratio() >= threshold:
                found.append((i, j))
    return found


# Titles from few letters, Thai and ASCII, so that alike pairs are common.
_LETTERS = "กขคถนสลม่้ัีุ.3 ab"
_texts = st.lists(st.text(alphabet=_LETTERS, max_size=30), max_size=25)


@settings(max_examples=400, deadline=None)
@given(_texts, st.sampled_from([0.5, 0.8, 0.92, 0.95, 1.0]))
def test_same_pairs_as_every_pair(texts: list[str], threshold: float) -> None:
    assert every_pair(texts, threshold) == list(similar_pairs(texts, threshold))


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=_LETTERS, min_size=10, max_size=60),
    st.lists(st.tuples(st.integers(0, 59), st.sampled_from(_LETTERS), st.booleans()), max_size=6),
)
# found by hypothesis: (1 - 0.92) * 50 is 3.999... in floats, and the filter took 3 letters for 4
@example(
    "aa3.3333333333333333333", [(0, "ก", True), (53, "ก", True), (5, "ก", True), (2, "ข", True)]
)
def test_a_title_and_its_slips(title: str, edits: list[tuple[int, str, bool]]) -> None:
    """A title and copies of it with letters inserted or deleted: near pairs, found as all-pairs finds them."""
    texts = [title]
    for at, letter, insert in edits:
        last = texts[-1]
        at %= len(last) + 1
        texts.append(last[:at] + letter + last[at:] if insert else last[:at] + last[at + 1 :])
    assert every_pair(texts, 0.92) == list(similar_pairs(texts, 0.92))


@pytest.mark.parametrize("threshold", [0, -1, 1.5])
def test_threshold_out_of_range(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        list(similar_pairs(["a"], threshold))


def test_large_group_of_one_place() -> None:
    """300 titles of one level and one place, one a slip of another: found, as all-pairs finds.

    Before, a group of more than 200 distinct titles was not compared at all.
    """
    words = ["ถนนลาดยาง", "ท่อระบายน้ำ", "ระบบประปา", "ศาลาประชาคม", "สะพานข้ามคลอง"]
    places = ["บ้านนายสมชาย", "วัดกลาง", "โรงเรียนบ้านนา", "ตลาดสด", "ศูนย์เด็กเล็ก", "สนามกีฬา"]
    ends = ["ถึงทางหลวง", "ถึงหนองน้ำ", "ถึงเขตตำบล", "ถึงป่าชุมชน", "ถึงสระน้ำ", "ถึงนาข้าว"]
    ends += ["ถึงลำห้วย", "ถึงบ่อขยะ", "ถึงสถานีอนามัย", "ถึงหอกระจายข่าว"]
    titles = [f"ก่อสร้าง{w}จาก{p}{e}" for w in words for p in places for e in ends]
    assert len(titles) == 300
    slip = titles[123].replace("จาก", "จก")
    rows = [*enumerate(titles), ("slip", slip)]
    projects = "".join(
        f"  - {{id: p{i}, title: '{title}', level: local,"
        " links: [{tree: national-strategy, node: '2'}]}\n"
        for i, title in rows
    )
    register = thaiplan.loads_register(
        "format: thaiplan-register/1\ntrees: [national-strategy]\nprojects:\n" + projects
    )
    found = {frozenset(f.objects) for f in thaiplan.validate(register).by_code("project-duplicate")}
    assert frozenset({"projects.p123", "projects.pslip"}) in found
    keys = sorted(title for _, title in rows)
    assert len(found) == len(every_pair(keys, 0.92))
