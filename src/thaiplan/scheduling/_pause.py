"""The cyclic garbage collector paused around a pass over a whole calendar.

A calendar of 100,000 steps is millions of objects, all alive until the end
of a pass (validating it, shifting it, writing it); a pass allocates hundreds
of thousands more that stay alive too (findings, new steps, rows). CPython's
collector then runs full collections over the whole heap as it grows, and
each costs time in proportion to the heap, not to the pass: the bigger the
calendar, the more of the pass goes to walking objects that cannot be garbage.
thaiplan's passes make no reference cycles, so the collector has nothing to
find inside them; it is paused for the pass and put back as the caller had it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_collection"]


@contextlib.contextmanager
def paused_collection() -> Iterator[None]:
    """No cyclic garbage collection inside; afterwards the collector is as the caller had it.

    Enabled before, enabled after; disabled before, disabled after, even if
    code inside (a plug-in rule, say) switched it on or off, and even when
    that code raises. Reference counting frees memory as always; a cycle made
    inside is collected by the first collection after.

    >>> import gc
    >>> with paused_collection():
    ...     gc.isenabled()
    False
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
        else:
            gc.disable()
