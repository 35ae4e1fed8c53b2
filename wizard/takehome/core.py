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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from checklists.takehome import Criterion, FamilyText, fill, load_takehome
from wizard.export import md
from wizard.takehome.request import Attribute, KitRequest

SOLUTIONS = Path(__file__).resolve().parent / "solutions"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


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


def _measured(p: Planted, result: dict[str, Any]) -> str:
    moved = result.get("ablation", {}).get(p.id)
    if moved is None:
        return ""
    t = load_takehome().answer_key
    if "metric" in result:
        return fill(
            t.measured_score,
            {
                "metric": result["metric"],
                "score": result["score"],
                "moved": moved,
                "baseline": result["baseline_score"],
            },
        )
    if "wrong_days" in result:
        return fill(t.measured_days, {"moved": moved})
    if "probes" in result:
        return fill(t.measured_probes, {"moved": moved, "probes": result["probes"]})
    return ""


def finish(kit: Kit) -> None:
    """Measure the kit with its reference solution and add the answer key."""
    result = measure(kit) if kit.request.family != "documents" else {}
    kit.planted = [replace(p, impact=p.impact + _measured(p, result)) for p in kit.planted]
    kit.add("reviewer/answer_key.toml", answer_key(kit))


# --- the kit's documents ---------------------------------------------------------------------


def text_for(family: str) -> FamilyText:
    """The words of a family's kit (checklists/takehome.toml)."""
    return load_takehome().families[family]


def plant(kit: Kit, *ids: str, **values: object) -> None:
    """Record the problems ``ids`` as planted, in that order, with the answer key's words for
    each (checklists/takehome.toml) filled with this kit's ``values``."""
    for pid in ids:
        t = text_for(kit.request.family).planted[pid]
        where, detect, impact = (fill(x, values) for x in (t.where, t.detect, t.impact))
        kit.plant(Planted(pid, t.kind, where, detect, impact))


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
    head = "".join(f"# {line}\n" for line in load_takehome().answer_key.head)
    return head + tomli_w.dumps(doc)


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def rubric(kit: Kit, own: Sequence[Criterion]) -> str:
    """RUBRIC.md: the kit's own criteria, then each plan scorecard attribute the exercise covers."""
    t = load_takehome().rubric
    company = md(kit.request.company)
    rows = [(c.name, c.strong, c.adequate, c.weak) for c in own]
    rows += [(md(a.name), md(a.strong), t.adequate, t.weak) for a in _attributes(kit)]
    lines = [
        "# " + fill(t.title, {"company": company}),
        "",
        fill(t.intro, {"company": company, "planted": len(kit.planted)}),
        "",
        *_table(t.columns, rows),
    ]
    return "\n".join(lines) + "\n"


def _attributes(kit: Kit) -> tuple[Attribute, ...]:
    req = kit.request
    if req.attributes:
        return req.attributes
    strong = load_takehome().rubric.competency_strong
    return tuple(Attribute(c, strong) for c in req.competencies)


def score_sheet(kit: Kit, own: Sequence[str], metric_line: str) -> str:
    t = load_takehome().score_sheet
    lines = [
        "# " + fill(t.title, {"company": md(kit.request.company)}),
        "",
        t.copy,
        "",
        t.names,
        "",
        "## " + t.planted,
        "",
        *_table(t.planted_columns, ((p.id, p.kind, "", "") for p in kit.planted)),
        "",
        "## " + t.result,
        "",
        metric_line,
        "",
        "## " + t.criteria,
        "",
        *_table(
            t.criteria_columns,
            ((name, "", "") for name in [*own, *(md(a.name) for a in _attributes(kit))]),
        ),
        "",
        "## " + t.decision,
        "",
        t.hire_signal,
        "",
    ]
    return "\n".join(lines)


def brief(kit: Kit, family: FamilyText, values: Mapping[str, object], when: set[str]) -> str:
    """BRIEF.md: the problem in the plan's words, the task, time box, pay, data, hand-in and how
    the work is judged. Nothing in it says what or where the planted problems are."""
    req = kit.request
    t = load_takehome().brief
    lines = ["# " + fill(t.title, {"company": md(req.company)}), "", "## " + t.problem, ""]
    if req.outcome:
        lines.append("- " + fill(t.outcome, {"outcome": md(req.outcome.rstrip(".!?; "))}))
    if req.success_metric:
        metric = md(req.success_metric.rstrip(".!?; "))
        lines.append("- " + fill(t.success_metric, {"success_metric": metric}))
    if not (req.outcome or req.success_metric):
        lines.append(t.no_problem)
    # Said in every brief, so the difference between a made-up data set and the company's own
    # problem reads as the design it is, never as a careless founder.
    lines += ["", fill(t.stand_in, {"shape": fill(family.stand_in, values)})]
    hours = fill(t.one_hour if req.hours == 1 else t.many_hours, {"hours": req.hours})
    lines += ["", "## " + t.task, "", *(fill(line, values) for line in family.task)]
    lines += ["", "## " + t.time, "", fill(t.time_box, {"hours": hours})]
    lines.append({True: t.paid, False: t.unpaid, None: t.pay_unknown}[req.paid])
    rows = [
        (f"`{fill(d.path, values)}`", fill(d.about, values))
        for d in family.data
        if not d.when or d.when in when
    ]
    lines += ["", "## " + t.data, "", *_table(t.data_columns, rows)]
    lines += ["", "## " + t.hand_in, "", *(f"- {fill(i, values)}" for i in family.hand_in)]
    lines += ["", "## " + t.assessed, "", *(f"- {fill(i, values)}" for i in family.assessed)]
    if req.competencies:
        lines += ["", t.also_look_for, ""]
        lines += [f"- {md(c)}" for c in req.competencies]
    return "\n".join(lines) + "\n"


def add_documents(
    kit: Kit, values: Mapping[str, object] | None = None, when: Iterable[str] = ()
) -> None:
    """Everything a kit says besides its answer key, in the family's words filled with
    ``values``: the candidate's brief, and the reviewer's rubric and score sheet (the kit's own
    criteria, then the plan's), README and the family's reference solution. ``when`` names the
    optional rows of the brief's data table that this kit has."""
    family = kit.request.family
    text = text_for(family).for_track(kit.request.track)
    n = len(kit.planted)
    filled = {**(values or {}), "found": n - 1, "planted": n}
    own = [
        Criterion(*(fill(part, filled) for part in (c.name, c.strong, c.adequate, c.weak)))
        for c in text.criteria
    ]
    kit.add("candidate/BRIEF.md", brief(kit, text, filled, set(when)))
    kit.add("reviewer/RUBRIC.md", rubric(kit, own))
    kit.add("reviewer/score_sheet.md", score_sheet(kit, [c.name for c in own], text.metric))
    kit.add("reviewer/solution.py", solution_source(family))
    readme = [f"# {load_takehome().reviewer_readme.title}", ""]
    readme += [f"- {fill(line, filled)}" for line in text.readme]
    kit.add("reviewer/README.md", "\n".join(readme) + "\n")


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
