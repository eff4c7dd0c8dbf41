"""``python -m compagnonnage``: the command line (see :mod:`compagnonnage.cli`)."""

import sys

from compagnonnage.cli import main

sys.exit(main())
