"""The dependency graph of a calendar's steps, as a networkx graph.

This is the only module of thaiplan that imports networkx, and it does so
when :func:`dependency_graph` is first called, so that ``import thaiplan``
stays light. thaiplan's own scheduling does not need it (see
:mod:`thaiplan.scheduling._schedule`); the graph is for users who want to run any
networkx algorithm on a calendar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from thaiplan.scheduling._source import calendar_and_document

if TYPE_CHECKING:
    import networkx

    from thaiplan.model._document import PlanningDocument
    from thaiplan.model._steps import PlanningCalendar

__all__ = ["dependency_graph"]


def dependency_graph(calendar: PlanningCalendar | PlanningDocument) -> networkx.DiGraph:
    """The steps of ``calendar`` (or of a document's calendar) as a :class:`networkx.DiGraph`.

    Nodes are step ids, with the attributes ``step`` (the :class:`~thaiplan.Step`)
    and ``window`` (the first and last day of its stated period; the first is
    ``None`` for a deadline). An edge ``a -> b`` means ``b`` follows ``a``
    (finish-to-start), with the attributes ``lag``, ``unit`` and ``reason``.
    A dependency on a step the calendar does not have is left out (see
    :func:`~thaiplan.validate` for the finding).

    >>> import thaiplan, networkx
    >>> graph = thaiplan.dependency_graph(thaiplan.load_calendar("samut-sakhon-2563"))
    >>> networkx.is_directed_acyclic_graph(graph), graph.number_of_nodes()
    (True, 15)
    """
    calendar, _ = calendar_and_document("dependency_graph", calendar, "calendar")
    import networkx

    graph = networkx.DiGraph(title=calendar.title, fiscal_year=calendar.fiscal_year)
    for step in calendar.steps:
        graph.add_node(step.id, step=step, window=(step.period.start, step.period.end))
    for step in calendar.steps:
        for dependency in step.after:
            if dependency.step in graph:
                graph.add_edge(
                    dependency.step,
                    step.id,
                    lag=dependency.lag,
                    unit=dependency.unit,
                    reason=dependency.reason,
                )
    return graph
