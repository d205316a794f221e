"""Rules on the plans a calendar produces or reviews: which way they are consistent, their year.

- ``plan-consistent-with-itself``: a plan whose ``consistent_with`` names itself;
- ``plan-consistent-downward``: a plan said to be consistent with a plan of a
  lower level (a provincial plan consistent with village plans): plans are
  consistent upward, village to nation (:class:`~thaiplan.PlanLevel`);
- ``plan-fiscal-year``: an annual plan whose fiscal year (its ``fiscal_year``, or
  the ปีงบประมาณ its name gives) is not the calendar's.
"""

from __future__ import annotations

from collections.abc import Iterator

from thaiplan.checks._registry import Context, Issue, rule
from thaiplan.checks.rules.rounds import fiscal_years_named
from thaiplan.model._plans import Plan, PlanKind, PlanLevel

_RANK = {level: rank for rank, level in enumerate(PlanLevel)}


def _plans(context: Context) -> Iterator[tuple[str, Plan]]:
    """(where, plan) for the calendar's plans and the document's own."""
    if context.calendar is not None:
        for plan in context.calendar.plans:
            yield f"plans.{plan.id}", plan
    if context.document is not None:
        for plan in context.document.plans:
            yield f"document.plans.{plan.id}", plan


@rule(
    "plan-consistent-with-itself",
    severity="error",
    description="a plan's consistent_with names other plans, not itself",
)
def _consistent_with_itself(context: Context) -> Iterator[Issue]:
    for where, plan in _plans(context):
        if plan.id in plan.consistent_with:
            yield Issue(
                f"{where}: the plan {plan.id!r} ({plan.name}) names itself in consistent_with;"
                " name the plans of the level above it it must agree with",
                f"{where}: แผน '{plan.name}' ระบุตัวเองใน consistent_with"
                " ให้ระบุแผนระดับที่สูงกว่าที่แผนนี้ต้องสอดคล้อง",
                objects=(where,),
            )


@rule(
    "plan-consistent-downward",
    severity="error",
    description="plans are consistent upward: consistent_with names no plan of a lower level",
)
def _consistent_downward(context: Context) -> Iterator[Issue]:
    plans = list(_plans(context))
    by_id = {plan.id: (where, plan) for where, plan in plans}
    for where, plan in plans:
        for other_id in plan.consistent_with:
            found = by_id.get(other_id)
            if found is None or other_id == plan.id:
                continue
            there, other = found
            if _RANK[other.level] < _RANK[plan.level]:
                yield Issue(
                    f"{where}: the {plan.level} plan {plan.id!r} is said to be consistent with"
                    f" the {other.level} plan {other.id!r}, a lower level; plans are consistent"
                    f" upward: put {plan.id!r} in the consistent_with of {other.id!r} instead",
                    f"{where}: แผนระดับ {plan.level} '{plan.name}' ระบุว่าสอดคล้องกับแผนระดับ"
                    f" {other.level} '{other.name}' ซึ่งเป็นระดับที่ต่ำกว่า แผนต้องสอดคล้องกับแผนระดับที่สูงกว่า"
                    f" ให้ระบุ '{plan.id}' ใน consistent_with ของ '{other.id}' แทน",
                    objects=(where, there),
                )


@rule(
    "plan-fiscal-year",
    severity="error",
    description="an annual plan is for the fiscal year the calendar prepares",
)
def _plan_fiscal_year(context: Context) -> Iterator[Issue]:
    calendar = context.calendar
    if calendar is None or calendar.fiscal_year is None:  # a standing template: no year
        return
    year = calendar.fiscal_year
    for where, plan in _plans(context):
        if plan.kind is not PlanKind.ANNUAL_ACTION:
            continue
        if plan.fiscal_year is not None and plan.fiscal_year != year:
            yield Issue(
                f"{where}: the annual plan {plan.id!r} is for fiscal year {plan.fiscal_year}, but"
                f" the calendar prepares fiscal year {year}: correct the plan's fiscal_year or"
                " the calendar's",
                f"{where}: แผนประจำปี '{plan.name}' เป็นของปีงบประมาณ {plan.fiscal_year}"
                f" แต่ปฏิทินเตรียมการสำหรับปีงบประมาณ {year}",
                objects=(where, "calendar.fiscal_year"),
            )
            continue
        expected = plan.fiscal_year if plan.fiscal_year is not None else year
        for written, first, last in fiscal_years_named(plan.name):
            if not first <= expected <= last:
                yield Issue(
                    f"{where}: the annual plan's name says {written!r} but it is for fiscal year"
                    f" {expected}: correct its name or its fiscal_year",
                    f"{where}: ชื่อแผนประจำปีระบุ '{written}' แต่แผนเป็นของปีงบประมาณ {expected}",
                    objects=(where, "calendar.fiscal_year"),
                )
                break
