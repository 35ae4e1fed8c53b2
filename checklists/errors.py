"""The one error every checklist and pay-data reader raises: a line naming the file and key."""


class ChecklistError(Exception):
    """A checklist file is missing or malformed; the message names the file and key."""
