"""The ``thaiplan`` command: the parser and entry point, and one function per command.

``cli/_main.py`` builds the argument parser and runs a command, catching every
thaiplan error at the top (one line on standard error, exit status 2).
``cli/_commands.py`` has one function per command; a new command is a function
there (or a module of its own beside it, when it grows) added to the parser in
``_main.py``. ``cli/_common.py`` has what the commands share: loading a SOURCE,
tables that fit a terminal, exit statuses. The command line sits on top of every
other layer and nothing imports it.
"""

from thaiplan.cli._main import console, main

__all__ = ["console", "main"]
