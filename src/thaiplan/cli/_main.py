"""The ``thaiplan`` command: show, validate, schedule, export and shift calendars.

Every command takes a calendar or document file (YAML or JSON), ``-`` for
standard input, or the name of a built-in document or calendar
(``samut-sakhon-2563``, the national budget calendars ``budget-2563`` and others).
A user's mistake (a file that cannot be read, a bad option) is one clear
message on standard error, naming the file, line and column, and exit
status 2; never a traceback.

No input, file, argument or environment makes the command print a
traceback: a failure inside thaiplan is caught here, at the top, and
reported in one line naming the command and the file, with exit status 2
and a request to report it; ``--debug`` prints the traceback as well.
Standard output that is full or closed is reported the same way; a closed
pipe (``thaiplan show ... | head -1``) is the reader having had enough,
and the command stops quietly.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import textwrap
import traceback
from collections.abc import Callable, Sequence
from typing import IO, Any, cast

from thaiplan.cli._commands import _date, _export, _gantt, _schedule, _shift, _show, _validate
from thaiplan.cli._common import (
    DIGITS,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    _error_text,
    _lang,
    _Output,
    _OutputError,
    _UsageError,
    _warn,
)
from thaiplan.cli._office import EXPORT_TARGETS, IMPORT_EXAMPLES, _import, add_import_arguments
from thaiplan.cli._progress import add_commands as add_progress_commands
from thaiplan.cli._register import _trace
from thaiplan.errors import DependencyCycleError, ThaiplanError
from thaiplan.io._sources import builtin_names

__all__ = ["console", "main"]

#: The status of a command stopped by Ctrl-C, as shells give it: 128 + SIGINT (2).
EXIT_INTERRUPTED = 130


# -- the parser ------------------------------------------------------------------------------

_EXAMPLES = {
    "show": "examples:\n  thaiplan show samut-sakhon-2563\n  thaiplan show my-calendar.yaml",
    "validate": (
        "examples:\n  thaiplan validate my-calendar.yaml\n"
        "  thaiplan validate samut-sakhon-2563 --lang th\n"
        "  thaiplan validate a.yaml b.json --format json\n"
        "  thaiplan validate samut-sakhon-2563 --with budget-2563\n\n"
        "exit status: 0 no errors, 1 errors found, 2 a file cannot be read or bad usage"
    ),
    "schedule": "examples:\n  thaiplan schedule samut-sakhon-2563\n  thaiplan schedule my-calendar.yaml --format json\n"
    "  thaiplan schedule my-calendar.yaml --with budget-2563",
    "export": (
        "examples:\n  thaiplan export samut-sakhon-2563 --to ics -o plan.ics\n"
        "  thaiplan export samut-sakhon-2563 --to ics --remind 5wd -o plan.ics\n"
        "  thaiplan export my-calendar.yaml --to html -o gantt.html\n"
        "  thaiplan export my-calendar.yaml --to csv\n"
        "  thaiplan export samut-sakhon-2563 --to xlsx --schedule-columns -o calendar.xlsx\n"
        "  thaiplan export samut-sakhon-2563 --to docx -o circular.docx\n"
        "  thaiplan export samut-sakhon-2563 --to mspdi -o calendar.xml"
    ),
    "import": IMPORT_EXAMPLES,
    "shift": "examples:\n  thaiplan shift samut-sakhon-2563 --fiscal-year 2564 -o fy2564.yaml",
    "date": (
        "examples:\n  thaiplan date ภายใน พ.ค. ๖๑\n"
        "  thaiplan date 'ภายใน พ.ค. ๖๑' 'วันพุธที่ ๔ เมษายน ๒๕๖๑ เวลา ๑๓.๓๐ น.'\n"
        "  thaiplan date - < dates.txt\n\n"
        "Words without quotes are one expression; quote each of several expressions,\n"
        "or give them one a line on standard input (-)."
    ),
    "trace": "examples:\n  thaiplan trace register.yaml p1 --calendar samut-sakhon-2563 --lang th",
    "gantt": (
        "examples:\n  thaiplan gantt samut-sakhon-2563 -o gantt.html\n"
        "  thaiplan gantt my-calendar.yaml --progress june.yaml -o tracking.html\n"
        "  thaiplan gantt my-calendar.yaml --as-of '15 มิ.ย. 61' -o gantt.html\n\n"
        "the same page as thaiplan export --to html"
    ),
}

_DEBUG_HELP = "on a failure inside thaiplan, print the traceback too (for a bug report)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thaiplan",
        description="Thai provincial development planning: check, schedule and export planning calendars.",
        epilog=textwrap.fill(
            "A SOURCE is a calendar or document file (YAML or JSON), - for standard input,"
            " or a built-in document or calendar: "
            + ", ".join((*builtin_names("document"), *builtin_names("calendar")))
            + ".",
            width=79,
            break_on_hyphens=False,  # names stay whole: budget-2567-supplementary
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from thaiplan import __version__

    parser.add_argument("--version", action="version", version=f"thaiplan {__version__}")
    parser.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
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
        # --debug after the command too; SUPPRESS keeps the one given before it
        sub.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help=_DEBUG_HELP
        )
        return sub

    show = add(
        "show",
        "show a calendar as a table: steps by phase, stated periods, latest ends and slack",
        _show,
    )
    show.add_argument("source", metavar="SOURCE")

    check = add("validate", "check calendars and documents and list the findings", _validate)
    check.add_argument("sources", metavar="SOURCE", nargs="+")
    check.add_argument(
        "--progress",
        metavar="FILE",
        help="a progress file: also check the reports against the plan (late, impossible)",
    )
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument(
        "--lang", choices=["th", "en"], default="en", help="language of the messages (text format)"
    )

    bounds = add(
        "schedule", "the earliest and latest days of every step, slack and critical path", _schedule
    )
    bounds.add_argument("source", metavar="SOURCE")
    bounds.add_argument("--format", choices=["text", "json"], default="text")
    for inside in (show, check, bounds):  # a calendar inside others: the budget calendar
        inside.add_argument(
            "--with",
            dest="with_calendars",
            metavar="NAME",
            action="append",
            default=[],
            help="another calendar to take with it (a built-in name such as budget-2563, or a"
            " path), whose steps its steps name as NAME:step; repeat for more",
        )

    export = add(
        "export",
        "write a calendar as iCalendar, an HTML Gantt page, JSON, YAML, CSV,"
        " an Excel book, a Word circular or MS Project XML",
        _export,
    )
    export.add_argument("source", metavar="SOURCE")
    export.add_argument(
        "--to", choices=["ics", "html", "json", "yaml", "csv", *EXPORT_TARGETS], required=True
    )
    export.add_argument(
        "--schedule-columns",
        action="store_true",
        help="xlsx: add the earliest and latest days and the slack of each step",
    )
    export.add_argument(
        "-o", "--output", metavar="OUT", help="file to write (default: standard output)"
    )
    export.add_argument(
        "--remind",
        metavar="Nwd",
        help="ics: a reminder N working days before each step's last day (5wd)",
    )
    export.add_argument(
        "--deadlines",
        choices=["event", "todo"],
        default="event",
        help="ics: steps stated by a deadline as all-day events (default) or to-dos",
    )
    export.add_argument(
        "--progress",
        metavar="FILE",
        help="a progress file: ics marks done steps; html draws actual bars; csv adds status columns",
    )
    export.add_argument(
        "--as-of",
        metavar="DATE",
        help="html and csv: the status date, in any notation (default: the progress file's,"
        " else today in Asia/Bangkok for html)",
    )
    export.add_argument(
        "--lang", choices=["th", "en"], default="en", help="language of the csv header row"
    )
    export.add_argument(
        "--years",
        metavar="FIRST-LAST",
        help="a register's xlsx, docx or html: the budget years of the forms (2566-2570)",
    )

    for sub in (show, check, bounds, export):
        sub.add_argument(
            "--fiscal-year",
            type=int,
            metavar="N",
            help="a standing yearly calendar (recurs: yearly): the calendar of Buddhist-Era"
            " fiscal year N, such as 2568",
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

    office = add(
        "import",
        "read a calendar from an Excel book (.xlsx), a Word table (.docx) or MS Project XML"
        " (.xml), or a register from a book of the plan forms",
        _import,
    )
    add_import_arguments(office)

    date = add("date", "read Thai date expressions and say what they mean", _date)
    date.add_argument(
        "texts",
        metavar="TEXT",
        nargs="+",
        help="the words of one expression; several expressions quoted; - for one a line on stdin",
    )

    add_progress_commands(commands)

    gantt = add(
        "gantt",
        "write the HTML Gantt page, with the status-date line and, from a progress file,"
        " the actual bars",
        _gantt,
    )
    gantt.add_argument("source", metavar="SOURCE")
    gantt.add_argument("--progress", metavar="FILE", help="a progress file: actual bars, late rows")
    gantt.add_argument(
        "--as-of",
        metavar="DATE",
        help="the status date, in any notation (default: the progress file's, else today)",
    )
    gantt.add_argument(
        "-o", "--output", metavar="OUT", help="file to write (default: standard output)"
    )

    path = add("trace", "the way of a project of a register: origin, levels, steps, state", _trace)
    path.add_argument("register", metavar="REGISTER", help="a thaiplan-register/1 file")
    path.add_argument("project", metavar="PROJECT", help="the project's id")
    path.add_argument("--calendar", metavar="SOURCE", help="the calendar whose steps carried it")
    path.add_argument("--lang", choices=["th", "en"], default="en")
    for sub in commands.choices.values():  # --lang on every command, one language a run
        if not any("--lang" in action.option_strings for action in sub._actions):
            sub.add_argument(
                "--lang",
                choices=["th", "en"],
                default="en",
                help="language of everything printed: tables, summaries, problems",
            )
        sub.add_argument(
            "--digits",
            choices=["thai", "arabic"],
            default="thai",
            help="the digits of the figures and dates written in Thai (--lang th and Thai"
            " dates): Thai (default) or Arabic; text a document wrote keeps its own",
        )
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace | int:
    """The parsed arguments, or the exit status when argparse has finished (--help, a mistake)."""
    try:
        return parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else EXIT_USAGE


def _sources(args: argparse.Namespace) -> str:
    """The files a command was run on, for the one line that reports a failure."""
    names = getattr(args, "sources", None) or [getattr(args, "source", None)]
    names = [name for name in names if name is not None]
    if not names and args.command == "date":
        return "the text " + repr(" ".join(args.texts))[:80]
    return ", ".join(repr(name) for name in names) or "no file"


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None) -> int:
    """Run the ``thaiplan`` command; returns the exit status.

    The status is 0 when all is well, 1 when findings are errors (``validate``),
    a calendar has a circle of steps or a date cannot be read (``date``), and 2
    for bad usage, a file that cannot be read, output that cannot be written,
    and a failure inside thaiplan (reported in one line, with the traceback
    under ``--debug``).

    >>> main(["date", "ภายใน", "พ.ค.", "๖๑"])
    ภายใน พ.ค. ๖๑
      deadline: 2018-05-31  ภายในเดือนพฤษภาคม ๒๕๖๑
      ปีงบประมาณ พ.ศ. ๒๕๖๑
    0
    """
    stream = out if out is not None else sys.stdout
    try:
        parsed = _parse(_parser(), argv)
    except Exception as error:  # argparse itself, in an environment it did not expect
        _warn(f"thaiplan: internal error reading the command line: {type(error).__name__}: {error}")
        return EXIT_USAGE
    if isinstance(parsed, int):
        return parsed
    args = parsed
    DIGITS.set("arabic" if getattr(args, "digits", "thai") == "arabic" else "thai")
    command = f"thaiplan {args.command}"
    if stream is None:  # started with standard output closed (>&-)
        _warn(
            f"{command}: standard output is closed; run it with standard output open,"
            " or with -o FILE where the command has one"
        )
        return EXIT_USAGE
    output = _Output(stream)
    try:
        status: int = args.run(args, cast(IO[str], output))  # it writes and flushes
        output.flush()  # a full disk is reported here, not lost when Python exits
    except _UsageError as error:
        _warn(f"{command}: {_error_text(error, _lang(args))}")
        return EXIT_USAGE
    except DependencyCycleError as error:
        _warn(f"{command}: {_error_text(error, _lang(args))}")
        return EXIT_FINDINGS
    except ThaiplanError as error:
        _warn(f"{command}: {_error_text(error, _lang(args))}")
        return EXIT_USAGE
    except BrokenPipeError:
        _quiet_stdout(stream)
        return EXIT_OK
    except _OutputError as error:
        _quiet_stdout(stream)
        _warn(f"{command}: cannot write to standard output: {error}")
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C: stop, say so, and give the status shells give it
        _warn(f"{command}: interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:  # a failure of thaiplan's: one line, never a traceback
        _report_bug(command, args, error)
        return EXIT_USAGE
    return status


def _report_bug(command: str, args: argparse.Namespace, error: Exception) -> None:
    if getattr(args, "debug", False):
        _warn("".join(traceback.format_exception(error)).rstrip())
    hint = (
        "" if getattr(args, "debug", False) else "; run it again with --debug to see the traceback"
    )
    _warn(
        f"{command}: internal error on {_sources(args)}: {type(error).__name__}: {error}."
        f" This is a bug in thaiplan: please report it with the command line and the file{hint}"
    )


def _quiet_stdout(stream: Any) -> None:
    """Point standard output at /dev/null, so that Python's last flush at exit cannot fail."""
    if stream is not sys.stdout or sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file: nothing is left to flush
        pass


def console() -> None:
    """The console script's entry point: run :func:`main` and exit with its status.

    Standard output and error write UTF-8 whatever the console's locale (Thai
    text), and a character they cannot write (a file name that is not UTF-8,
    read as a surrogate escape) as a backslash escape instead of failing.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    status = main()
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError:  # the pipe closed after the last write: nothing more to say
        _quiet_stdout(sys.stdout)
    sys.exit(status)
