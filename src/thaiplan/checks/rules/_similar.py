"""Pairs of texts that difflib finds alike, without comparing every text with every other.

``project-duplicate`` looks for two titles of one place that differ by a
letter or two (ถนน คสล. หมู่ที่ ๓ and ถนนคสล หมู่ ๓). Comparing every pair
of a group is quadratic: a province's register can hold thousands of titles
of one level and one place. :func:`similar_pairs` finds the same pairs as
comparing them all, through a filter that cannot miss one:

- difflib's ratio is ``2·M / (la + lb)``, where ``M`` counts matched
  characters; ``M`` is at most the longest common subsequence, so a ratio of
  at least ``t`` leaves at most ``D = (1 - t)·(la + lb)`` characters inserted
  or deleted between the two, and a length ratio of at least ``t``;
- each insertion or deletion breaks at most ``Q`` of a text's ``Q``-grams
  (its runs of ``Q`` characters), so a text within ``D`` of ``a`` holds all
  but at most ``Q·D`` of ``a``'s distinct grams;
- so it holds at least one of any ``Q·D + 1`` of them. Each text is looked up
  by its ``Q·D + 1`` rarest grams (prefix filtering, as in the set-similarity
  joins of Chaudhuri et al. 2006 and Xiao et al.'s PPJoin, 2008), and only
  the texts holding one of those are compared, first by how many grams
  they share (each must keep all but ``Q·D`` of its own), then with difflib.

A title's rarest grams are its own words, not the ``โครงการ`` that every title
starts with, so each title meets few others. When the titles share most of
their words the filter leaves a share of all the pairs, and the cost still
grows with the square of the group, but each pair left costs a set
intersection rather than difflib: ``python benchmarks/bench_duplicates.py``
measures such a group (1,000 titles: 0.31 s, against 15.2 s comparing every
pair).
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Final

#: The length of the grams the texts are indexed by: two characters (a Thai letter and its vowel
#: or tone mark are two). Any length finds the same pairs; two keeps the prefixes short.
Q: Final = 2


def _grams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + Q] for i in range(len(text) - Q + 1))


def similar_pairs(texts: Sequence[str], threshold: float) -> Iterator[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of texts whose difflib ratio is at least ``threshold``.

    The same pairs, in the same order, as comparing every pair with
    :class:`difflib.SequenceMatcher` (``real_quick_ratio``, then ``ratio``).

    >>> titles = ["ถนนคสลหมู่ที่3", "ถนนคสล.หมู่ที่3", "ขุดลอกคลองหมู่ที่3", "ถนนคสลหมูที่3"]
    >>> list(similar_pairs(titles, 0.92))
    [(0, 1), (0, 3), (1, 3)]
    >>> list(similar_pairs(["", ""], 0.92))  # two empty texts are alike (ratio 1)
    [(0, 1)]
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")
    grams = [_grams(text) for text in texts]
    rarity = Counter(gram for own in grams for gram in own)
    postings: dict[str, list[int]] = {}
    for index, own in enumerate(grams):
        for gram in own:
            postings.setdefault(gram, []).append(index)
    for i, text in enumerate(texts):
        own = grams[i]
        candidates = _candidates(i, text, own, texts, rarity, postings, threshold)
        for j in sorted(candidates):
            # the same lemma, with both lengths known: each text keeps all but Q·D of its grams
            most = Q * _floor((1 - threshold) * (len(text) + len(texts[j])))
            shared = len(own & grams[j])
            if shared < len(own) - most or shared < len(grams[j]) - most:
                continue
            matcher = difflib.SequenceMatcher(None, text, texts[j])
            if matcher.real_quick_ratio() >= threshold and matcher.ratio() >= threshold:
                yield i, j


def _candidates(
    i: int,
    text: str,
    own: frozenset[str],
    texts: Sequence[str],
    rarity: Counter[str],
    postings: dict[str, list[int]],
    threshold: float,
) -> set[int]:
    """The texts after ``i`` that the filter lets through: those holding one of its rarest grams."""
    length = len(text)
    longest = _floor(length * (2 - threshold) / threshold)  # a longer one has a lower ratio
    most = _floor((1 - threshold) * (length + longest))  # insertions and deletions
    prefix = Q * most + 1
    if prefix > len(own):  # too short to filter: every text after it
        return {
            j for j in range(i + 1, len(texts)) if _lengths_allow(length, len(texts[j]), threshold)
        }
    ranked = sorted(own, key=lambda gram: (rarity[gram], gram))[:prefix]
    found: set[int] = set().union(*(postings[gram] for gram in ranked))
    return {j for j in found if j > i and _lengths_allow(length, len(texts[j]), threshold)}


def _floor(bound: float) -> int:
    """A bound rounded down, but never below what rounding of floats can take from it.

    ``(1 - 0.92) * 50`` is 3.999999999999998 in floats, and its floor 3 would let the
    filter miss two texts of 50 letters between them four apart; a bound too high only
    lets one more text through.

    >>> _floor((1 - 0.92) * 50)
    4
    """
    return math.floor(bound + 1e-9)


def _lengths_allow(la: int, lb: int, threshold: float) -> bool:
    """Whether two lengths allow a ratio of ``threshold``: difflib's ``real_quick_ratio``, as it works it out."""
    return la + lb == 0 or 2.0 * min(la, lb) / (la + lb) >= threshold
