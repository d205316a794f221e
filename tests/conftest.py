"""Shared test set-up: ``tests/strategies.py`` importable as ``strategies``, and the hypothesis profile."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

# Properties are checked by what they find, not by how fast: a test machine
# shared with other work (two cores, as CI has) must not fail a property
# because one example took long to run or to generate. Tests that set their
# own settings keep them, and inherit these for the rest.
settings.register_profile("thaiplan", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("thaiplan")
