"""Files in and out, and what people look at: calendar files, iCalendar, the Gantt page, CSV.

The calendar and document files are read in passes: ``_reader`` composes YAML
1.2 (and JSON) with the line and column of every value, ``_check`` checks the
plain values against the model and their references, ``_convert`` structures
them into records with cattrs (and back), and ``_files`` is the public face
(``load_calendar``, ``dumps_calendar`` ...; its docstring describes the passes).
The exports sit beside them: ``_ical`` (iCalendar), ``_gantt`` (the HTML Gantt
page and the notebook table), ``_csv``, and ``_notebook`` (the notebook views of
the records), and the office files: ``_xlsx`` and ``_xlsx_read`` (Excel books
of the calendar table), ``_docx`` (the Word circular) and ``_mspdi`` and
``_mspdi_read`` (MS Project XML). A new file format or export is a module here. io may use
everything below it (model, scheduling, checks: the Gantt page shows slack and
findings) and nothing above it. The public names are re-exported by
:mod:`thaiplan`.
"""
