"""``python -m compagnonnage``: the command line (see :mod:`compagnonnage.cli`)."""

from compagnonnage.cli import run

run()
