"""Load the words of the take-home kits (``takehome.toml``) into frozen dataclasses.

The generators in ``wizard/takehome/`` make the data and plant the problems; what a candidate or
a reviewer reads (briefs, tasks, rubric rows, score-sheet labels, README lines, what the answer
key says of each planted problem, what the tabular rows are about, the help-centre documents) is
data, so the wording changes, and a domain or a document is added, without touching code. The file
ships with hirewiz and is checked by the tests (``problems()`` lists every defect;
tests/unit/test_takehome_data.py fails on any), so loading it is plain TOML reading, with no
validation library involved, as in :mod:`checklists.advice`.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from checklists.shipped import read_shipped

HERE = Path(__file__).resolve().parent
FILE = "takehome.toml"
FAMILIES = ("tabular", "forecast", "pipeline", "service", "documents")
# The tracks a family's [family.tracks.X] table may be for: the tracks whose kits it builds.
FAMILY_TRACKS = {
    "tabular": ("ml_engineer", "data_scientist"),
    "forecast": ("ml_engineer", "data_scientist"),
    "pipeline": ("data_engineer",),
    "service": ("mlops_engineer",),
    "documents": ("ai_engineer",),
}
# The phrases each family's generator looks up.
PHRASES = {
    "tabular": frozenset({"id_meaning", "source_meaning", "labelled_by_meaning"}),
    "forecast": frozenset(
        {
            "sales.csv date",
            "sales.csv store_id",
            "sales.csv units_sold",
            "sales.csv in_stock",
            "promotions.csv promo",
            "forecast_request.csv date, store_id",
        }
    ),
    "pipeline": frozenset(),
    "service": frozenset({"batch", "on_device", "other"}),
    "documents": frozenset(),
}
# The {name}s the generators fill, by part of the file: a text may use only these.
_COUNTS = frozenset({"found", "planted"})
FILLS: dict[str, frozenset[str]] = {
    "brief": frozenset({"company", "outcome", "success_metric", "hours", "shape"}),
    "rubric": frozenset({"company", "planted"}),
    "score_sheet": frozenset({"company"}),
    "answer_key": frozenset({"metric", "score", "moved", "baseline", "probes"}),
    "reviewer_readme": frozenset(),
    "tabular": _COUNTS | {"entity", "label", "label_means", "rule", "id_col", "manifest", "shape"},
    "tabular.planted": frozenset(
        {"copies", "resent", "entity", "dup_source", "id_col", "batch", "vendor", "batch_source"}
        | {"leak", "amount", "unit_source", "unit", "factor", "blank"}
    ),
    "forecast": _COUNTS | {"end", "horizon"},
    "forecast.planted": frozenset(
        {"resent_stores", "unit_store", "case", "change_day", "shifted_stores", "stockouts"}
        | {"outliers"}
    ),
    "pipeline": _COUNTS,
    "pipeline.planted": frozenset({"encoded_day"}),
    "service": _COUNTS | {"mode"},
    "service.planted": frozenset({"skewed", "old", "new", "drifted"}),
    "documents": _COUNTS,
    "documents.planted": frozenset(
        {"qid", "question", "conflict", "conflict_question", "outdated", "outdated_question"}
        | {"dupe", "injected"}
    ),
}


@dataclass(frozen=True)
class Criterion:
    """One rubric row: what strong, adequate and weak work looks like."""

    name: str
    strong: str
    adequate: str
    weak: str


@dataclass(frozen=True)
class DataFile:
    """One row of the brief's data table; ``when`` names a condition the generator sets (such
    as ``manifest`` for kits that ship one), and the row is left out without it."""

    path: str
    about: str
    when: str = ""


@dataclass(frozen=True)
class PlantedText:
    """What the answer key says of one planted problem."""

    kind: str
    where: str
    detect: str
    impact: str


@dataclass(frozen=True)
class TrackText:
    """What a track adds to its family's task, hand-in and criteria."""

    task: tuple[str, ...] = ()
    hand_in: tuple[str, ...] = ()
    criteria: tuple[Criterion, ...] = ()


@dataclass(frozen=True)
class FamilyText:
    """The words of one generator's kit. ``task`` and ``hand_in`` are Markdown lines (``""`` a
    blank line); a track's own lines follow the family's."""

    stand_in: str
    data: tuple[DataFile, ...]
    assessed: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    metric: str
    readme: tuple[str, ...]
    planted: dict[str, PlantedText]
    task: tuple[str, ...] = ()
    hand_in: tuple[str, ...] = ()
    tracks: dict[str, TrackText] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)

    def for_track(self, track: str) -> FamilyText:
        """The family's text with ``track``'s lines and criteria added."""
        own = self.tracks.get(track, TrackText())
        return FamilyText(
            stand_in=self.stand_in,
            data=self.data,
            assessed=self.assessed,
            criteria=self.criteria + own.criteria,
            metric=self.metric,
            readme=self.readme,
            planted=self.planted,
            task=self.task + own.task,
            hand_in=self.hand_in + own.hand_in,
            phrases=self.phrases,
        )


@dataclass(frozen=True)
class Messages:
    """The short text column of a tabular domain: whole sentences, so a row reads like a real
    message or document. A row leaning positive draws from ``yes``, one leaning negative from
    ``no``, and every row gets one sentence from ``either``."""

    meaning: str
    yes: tuple[str, ...]
    no: tuple[str, ...]
    either: tuple[str, ...]


@dataclass(frozen=True)
class Domain:
    """What a tabular kit's rows are about. ``features`` are (column, meaning): the first is
    today's rule, the third an amount one source reports in another ``unit`` (``factor`` of
    them make one), the fifth the one whose blanks tell something; ``leak`` is the column
    recorded after the outcome. ``shape`` says what the rows are in the brief's stand-in line.
    A domain with ``variant_of`` replaces that domain for a plan whose words start with one of
    its ``cues``."""

    shape: str
    entity: str
    id_col: str
    label: str
    label_means: str
    features: tuple[tuple[str, str], ...]
    unit: str
    factor: int
    leak: tuple[str, str]
    sources: tuple[str, ...]
    manifest: str = ""
    media: str = ""
    messages: Messages | None = None
    # Who set the labels: the first two set them well, the third is the batch that went wrong.
    labellers: tuple[str, ...] = ("ops_team", "support_team", "vendor_batch")
    variant_of: str = ""
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """One help-centre document of the AI-engineering kit, with the question it answers;
    ``{company}`` and ``{n}`` are filled in ``body``, ``{n}`` in ``answer``."""

    slug: str
    title: str
    body: str
    question: str
    answer: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class HelpCentre:
    """The rest of the AI-engineering kit's documents and questions."""

    refusal: str
    outdated_title: str
    outdated_body: str
    faq_title: str
    unanswerable: tuple[str, ...]
    injection: str


@dataclass(frozen=True)
class BriefText:
    """The frame of every BRIEF.md: headings, the problem, time box and pay lines."""

    title: str
    problem: str
    outcome: str
    success_metric: str
    no_problem: str
    stand_in: str
    task: str
    time: str
    time_box: str
    one_hour: str
    many_hours: str
    paid: str
    unpaid: str
    pay_unknown: str
    data: str
    data_columns: tuple[str, ...]
    hand_in: str
    assessed: str
    also_look_for: str


@dataclass(frozen=True)
class RubricText:
    """The frame of every RUBRIC.md, and the levels of the plan's own scorecard rows."""

    title: str
    intro: str
    columns: tuple[str, ...]
    adequate: str
    weak: str
    competency_strong: str


@dataclass(frozen=True)
class ScoreSheetText:
    """The labels of every score_sheet.md."""

    title: str
    copy: str
    names: str
    planted: str
    planted_columns: tuple[str, ...]
    result: str
    criteria: str
    criteria_columns: tuple[str, ...]
    decision: str
    hire_signal: str


@dataclass(frozen=True)
class AnswerKeyText:
    """The answer key's comment lines, and what is added to an impact once measured."""

    head: tuple[str, ...]
    measured_score: str
    measured_days: str
    measured_probes: str


@dataclass(frozen=True)
class ReviewerReadmeText:
    title: str


@dataclass(frozen=True)
class TakeHomeText:
    """Everything ``takehome.toml`` holds: the shared frame, each family's words, and what the
    tabular and document kits' data is about."""

    brief: BriefText
    rubric: RubricText
    score_sheet: ScoreSheetText
    answer_key: AnswerKeyText
    reviewer_readme: ReviewerReadmeText
    families: dict[str, FamilyText]
    domains: dict[str, Domain]
    topics: tuple[Topic, ...]
    help_centre: HelpCentre


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with its ``{name}``s filled from ``values`` (str.format rules); the values
    are inserted as they are, never read as templates themselves."""
    return template.format_map(values)


def _criteria(raw: list[dict[str, str]]) -> tuple[Criterion, ...]:
    return tuple(Criterion(**c) for c in raw)


def _track(raw: dict[str, Any]) -> TrackText:
    return TrackText(
        task=tuple(raw.get("task", ())),
        hand_in=tuple(raw.get("hand_in", ())),
        criteria=_criteria(raw.get("criteria", [])),
        **{k: v for k, v in raw.items() if k not in ("task", "hand_in", "criteria")},
    )


def _family(name: str, raw: dict[str, Any]) -> FamilyText:
    lists = {"task", "hand_in", "assessed", "readme"}
    content = {"tabular": ("domains",), "documents": ("topics", "help_centre")}.get(name, ())
    fields_: dict[str, Any] = {
        k: tuple(v) if k in lists else v for k, v in raw.items() if k not in content
    }
    fields_.update(
        data=tuple(DataFile(**d) for d in raw["data"]),
        criteria=_criteria(raw["criteria"]),
        planted={pid: PlantedText(**p) for pid, p in raw["planted"].items()},
        tracks={t: _track(v) for t, v in raw.get("tracks", {}).items()},
        phrases=dict(raw.get("phrases", {})),
    )
    return FamilyText(**fields_)


def _domain(raw: dict[str, Any]) -> Domain:
    said: dict[str, Any] | None = raw.get("messages")
    messages = None
    if said is not None:
        lists: dict[str, Any] = {k: v if k == "meaning" else tuple(v) for k, v in said.items()}
        messages = Messages(**lists)
    return Domain(
        **{
            **raw,
            "features": tuple((name, about) for name, about in raw["features"]),
            "leak": (raw["leak"][0], raw["leak"][1]),
            "sources": tuple(raw["sources"]),
            "messages": messages,
            "cues": tuple(raw.get("cues", ())),
            **({"labellers": tuple(raw["labellers"])} if "labellers" in raw else {}),
        }
    )


FRAME: dict[str, type] = {
    "brief": BriefText,
    "rubric": RubricText,
    "score_sheet": ScoreSheetText,
    "answer_key": AnswerKeyText,
    "reviewer_readme": ReviewerReadmeText,
}


def _frame(cls: type, raw: dict[str, Any]) -> Any:
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()})


def read_takehome(directory: Path = HERE) -> TakeHomeText:
    """Read ``takehome.toml`` from ``directory``; KeyError or TypeError if it is malformed (a
    missing part, or a key no dataclass has)."""
    path = directory / FILE
    text = path.read_bytes().decode()
    raw = read_shipped(path, text, lambda: tomllib.loads(text))
    extra = set(raw) - set(FRAME) - set(FAMILIES)
    if extra:
        raise KeyError(f"unknown part {sorted(extra)[0]!r}")
    help_centre = raw["documents"]["help_centre"]
    return TakeHomeText(
        **{part: _frame(cls, raw[part]) for part, cls in FRAME.items()},
        families={name: _family(name, raw[name]) for name in FAMILIES},
        domains={k: _domain(v) for k, v in raw["tabular"]["domains"].items()},
        topics=tuple(
            Topic(**{**t, "values": tuple(t["values"])}) for t in raw["documents"]["topics"]
        ),
        help_centre=HelpCentre(
            **{**help_centre, "unanswerable": tuple(help_centre["unanswerable"])}
        ),
    )


@lru_cache(maxsize=1)
def load_takehome() -> TakeHomeText:
    """The shipped take-home text, read once per process."""
    return read_takehome(HERE)


# --- checks the tests run on the shipped data ---------------------------------------------------


def placeholders(text: str) -> set[str]:
    """The names a text asks to be filled; ValueError when its braces are unbalanced."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _texts(value: Any, key: str) -> Iterator[tuple[str, str]]:
    """Every string inside ``value`` with the dotted key it stands at."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _texts(v, f"{key}.{k}")
    elif isinstance(value, tuple | list):
        for i, v in enumerate(value):
            yield from _texts(v, f"{key}[{i}]")
    elif hasattr(value, "__dataclass_fields__"):
        for f in fields(value):
            yield from _texts(getattr(value, f.name), f"{key}.{f.name}")


def _placeholder_problems(key: str, text: str, known: frozenset[str]) -> list[str]:
    try:
        names = placeholders(text)
    except ValueError:
        return [f"{FILE}: {key}: unbalanced braces (write {{{{ and }}}} for a brace)"]
    return [f"{FILE}: {key}: unknown placeholder {{{n}}}" for n in sorted(names - known)]


def _family_problems(name: str, fam: FamilyText) -> list[str]:
    out: list[str] = []
    for key, text in _texts(fam.planted, f"{name}.planted"):
        out += _placeholder_problems(key, text, FILLS[f"{name}.planted"])
    for f in fields(fam):
        if f.name != "planted":
            for key, text in _texts(getattr(fam, f.name), f"{name}.{f.name}"):
                out += _placeholder_problems(key, text, FILLS[name])
    for track in set(fam.tracks) - set(FAMILY_TRACKS[name]):
        out.append(f"{FILE}: {name}.tracks.{track}: not a track this kit is built for")
    for track in FAMILY_TRACKS[name]:
        own = fam.for_track(track)
        for part in ("task", "hand_in", "criteria"):
            if not getattr(own, part):
                out.append(f"{FILE}: {name}: no {part} for {track}")
    if not fam.stand_in.strip():
        out.append(f"{FILE}: {name}.stand_in: is empty")
    if set(fam.phrases) != PHRASES[name]:
        out.append(f"{FILE}: {name}.phrases: must be exactly {sorted(PHRASES[name])}")
    for pid, p in fam.planted.items():
        for part in ("kind", "where", "detect", "impact"):
            if not getattr(p, part).strip():
                out.append(f"{FILE}: {name}.planted.{pid}.{part}: is empty")
        for part in ("detect", "impact"):
            if not getattr(p, part).rstrip().endswith("."):
                out.append(f"{FILE}: {name}.planted.{pid}.{part}: must end in a full stop")
    return out


# The domains the tabular generator picks by name (wizard/takehome/tabular.py, domain_for).
DOMAINS = frozenset({"generic", "recommendation", "search_ranking", "computer_vision", "audio"})
DOMAINS |= {"nlp", "invoices"}
TOPIC_FILLS = {"body": frozenset({"company", "n"}), "answer": frozenset({"n"})}
HELP_CENTRE_FILLS = {
    "outdated_title": frozenset({"title"}),
    "outdated_body": frozenset({"body"}),
    "faq_title": frozenset({"title"}),
}


def _domain_problems(domains: Mapping[str, Domain]) -> list[str]:
    where = f"{FILE}: tabular.domains"
    out = [] if set(domains) == DOMAINS else [f"{where}: must be exactly {sorted(DOMAINS)}"]
    for key, d in domains.items():
        if len(d.features) != 5:
            out.append(f"{where}.{key}.features: must be five [column, meaning] pairs")
        if len(set(d.sources)) != 3:
            out.append(f"{where}.{key}.sources: must be three different names")
        if d.factor < 2:
            out.append(f"{where}.{key}.factor: must be 2 or more")
        if bool(d.manifest) != bool(d.media):
            out.append(f"{where}.{key}: manifest and media go together")
        columns = [d.id_col, d.label, d.leak[0], *(name for name, _ in d.features)]
        if len(set(columns)) != len(columns):
            out.append(f"{where}.{key}: column names repeat")
        if len(set(d.labellers)) != 3:
            out.append(f"{where}.{key}.labellers: must be three different names")
        if not d.shape.strip():
            out.append(f"{where}.{key}.shape: is empty")
        if bool(d.variant_of) != bool(d.cues) or (d.variant_of and d.variant_of not in domains):
            out.append(f"{where}.{key}: variant_of names another domain and goes with cues")
        if d.messages is not None:
            out += _message_problems(f"{where}.{key}.messages", d.messages)
    return out


def _message_problems(where: str, said: Messages) -> list[str]:
    """Each list holds at least five different sentences (a capital first, a full stop or a
    question mark last, three words or more), so messages vary and read as sentences."""
    out = []
    for part in ("yes", "no", "either"):
        lines = getattr(said, part)
        if len(set(lines)) < 5 or len(set(lines)) != len(lines):
            out.append(f"{where}.{part}: at least five different sentences")
        for i, line in enumerate(lines):
            if not (line[:1].isupper() and line.endswith((".", "?")) and len(line.split()) >= 3):
                out.append(f"{where}.{part}[{i}]: not a sentence (capital, 3+ words, . or ?)")
    return out


def _content_problems(text: TakeHomeText) -> list[str]:
    out = _domain_problems(text.domains)
    slugs = [t.slug for t in text.topics]
    if len(set(slugs)) != len(slugs) or len(slugs) < 5:
        out.append(f"{FILE}: documents.topics: at least five, each with its own slug")
    for i, t in enumerate(text.topics):
        for part, known in TOPIC_FILLS.items():
            out += _placeholder_problems(f"documents.topics[{i}].{part}", getattr(t, part), known)
        if len(set(t.values)) < 2:
            out.append(f"{FILE}: documents.topics[{i}].values: at least two different numbers")
    say = text.help_centre
    for part, known in HELP_CENTRE_FILLS.items():
        out += _placeholder_problems(f"documents.help_centre.{part}", getattr(say, part), known)
    if not say.unanswerable:
        out.append(f"{FILE}: documents.help_centre.unanswerable: at least one question")
    return out


def problems(text: TakeHomeText) -> list[str]:
    """Every defect in the take-home text, as 'file: key: problem' lines (empty when sound)."""
    out: list[str] = []
    for part in FRAME:
        for key, value in _texts(getattr(text, part), part):
            out += _placeholder_problems(key, value, FILLS[part])
    for name, fam in text.families.items():
        out += _family_problems(name, fam)
    return out + _content_problems(text)
