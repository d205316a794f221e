"""``python -m thaiplan``: the same as the ``thaiplan`` command."""

from thaiplan.cli import console

if __name__ == "__main__":
    console()
