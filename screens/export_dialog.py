"""Which Markdown to write: the whole plan or one part of it, each for a different reader."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Static

from screens.dialog import Dialog

# (value, button label, who it is for); the values are the export module's part names.
CHOICES = (
    ("all", "Everything", "the whole plan, for you and your co-founders"),
    ("job-post", "Job post", "for candidates: nothing internal in it"),
    ("interview-kit", "Interview kit", "for the people who interview"),
    ("onboarding", "Onboarding", "for the hire's first weeks"),
)


class ExportDialog(Dialog[str]):
    """Returns one of the part names in :data:`CHOICES`, or ``None`` to export nothing."""

    def __init__(self) -> None:
        super().__init__("Export Markdown")

    def body(self) -> ComposeResult:
        lines = [f"{label}: {reader}" for _, label, reader in CHOICES]
        yield Static("\n".join(lines), id="dialog-message", markup=False)

    def buttons(self) -> Iterable[Button]:
        for index, (value, label, _) in enumerate(CHOICES):
            yield Button(label, id=f"part-{value}", variant="primary" if index == 0 else "default")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#part-all", Button).focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        event.stop()
        name = event.button.id or ""
        self.dismiss(name.removeprefix("part-") if name.startswith("part-") else None)
