"""``python -m kobankyo_desktop``."""

import sys

from kobankyo_desktop.cli import main

sys.exit(main())
