"""The questions, checklist items and reference figures hirewiz works from, kept as TOML data.

Keeping them as data means the wording can change, and questions can be added, without touching
code; ``checklists.loader`` validates the files so a mistake in them is caught at start-up with
the file and key named.
"""
