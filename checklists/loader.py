"""Load and validate the checklist TOML files.

Everything is checked when loaded, so a typo in a checklist fails loudly at start-up with the
file and key named, instead of surfacing as a broken screen or a wrong recommendation later.
"""

from __future__ import annotations

import errno
from functools import lru_cache
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from checklists.errors import ChecklistError as ChecklistError  # re-exported for callers
from checklists.rates import PayData, load_pay_data
from checklists.shipped import read_shipped
from wizard.files import PlanFileError, parse_toml, read_text

HERE = Path(__file__).resolve().parent

Kind = Literal["text", "longtext", "int", "bool", "choice", "multi", "list"]
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
# Choice values are identifiers, or upper-case codes such as currencies ("USD").
ChoiceValue = Annotated[str, Field(pattern=r"^(?:[a-z][a-z0-9_]*|[A-Z]{3})$", max_length=40)]
Mistake = Annotated[int, Field(ge=1, le=10)]
Scalar = str | int | bool


class _Data(BaseModel):
    # Validators are built on first use only: the shipped data is built without validation
    # (see _parse), so a normal run never pays for building them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Choice(_Data):
    value: ChoiceValue
    label: str = Field(min_length=1)


class Question(_Data):
    id: Id
    prompt: str = Field(min_length=1)
    help: str = Field(min_length=1)
    kind: Kind
    required: bool
    # Not needed to save a plan, but leaving it empty weakens the advice; the wizard says so.
    recommended: bool = False
    mistakes: tuple[Mistake, ...] = ()
    choices: tuple[Choice, ...] = ()
    default: Scalar | list[str] | None = None
    min: int | None = None
    max: int | None = None
    max_length: int | None = Field(default=None, ge=1, le=5000)
    placeholder: str = ""
    when: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Shown only while another (int) answer is at least this number.
    when_at_least: dict[str, int] = Field(default_factory=dict)
    # Text shape checked on every answer (text questions only).
    format: Literal["url_or_email"] | None = None
    # An int answer that may not be below another int answer of the same step.
    at_least: Id | None = None
    # While unanswered, the value follows another (choice) answer: ``defaults[that answer]``.
    default_from: str | None = None
    defaults: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        has_choices = self.kind in ("choice", "multi")
        if has_choices and not self.choices:
            raise ValueError(f"a {self.kind} question needs choices")
        if not has_choices and self.choices:
            raise ValueError(f"a {self.kind} question takes no choices")
        values = [c.value for c in self.choices]
        if len(set(values)) != len(values):
            raise ValueError("choice values repeat")
        if self.kind != "int" and (self.min is not None or self.max is not None):
            raise ValueError("min and max apply to int questions only")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is above max")
        if self.format is not None and self.kind != "text":
            raise ValueError("format applies to text questions only")
        if self.at_least is not None and self.kind != "int":
            raise ValueError("at_least applies to int questions only")
        if (self.default_from is None) != (not self.defaults):
            raise ValueError("default_from and defaults go together")
        if self.defaults and self.kind != "choice":
            raise ValueError("default_from applies to choice questions only")
        if self.default_from is not None and self.default is not None:
            raise ValueError("a question takes default or default_from, not both")
        if self.required and self.recommended:
            raise ValueError("a required question cannot also be marked recommended")
        for key in (*self.when, *self.when_at_least):
            if key.count(".") != 1:
                raise ValueError(f"when key {key!r} must look like 'step.question'")
        return self

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def label_for(self, value: str) -> str:
        """The founder-facing label of a choice value, or the value itself if unknown."""
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value


class Step(_Data):
    id: Id
    title: str = Field(min_length=1)
    intro: str = ""
    questions: tuple[Question, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Step:
        ids = [q.id for q in self.questions]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"question ids repeat: {', '.join(dupes)}")
        return self


class QuestionsFile(_Data):
    steps: tuple[Step, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> QuestionsFile:
        ids = [s.id for s in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError("step ids repeat")
        return self


class Checklist(_Data):
    """Everything loaded from one checklist directory."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    steps: tuple[Step, ...]
    # Pay figures (shipped plus the user's rates.toml), exchange rates, advisor equity.
    pay: PayData

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def question(self, key: str) -> Question:
        """Look up a question by its dotted key, e.g. ``data.pipeline``."""
        step_id, _, qid = key.partition(".")
        for question in self.step(step_id).questions:
            if question.id == qid:
                return question
        raise KeyError(key)

    def questions(self) -> list[tuple[str, Question]]:
        return [(f"{s.id}.{q.id}", q) for s in self.steps for q in s.questions]


def _loc(loc: tuple[int | str, ...], raw: Any) -> str:
    """Render a pydantic error location, naming list items by their ``id`` where they have one."""
    text = ""
    node = raw
    for item in loc:
        if item == "[key]":  # pydantic's marker for a bad dict key; the key itself is named
            continue
        if isinstance(item, int) and isinstance(node, list) and 0 <= item < len(node):
            node = node[item]
            ident = node.get("id") if isinstance(node, dict) else None
            text += f"[{ident!r}]" if isinstance(ident, str) else f"[{item}]"
        else:
            text += f".{item}" if text else str(item)
            node = node.get(item) if isinstance(node, dict) else None
    return text or "(top level)"


def _read(path: Path) -> dict[str, Any]:
    """Read through the same guarded reader as plans: regular files only, size, nesting,
    dotted-key and number checks, one line naming the file and the key or line. A shipped
    file's parsed form is kept between runs (checklists/shipped.py)."""
    try:
        text = read_text(path)
        return read_shipped(path, text, lambda: parse_toml(path, text))
    except PlanFileError as exc:
        if exc.errno == errno.ENOENT:
            raise ChecklistError(f"{path}: checklist file is missing") from None
        raise ChecklistError(str(exc)) from None


M = TypeVar("M", bound=BaseModel)


def _parse(model: type[M], path: Path, raw: dict[str, Any]) -> M:
    if path.parent == HERE:
        # Shipped data is validated by the tests (tests/unit/test_checklists.py), so it is
        # built as is; anything else (a user's rates.toml, another folder) is validated here.
        built: M = _construct(model, raw)
        return built
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        raise ChecklistError(f"{path}: {_loc(tuple(err['loc']), raw)}: {msg}") from None


def _construct(kind: Any, value: Any) -> Any:
    """Build trusted data into the same objects validation would give, without validating."""
    origin = get_origin(kind)
    if origin is Annotated:
        return _construct(get_args(kind)[0], value)
    if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(value, dict):
        fields = kind.model_fields
        return kind.model_construct(
            **{k: _construct(fields[k].annotation, v) for k, v in value.items() if k in fields}
        )
    if origin is tuple and isinstance(value, list):
        item = get_args(kind)[0]
        return tuple(_construct(item, v) for v in value)
    if origin is dict and isinstance(value, dict):
        item = get_args(kind)[1]
        return {k: _construct(item, v) for k, v in value.items()}
    if origin in (Union, UnionType) and value is not None:
        options = [a for a in get_args(kind) if a is not type(None)]
        return _construct(options[0], value) if len(options) == 1 else value
    return value


def _check_questions(path: Path, steps: tuple[Step, ...]) -> None:
    """Catch cross-question mistakes: ``when`` pointing nowhere, defaults that are not choices."""
    known = {f"{s.id}.{q.id}": q for s in steps for q in s.questions}
    for step in steps:
        for q in step.questions:
            where = f"steps[{step.id!r}].questions[{q.id!r}]"
            for key, values in q.when.items():
                target = known.get(key)
                if target is None:
                    raise ChecklistError(f"{path}: {where}.when: no question {key!r}")
                bad = set(values) - set(target.choice_values)
                if bad:
                    raise ChecklistError(
                        f"{path}: {where}.when: {key} has no choice {sorted(bad)[0]!r}"
                    )
            for key in q.when_at_least:
                target = known.get(key)
                if target is None or target.kind != "int":
                    raise ChecklistError(f"{path}: {where}.when_at_least: no int question {key!r}")
            problem = _default_problem(q)
            if problem:
                raise ChecklistError(f"{path}: {where}.default: {problem}")
            problem = _linked_problem(q, step, known)
            if problem:
                raise ChecklistError(f"{path}: {where}.{problem}")


def _linked_problem(q: Question, step: Step, known: dict[str, Question]) -> str | None:
    """Check ``at_least`` and ``default_from``, which name other questions."""
    if q.at_least is not None:
        ids = [x.id for x in step.questions]
        other = next((x for x in step.questions if x.id == q.at_least), None)
        if other is None or other.kind != "int" or ids.index(other.id) > ids.index(q.id):
            return f"at_least: {q.at_least!r} is not an earlier int question of this step"
    if q.default_from is not None:
        source = known.get(q.default_from)
        if source is None or source.kind != "choice":
            return f"default_from: no choice question {q.default_from!r}"
        if set(q.defaults) != set(source.choice_values):
            return f"defaults: must name exactly the choices of {q.default_from}"
        bad = sorted(set(q.defaults.values()) - set(q.choice_values))
        if bad:
            return f"defaults: {bad[0]!r} is not one of the choices"
    return None


def _default_problem(q: Question) -> str | None:
    """Say what is wrong with a question's default for its kind, or None if it fits."""
    value = q.default
    if value is None:
        return None
    if q.kind == "bool":
        return None if isinstance(value, bool) else "must be true or false"
    if q.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        if (q.min is not None and value < q.min) or (q.max is not None and value > q.max):
            return f"{value} is outside {q.min}..{q.max}"
        return None
    if q.kind == "choice":
        return None if value in q.choice_values else f"{value!r} is not one of the choices"
    if q.kind == "multi":
        ok = isinstance(value, list) and all(v in q.choice_values for v in value)
        return None if ok else "must be a list of the question's choice values"
    if q.kind == "list":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else "must be a list of text"
    return None if isinstance(value, str) else "must be text"


def default_dir() -> Path:
    return HERE


@lru_cache(maxsize=8)
def _load(directory: Path, home: str | None) -> Checklist:
    qpath = directory / "questions.toml"
    steps = _parse(QuestionsFile, qpath, _read(qpath)).steps
    _check_questions(qpath, steps)
    # Every part is validated (or trusted) above; the container adds no rule of its own.
    return Checklist.model_construct(
        steps=steps, pay=load_pay_data(Path(home) if home else None, directory)
    )


def load_checklist(directory: Path | None = None, home: Path | None = None) -> Checklist:
    """Load the checklist from ``directory`` (the shipped one by default), cached per directory.

    ``home`` is the user's hirewiz folder; a ``rates.toml`` there replaces the shipped pay
    figures for the keys it names (checklists/rates.py reads both).
    """
    return _load((directory or HERE).resolve(), str(home) if home else None)
