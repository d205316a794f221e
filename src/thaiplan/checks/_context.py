"""The context a rule looks at: the calendar, the document, the schedule, and indices shared by the rules.

:func:`~thaiplan.validate` makes one :class:`Context` a call and gives it to
every rule. What several rules need is worked out once, the first time a rule
asks, and kept for the others: the schedule, where each step is by id, and
every dependency resolved to the places of the two steps. At 100,000 steps a
lookup by id is a miss in the processor's caches (the ids, the dict and the
steps are spread over some 150 MB), so the rules that walk the dependencies
walk these flat lists, in the order the steps are stored, and look nothing up.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from thaiplan.errors import DependencyCycleError, HolidayDataError, ModelError
from thaiplan.model._document import PlanningDocument
from thaiplan.model._progress import Progress
from thaiplan.model._register import ProjectRegister
from thaiplan.model._steps import Dependency, PlanningCalendar, Step
from thaiplan.scheduling._combined import (
    schedule_combined,
    split_reference,
    without_cross_references,
)
from thaiplan.scheduling._passes import schedule
from thaiplan.scheduling._schedule import Schedule

__all__ = ["Context"]


class Context:
    """What a rule looks at: the calendar, the document, the project register, the schedule.

    Attributes:
        calendar: The calendar (``None`` for a document without one, or a register alone).
        document: The document, when :func:`validate` was given one.
        progress: The progress reports, when :func:`validate` was given them.
        register: The project register, when :func:`validate` was given one.
        with_calendars: The other calendars :func:`validate` was given, by
            every name a step may use for them (``budget-2563``).
    """

    def __init__(
        self,
        calendar: PlanningCalendar | None,
        document: PlanningDocument | None,
        progress: Progress | None = None,
        register: ProjectRegister | None = None,
        with_calendars: Mapping[str, PlanningCalendar] | None = None,
    ) -> None:
        self.calendar = calendar
        self.document = document
        self.progress = progress
        self.register = register
        #: The other calendars given to check this one inside, by every name
        #: a reference may use (see :mod:`thaiplan.scheduling._combined`).
        self.with_calendars: Mapping[str, PlanningCalendar] = with_calendars or {}
        self._combined: Schedule | None = None
        self._combined_done = False
        self._combined_cycle: tuple[str, ...] = ()
        self._cycle: tuple[str, ...] = ()
        self._schedule: Schedule | None = None
        self._scheduled = False
        self._failure: Exception | None = None
        self._index: Mapping[str, int] | None = None
        self._links: _Links | None = None

    @property
    def schedule(self) -> Schedule | None:
        """The schedule, or ``None`` when the steps cannot be ordered.

        It is computed once, the first time a rule asks; if computing it fails
        in an unexpected way, every rule that asks gets the same exception
        (and becomes a ``rule-failed`` finding), without computing it again.
        """
        if self._failure is not None:
            raise self._failure
        if not self._scheduled:
            self._schedule = self._compute()
            self._scheduled = True
        return self._schedule

    def _compute(self) -> Schedule | None:
        if self.calendar is None:
            return None
        try:
            alone = (  # without the others' steps (their order: rules/cross.py)
                without_cross_references(self.calendar)
                if any(kind == "after" for _, kind, *_ in self.cross_references)
                else self.calendar
            )
            if alone is not self.calendar:
                if self.document is not None:
                    return schedule(attrs.evolve(self.document, calendar=alone))
                return schedule(alone)
            return schedule(self.document if self.document is not None else self.calendar)
        except DependencyCycleError as error:
            self._cycle = error.cycle
            return None
        except (ModelError, HolidayDataError):
            return None  # reported by the rules on references, or not checkable
        except Exception as error:
            self._failure = error
            raise

    @property
    def combined_schedule(self) -> Schedule | None:
        """The schedule of the calendar together with :attr:`with_calendars`.

        ``None`` without other calendars, or when the combination cannot be
        scheduled (a reference to a calendar not given, a cycle: the rules on
        references and cycles report those). The primary calendar's steps keep
        their ids; the others' are ``name:id``.
        """
        if not self._combined_done:
            self._combined_done = True
            if self.calendar is not None and self.with_calendars:
                try:
                    self._combined = schedule_combined(
                        self.calendar, self.document, self.with_calendars
                    )
                except DependencyCycleError as error:
                    self._combined_cycle = error.cycle
                except (ModelError, HolidayDataError):
                    self._combined = None
        return self._combined

    @property
    def combined_cycle(self) -> tuple[str, ...]:
        """One cycle through the calendars together, when their steps form one; else ``()``."""
        _ = self.combined_schedule  # scheduling them together finds it
        return self._combined_cycle

    @property
    def cycle(self) -> tuple[str, ...]:
        """The steps of one cycle, in order, when the steps form one; else ``()``."""
        _ = self.schedule  # the schedule finds the cycle
        return self._cycle

    @property
    def step_index(self) -> Mapping[str, int]:
        """Where each step is in :attr:`steps`, by id (the last, for an id used twice).

        Made once for all the rules that ask (or taken from the schedule, which has it).
        """
        if self._index is None:
            if self._schedule is not None:
                self._index = self._schedule._index
            else:
                self._index = {step.id: i for i, step in enumerate(self.steps)}
        return self._index

    @property
    def steps(self) -> tuple[Step, ...]:
        """The calendar's steps (none without a calendar)."""
        return self.calendar.steps if self.calendar is not None else ()

    @property
    def dependencies(self) -> tuple[list[int], list[int], list[Dependency]]:
        """Every dependency in a step's ``after`` that names a step of the calendar, in order.

        Three lists of the same length, in the order of the steps and of their
        ``after``: where the step that follows is in :attr:`steps`, where the
        step it follows is (by :attr:`step_index`), and the dependency. A rule
        that walks the dependencies walks these lists, and looks no id up.
        Worked out once, for all the rules that ask, with
        :attr:`unknown_dependencies` and :attr:`cross_references`.
        """
        return self._linked().known

    @property
    def unknown_dependencies(self) -> Mapping[int, list[Dependency]]:
        """The dependencies in ``after`` that name no step of the calendar, by the step's place.

        Another calendar's steps (``budget-2563:s1``) among them.
        """
        return self._linked().unknown

    @property
    def cross_references(self) -> tuple[tuple[Step, str, str, str, str], ...]:
        """Every reference of a step to another calendar's step (``budget-2563:s1``), in order.

        ``(step, "after" or "feeds", reference, calendar name, step id)``, each
        step's ``after`` then its ``feeds``. A reference that is an id of this
        calendar's own steps is its own step, not another calendar's.
        """
        return self._linked().cross

    def _linked(self) -> _Links:
        if self._links is None:
            self._links = _link(self.steps, self.step_index)
        return self._links


@attrs.frozen
class _Links:
    """The dependencies of a calendar's steps, resolved once (see :attr:`Context.dependencies`)."""

    known: tuple[list[int], list[int], list[Dependency]]
    unknown: dict[int, list[Dependency]]
    cross: tuple[tuple[Step, str, str, str, str], ...]


def _link(steps: tuple[Step, ...], index: Mapping[str, int]) -> _Links:
    """One pass over the steps: each ``after`` looked up once, references to other calendars."""
    find = index.get
    followers: list[int] = []
    followed: list[int] = []
    known: list[Dependency] = []
    unknown: dict[int, list[Dependency]] = {}
    cross: list[tuple[Step, str, str, str, str]] = []
    for k, step in enumerate(steps):
        for dependency in step.after:
            j = find(dependency.step)
            if j is None:
                unknown.setdefault(k, []).append(dependency)
            else:
                followers.append(k)
                followed.append(j)
                known.append(dependency)
        if k in unknown or step.feeds:  # as cross_references finds them, in its order
            for kind, references in (
                ("after", [d.step for d in unknown.get(k, ())]),
                ("feeds", [reference for reference in step.feeds if reference not in index]),
            ):
                for reference in references:
                    parts = split_reference(reference)
                    if parts is not None:
                        cross.append((step, kind, reference, parts[0], parts[1]))
    return _Links((followers, followed, known), unknown, tuple(cross))
