"""The ``thaiplan trace`` command: the way of one project of a register through the plans."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO, TYPE_CHECKING

from thaiplan.cli._common import EXIT_OK, _UsageError

if TYPE_CHECKING:
    from thaiplan.model._register import ProjectRegister

__all__ = ["_load_if_register", "_trace"]


def _load_if_register(source: str) -> ProjectRegister | None:
    """The register in ``source`` when it is a register file (``format: thaiplan-register/1``), else None."""
    from thaiplan.io._register import REGISTER_FORMAT, load_register

    path = Path(source)
    if source == "-" or not path.is_file():
        return None
    with path.open("rb") as stream:
        head = stream.read(4096).decode("utf-8", "ignore")
    if REGISTER_FORMAT not in head:
        return None
    return load_register(path)


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
