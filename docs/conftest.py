"""Run the examples of these pages in a scratch folder that holds the example files.

The pages show files being read and written by name, as a reader would in a
folder of their own: ``load_calendar("alternative-2563.yaml")``. Each page's
examples therefore run in a fresh temporary folder, with a copy of the files
of ``docs/examples/``, so that they find those files and write nothing into
the clone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent / "examples"


@pytest.fixture(autouse=True)
def _scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Change into a temporary folder holding a copy of the example files."""
    for example in EXAMPLES.iterdir():
        shutil.copy(example, tmp_path / example.name)
    monkeypatch.chdir(tmp_path)
