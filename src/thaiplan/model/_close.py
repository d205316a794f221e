"""The known name closest to one that is not known: the "did you mean" of a problem.

:func:`difflib.get_close_matches` compares a word with every known name. On a
calendar of 100,000 steps with a thousand references to steps that do not
exist, that is 10^8 comparisons: minutes, to write a hint. So, as CPython's
own "Did you mean" does for names (it stops scanning beyond 750 candidates),
:class:`CloseNames` compares a word with every name only where there are at
most :data:`SCAN_LIMIT` of them. Beyond that it compares it with the names that
equal it once at most one letter is deleted from each: every name one edit
away (a letter added, dropped or changed, or two neighbours swapped) and a few
two edits away, found through an index of every name with one letter deleted
(the symmetric-deletion method of SymSpell): a few dictionary look-ups a word,
whatever the number of names. Among the candidates, difflib chooses as before,
so a small calendar gets exactly the hints it got, and a large one gets the
hint of a typo.

Names longer than :data:`LONGEST_INDEXED` characters are left out of the index
(an id is a word, and each indexed name costs the square of its length), so in
a large calendar they are not suggested.

>>> names = CloseNames(["s1", "s2", "kbj-meeting"])
>>> names.closest("kbj-meting")
'kbj-meeting'
>>> names.closest("zzz") is None
True
>>> many = CloseNames([f"step-{n}" for n in range(10_000)])
>>> many.closest("stpe-7421"), many.closest("step-74210"), many.closest("elsewhere")
('step-7421', 'step-7421', None)
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Final

__all__ = ["LONGEST_INDEXED", "SCAN_LIMIT", "CloseNames"]

#: Up to this many names, a word is compared with each (CPython's limit for its hints).
SCAN_LIMIT: Final = 750
#: The longest name the index of a large set of names holds.
LONGEST_INDEXED: Final = 64


def _deletions(word: str) -> Iterator[str]:
    """The word, and the word with each one of its letters deleted."""
    yield word
    for position in range(len(word)):
        yield word[:position] + word[position + 1 :]


class CloseNames:
    """The closest of ``names`` to a word, at a cost that does not grow with the names.

    Made once for a set of names (read at the first question, so making one
    where no name will be asked for costs nothing) and asked many times; each
    answer is kept.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._given = names
        self._names: list[str] = []
        self._read = False
        self._index: dict[str, list[str]] | None = None
        self._answers: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        """The name closest to ``word`` by :func:`difflib.get_close_matches`, or None."""
        if word in self._answers:
            return self._answers[word]
        if not self._read:
            self._names, self._read = list(self._given), True
        if len(self._names) <= SCAN_LIMIT:
            candidates = self._names
        elif len(word) > LONGEST_INDEXED + 1:
            candidates = []
        else:
            candidates = self._one_edit_away(word)
        close = difflib.get_close_matches(word, candidates, n=1)
        answer = close[0] if close else None
        self._answers[word] = answer
        return answer

    def hint(self, word: str) -> str:
        """``"; did you mean 'x'?"`` for the closest name, or nothing."""
        answer = self.closest(word)
        return f"; did you mean {answer!r}?" if answer is not None else ""

    def _one_edit_away(self, word: str) -> list[str]:
        if self._index is None:
            index: dict[str, list[str]] = {}
            for name in self._names:
                if len(name) <= LONGEST_INDEXED:
                    for deleted in _deletions(name):
                        index.setdefault(deleted, []).append(name)
            self._index = index
        found: dict[str, None] = {}
        for deleted in _deletions(word):
            for name in self._index.get(deleted, ()):
                found[name] = None
        return list(found)
