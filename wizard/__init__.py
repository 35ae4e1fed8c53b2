"""hirewiz core: models, rules, plan file I/O and the headless CLI.

Nothing in this package imports textual, so the headless commands and the tests of the advice
stay fast and usable without a terminal UI.
"""

__version__ = "0.1.0"
