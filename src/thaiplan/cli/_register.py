"""The ``thaiplan trace`` command: the way of one project of a register through the plans."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO

from thaiplan.cli._common import EXIT_OK, _UsageError

__all__ = ["_trace"]


def _trace(args: argparse.Namespace, out: IO[str]) -> int:
    """Print the trace of ``args.project`` in the register ``args.register``."""
    from thaiplan.errors import ModelError
    from thaiplan.io._files import builtin_names, load_calendar
    from thaiplan.io._register import load_register
    from thaiplan.model._trace import trace

    if not Path(args.register).exists():
        raise _UsageError(f"{args.register}: no such register file")
    register = load_register(args.register)
    calendar = None
    if args.calendar is not None:
        if not Path(args.calendar).exists() and args.calendar not in builtin_names("document"):
            raise _UsageError(
                f"{args.calendar}: no such file, and no built-in calendar of that name"
            )
        calendar = load_calendar(args.calendar)
    try:
        result = trace(register, args.project, calendar=calendar)
    except ModelError:
        known = ", ".join(project.id for project in list(register)[:10])
        more = " …" if len(register) > 10 else ""
        raise _UsageError(
            f"{args.register}: no project {args.project!r} (its projects: {known}{more})"
        ) from None
    project = register.project(args.project)
    print(f"{project.id}: {project.title}", file=out)
    print(result.explain(args.lang), file=out)
    return EXIT_OK
