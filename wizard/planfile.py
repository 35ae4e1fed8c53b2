"""Reading and writing plan files.

Plans are shared between people, so reading one must never run anything, never follow paths
inside it and never crash on a hostile or damaged file: every problem becomes a
:class:`PlanFileError` naming the file and the key or line. Writing is atomic (temp file in the
same folder, fsync, rename), so a failed save leaves the previous file exactly as it was.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import tomli_w
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from checklists.loader import Checklist
from wizard import __version__
from wizard.answers import (
    AnswerError,
    describe_error,
    fill_linked_defaults,
    missing_required,
    prune_hidden,
    validate_answers,
)
from wizard.models import SCHEMA_VERSION, Answers, Meta, Plan
from wizard.rules import derive

MAX_BYTES = 1024 * 1024
# tomllib spends time and memory quadratic in the number of parts of a dotted key: a 1 MiB line
# of `a.a.a...` never finishes. Plan keys have at most three parts, so anything this long is
# refused before parsing.
MAX_KEY_PARTS = 16
_KEY_PART = r"""(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]++|"[^"\n]*+"|'[^'\n]*+')"""
_LONG_DOTTED_KEY = re.compile(rf"(?:{_KEY_PART}[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS - 1}}}")
SCHEMA_URL = f"https://hirewiz.dev/schema/plan-v{SCHEMA_VERSION}.json"
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


class PlanFileError(Exception):
    """A plan or answers file cannot be used. ``str()`` is the one line shown to the user."""

    def __init__(self, path: Path | str, where: str, reason: str) -> None:
        self.path = str(path)
        self.where = where
        self.reason = reason
        super().__init__(f"{path}: {where}: {reason}" if where else f"{path}: {reason}")


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
    model_config = ConfigDict(extra="forbid", strict=True)
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


def read_text(path: Path) -> str:
    """Read a file as text with the size, binary and encoding checks every input gets."""
    try:
        if path.is_dir():
            raise PlanFileError(path, "", "is a directory, not a plan file")
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise PlanFileError(path, "", "no such file") from None
    except PermissionError:
        raise PlanFileError(path, "", "permission denied") from None
    except IsADirectoryError:
        raise PlanFileError(path, "", "is a directory, not a plan file") from None
    except OSError as exc:
        raise PlanFileError(path, "", f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise PlanFileError(path, "", "file is over 1 MiB; plan files are a few kilobytes")
    if b"\x00" in data:
        raise PlanFileError(path, "", "contains NUL bytes; this is not a TOML text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanFileError(path, f"line {line}", "not UTF-8 text") from None


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    if not text.strip():
        raise PlanFileError(path, "", "the file is empty")
    long_key = _LONG_DOTTED_KEY.search(text)
    if long_key:
        line = text.count("\n", 0, long_key.start()) + 1
        raise PlanFileError(
            path, f"line {line}", f"a dotted key has more than {MAX_KEY_PARTS} parts"
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)$", msg)
        if match:
            reason = msg[: match.start()].strip()
            where = f"line {match.group(1)}, column {match.group(2)}"
        elif msg.endswith("(at end of document)"):
            reason = msg.removesuffix("(at end of document)").strip()
            where = f"line {len(text.splitlines()) or 1} (end of file)"
        else:
            reason, where = msg, ""
        raise PlanFileError(path, where, f"invalid TOML: {reason}") from None
    except RecursionError:
        raise PlanFileError(path, "", "invalid TOML: nested too deeply") from None


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
    doc = parse_toml(path, read_text(path))
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
    """Derive the full plan from answers. Missing timestamps default to now."""
    stamp = now()
    answers = fill_linked_defaults(prune_hidden(answers, checklist), checklist)
    d = derive(answers, checklist)
    return Plan(
        schema_version=SCHEMA_VERSION,
        meta=Meta(
            title=answers.context.plan_title or "",
            company=answers.context.company or "",
            created=created or stamp,
            updated=updated or created or stamp,
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


def dumps(plan: Plan) -> str:
    header = (
        f"#:schema {SCHEMA_URL}\n"
        f"# Written by {GENERATOR}. The [answers] tables are the source of truth; every other "
        "table is recomputed from them on each save.\n\n"
    )
    return header + tomli_w.dumps(plan.to_toml_dict(), multiline_strings=False)


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old file or the new, never a mix."""
    target = path.resolve() if path.is_symlink() else path
    if target.is_dir():
        raise PlanFileError(path, "", "is a directory; choose a file name")
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise PlanFileError(path, "", f"cannot save: folder {directory} does not exist") from None
    except OSError as exc:
        raise PlanFileError(path, "", f"cannot save: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PlanFileError(path, "", f"cannot save: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    try:
        dfd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def save_plan(path: Path, plan: Plan) -> None:
    atomic_write(path, dumps(plan))


def plan_schema(checklist: Checklist) -> dict[str, Any]:
    """JSON Schema of the plan file, with the answers part built from the checklist."""
    from pydantic import create_model

    from wizard.models import answers_model

    model = create_model("HirewizPlan", __base__=Plan, answers=(answers_model(checklist), ...))
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hirewiz plan file"
    return schema
