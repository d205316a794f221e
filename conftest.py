"""Test set-up shared by every test path: load the rule registry before the doctests are collected.

pytest collects the doctests of ``src/thaiplan`` with ``--import-mode=importlib``,
which imports a module's package first and then runs the module's file once
more as a new module under the same name. For ``thaiplan/checks/_registry.py``
that second copy would hold an empty registry, since the built-in rules
registered themselves in the first. Importing the package here, before
collection, puts the one registry in ``sys.modules``, and pytest then reuses it.
"""

import thaiplan.checks  # noqa: F401  (registers the built-in rules once)
