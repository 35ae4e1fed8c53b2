"""hirewiz's test suite: a package, so `.venv/bin/pytest` and `python -m pytest` import every test
module and ``tests.helpers`` the same way, from any folder and from a fresh clone."""
