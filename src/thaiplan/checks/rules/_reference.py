"""The reference lists the rules on names read: central agencies and DOPA codes.

Both are shipped under ``thaiplan/data/reference/``, each transcribed from the
public sources its file names, and read once, on first use (PyYAML is loaded
then, not when thaiplan is imported).
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import attrs

from thaiplan.dates import to_arabic_digits

__all__ = ["CentralAgency", "DopaCodes", "central_agencies", "dopa_codes"]


@attrs.frozen
class CentralAgency:
    """A central agency of the shipped list.

    Attributes:
        id: Its identifier in the list.
        name: Its official name now.
        abbreviations: Its short forms.
        former: Its former names, oldest first, each with the Buddhist-Era year
            in which the next name took over.
    """

    id: str
    name: str
    abbreviations: tuple[str, ...]
    former: tuple[tuple[str, int], ...]


@attrs.frozen
class DopaCodes:
    """The DOPA codes of provinces (2 digits) and districts (4 digits), with their Thai names.

    Attributes:
        provinces: Province name by code.
        districts: District name by code (Bangkok's with เขต, as DOPA writes them).
        district_codes: The codes of each district name (a few names recur).
    """

    provinces: dict[str, str]
    districts: dict[str, str]
    district_codes: dict[str, tuple[str, ...]]

    def province_code(self, written: str) -> str | None:
        """The code of a province written by code or by name (with or without จังหวัด)."""
        code = to_arabic_digits(written.strip())
        if code in self.provinces:
            return code
        name = "".join(written.split()).removeprefix("จังหวัด")
        for known, province in self.provinces.items():
            if province == name:
                return known
        return None


def _read(name: str) -> Any:
    import yaml

    text = (resources.files("thaiplan") / "data" / "reference" / name).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # a safe loader


@functools.cache
def central_agencies() -> tuple[CentralAgency, ...]:
    """The central agencies of ``data/reference/agencies.yaml``."""
    data = _read("agencies.yaml")
    return tuple(
        CentralAgency(
            entry["id"],
            entry["name"],
            tuple(entry.get("abbreviations") or ()),
            tuple((former["name"], int(former["until"])) for former in entry.get("former") or ()),
        )
        for entry in data["agencies"]
    )


@functools.cache
def dopa_codes() -> DopaCodes:
    """The codes of ``data/reference/dopa-codes.yaml``."""
    data = _read("dopa-codes.yaml")
    provinces = {str(code): str(name) for code, name in data["provinces"].items()}
    districts = {str(code): str(name) for code, name in data["districts"].items()}
    codes: dict[str, list[str]] = {}
    for code, name in districts.items():
        codes.setdefault(name, []).append(code)
    return DopaCodes(provinces, districts, {name: tuple(c) for name, c in codes.items()})
