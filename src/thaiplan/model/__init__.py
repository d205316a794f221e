"""The domain model: attrs records for everything a planning document states.

One module per kind of record: ``_organisations`` (agencies, committees,
levels), ``_plans`` (plans and project ideas), ``_steps`` (steps, phases,
dependencies and the calendar), ``_meetings`` (meetings, agenda, resolutions,
actions), ``_letters`` (official letters) and ``_document`` (a whole circular),
with ``_records`` for what they share (ids, corrections, text fields). A new
record goes into the module of its kind, or a new module here. The model reads
dates through :mod:`thaiplan.dates` and knows nothing of scheduling, checks,
files or presentation; a record's notebook view (``_repr_html_``) imports its
HTML from :mod:`thaiplan.io` only when a notebook asks for it. The public names
are re-exported by :mod:`thaiplan`.
"""
