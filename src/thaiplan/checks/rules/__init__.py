"""The built-in rules, one module per family; importing this package registers them all.

Each family is one module, and a new rule goes into the module of its family,
registered there with :func:`~thaiplan.rule`:

- :mod:`~thaiplan.checks.rules.structure`: ids, references, dependencies on
  nothing or on itself, cycles;
- :mod:`~thaiplan.checks.rules.timing`: dependencies that cannot be kept,
  negative slack, conflicting deadlines;
- :mod:`~thaiplan.checks.rules.constraints`: relative windows with nothing to
  count from, most gaps that cannot all be kept;
- :mod:`~thaiplan.checks.rules.gantt`: the Gantt table against the stated periods;
- :mod:`~thaiplan.checks.rules.days`: weekdays and working days;
- :mod:`~thaiplan.checks.rules.cycle`: the order of the planning round;
- :mod:`~thaiplan.checks.rules.document`: letters, attachments, names, corrections;
- :mod:`~thaiplan.checks.rules.progress`: progress reports against the plan.
- :mod:`~thaiplan.checks.rules.projects`: the projects of a register.
- :mod:`~thaiplan.checks.rules.summary`: the ผ.๐๑ summary's own sums.
- :mod:`~thaiplan.checks.rules.rounds`: the fiscal year a calendar prepares: its
  round, its title, steps that come too late;
- :mod:`~thaiplan.checks.rules.names`: central agencies' names and DOPA codes
  against the official lists shipped in ``thaiplan/data/reference/``;
- :mod:`~thaiplan.checks.rules.plans`: which way plans are consistent, their year.
- :mod:`~thaiplan.checks.rules.cross`: a calendar inside others (steps that
  follow or feed another calendar's steps).

The families are imported in this order, which is the order the rules run in
and the order of findings of the same severity.
"""

import importlib
from typing import Final

#: The families, in the order their rules run.
FAMILIES: Final = (
    "structure",
    "timing",
    "constraints",
    "gantt",
    "days",
    "cycle",
    "document",
    "progress",
    "projects",
    "summary",
    "rounds",
    "names",
    "plans",
    "cross",
)

for _family in FAMILIES:
    importlib.import_module(f"{__name__}.{_family}")
