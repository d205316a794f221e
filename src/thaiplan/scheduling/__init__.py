"""Scheduling: the earliest and latest days of every step, and calendars moved in time.

``_passes`` runs the backward and forward passes (its docstring states the
semantics) and returns the ``Schedule`` of ``_schedule``, with its bounds and
the explanation of every bound. ``_graph`` gives the steps as a networkx graph;
``_shift`` re-bases a calendar on another fiscal year. Scheduling reads the
model and nothing above it. The folder is not called ``schedule`` because that
is the name of the function that :mod:`thaiplan` re-exports: a subpackage of
the same name would replace the function on the package. The public names are
re-exported by :mod:`thaiplan`.
"""
