"""What every take-home kit shares: planted problems, the answer key, rubric, score sheet and brief
frame, and writing the kit to disk (atomically, never over a folder without ``force``) and to zip.

A generator returns a :class:`Kit`: file contents by relative path plus the list of problems it
planted. Everything here is deterministic: files are built in memory in a fixed order, so the same
request and seed give byte-identical output, zip entries included.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import random
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from wizard.export import md
from wizard.takehome.request import Attribute, KitRequest

SOLUTIONS = Path(__file__).resolve().parent / "solutions"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ADEQUATE = (
    "Shows part of this: the work touches on it but leaves gaps the candidate does not name, or "
    "only gets there when asked in the review call."
)
WEAK = "No evidence in the hand-in or the review call beyond the vocabulary."


class KitError(Exception):
    """The kit cannot be written; ``str()`` is the one line shown to the user."""


@dataclass(frozen=True)
class Planted:
    """One planted problem, as the answer key records it."""

    id: str
    kind: str
    where: str
    detect: str
    impact: str


@dataclass
class Kit:
    """A generated kit: files by path relative to the kit folder, and the answer key."""

    request: KitRequest
    seed: int
    files: dict[str, bytes] = field(default_factory=dict)
    planted: list[Planted] = field(default_factory=list)

    def add(self, path: str, content: str | bytes) -> None:
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content

    def plant(self, *planted: Planted) -> None:
        self.planted.extend(planted)


def rng_for(request: KitRequest, seed: int) -> random.Random:
    """The kit's random source: a string seed hashes the same on every platform and run."""
    return random.Random(f"hirewiz-kit|{request.family}|{request.problem_type}|{seed}")


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def solution_source(name: str) -> bytes:
    """The shipped reference solution for a kit family, copied into the kit unchanged."""
    return (SOLUTIONS / f"{name}.py").read_bytes()


# --- measuring the kit with its own reference solution ---------------------------------------


def measure(kit: Kit) -> dict[str, Any]:
    """Run the kit's reference solution (``--ablate``) on the kit's own files in a scratch
    folder, exactly as a reviewer would, so the answer key can say how much each problem moves
    the result."""
    with tempfile.TemporaryDirectory(prefix="hirewiz-kit-") as tmp:
        root = Path(tmp)
        for rel, content in kit.files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        spec = importlib.util.spec_from_file_location(
            f"hirewiz_kit_solution_{kit.request.family}", root / "reviewer" / "solution.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        result: dict[str, Any] = module.evaluate(
            module.parse([str(root / "candidate"), "--ablate"])
        )
        return result


def _measured(kit: Kit, p: Planted, result: dict[str, Any]) -> str:
    moved = result.get("ablation", {}).get(p.id)
    if moved is None:
        return ""
    if "metric" in result:
        return (
            f" On this kit the reference solution's holdout {result['metric']} is "
            f"{result['score']} with every fix and {moved} without this one (today's rule: "
            f"{result['baseline_score']})."
        )
    if "wrong_days" in result:
        return f" On this kit, leaving it unhandled makes {moved} day(s) of the table wrong."
    if "probes" in result:
        return (
            f" On this kit, serving it as it is gets {moved} of {result['probes']} probe scores "
            "right."
        )
    return ""


def finish(kit: Kit) -> None:
    """Measure the kit with its reference solution and add the answer key."""
    result = measure(kit) if kit.request.family != "documents" else {}
    kit.planted = [replace(p, impact=p.impact + _measured(kit, p, result)) for p in kit.planted]
    kit.add("reviewer/answer_key.toml", answer_key(kit))


# --- reviewer documents ----------------------------------------------------------------------


def answer_key(kit: Kit) -> str:
    req = kit.request
    doc = {
        "kit": {
            "track": req.track,
            "problem_type": req.problem_type,
            "data_kind": req.data_kind,
            "family": req.family,
            "seed": kit.seed,
        },
        "planted": [
            {"id": p.id, "kind": p.kind, "where": p.where, "detect": p.detect, "impact": p.impact}
            for p in kit.planted
        ],
    }
    head = (
        "# Answer key for the reviewer: every problem planted in candidate/data. Never send this\n"
        "# file to a candidate. 'python reviewer/solution.py candidate' finds them from the data.\n"
    )
    return head + tomli_w.dumps(doc)


def rubric(kit: Kit, own: Sequence[tuple[str, str, str, str]]) -> str:
    """RUBRIC.md: the kit's own criteria, then each plan scorecard attribute the exercise covers."""
    req = kit.request
    lines = [
        f"# Rubric: take-home for {md(req.company)}",
        "",
        "What strong, adequate and weak work looks like. Score each row on the score sheet; the "
        f"answer key lists the {len(kit.planted)} planted problems behind the first rows.",
        "",
        "| Criterion | Strong | Adequate | Weak |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {name} | {strong} | {adequate} | {weak} |" for name, strong, adequate, weak in own
    ]
    for attr in _attributes(req):
        lines.append(f"| {md(attr.name)} | {md(attr.strong)} | {ADEQUATE} | {WEAK} |")
    return "\n".join(lines) + "\n"


def _attributes(req: KitRequest) -> tuple[Attribute, ...]:
    if req.attributes:
        return req.attributes
    return tuple(
        Attribute(c, "Shows it with concrete detail in the exercise, not just the words.")
        for c in req.competencies
    )


def score_sheet(kit: Kit, own: Sequence[str], metric_line: str | None) -> str:
    req = kit.request
    lines = [
        f"# Score sheet: take-home for {md(req.company)}",
        "",
        "Copy this file once per candidate.",
        "",
        "Candidate: ______________________  Reviewer: ______________________  Date: __________",
        "",
        "## Planted problems found",
        "",
        "| id | kind | found (yes / partly / no) | what they did about it |",
        "|---|---|---|---|",
    ]
    lines += [f"| {p.id} | {p.kind} |  |  |" for p in kit.planted]
    if metric_line:
        lines += ["", "## Result on the holdout", "", metric_line]
    lines += [
        "",
        "## Criteria",
        "",
        "| Criterion | strong / adequate / weak | evidence |",
        "|---|---|---|",
    ]
    lines += [f"| {name} |  |  |" for name in own]
    lines += [f"| {md(a.name)} |  |  |" for a in _attributes(req)]
    lines += ["", "## Decision", "", "Hire signal (strong yes / yes / no / strong no): ______", ""]
    return "\n".join(lines)


def add_reviewer_files(
    kit: Kit, own: Sequence[tuple[str, str, str, str]], metric_line: str | None, family: str
) -> None:
    """What every kit gives the reviewer beside its answer key: the rubric, the score sheet
    (the kit's own criteria, then the plan's) and the family's reference solution."""
    kit.add("reviewer/RUBRIC.md", rubric(kit, own))
    kit.add("reviewer/score_sheet.md", score_sheet(kit, [o[0] for o in own], metric_line))
    kit.add("reviewer/solution.py", solution_source(family))


def brief(
    kit: Kit,
    *,
    task: Sequence[str],
    data: Sequence[tuple[str, str]],
    hand_in: Sequence[str],
    assessed: Sequence[str],
) -> str:
    """BRIEF.md: the problem in the plan's words, the task, time box, pay, data, hand-in and how
    the work is judged. Nothing in it says what or where the planted problems are."""
    req = kit.request
    lines = [f"# Take-home exercise for {md(req.company)}", "", "## The problem", ""]
    if req.outcome:
        lines.append(f"- What we want to change: {md(req.outcome.rstrip('.!?; '))}.")
    if req.success_metric:
        lines.append(f"- How we will know it worked: {md(req.success_metric.rstrip('.!?; '))}.")
    if not (req.outcome or req.success_metric):
        lines.append("The task below describes the problem we need solved.")
    lines += ["", "## Your task", "", *task, "", "## Time box and pay", ""]
    hours = f"{req.hours} hour" + ("s" if req.hours != 1 else "")
    lines.append(
        f"Spend at most {hours}. Stop when the time is up and write down what you would do next; "
        "an unfinished part explained well counts for more than extra hours."
    )
    lines.append(
        {
            True: "This exercise is paid for your time.",
            False: "This exercise is not paid.",
            None: "We will confirm before you start whether and how this exercise is paid.",
        }[req.paid]
    )
    lines += ["", "## The data", "", "| file | what it is |", "|---|---|"]
    lines += [f"| `{path}` | {about} |" for path, about in data]
    lines += ["", "## What to hand in", "", *[f"- {item}" for item in hand_in]]
    lines += ["", "## How it is assessed", "", *[f"- {item}" for item in assessed]]
    if req.competencies:
        lines += ["", "We will also look for:", ""]
        lines += [f"- {md(c)}" for c in req.competencies]
    return "\n".join(lines) + "\n"


# --- writing ---------------------------------------------------------------------------------


def zip_bytes(files: dict[str, bytes], prefix: str) -> bytes:
    """A zip of the files under ``prefix`` with fixed timestamps and modes: same input, same
    bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(files):
            if not path.startswith(prefix + "/"):
                continue
            info = zipfile.ZipInfo(path, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, files[path], compresslevel=9)
    return out.getvalue()


def write_kit(kit: Kit, out: Path, *, force: bool = False, with_zip: bool = False) -> None:
    """Write the kit to ``out``. An existing file or non-empty folder is refused unless ``force``;
    the kit is built in a sibling temporary folder and swapped in, so a failure leaves ``out``
    as it was."""
    files = dict(kit.files)
    if with_zip:
        files["candidate.zip"] = zip_bytes(kit.files, "candidate")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise KitError(f"{out}: exists and is not a folder; choose another -o")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise KitError(f"{out}: folder exists and is not empty; use --force to replace it")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise KitError(f"{out}: folder {parent} does not exist")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as exc:
        raise KitError(f"{out}: cannot write: {exc.strerror or exc}") from None
    try:
        for rel in sorted(files):
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[rel])
        os.chmod(tmp, 0o755)
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=parent))
            os.replace(out, old / "kit")
        try:
            os.replace(tmp, out)
        except OSError:
            if old is not None:  # put the user's folder back before reporting
                os.replace(old / "kit", out)
                old.rmdir()
            raise
        if old is not None:
            shutil.rmtree(old)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise KitError(f"{out}: cannot write: {exc.strerror or exc}") from None
