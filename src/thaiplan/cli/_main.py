"""The ``thaiplan`` command: show, validate, schedule, export and shift calendars.

Every command takes a calendar or document file (YAML or JSON), ``-`` for
standard input, or the name of a built-in document (``samut-sakhon-2563``).
A user's mistake (a file that cannot be read, a bad option) is one clear
message on standard error, naming the file, line and column, and exit
status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Sequence
from typing import IO

from thaiplan.cli._commands import _date, _export, _schedule, _shift, _show, _validate
from thaiplan.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    _UsageError,
)
from thaiplan.cli._register import _trace
from thaiplan.errors import DependencyCycleError, ThaiplanError

__all__ = ["console", "main"]


# -- the parser ------------------------------------------------------------------------------

_EXAMPLES = {
    "show": "examples:\n  thaiplan show samut-sakhon-2563\n  thaiplan show my-calendar.yaml",
    "validate": (
        "examples:\n  thaiplan validate my-calendar.yaml\n"
        "  thaiplan validate samut-sakhon-2563 --lang th\n"
        "  thaiplan validate a.yaml b.json --format json\n\n"
        "exit status: 0 no errors, 1 errors found, 2 a file cannot be read or bad usage"
    ),
    "schedule": "examples:\n  thaiplan schedule samut-sakhon-2563\n  thaiplan schedule my-calendar.yaml --format json",
    "export": (
        "examples:\n  thaiplan export samut-sakhon-2563 --to ics -o plan.ics\n"
        "  thaiplan export my-calendar.yaml --to html -o gantt.html\n"
        "  thaiplan export my-calendar.yaml --to csv"
    ),
    "shift": "examples:\n  thaiplan shift samut-sakhon-2563 --fiscal-year 2564 -o fy2564.yaml",
    "date": "examples:\n  thaiplan date 'ภายใน พ.ค. ๖๑' 'วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.'",
    "trace": "examples:\n  thaiplan trace register.yaml p1 --calendar samut-sakhon-2563 --lang th",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thaiplan",
        description="Thai provincial development planning: check, schedule and export planning calendars.",
        epilog="A SOURCE is a calendar or document file (YAML or JSON), - for standard input,"
        " or a built-in document: samut-sakhon-2563.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from thaiplan import __version__

    parser.add_argument("--version", action="version", version=f"thaiplan {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(
        name: str, help_text: str, run: Callable[[argparse.Namespace, IO[str]], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=_EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run)
        return sub

    show = add(
        "show",
        "show a calendar as a table: steps by phase, stated periods, latest ends and slack",
        _show,
    )
    show.add_argument("source", metavar="SOURCE")

    check = add("validate", "check calendars and documents and list the findings", _validate)
    check.add_argument("sources", metavar="SOURCE", nargs="+")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument(
        "--lang", choices=["th", "en"], default="en", help="language of the messages (text format)"
    )

    bounds = add(
        "schedule", "the earliest and latest days of every step, slack and critical path", _schedule
    )
    bounds.add_argument("source", metavar="SOURCE")
    bounds.add_argument("--format", choices=["text", "json"], default="text")

    export = add(
        "export", "write a calendar as iCalendar, an HTML Gantt page, JSON, YAML or CSV", _export
    )
    export.add_argument("source", metavar="SOURCE")
    export.add_argument("--to", choices=["ics", "html", "json", "yaml", "csv"], required=True)
    export.add_argument(
        "-o", "--output", metavar="OUT", help="file to write (default: standard output)"
    )

    shift = add("shift", "re-base a calendar on another fiscal year", _shift)
    shift.add_argument("source", metavar="SOURCE")
    shift.add_argument(
        "--fiscal-year",
        type=int,
        required=True,
        metavar="N",
        help="Buddhist-Era fiscal year, such as 2564",
    )
    shift.add_argument(
        "--to-working-days",
        action="store_true",
        help="move days that fall on weekends or holidays to the next working day",
    )
    shift.add_argument(
        "-o", "--output", metavar="OUT", help="file to write (default: standard output)"
    )

    date = add("date", "read Thai date expressions and say what they mean", _date)
    date.add_argument("texts", metavar="TEXT", nargs="+")

    path = add("trace", "the way of a project of a register: origin, levels, steps, state", _trace)
    path.add_argument("register", metavar="REGISTER", help="a thaiplan-register/1 file")
    path.add_argument("project", metavar="PROJECT", help="the project's id")
    path.add_argument("--calendar", metavar="SOURCE", help="the calendar whose steps carried it")
    path.add_argument("--lang", choices=["th", "en"], default="en")
    return parser


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None) -> int:
    """Run the ``thaiplan`` command; returns the exit status.

    >>> main(["date", "ภายใน พ.ค. ๖๑"])
    ภายใน พ.ค. ๖๑
      deadline: 2018-05-31  ภายในเดือนพฤษภาคม ๒๕๖๑
      ปีงบประมาณ พ.ศ. ๒๕๖๑
    0
    """
    out = out if out is not None else sys.stdout
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        status: int = args.run(args, out)
    except _UsageError as error:
        print(f"thaiplan {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except DependencyCycleError as error:
        print(f"thaiplan {args.command}: {error}", file=sys.stderr)
        return EXIT_FINDINGS
    except ThaiplanError as error:
        print(f"thaiplan {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    return status


def console() -> None:
    """The console script's entry point: run :func:`main` and exit with its status."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")  # Thai text, whatever the console's locale
    sys.exit(main())
