"""Validation: the registry of rules and the built-in rules, by family.

``checks/_findings.py`` holds what validation reports (``Severity``,
``Issue``, ``Finding``, ``Report``) and ``checks/_registry.py`` what runs the
rules (``Rule``, ``Context``, ``register_rule``, ``validate``), all public as
:mod:`thaiplan` names. The built-in rules live in ``checks/rules/``, one module
per family (structure, timing, gantt, days, cycle, document); a new rule goes
into its family's module and is registered there with
:func:`~thaiplan.rule`. Checks read the model and the schedule, never files or
presentation. Importing this package registers the built-in rules.
"""

from thaiplan.checks import rules

__all__ = ["rules"]
