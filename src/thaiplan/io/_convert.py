"""The cattrs converter that structures checked values into the model, and unstructures them for writing."""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from thaiplan.dates import Period, format_period, parse_period
from thaiplan.model._letters import LetterNumber
from thaiplan.model._meetings import AgendaKind, ResolutionKind
from thaiplan.model._organisations import AgencyKind, Level
from thaiplan.model._plans import PlanKind, PlanLevel
from thaiplan.model._progress import ProgressState
from thaiplan.model._scope import Recurs, Scope, given_years
from thaiplan.model._steps import Dependency, LagUnit, PlanningCalendar, Step

# -- 5. structure and unstructure by cattrs ---------------------------------------------


def _derived(field: attrs.Attribute[Any]) -> bool:
    """Whether a record's field is derived from another (``Step.period`` from ``Step.when``)."""
    return bool(field.metadata.get("derived"))


_CONVERTER: cattrs.Converter | None = None
_FAST_CONVERTER: cattrs.Converter | None = None


def _converter() -> cattrs.Converter:
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = _make_converter()
    return _CONVERTER


def _fast_converter() -> cattrs.Converter:
    """The converter of the fast reader: a step's ``period`` may be given, already read.

    A fast reader reads each distinct ``when`` once, and gives the period to
    every step that states it (periods are immutable), instead of each step
    reading its own: a calendar of 100,000 steps states a few hundred.
    """
    global _FAST_CONVERTER
    if _FAST_CONVERTER is None:
        _FAST_CONVERTER = _make_converter(given_periods=True)
    return _FAST_CONVERTER


def _is_tuple(cls: Any) -> bool:
    return typing.get_origin(cls) is tuple


def _enum_value(member: enum.Enum) -> Any:
    return member.value


_ENUMS: Final = (
    AgencyKind,
    AgendaKind,
    LagUnit,
    Level,
    PlanKind,
    PlanLevel,
    ProgressState,
    Recurs,
    ResolutionKind,
    Scope,
)


def _make_converter(*, given_periods: bool = False) -> cattrs.Converter:
    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    # StrEnum members are str instances, which cattrs would pass through as
    # they are; each enum is registered by name so that its plain value is written.
    for enum_class in _ENUMS:
        converter.register_unstructure_hook(enum_class, _enum_value)
    converter.register_structure_hook(
        Period,
        lambda value, _: (
            value if given_periods and isinstance(value, Period) else parse_period(value)
        ),
    )
    converter.register_unstructure_hook(Period, lambda period: period.text or format_period(period))
    converter.register_structure_hook(LetterNumber, lambda value, _: LetterNumber.parse(value))
    converter.register_unstructure_hook(LetterNumber, str)

    if given_periods:
        # the fast reader structures the steps one by one, then the calendar
        def structure_steps(value: Any, _: Any) -> tuple[Step, ...]:
            if value and all(isinstance(step, Step) for step in value):
                return tuple(value)
            return tuple(converter.structure(step, Step) for step in value)

        converter.register_structure_hook_func(lambda cls: cls == tuple[Step, ...], structure_steps)

    def structure_dependency(value: Any, _: Any) -> Dependency:
        if isinstance(value, str):
            return Dependency(value)
        return converter.structure_attrs_fromdict(value, Dependency)

    converter.register_structure_hook(Dependency, structure_dependency)
    # A list of one may be written as the one: `responsible: kbj`.
    converter.register_structure_hook_func(
        lambda cls: cls == tuple[str, ...],
        lambda value, _: (value,) if isinstance(value, str) else tuple(value),
    )

    def unstructure_dependency(dependency: Dependency) -> Any:
        if dependency == Dependency(dependency.step):
            return dependency.step
        return base_dependency(dependency)

    base_dependency = make_dict_unstructure_fn(Dependency, converter, _cattrs_omit_if_default=True)
    converter.register_unstructure_hook(Dependency, unstructure_dependency)

    def derived_hooks(cls: type) -> bool:
        return attrs.has(cls) and any(_derived(field) for field in attrs.fields(cls))

    def structure_factory(cls: type) -> Callable[[Any, Any], Any]:
        omit: Any = {
            field.name: override(omit=True)
            for field in attrs.fields(cls)
            if _derived(field) and not (given_periods and cls is Step and field.name == "period")
        }
        base: Callable[..., Any] = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, **omit
        )
        if cls is not Step:
            return base

        def structure_step(value: Any, kind: Any) -> Step:
            # `when: null` is no date; a duration written as text is the step's duration_text
            if type(value.get("duration")) is str or value.get("when", "") is None:
                value = dict(value)
                if value.get("when", "") is None:
                    value["when"] = ""
                if type(value.get("duration")) is str:
                    value["duration_text"] = value.pop("duration")
            step: Step = base(value, kind)
            return step

        return structure_step

    def unstructure_factory(cls: type) -> Callable[[Any], Any]:
        omit: Any = {
            field.name: override(omit=True) for field in attrs.fields(cls) if _derived(field)
        }
        base: Callable[..., Any] = make_dict_unstructure_fn(
            cls, converter, _cattrs_omit_if_default=True, **omit
        )
        if cls is not Step:
            return base

        def unstructure_step(step: Step) -> Any:
            # a duration written as text is written back as the text, under `duration`
            values = base(step)
            if step.duration_text:
                values.pop("duration", None)
                values["duration"] = values.pop("duration_text")
            return values

        return unstructure_step

    converter.register_structure_hook_factory(derived_hooks, structure_factory)
    converter.register_unstructure_hook_factory(derived_hooks, unstructure_factory)
    # Tuples are written as lists: YAML and JSON have no tuples.
    converter.register_unstructure_hook_func(
        _is_tuple, lambda value: [converter.unstructure(item) for item in value]
    )
    base_calendar = make_dict_unstructure_fn(
        PlanningCalendar, converter, _cattrs_omit_if_default=True
    )

    def unstructure_calendar(calendar: PlanningCalendar) -> Any:
        # A step's year is written only where it is not the one the calendar gives it.
        data = base_calendar(calendar)
        if calendar.year is None and calendar.recurs is None:
            return data
        given = given_years(
            [step.when for step in calendar.steps],
            year=calendar.year,
            recurs=calendar.recurs,
            fiscal_year=calendar.fiscal_year,
        )
        for step, written, its_year in zip(
            calendar.steps, data.get("steps", ()), given, strict=True
        ):
            if "year" in written and step.year == its_year:
                del written["year"]
        return data

    converter.register_unstructure_hook(PlanningCalendar, unstructure_calendar)
    return converter
