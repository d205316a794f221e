"""The "did you mean" hints: difflib's choice on small sets, a typo's fix on large ones, never slow."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from thaiplan import PlanningCalendar, Step, validate
from thaiplan.model._close import LONGEST_INDEXED, SCAN_LIMIT, CloseNames
from thaiplan.model._steps import Dependency, Phase

LETTERS = "abcs-_0123456789กขค"
names = st.text(alphabet=LETTERS, min_size=1, max_size=12)


def near(a: str, b: str) -> bool:
    """A and b are equal once at most one letter is deleted from each."""

    def deletions(word: str) -> set[str]:
        return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}

    return bool(deletions(a) & deletions(b))


def typo(word: str, position: int, kind: int, letter: str) -> str:
    """``word`` with one edit at ``position``: changed, dropped, added or swapped with the next."""
    position %= len(word)
    if kind == 0:
        return word[:position] + letter + word[position + 1 :]
    if kind == 1 and len(word) > 1:
        return word[:position] + word[position + 1 :]
    if kind == 2 or position + 1 >= len(word):
        return word[:position] + letter + word[position:]
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


class TestSmallSets:
    @settings(max_examples=60)
    @given(st.lists(names, max_size=40, unique=True), names)
    def test_difflib_choice(self, known: list[str], word: str) -> None:
        """Up to SCAN_LIMIT names, the answer is exactly difflib's."""
        close = difflib.get_close_matches(word, known, n=1)
        assert (close[0] if close else None) == CloseNames(known).closest(word)

    def test_known_answers(self) -> None:
        close = CloseNames(["prepare-request", "submit-request", "kbj-meeting"])
        assert "kbj-meeting" == close.closest("kbj_meeting")
        assert "; did you mean 'submit-request'?" == close.hint("submit-requests")
        assert "" == close.hint("nothing-like-it")


KNOWN = tuple(f"step-{n}" for n in range(SCAN_LIMIT * 3))
CLOSE = CloseNames(KNOWN)


class TestLargeSets:
    @settings(max_examples=80)
    @given(
        st.sampled_from(KNOWN),
        st.integers(0, 20),
        st.integers(0, 3),
        st.sampled_from("abc-0123456789"),
    )
    def test_a_typo_finds_a_name_one_edit_away(
        self, name: str, position: int, kind: int, letter: str
    ) -> None:
        """A name with one edit gets a hint at least as close, by difflib's ratio, as that name."""
        word = typo(name, position, kind, letter)
        answer = CLOSE.closest(word)
        if word in KNOWN:
            return  # the edit made another name (step-12 → step-1)
        assert answer is not None, word
        assert answer in KNOWN
        assert near(word, answer), (word, answer)
        ratio = difflib.SequenceMatcher(None, word, answer).ratio()
        assert ratio >= difflib.SequenceMatcher(None, word, name).ratio()

    def test_far_words_get_none(self) -> None:
        assert CLOSE.closest("a-completely-other-id") is None
        assert CLOSE.closest("s" * (LONGEST_INDEXED + 5)) is None

    def test_answers_are_kept(self) -> None:
        close = CloseNames(KNOWN)
        assert close.closest("step-7") == close.closest("step-7")
        assert "step-7" in close._answers

    def test_read_once_at_the_first_question(self) -> None:
        """The names are read when first asked for, not when the finder is made."""
        taken: list[int] = []

        def names() -> list[str]:
            taken.append(1)
            return ["a1", "a2"]

        class Lazy:
            def __iter__(self) -> Iterator[str]:
                return iter(names())

        close = CloseNames(Lazy())
        assert [] == taken
        close.closest("a3")
        close.closest("a4")
        assert [1] == taken


def test_unknown_steps_in_a_large_calendar_get_hints() -> None:
    """unknown-step on a calendar of more than SCAN_LIMIT steps: the typo's fix is the hint."""
    count = SCAN_LIMIT + 50
    steps = [Step(f"step-{n}", n + 1, "p", f"ขั้นตอน {n}", "พ.ค. ๖๑") for n in range(count)]
    steps.append(Step("last", count + 1, "p", "สุดท้าย", "มิ.ย. ๖๑", after=[Dependency("stpe-12")]))
    calendar = PlanningCalendar("ปฏิทิน", "สมุทรสาคร", 2563, phases=[Phase("p", "ระยะ")], steps=steps)
    (finding,) = [f for f in validate(calendar).findings if f.code == "unknown-step"]
    assert "did you mean 'step-12'?" in finding.message_en
