"""The one path every answer takes, whether it comes from a file, the command line or the TUI.

Text typed by a person goes through :func:`parse_text` into a typed value; every value, typed or
read from TOML, is then checked by the answers model built from the checklist. Errors come back
as :class:`AnswerError` with the dotted key, so each surface can show them next to the field or as
one line naming the key.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from checklists.loader import Checklist, ChecklistError, Question, load_checklist
from wizard.models import Answers, answers_model, contract_problems
from wizard.paths import home_dir

_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


class AnswerError(ValueError):
    """An answer failed validation. ``key`` is dotted (``data.pipeline``); ``reason`` is short."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


def get_checklist() -> Checklist:
    """The shipped checklist, with the user's rate overrides, checked against the contract."""
    checklist = load_checklist(home=home_dir())
    problems = contract_problems(checklist)
    if problems:
        from checklists.loader import HERE

        raise ChecklistError(f"{HERE / 'questions.toml'}: {problems[0]}")
    return checklist


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe_error(err: Any) -> tuple[str, str]:
    """Turn one pydantic error into (dotted key, plain reason)."""
    key = ".".join(str(p) for p in err["loc"])
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        return key, "unknown key"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return key, f"must be a table, not {_short(value)}"
    if kind == "missing":
        return key, "is required"
    reason = str(err["msg"]).removeprefix("Value error, ")
    reason = re.sub(r"^Input should be", "must be", reason)
    reason = re.sub(r"^(String|List) should have", "must have", reason)
    reason = (
        reason.replace("a valid integer", "a whole number")
        .replace("a valid boolean", "true or false")
        .replace("a valid string", "text")
        .replace("a valid list", "a list")
    )
    reason = re.sub(r" after validation, not \d+$", "", reason)
    if kind not in ("string_too_long", "too_long"):
        reason += f" (got {_short(value)})"
    return key, reason


def validate_answers(raw: Any, checklist: Checklist, prefix: str = "") -> Answers:
    """Validate raw answers (a dict of step tables) into the checklist's answers model."""
    try:
        return answers_model(checklist).model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        key, reason = describe_error(errors[0])
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise AnswerError(prefix + key, reason + more) from None
    except RecursionError:
        raise AnswerError(prefix.rstrip(".") or "answers", "nested too deeply") from None


def new_answers(checklist: Checklist) -> Answers:
    """Fresh answers holding the checklist's defaults, as a new plan starts in the TUI."""
    raw: dict[str, dict[str, Any]] = {}
    for step in checklist.steps:
        raw[step.id] = {
            q.id: q.default for q in step.questions if q.default is not None and not q.when
        }
    return validate_answers(raw, checklist)


def as_dict(answers: Answers) -> dict[str, dict[str, Any]]:
    """Answers as plain data, unanswered questions left out."""
    return answers.model_dump(mode="python", exclude_none=True)


def get_value(answers: Answers, key: str) -> Any:
    step, _, qid = key.partition(".")
    return getattr(getattr(answers, step, None), qid, None)


def set_value(answers: Answers, key: str, value: Any, checklist: Checklist) -> Answers:
    """A validated copy of ``answers`` with one answer changed (``None`` clears it)."""
    step, _, qid = key.partition(".")
    checklist.question(key)  # KeyError for unknown questions
    raw = answers.model_dump(mode="python")
    raw[step][qid] = value
    try:
        return answers_model(checklist).model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            if tuple(err["loc"][:2]) == (step, qid):
                raise AnswerError(key, describe_error(err)[1]) from None
        key2, reason = describe_error(exc.errors()[0])
        raise AnswerError(key2, reason) from None


def parse_text(question: Question, text: str) -> Any:
    """Turn what a person typed into the typed value for ``question``; '' means unanswered.

    Raises ValueError with a short reason the UI shows next to the field.
    """
    stripped = text.strip()
    kind = question.kind
    if kind in ("text", "longtext"):
        return stripped or None
    if kind == "list":
        parts = stripped.splitlines() if "\n" in stripped else stripped.split(",")
        return [p.strip() for p in parts if p.strip()]
    if kind == "multi":
        values = [p.strip() for p in stripped.split(",") if p.strip()]
        return [_choice_value(question, v) for v in values]
    if not stripped:
        return None
    if kind == "int":
        if not re.fullmatch(r"[+-]?\d{1,12}", stripped.replace("_", "").replace(",", "")):
            raise ValueError("must be a whole number")
        return int(stripped.replace("_", "").replace(",", ""))
    if kind == "bool":
        lowered = stripped.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError("must be yes or no")
    return _choice_value(question, stripped)


def _choice_value(question: Question, text: str) -> str:
    lowered = text.lower()
    for choice in question.choices:
        if lowered in (choice.value, choice.label.lower()):
            return choice.value
    raise ValueError(f"must be one of {', '.join(question.choice_values)}")


def visible(question_key: str, answers: Answers, checklist: Checklist) -> bool:
    """Whether a question applies, given its ``when`` conditions and the other answers."""
    question = checklist.question(question_key)
    return all(get_value(answers, key) in values for key, values in question.when.items())


def missing_required(answers: Answers, checklist: Checklist) -> list[str]:
    """Required questions that apply to these answers but have no answer yet, in wizard order."""
    return [
        key
        for key, q in checklist.questions()
        if q.required and get_value(answers, key) is None and visible(key, answers, checklist)
    ]


def linked_default(question: Question, answers: Answers) -> Any:
    """The value an unanswered ``default_from`` question takes from the answer it follows
    (the budget currency follows the hiring region), or None."""
    if question.default_from is None:
        return None
    return question.defaults.get(get_value(answers, question.default_from))


def fill_linked_defaults(answers: Answers, checklist: Checklist) -> Answers:
    """Write the values that follow other answers into the answers, so the file states them."""
    raw: dict[str, dict[str, Any]] | None = None
    for key, q in checklist.questions():
        value = linked_default(q, answers)
        if value is not None and get_value(answers, key) is None:
            raw = raw or answers.model_dump(mode="python")
            step, _, qid = key.partition(".")
            raw[step][qid] = value
    return answers if raw is None else answers_model(checklist).model_validate(raw)


def prune_hidden(answers: Answers, checklist: Checklist) -> Answers:
    """Drop answers to questions that no longer apply, so a saved plan says only what counts.

    The TUI keeps them in its draft (flipping an answer back restores them); the file does not.
    """
    raw = answers.model_dump(mode="python")
    changed = False
    for key, _ in checklist.questions():
        if get_value(answers, key) is not None and not visible(key, answers, checklist):
            step, _, qid = key.partition(".")
            raw[step][qid] = None
            changed = True
    return answers_model(checklist).model_validate(raw) if changed else answers
