"""Reading and writing plan files.

Plans are shared between people, so reading one must never run anything, never follow paths
inside it and never crash on a hostile or damaged file: every problem becomes a
:class:`PlanFileError` naming the file and the key or line. Writing is atomic (temp file in the
same folder, fsync, rename), so a failed save leaves the previous file exactly as it was. The
guarded reading and the atomic writing themselves live in :mod:`wizard.files`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import tomli_w
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from checklists.loader import Checklist
from wizard import __version__, schemafiles
from wizard.answers import (
    AnswerError,
    describe_error,
    fill_linked_defaults,
    missing_required,
    prune_hidden,
    require_complete,
    validate_answers,
)
from wizard.files import MAX_BYTES as MAX_BYTES
from wizard.files import MAX_KEY_PARTS as MAX_KEY_PARTS
from wizard.files import PlanFileError as PlanFileError
from wizard.files import atomic_write as atomic_write
from wizard.files import parse_toml as parse_toml
from wizard.files import read_text as read_text
from wizard.files import read_toml
from wizard.models import SCHEMA_VERSION, Answers, Meta, Plan
from wizard.paths import plans_dir
from wizard.rules import derive

GENERATOR = f"hirewiz {__version__}"
TOP_LEVEL = (
    "schema_version",
    "meta",
    "answers",
    "readiness",
    "role",
    "budget",
    "findings",
    "interview_loop",
    "scorecard",
    "onboarding",
)


# What version 2 added (docs/plan-file.md, "Versions"): a file that says it is version 1 but
# uses one of these was not written by a version-1 hirewiz, so it is refused rather than guessed.
_ADDED_IN_2_KEYS = (
    "context.location",
    "context.apply_contact",
    "timing.monthly_budget",
    "timing.budget_currency",
    "timing.pay_low",
    "timing.pay_high",
    "timing.equity_offered",
)
_ADDED_IN_2_VALUES = {"goals.build_mode": "llm", "context.planned_title": "ai_engineer"}


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 states the budget's currency: v1 budgets were in US dollars (docs/plan-file.md).

    Only keys are renamed; the result is validated against the current version afterwards.
    """
    answers = doc.get("answers")
    if not isinstance(answers, dict):
        return doc  # the validator names the broken table
    timing = answers.get("timing")
    if isinstance(timing, dict) and "monthly_budget_usd" in timing:
        for new in ("monthly_budget", "budget_currency"):
            if new in timing:
                raise MigrationConflict(
                    f"timing.{new}",
                    "replaces monthly_budget_usd from schema_version 1; give one of them, not both",
                )
    for key in _ADDED_IN_2_KEYS:
        step, _, qid = key.partition(".")
        table = answers.get(step)
        if isinstance(table, dict) and qid in table:
            raise MigrationConflict(key, _newer_than_file(f"the key {qid}", 2))
    for key, value in _ADDED_IN_2_VALUES.items():
        step, _, qid = key.partition(".")
        table = answers.get(step)
        if isinstance(table, dict) and table.get(qid) == value:
            raise MigrationConflict(key, _newer_than_file(f"the value {value!r}", 2))
    if isinstance(timing, dict) and "monthly_budget_usd" in timing:
        timing["monthly_budget"] = timing.pop("monthly_budget_usd")
        timing["budget_currency"] = "USD"
    return doc


def _newer_than_file(what: str, version: int) -> str:
    return (
        f"{what} needs schema_version {version} or later, but the file is version "
        f"{version - 1}; set schema_version = {SCHEMA_VERSION} and check the answers"
    )


class MigrationConflict(Exception):
    """An old file that uses what its version does not have. ``where`` is an answer key."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


# Each entry upgrades a parsed document from version N to N + 1, by renaming keys only.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}
# Answer keys that exist only in an older version: an answers-only file without
# schema_version that uses one is read as that version (docs/plan-file.md, "Versions").
OLD_ONLY_KEYS: dict[str, int] = {"timing.monthly_budget_usd": 1}


def _storable_time(value: datetime | None) -> datetime | None:
    """Timestamps others will sort and compare: a missing offset means UTC (what we write), and
    an instant that cannot be converted to UTC (year 1 at +23:59) is refused, not crashed on."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        value.astimezone(UTC).timestamp()
    except (OverflowError, ValueError, OSError):
        raise ValueError("is outside the dates hirewiz can handle") from None
    return value


_Timestamp = Annotated[datetime | None, AfterValidator(_storable_time)]


class _MetaIn(BaseModel):
    # Built on first use: an answers-only file has no [meta] to check.
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)
    title: str = ""
    company: str = ""
    created: _Timestamp = None
    updated: _Timestamp = None
    generator: str = ""


@dataclass(frozen=True)
class Loaded:
    """A plan read from disk, with its original timestamps so an unchanged save is identical."""

    answers: Answers
    created: datetime | None
    updated: datetime | None
    plan_file: bool


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _guess_version(answers: Any) -> int:
    """The version of a file that does not say: the oldest one whose own keys it uses."""
    version = SCHEMA_VERSION
    if isinstance(answers, dict):
        for key, old in OLD_ONLY_KEYS.items():
            step, _, qid = key.partition(".")
            table = answers.get(step)
            if isinstance(table, dict) and qid in table:
                version = min(version, old)
    return version


def _migrate(path: Path, doc: dict[str, Any], prefix: str) -> dict[str, Any]:
    if "schema_version" not in doc:
        doc["schema_version"] = _guess_version(doc.get("answers"))
    version = doc["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise PlanFileError(path, "schema_version", f"must be a whole number (got {version!r})")
    if version > SCHEMA_VERSION:
        raise PlanFileError(
            path,
            "schema_version",
            f"{version} was written by a newer hirewiz; this is {GENERATOR}, which reads up to "
            f"{SCHEMA_VERSION} (upgrade hirewiz to open it)",
        )
    # An older version is readable only through registered upgrades, one version at a time.
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise PlanFileError(path, "schema_version", f"no migration from version {version}")
        try:
            doc = step(doc)
        except MigrationConflict as exc:
            raise PlanFileError(path, prefix + exc.where, exc.reason) from None
        except Exception as exc:  # an old file that does not fit its own version's layout
            raise PlanFileError(
                path, "schema_version", f"cannot upgrade from version {version}: {exc!r}"
            ) from None
        version += 1
        doc["schema_version"] = version
    return doc


def load_answers(path: Path, checklist: Checklist, *, require_complete: bool = True) -> Loaded:
    """Read a plan file or an answers-only file and validate its answers.

    An answers-only file holds the step tables (``[context]``, ``[goals]``…) at the top level or
    under ``[answers]``. Derived tables in a plan file are ignored: they are recomputed.
    """
    doc = read_toml(path)
    step_ids = {s.id for s in checklist.steps}
    is_plan = "answers" in doc
    if is_plan:
        for key in doc:
            if key not in TOP_LEVEL:
                raise PlanFileError(path, key, "unknown key")
        prefix = "answers."
        doc = _migrate(path, doc, prefix)
        raw_answers = doc["answers"]
    else:
        unknown = [k for k in doc if k not in step_ids]
        if unknown:
            raise PlanFileError(path, unknown[0], "unknown key (expected answer tables)")
        prefix = ""
        raw_answers = _migrate(path, {"answers": doc}, prefix)["answers"]
    try:
        answers = validate_answers(raw_answers, checklist)
    except AnswerError as exc:
        raise PlanFileError(path, (prefix + exc.key).rstrip("."), exc.reason) from None
    if require_complete:
        missing = missing_required(answers, checklist)
        if missing:
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            raise PlanFileError(path, prefix + missing[0], "is required" + more)
    created = updated = None
    if is_plan and "meta" in doc:
        try:
            meta = _MetaIn.model_validate(doc["meta"])
        except ValidationError as exc:
            key, reason = describe_error(exc.errors()[0])
            raise PlanFileError(path, f"meta.{key}" if key else "meta", reason) from None
        created, updated = meta.created, meta.updated
    return Loaded(answers=answers, created=created, updated=updated, plan_file=is_plan)


def build_plan(
    answers: Answers,
    checklist: Checklist,
    *,
    created: datetime | None = None,
    updated: datetime | None = None,
) -> Plan:
    """Derive the full plan from complete answers. Missing timestamps default to now.

    Raises :class:`IncompleteAnswers` naming what is missing rather than guessing it.
    """
    stamp = now()
    require_complete(answers, checklist)
    answers = fill_linked_defaults(prune_hidden(answers, checklist), checklist)
    stamp_updated = updated or created or stamp
    d = derive(answers, checklist, updated=stamp_updated.date())
    return Plan(
        schema_version=SCHEMA_VERSION,
        meta=Meta(
            title=answers.context.plan_title or "",
            company=answers.context.company or "",
            created=created or stamp,
            updated=stamp_updated,
            generator=GENERATOR,
        ),
        answers=answers,
        readiness=d.readiness,
        role=d.role,
        budget=d.budget,
        findings=d.findings,
        interview_loop=d.interview_loop,
        scorecard=d.scorecard,
        onboarding=d.onboarding,
    )


def load_plan(path: Path, checklist: Checklist) -> Plan:
    """Read a plan (or answers) file and return the plan recomputed from its answers."""
    loaded = load_answers(path, checklist)
    return build_plan(loaded.answers, checklist, created=loaded.created, updated=loaded.updated)


def dumps(plan: Plan, path: Path | None = None) -> str:
    """The plan as TOML text, for writing to ``path`` (None: printed or kept in memory).

    The first line names the schema beside ``path`` when there is one, else says how to get it.
    """
    header = (
        f"{schemafiles.header_line(path)}\n"
        f"# Written by {GENERATOR}. The [answers] tables are the source of truth; every other "
        "table is recomputed from them on each save.\n\n"
    )
    return header + tomli_w.dumps(plan.to_toml_dict(), multiline_strings=False)


def save_plan(path: Path, plan: Plan) -> None:
    """Write a plan; one saved into the library also gets the schema files it points at."""
    if _in_library(path):
        schemafiles.install(path.parent)
    atomic_write(path, dumps(plan, path))


def _in_library(path: Path) -> bool:
    try:
        return path.parent.resolve() == plans_dir().resolve()
    except OSError:
        return False


def plan_schema(checklist: Checklist) -> dict[str, Any]:
    """JSON Schema of the plan file, with the answers part built from the checklist."""
    from dataclasses import make_dataclass

    from pydantic import TypeAdapter

    from wizard.models import answers_model

    model = make_dataclass(
        "HirewizPlan",
        [("answers", answers_model(checklist))],
        bases=(Plan,),
        frozen=True,
        kw_only=True,
    )
    schema = TypeAdapter(model).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hirewiz plan file"
    return schema
