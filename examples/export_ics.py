"""Export a planning calendar to an iCalendar file and read it back.

Writes the built-in Samut Sakhon FY 2563 calendar (or the calendar or
document file given) as an ``.ics`` file, to import into a calendar
application: each step is an all-day event over its stated period, a step
stated only by a deadline ("ภายใน พ.ค. ๖๑") an all-day event on its last day,
each with a reminder five working days before that day. Then reads the file
back with the ``icalendar`` library and says what it holds.

The file is written by :func:`thaiplan.calendar_ics`, which needs the
``icalendar`` library: ``pip install 'thaiplan[ical]'`` (the ``thaiplan
export SOURCE --to ics`` command does the same from a terminal).

Run it with ``python examples/export_ics.py [SOURCE] [-o OUT]``. The file goes
to ``OUT``, by default ``SOURCE``'s name with ``.ics`` in the current folder.
The exit status is 0 when the file was written, 2 when the source cannot be
read or ``icalendar`` is missing.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import thaiplan

DEFAULT_SOURCE = "samut-sakhon-2563"


def export_ics(source: str, output: Path) -> int:
    """Write ``source`` to ``output`` as iCalendar; returns an exit status.

    A source that cannot be read, or a missing ``icalendar``, is one message
    on standard error and status 2.
    """
    try:
        calendar = thaiplan.load_calendar(source)
        output.write_text(thaiplan.calendar_ics(calendar, remind=5), encoding="utf-8")
    except thaiplan.ThaiplanError as error:
        print(f"export_ics: {error}", file=sys.stderr)
        return 2
    return 0


def summarise(path: Path) -> Counter[str]:
    """Print the entries of the iCalendar file at ``path``; returns how many of each kind."""
    import icalendar

    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    entries = [part for part in calendar.walk() if part.name in ("VEVENT", "VTODO", "VALARM")]
    print(f"{path}: {calendar.get('x-wr-calname')}")
    for part in entries:
        if part.name == "VALARM":
            continue
        title = str(part.get("summary", ""))
        title = title if len(title) <= 50 else title[:49] + "…"
        if part.name == "VTODO":
            when = f"due {part.decoded('due').isoformat()}"
        else:  # DTEND is the day after the last day of an all-day event
            start, end = part.decoded("dtstart"), part.decoded("dtend")
            when = f"{start.isoformat()} .. {end.isoformat()} (excl.)"
        print(f"  {part.name:<6} {when:<34} {title}")
    return Counter(str(part.name) for part in entries)


def main(argv: Sequence[str] | None = None) -> int:
    """Export the calendar named in ``argv`` and summarise the file; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        nargs="?",
        default=DEFAULT_SOURCE,
        help=f"a calendar or document file, or a built-in name (default: {DEFAULT_SOURCE})",
    )
    parser.add_argument("-o", "--output", type=Path, help="the .ics file to write")
    args = parser.parse_args(argv)
    output: Path = args.output or Path(f"{Path(args.source).stem}.ics")
    status = export_ics(args.source, output)
    if status != 0:
        return status
    kinds = summarise(output)
    print(
        f"{output}: {kinds['VEVENT']} events and {kinds['VTODO']} to-dos,"
        f" {kinds['VEVENT'] + kinds['VTODO']} entries in all, {kinds['VALARM']} reminders"
    )
    return 0


if __name__ == "__main__":
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")  # Thai text, whatever the console's locale
    sys.exit(main())
