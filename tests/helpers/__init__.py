"""What the tests share: paths to fixtures, answers built from a ready baseline, the CLI run
in-process or as a child, and keyboard-only driving of the wizard. Fixtures stay in conftest.py
files; everything here is a plain function or constant, imported as ``tests.helpers.<module>``."""
