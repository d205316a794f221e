"""``python -m thaiplan``: the same as the ``thaiplan`` command."""

import sys

from thaiplan.cli import main

if __name__ == "__main__":
    sys.exit(main())
