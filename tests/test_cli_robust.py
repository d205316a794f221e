"""The command line never shows a traceback: hostile arguments, files, streams and failures inside.

Each case runs in-process (through :func:`thaiplan.cli.main`) and, where the
operating system is part of the case (file names, closed or full streams), as
a real process: ``python -m thaiplan``.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import thaiplan.cli._main as cli_main
from test_cli import GOOD, run
from thaiplan.cli import main

SRC = str(Path(__file__).resolve().parents[1] / "src")


def process(*args: str | bytes, stdin: bytes | None = b"", **options: Any) -> tuple[int, str, str]:
    """Run ``python -m thaiplan`` as a real process: (status, stdout, stderr)."""
    env = {**os.environ, "PYTHONPATH": SRC, "LC_ALL": "C"}  # a console that cannot write Thai
    result = subprocess.run(
        [sys.executable, "-m", "thaiplan", *args],
        input=stdin,
        capture_output=True,
        env=env,
        check=False,
        **options,
    )
    return (
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def shell(command: str) -> tuple[int, str, str]:
    """Run a shell command line that redirects the streams of ``python -m thaiplan``."""
    env = {**os.environ, "PYTHONPATH": SRC}
    result = subprocess.run(
        ["bash", "-c", command.replace("THAIPLAN", f"'{sys.executable}' -m thaiplan")],
        capture_output=True,
        env=env,
        check=False,
    )
    return (
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def one_line(err: str) -> bool:
    """A message of one line, and no traceback."""
    return "Traceback" not in err and 1 == len(err.strip().splitlines())


class TestArguments:
    """Arguments a careless user types."""

    def test_far_fiscal_year(self) -> None:
        """Shift --fiscal-year 99999: one line naming the range, status 2."""
        status, out, err = run("shift", "samut-sakhon-2563", "--fiscal-year", "99999")
        assert (2, "") == (status, out)
        assert one_line(err)
        assert "2400 to 10542" in err

    def test_far_fiscal_year_process(self) -> None:
        """The same, as a real process: no traceback, status 2 (it was a ValueError, status 1)."""
        status, out, err = process("shift", "samut-sakhon-2563", "--fiscal-year", "99999")
        assert (2, "") == (status, out)
        assert one_line(err)

    def test_name_over_the_limit(self) -> None:
        """A file name longer than the system allows is a file that cannot be read."""
        name = "a" * 300 + ".yaml"
        status, out, err = run("show", name)
        assert (2, "") == (status, out)
        assert one_line(err)
        assert "cannot read it" in err

    def test_name_over_the_limit_process(self) -> None:
        """The same, as a real process."""
        status, _, err = process("validate", "a" * 300 + ".yaml")
        assert 2 == status
        assert one_line(err)

    def test_name_not_utf8(self) -> None:
        """A file name that is not UTF-8 is named with escapes, in one line ("lost sys.stderr" before)."""
        status, _, err = process("show", b"\xff\xfe.yaml")
        assert 2 == status
        assert one_line(err)
        assert "no such file" in err

    @pytest.mark.parametrize("command", ["show", "validate", "schedule"])
    def test_strategy_tree_is_not_a_calendar(self, command: str) -> None:
        """A built-in strategy tree's name is said to be one, with how to read it."""
        status, out, err = run(command, "sdgs")
        assert (2, "") == (status, out)
        assert one_line(err)
        assert "a built-in strategy tree, not a calendar" in err
        assert "thaiplan.strategy_tree('sdgs')" in err

    def test_progress_file_is_not_a_calendar(self, tmp_path: Path) -> None:
        """A progress file given where a calendar goes names the command that reads it."""
        path = tmp_path / "progress.yaml"
        path.write_text(
            "format: thaiplan-progress/1\ncalendar: samut-sakhon-2563\nas_of: 2018-06-15\nsteps: {}\n",
            encoding="utf-8",
        )
        status, out, err = run("validate", str(path))
        assert (2, "") == (status, out)
        assert one_line(err)
        assert f"thaiplan status CALENDAR --progress {path}" in err

    def test_directory(self, tmp_path: Path) -> None:
        """A directory is a file that cannot be read."""
        status, _, err = run("show", str(tmp_path))
        assert 2 == status
        assert one_line(err)

    def test_debug_before_or_after_the_command(self) -> None:
        """--debug is taken before the command and after it."""
        assert 0 == run("--debug", "date", "๔ เม.ย. ๖๑")[0]
        assert 0 == run("date", "๔ เม.ย. ๖๑", "--debug")[0]


class TestFailureInside:
    """A bug of thaiplan's: one line naming the command and the file, status 2; --debug shows the traceback."""

    @pytest.fixture
    def broken(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def fail(args: Any, out: Any) -> int:
            raise KeyError("oops")

        monkeypatch.setattr(cli_main, "_show", fail)

    @pytest.mark.usefixtures("broken")
    def test_one_line(self) -> None:
        """The command, the file, the exception, a request to report it and how to see more."""
        status, out, err = run("show", "my-calendar.yaml")
        assert (2, "") == (status, out)
        assert one_line(err)
        for part in ("thaiplan show", "'my-calendar.yaml'", "KeyError", "report", "--debug"):
            assert part in err

    @pytest.mark.usefixtures("broken")
    def test_debug(self) -> None:
        """--debug adds the traceback."""
        status, _, err = run("--debug", "show", "my-calendar.yaml")
        assert 2 == status
        assert "Traceback (most recent call last)" in err
        assert "KeyError: 'oops'" in err

    def test_interrupted(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ctrl-C: one line, status 130, no traceback."""

        def interrupt(args: Any, out: Any) -> int:
            raise KeyboardInterrupt

        monkeypatch.setattr(cli_main, "_show", interrupt)
        status, _, err = run("show", "samut-sakhon-2563")
        assert 130 == status
        assert "thaiplan show: interrupted\n" == err

    def test_parser_fails(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Even argparse failing inside is one line, status 2."""

        def broken_parser() -> Any:
            raise ValueError("invalid width -1 (must be > 0)")

        monkeypatch.setattr(cli_main, "_parser", broken_parser)
        status, _, err = run("show", "samut-sakhon-2563")
        assert 2 == status
        assert one_line(err)
        assert "internal error reading the command line" in err

    def test_process(self) -> None:
        """As a real process, with a command that fails inside."""
        code = (
            "import sys, thaiplan.cli._main as m\n"
            "m._show = lambda args, out: 1 / 0\n"
            "sys.argv = ['thaiplan', 'show', 'x.yaml']\n"
            "m.console()\n"
        )
        env = {**os.environ, "PYTHONPATH": SRC}
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
        )
        assert 2 == result.returncode
        assert one_line(result.stderr)
        assert "ZeroDivisionError" in result.stderr


class TestStreams:
    """Standard output full or closed, standard input closed, a pipe closed early."""

    def test_output_full(self) -> None:
        """> /dev/full: one line, status 2, nothing from Python at exit."""
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full on this system")
        status, _, err = shell("THAIPLAN show samut-sakhon-2563 > /dev/full")
        assert 2 == status
        assert one_line(err)
        assert "No space left on device" in err

    def test_output_closed(self) -> None:
        """>&-: one line, status 2."""
        status, _, err = shell("THAIPLAN schedule samut-sakhon-2563 >&-")
        assert 2 == status
        assert one_line(err)
        assert "standard output is closed" in err

    def test_input_closed(self) -> None:
        """<&- with - as the file: one line, status 2."""
        status, _, err = shell("THAIPLAN validate - <&-")
        assert 2 == status
        assert one_line(err)
        assert "standard input is closed" in err

    def test_closed_pipe_is_quiet(self) -> None:
        """| head -1 stops the command quietly: no message, status 0."""
        status, out, err = shell(
            "THAIPLAN export samut-sakhon-2563 --to yaml | head -1; exit ${PIPESTATUS[0]}"
        )
        assert 0 == status
        assert 1 == len(out.splitlines())
        assert "" == err

    def test_output_error_in_process(self) -> None:
        """A stream whose writes fail is reported, in process too."""

        class Full(io.StringIO):
            def write(self, text: str) -> int:
                raise OSError(28, "No space left on device")

        err = io.StringIO()
        old, sys.stderr = sys.stderr, err
        try:
            status = main(["date", "๔ เม.ย. ๖๑"], out=Full())
        finally:
            sys.stderr = old
        assert 2 == status
        assert "cannot write to standard output: No space left on device" in err.getvalue()

    def test_stdin_not_utf8(self) -> None:
        """Standard input in TIS-620 is the loader's message (not UTF-8, at a byte), status 2."""
        status, _, err = process("show", "-", stdin=GOOD.encode("tis-620"))
        assert 2 == status
        assert "not UTF-8" in err
        assert "Traceback" not in err


class TestJson:
    """--format json carries the problems of a file that cannot be read as data."""

    def test_validate(self, tmp_path: Path) -> None:
        """validate: the problems with file, line, column and message; the others' findings still."""
        bad = tmp_path / "bad.yaml"
        bad.write_text(GOOD.replace("when: ภายใน พ.ค. ๖๑", "when: ภายใน เมษ ๖๑"), encoding="utf-8")
        status, out, _ = run("validate", str(bad), "samut-sakhon-2563", "--format", "json")
        data = json.loads(out)
        assert 2 == status
        assert data["findings"]
        [problem] = data["problems"]
        assert (str(bad), str(bad), 8) == (problem["source"], problem["file"], problem["line"])
        assert "unknown month 'เมษ'" in problem["message"]

    def test_validate_one_missing_file(self) -> None:
        """A single file that cannot be read gives JSON too (nothing on stdout before)."""
        status, out, _ = run("validate", "no-such-file.yaml", "--format", "json")
        data = json.loads(out)
        assert 2 == status
        assert "no-such-file.yaml" == data["problems"][0]["source"]
        assert (0, []) == (data["errors"], data["findings"])

    def test_schedule(self) -> None:
        """schedule: the problems as data, status 2."""
        status, out, _ = run("schedule", "no-such-file.yaml", "--format", "json")
        assert 2 == status
        assert "no such file" in json.loads(out)["problems"][0]["message"]

    def test_schedule_cycle(self, tmp_path: Path) -> None:
        """A circle of steps: the cycle as data, status 1."""
        path = tmp_path / "circle.yaml"
        path.write_text(
            GOOD.replace(
                "responsible: [po]}\n  - {id: s2", "after: [s2], responsible: [po]}\n  - {id: s2"
            ),
            encoding="utf-8",
        )
        status, out, _ = run("schedule", str(path), "--format", "json")
        assert 1 == status
        assert {"s1", "s2"} == set(json.loads(out)["problems"][0]["cycle"])


class TestDateWords:
    """thaiplan date: words typed without quotes are one expression."""

    def test_words_joined(self) -> None:
        """ภายใน พ.ค. ๖๑ as three arguments is one deadline."""
        status, out, _ = run("date", "ภายใน", "พ.ค.", "๖๑")
        assert 0 == status
        assert "ภายใน พ.ค. ๖๑\n  deadline: 2018-05-31" in out

    def test_quoted_expressions(self) -> None:
        """Several quoted expressions are read one by one."""
        status, out, _ = run("date", "ภายใน พ.ค. ๖๑", "๔ เม.ย. ๖๑")
        assert 0 == status
        assert "deadline: 2018-05-31" in out
        assert "day: 2018-04-04" in out

    def test_stdin(self) -> None:
        """- reads one expression a line; blank lines are skipped, a bad line is status 1."""
        status, out, err = run("date", "-", stdin="ภายใน พ.ค. ๖๑\n\n๔ เม.ย. ๖๑\nxx\n")
        assert 1 == status
        assert "deadline: 2018-05-31" in out
        assert "day: 2018-04-04" in out
        assert one_line(err)

    def test_joined_words_that_fail_say_how(self) -> None:
        """Unquoted words that are not one expression: the message says to quote them."""
        status, _, err = run("date", "๔/๔/๖๑", "๕/๔/๖๑")
        assert 1 == status
        assert "quote each of several expressions" in err

    def test_process(self) -> None:
        """As the user types it, in a real process and a console that is not UTF-8."""
        status, out, _ = process("date", "ภายใน", "พ.ค.", "๖๑")
        assert 0 == status
        assert "deadline: 2018-05-31" in out


# -- random command lines ----------------------------------------------------------------------

WORDS = [
    "show",
    "validate",
    "schedule",
    "export",
    "shift",
    "date",
    "nonsense",
    "samut-sakhon-2563",
    "-",
    "--format",
    "json",
    "text",
    "--lang",
    "th",
    "--to",
    "ics",
    "html",
    "csv",
    "yaml",
    "--fiscal-year",
    "2564",
    "99999",
    "-1",
    "--to-working-days",
    "--debug",
    "--help",
    "--version",
    "ภายใน",
    "พ.ค.",
    "๖๑",
    "๔ เม.ย. ๖๑",
    "",
    "\x00",
    "\udcff",
    "no-such-file.yaml",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    argv=st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=6),
    stdin=st.sampled_from(["", GOOD, "format: [", "ภายใน พ.ค. ๖๑\n"]),
)
@example(argv=["shift", "samut-sakhon-2563", "--fiscal-year", "99999"], stdin="")
@example(argv=["date", "ภายใน", "พ.ค.", "๖๑"], stdin="")
@example(argv=["show", "\x00"], stdin="")
def test_random_command_lines(
    argv: list[str], stdin: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any command line: status 0, 1 or 2, and never a traceback."""
    monkeypatch.chdir(tmp_path)  # anything -o writes lands here
    argv = [word if word != "-o" else "out.txt" for word in argv]
    stdout = io.StringIO()
    old = sys.stdout
    sys.stdout = stdout  # argparse writes --help and --version here
    try:
        status, _, err = run(*argv, stdin=stdin)
    finally:
        sys.stdout = old
    assert status in (0, 1, 2)
    assert "Traceback" not in err
    assert "internal error" not in err, err
