"""Goal clarity (seed mistake 1; Rules of ML rule 2): is the outcome a result, is the metric a
business number with a target? The word lists are data (checklists/words.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checklists.advice import Words
from wizard.rules.catalog import Facts, Hit, blocker_check, first_whole_word, hit, join_and

_TOKEN = re.compile(r"[^\s,;:!?()\"“”/]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NUMERIC = re.compile(r"^[~<>≈+\-±]*[$€£₹]?[\d.,]+(?:x|%|k|m|bn|pp|h|s)?$")


def tokens(text: str | None) -> list[str]:
    """Lower-case words of ``text``, trailing punctuation dropped."""
    return [t.strip(".'-") for t in _TOKEN.findall((text or "").lower()) if t.strip(".'-")]


def hype_phrase(text: str | None, words: Words) -> str | None:
    """The first hype phrase in ``text`` (whole words, any case), or None."""
    return first_whole_word(words.hype_phrases, " ".join(tokens(text)))


def solution_opener(text: str | None, words: Words) -> str | None:
    """The phrase that makes an outcome name its method rather than its result ("use ai" in
    "Use AI to auto-categorise invoices"), or None."""
    return first_whole_word(words.solution_phrases, " ".join(tokens(text)))


# How far after "and maybe" the second project's noun may come: "and maybe a pricing dashboard".
SECOND_PROJECT_WINDOW = 5


def second_project(text: str | None, words: Words) -> str | None:
    """The thing an outcome adds as a second project ("chatbot" in "..., and maybe a
    chatbot"), or None. The join alone is not enough: "as well as errors" is one goal."""
    found = tokens(text)
    for join in words.second_project_joins:
        size = len(join.split())
        for i in range(len(found) - size + 1):
            if " ".join(found[i : i + size]) != join:
                continue
            for word in found[i + size : i + size + SECOND_PROJECT_WINDOW]:
                if word in words.project_words:
                    return word
    return None


def content_words(text: str | None, words: Words) -> list[str]:
    """What is left of an outcome once filler and bare technology words are removed."""
    skip = words.filler_words | words.tech_words
    # "LLM-powered" is as empty as "LLM" and "powered": a hyphenated word carries content only
    # when one of its parts does ("stock-out" does).
    return [
        t
        for t in tokens(text)
        if not _NUMERIC.match(t) and not all(part in skip for part in t.split("-") if part)
    ]


def outcome_problem(text: str | None, words: Words) -> str | None:
    """The finding id an outcome raises, or None when it names a result."""
    if not (text or "").strip():
        return "goal-outcome-missing"
    if hype_phrase(text, words):
        return "goal-outcome-hype"
    if not content_words(text, words):
        return "goal-outcome-vague"
    return None


def metric_problem(text: str | None, words: Words) -> str | None:
    """The blocker a success metric raises, or None when it is a number with a measure."""
    if not (text or "").strip():
        return "goal-metric-missing"
    if not any(c.isdigit() for c in text or ""):
        return "goal-metric-no-number"
    if all(_NUMERIC.match(t) or t in words.units for t in tokens(text)):
        return "goal-metric-only-numbers"
    return None


def model_measures(text: str | None, words: Words) -> list[str]:
    """Model measures named by a metric that names no business measure (else empty)."""
    found = tokens(text)
    if words.business_words & set(found):
        return []
    return list(dict.fromkeys(t for t in found if t in words.model_measures))


def outcome_is_clear(text: str | None, words: Words) -> bool:
    return outcome_problem(text, words) is None


def metric_is_clear(text: str | None, words: Words) -> bool:
    return metric_problem(text, words) is None


@blocker_check(
    "goal-outcome-missing",
    "goal-outcome-hype",
    "goal-outcome-vague",
    "goal-outcome-solution-first",
    "goal-outcome-two-projects",
)
def outcome_clarity(x: Facts) -> Iterator[Hit]:
    """The outcome must say what changes for whom: not missing, not a slogan, not only
    technology words (seed mistake 1, blockers). A result named through its method ("Use AI
    to ...") or beside a second project ("..., and maybe a chatbot") is a warning: the hire
    needs one result to aim at, and the method is theirs to judge."""
    text = x.answers.goals.outcome
    words = x.advice.words
    problem = outcome_problem(text, words)
    if problem == "goal-outcome-hype":
        yield hit(problem, phrase=hype_phrase(text, words))
    elif problem:
        yield hit(problem)
    if problem is None:
        phrase = solution_opener(text, words)
        if phrase:
            yield hit("goal-outcome-solution-first", phrase=phrase)
    if problem != "goal-outcome-missing":
        thing = second_project(text, words)
        if thing:
            yield hit("goal-outcome-two-projects", thing=thing)


@blocker_check(
    "goal-metric-missing",
    "goal-metric-no-number",
    "goal-metric-only-numbers",
    "goal-metric-model-only",
    "goal-metric-no-current-value",
)
def metric_clarity(x: Facts) -> Iterator[Hit]:
    """The metric must be a business measure with a target number (Rules of ML rule 2); a
    model-only measure is a warning, a target without today's value a tip."""
    text = x.answers.goals.success_metric
    words = x.advice.words
    problem = metric_problem(text, words)
    if problem:
        yield hit(problem, metric=" ".join((text or "").split()))
        return
    measures = model_measures(text, words)
    if measures:
        yield hit("goal-metric-model-only", measures=join_and(measures))
    if len(_NUMBER.findall(text or "")) < 2:
        yield hit("goal-metric-no-current-value")
