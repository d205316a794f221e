"""The commands that track a round: ``thaiplan status`` and ``thaiplan due``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from typing import IO, TYPE_CHECKING, Any

from thaiplan.cli._common import (
    EXIT_OK,
    _digits,
    _load,
    _subject,
    _table,
    _thai_date,
    _UsageError,
)
from thaiplan.dates import add_working_days, parse_date
from thaiplan.errors import HolidayDataError, ThaiDateError

if TYPE_CHECKING:
    from thaiplan.model._progress import Progress
    from thaiplan.scheduling._status import StepStatus

__all__ = ["add_commands"]

# Thailand keeps one offset all year (no daylight saving time).
_BANGKOK = dt.timezone(dt.timedelta(hours=7), "Asia/Bangkok")
_SPAN = re.compile(r"([0-9]+)\s*(wd|d|w)")


def _today() -> dt.date:
    return dt.datetime.now(_BANGKOK).date()


def _day(text: str | None, option: str) -> dt.date:
    if text is None:
        return _today()
    try:
        return parse_date(text)
    except ThaiDateError as error:
        raise _UsageError(f"{option} {text!r}: {error}") from None


def _progress(path: str | None) -> Progress | None:
    if path is None:
        return None
    from thaiplan.io._progress import load_progress

    return load_progress(path)


def _as_of(args: argparse.Namespace, progress: Progress | None) -> dt.date:
    if args.as_of is None and progress is not None:
        return progress.date
    return _day(args.as_of, "--as-of")


def _row(entry: StepStatus, title: str, lang: str) -> list[str]:
    left = "" if entry.working_days_left is None else str(entry.working_days_left)
    if lang == "th":
        return [
            entry.step,
            title,
            entry.standing.thai,
            _thai_date(entry.latest_finish, style="abbr"),
            _thai_date(entry.forecast_finish, style="abbr"),
            _digits(left),
        ]
    return [
        entry.step,
        title,
        entry.standing.value.replace("_", " "),
        entry.latest_finish.isoformat(),
        entry.forecast_finish.isoformat(),
        left,
    ]


def _json(entries: list[StepStatus], as_of: dt.date) -> dict[str, Any]:
    return {
        "as_of": as_of.isoformat(),
        "steps": [
            {
                "step": e.step,
                "standing": e.standing.value,
                "earliest_start": e.earliest_start.isoformat() if e.earliest_start else None,
                "latest_finish": e.latest_finish.isoformat(),
                "forecast_start": e.forecast_start.isoformat(),
                "forecast_finish": e.forecast_finish.isoformat(),
                "working_days_left": e.working_days_left,
                "days_late": e.days_late,
            }
            for e in entries
        ],
    }


_HEADERS = {
    "en": ["step", "title", "standing", "latest end", "forecast end", "wd left"],
    "th": ["ขั้นตอน", "เรื่อง", "สถานะ", "ต้องเสร็จภายใน", "คาดว่าจะเสร็จ", "วันทำการที่เหลือ"],
}


def _print(entries: list[StepStatus], titles: dict[str, str], lang: str, out: IO[str]) -> None:
    rows = [_HEADERS[lang], *(_row(e, titles[e.step], lang) for e in entries)]
    print(_table(rows, [6, 40, 16, 14, 14, 8]), file=out)


def _status(args: argparse.Namespace, out: IO[str]) -> int:
    from thaiplan.scheduling._status import Standing, status

    document, calendar = _load(args.source)
    progress = _progress(args.progress)
    as_of = _as_of(args, progress)
    result = status(_subject(document, calendar), as_of=as_of, progress=progress)
    entries = list(result.values())
    if args.format == "json":
        json.dump(_json(entries, as_of), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    titles = {step.id: step.title for step in calendar.steps}
    if args.lang == "th":
        print(f"{calendar.title}\nสถานะ ณ วันที่ {_thai_date(as_of)}", file=out)
    else:
        print(f"{calendar.title}\nas of {as_of.isoformat()}", file=out)
    counts = [
        f"{_digits(len(result.in_standing(s)))} {s.thai}"
        if args.lang == "th"
        else f"{len(result.in_standing(s))} {s.value.replace('_', ' ')}"
        for s in Standing
        if result.in_standing(s)
    ]
    print(" · ".join(counts) + "\n", file=out)
    _print(entries, titles, args.lang, out)
    return EXIT_OK


def _until(args: argparse.Namespace, start: dt.date) -> dt.date:
    if args.until is not None:
        return _day(args.until, "--until")
    match = _SPAN.fullmatch(args.within.strip())
    if match is None:
        raise _UsageError(
            f"--within {args.within!r}: write a span such as 10wd (working days), 14d or 2w"
        )
    count, unit = int(match.group(1)), match.group(2)
    if unit == "wd":
        try:
            return add_working_days(start - dt.timedelta(days=1), count)
        except HolidayDataError as error:
            raise _UsageError(f"--within {args.within}: {error}") from None
    days = count * 7 if unit == "w" else count
    return start + dt.timedelta(days=max(days - 1, 0))


def _due(args: argparse.Namespace, out: IO[str]) -> int:
    from thaiplan.scheduling._status import due

    document, calendar = _load(args.source)
    progress = _progress(args.progress)
    start = _as_of(args, progress)
    end = _until(args, start)
    if end < start:
        raise _UsageError(
            f"the span ends on {end.isoformat()}, before it starts on {start.isoformat()}"
        )
    entries = list(due(_subject(document, calendar), start, end, progress=progress))
    if args.format == "json":
        data = _json(entries, start)
        data["until"] = end.isoformat()
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    titles = {step.id: step.title for step in calendar.steps}
    if args.lang == "th":
        print(
            f"ครบกำหนด {_thai_date(start)} – {_thai_date(end)}: {_digits(len(entries))} ขั้นตอน",
            file=out,
        )
    else:
        print(f"due {start.isoformat()} to {end.isoformat()}: {len(entries)} steps", file=out)
    if entries:
        print(file=out)
        _print(entries, titles, args.lang, out)
    return EXIT_OK


_EXAMPLES = {
    "status": (
        "examples:\n  thaiplan status samut-sakhon-2563 --as-of '15 มิ.ย. 61'\n"
        "  thaiplan status my-calendar.yaml --progress june.yaml --lang th\n\n"
        "the status date is --as-of, else the progress file's as_of, else today in Asia/Bangkok"
    ),
    "due": (
        "examples:\n  thaiplan due samut-sakhon-2563 --as-of '1 ก.ค. 61' --within 10wd\n"
        "  thaiplan due my-calendar.yaml --progress june.yaml --until '31 ก.ค. 61'"
    ),
}


def add_commands(commands: Any) -> None:
    """Add ``status`` and ``due`` to the parser's sub-commands."""
    for name, help_text, run in (
        ("status", "where every step stands on a day: done, overdue, at risk, due", _status),
        ("due", "the steps that fall due in a span of days, and where they stand", _due),
    ):
        sub = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=_EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run)
        sub.add_argument("source", metavar="SOURCE")
        sub.add_argument("--progress", metavar="FILE", help="a progress file (thaiplan-progress/1)")
        sub.add_argument("--as-of", metavar="DATE", help="the status date, in any notation")
        sub.add_argument("--format", choices=["text", "json"], default="text")
        sub.add_argument("--lang", choices=["th", "en"], default="en")
        if name == "due":
            span = sub.add_mutually_exclusive_group()
            span.add_argument(
                "--within", default="10wd", metavar="SPAN", help="10wd, 14d or 2w (default 10wd)"
            )
            span.add_argument("--until", metavar="DATE", help="the last day of the span")
