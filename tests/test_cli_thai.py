"""--lang th on every command: tables, headers, summaries and problems in Thai, one language a run."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

import thaiplan
from thaiplan.cli import main
from thaiplan.cli._main import _parser

PROGRESS = Path(__file__).parent.parent / "examples" / "progress_mid_june_2561.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        status = main(list(argv), out=out)
    finally:
        sys.stderr = old
    return status, out.getvalue(), err.getvalue()


# Each command, with the English headers and summary words its English output has,
# which have Thai ones: none of them may be left in its Thai output.
COMMANDS: dict[str, tuple[list[str], list[str]]] = {
    "show": (
        ["show", "samut-sakhon-2563"],
        ["no", "step", "responsible", "latest end", "slack", "steps", "feasible"],
    ),
    "validate": (["validate", "samut-sakhon-2563"], ["errors", "warnings", "notes", "warning"]),
    "schedule": (
        ["schedule", "samut-sakhon-2563"],
        [
            "step",
            "earliest start",
            "earliest end",
            "latest start",
            "latest end",
            "slack",
            "free",
            "feasible",
            "critical chains",
            "first day",
        ],
    ),
    "export": (
        ["export", "samut-sakhon-2563", "--to", "csv"],
        ["id", "title", "when", "total_slack"],
    ),
    "shift": (
        ["shift", "samut-sakhon-2563", "--fiscal-year", "2565"],
        ["is not a working day", "Sunday", "Saturday"],
    ),
    "date": (["date", "ภายใน พ.ค. ๖๑"], ["deadline"]),
    "status": (
        ["status", "samut-sakhon-2563", "--progress", str(PROGRESS)],
        [
            "step",
            "title",
            "standing",
            "latest end",
            "forecast end",
            "wd left",
            "as of",
            "overdue",
            "done",
        ],
    ),
    "due": (
        ["due", "samut-sakhon-2563", "--as-of", "2018-06-01", "--within", "30d"],
        ["step", "title", "standing", "latest end", "due"],
    ),
}


def test_every_command_takes_lang() -> None:
    parser = _parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    for name, sub in commands.choices.items():  # type: ignore[attr-defined]
        assert any("--lang" in a.option_strings for a in sub._actions), name
    assert set(COMMANDS) | {"import", "trace", "gantt"} == set(commands.choices)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_english_header_left(name: str) -> None:
    if name == "status" and not PROGRESS.exists():
        pytest.skip("needs examples/ of a full checkout")
    argv, english = COMMANDS[name]
    _, en_out, en_err = run(*argv)
    _, th_out, th_err = run(*argv, "--lang", "th")
    text = th_out if name != "shift" else th_err
    en_text = en_out if name != "shift" else en_err
    # the header: the first non-empty lines, where a table or summary starts
    for word in english:
        assert re.search(rf"\b{re.escape(word)}\b", en_text), f"{name}: {word!r} not in English"
        head_lines = [line for line in text.splitlines() if line.strip()]
        headers = [line for line in head_lines if not line.startswith(("s", "  -", "<", "/"))]
        if name == "shift":
            headers = head_lines
        if name == "export":
            headers = head_lines[:1]
        left = [
            line for line in headers if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", line)
        ]
        assert not left, f"{name} --lang th still says {word!r}: {left[:2]}"
    assert re.search("[\u0e00-\u0e7f]", text), f"{name} --lang th printed no Thai"


def test_problems_in_thai() -> None:
    for argv in (
        ["show", "no-such.yaml"],
        ["schedule", "no-such.yaml"],
        ["status", "no-such.yaml"],
    ):
        status, _, err = run(*argv, "--lang", "th")
        assert 2 == status
        assert "ไม่มีไฟล์นี้" in err
        assert "no such file" not in err


def test_file_problems_in_thai(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = thaiplan.dumps_calendar(thaiplan.load_calendar("samut-sakhon-2563"))
    bad.write_text(text.replace("when: ภายใน พ.ค. ๖๑", "when: ภายใน เมษ ๖๑", 1), encoding="utf-8")
    status, _, err = run("show", str(bad), "--lang", "th")
    assert 2 == status
    assert "พบปัญหา ๑ รายการใน" in err
    assert f"{bad}:" in err
    assert "1 problem in" not in err


def test_digits_follow_the_language() -> None:
    _, out, _ = run("show", "samut-sakhon-2563", "--lang", "th")
    assert "๑๕ ขั้นตอน" in out
    _, out, _ = run("schedule", "samut-sakhon-2563", "--lang", "th")
    assert "๓๐ ก.ย. ๖๑" in out
    assert not re.search(r"\b20[0-9]{2}-[0-9]{2}-[0-9]{2}\b", out)  # no ISO dates in Thai


THAI_DIGITS = re.compile("[๐-๙]")


def test_digits_arabic_in_thai_output() -> None:
    """--digits arabic writes thaiplan's figures and dates in Arabic digits; a document's text keeps its own."""
    _, thai, _ = run("schedule", "samut-sakhon-2563", "--lang", "th")
    _, arabic, _ = run("schedule", "samut-sakhon-2563", "--lang", "th", "--digits", "arabic")
    rows = [line for line in arabic.splitlines() if re.match(r"s\d+ ", line)]
    assert rows
    assert not any(THAI_DIGITS.search(line) for line in rows)
    assert "31 พ.ค. 61" in arabic
    assert "๓๑ พ.ค. ๖๑" in thai
    # the calendar's as_of is quoted as the document writes it, in Thai digits
    assert "ข้อมูล ณ วันที่ ๔ เมษายน ๒๕๖๑" in arabic
    _, date, _ = run("date", "ภายใน พ.ค. ๖๑", "--digits", "arabic")
    assert date.splitlines()[0] == "ภายใน พ.ค. ๖๑"  # the text as given
    assert "ภายในเดือนพฤษภาคม 2561" in date
    assert "ปีงบประมาณ พ.ศ. 2561" in date


def test_digits_is_checked() -> None:
    code, _, err = run("schedule", "samut-sakhon-2563", "--digits", "roman")
    assert code == 2
    assert "--digits" in err
