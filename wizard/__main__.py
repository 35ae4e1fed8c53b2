"""Allows ``python -m wizard`` as an alternative to the ``hirewiz`` script."""

import sys

from wizard.cli import main

sys.exit(main())
