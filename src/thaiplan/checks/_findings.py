"""What validation reports: severities, the issues rules yield, findings and the report."""

from __future__ import annotations

import enum
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final, Protocol

import attrs

from thaiplan.errors import (
    ModelError,
    ThaiplanTypeError,
)
from thaiplan.model._records import missing_member

if TYPE_CHECKING:
    import pandas


class Severity(enum.StrEnum):
    """How much a finding matters."""

    ERROR = "error"  #: the calendar or document is wrong and must be fixed
    WARNING = "warning"  #: probably wrong, or risky; look at it
    INFO = "info"  #: worth knowing

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return missing_member(cls, value)  # a thaiplan error that lists the severities


_SEVERITIES: Final = ", ".join(repr(s.value) for s in Severity)


def _severity(value: Severity | str) -> Severity:
    """A severity from its value, or a clear error listing the valid ones."""
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise ThaiplanTypeError("severity", value, f"one of {_SEVERITIES}")
    try:
        return Severity(value)
    except ValueError:
        raise ModelError(
            f"unknown severity {value!r}; a severity is one of {_SEVERITIES}"
        ) from None


def _optional_severity(value: Severity | str | None) -> Severity | None:
    return None if value is None else _severity(value)


def _strings(items: object) -> tuple[str, ...]:
    """The ids of an issue: a single str is one id, not its characters."""
    if isinstance(items, str):
        return (items,)
    if isinstance(items, bytes) or not isinstance(items, Iterable):
        raise ThaiplanTypeError("Issue.steps/objects", items, "a list of ids (str)")
    result = tuple(items)
    for item in result:
        if not isinstance(item, str):
            raise ThaiplanTypeError("Issue.steps/objects item", item, "an id (a str)")
    return result


@attrs.frozen
class Issue:
    """What a rule found, before the registry gives it its code and severity.

    Attributes:
        message_en: The finding in English, saying what to do where possible.
        message_th: The finding in Thai.
        steps: The ids of the steps concerned.
        objects: Other things concerned (``"letter.distribution.number"``).
        severity: Overrides the rule's severity for this issue.
    """

    message_en: str
    message_th: str
    steps: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    objects: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    severity: Severity | None = attrs.field(default=None, converter=_optional_severity)


_LANGUAGES: Final = ("en", "th")


@attrs.frozen
class Finding:
    """One finding of :func:`validate`.

    Attributes:
        code: The rule's stable code (``"gantt-outside-period"``).
        severity: ``error``, ``warning`` or ``info``.
        message_en: The finding in English.
        message_th: The finding in Thai.
        steps: The ids of the steps concerned.
        objects: Other things concerned.
        file: The file the object it names was read from, when known (else ``None``).
        line: The line there, counted from 1, when known.
        column: The column there, counted from 1, when known.
    """

    code: str
    severity: Severity
    message_en: str
    message_th: str
    steps: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def message(self, lang: str = "en") -> str:
        """The message in ``"en"`` or ``"th"``.

        Raises:
            ModelError: ``lang`` is neither.

        >>> import thaiplan
        >>> finding = thaiplan.Finding("x", thaiplan.Severity.INFO, "a note", "ข้อสังเกต")
        >>> finding.message("th")
        'ข้อสังเกต'
        >>> finding.message("fr")
        Traceback (most recent call last):
        ...
        thaiplan.errors.ModelError: unknown language 'fr'; the languages are 'en' and 'th'
        """
        if lang == "en":
            return self.message_en
        if lang == "th":
            return self.message_th
        raise ModelError(f"unknown language {lang!r}; the languages are 'en' and 'th'")


class Locator(Protocol):
    """Where the objects of a record read from a file were written (``thaiplan.io._locate``)."""

    file: str

    def locate(self, finding: Finding) -> tuple[int, int] | None:
        """The line and column (from 1) of what the finding names, or ``None``."""


# id of a record read from a file -> its locator; an entry goes when its record goes
_ORIGINS: dict[int, Locator] = {}


def remember_origin(record: object, locator: Locator) -> None:
    """Remember the file ``record`` was read from, for as long as the record lives."""
    key = id(record)
    _ORIGINS[key] = locator
    weakref.finalize(record, _ORIGINS.pop, key, None)


def origin_of(record: object) -> Locator | None:
    """The locator of the file ``record`` was read from, if it was read from one."""
    return _ORIGINS.get(id(record))


def located(source: object, findings: list[Finding]) -> list[Finding]:
    """``findings`` with the file, line and column of what they name, where ``source`` was read from a file.

    A finding that has a location already keeps it; one whose steps and
    objects are not found in the file stays without.
    """
    locator = origin_of(source)
    if locator is None or not findings:
        return findings
    out = []
    for finding in findings:
        if finding.file is None:
            where = locator.locate(finding)
            if where is not None:
                finding = attrs.evolve(finding, file=locator.file, line=where[0], column=where[1])
        out.append(finding)
    return out


@attrs.frozen
class Report:
    """The findings of :func:`validate`, errors first.

    Attributes:
        findings: Every finding, errors first, then warnings, then infos.
    """

    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos may remain)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity ``info``."""
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    def codes(self) -> Counter[str]:
        """How many findings each code has."""
        return Counter(f.code for f in self.findings)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """The findings of one rule."""
        return tuple(f for f in self.findings if f.code == code)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def to_dataframe(self) -> pandas.DataFrame:
        """The findings as a pandas DataFrame, one row a finding.

        Raises:
            ModelError: pandas is not installed (``pip install 'thaiplan[pandas]'``).
        """
        from thaiplan.io._frames import report_dataframe

        return report_dataframe(self)

    def _repr_html_(self) -> str:
        from thaiplan.io._notebook import report_html

        return report_html(self)
