"""Project registers in and out: the ``thaiplan-register/1`` file format, and roll-ups as DataFrames."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from thaiplan.errors import ModelError

if TYPE_CHECKING:
    import pandas

    from thaiplan.model._register import RollupRow

__all__ = ["rollup_frame"]


def rollup_frame(rows: Sequence[RollupRow], keys: Sequence[str]) -> pandas.DataFrame:
    """Roll-up rows as a DataFrame: one column a key, then ``projects`` and ``budget`` (Decimal)."""
    try:
        import pandas
    except ImportError:
        raise ModelError(
            "rollup_frame() needs pandas, which is not installed;"
            " install it with: pip install 'thaiplan[pandas]'"
        ) from None
    records: list[dict[str, Any]] = [row.as_dict() for row in rows]
    return pandas.DataFrame.from_records(records, columns=[*keys, "projects", "budget"])
