"""The rules engine: pure functions from answers to the derived plan (SPEC §4).

No I/O and no clock: the same answers always give the same plan, which is what makes the rules
testable table by table and keeps save → load → save byte-identical. Every finding and every
rationale line carries the source it stands on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checklists.loader import Checklist, Rate
from wizard.answers import get_value
from wizard.models import (
    Alternative,
    Answers,
    Budget,
    DataBand,
    Engagement,
    Finding,
    InterviewStage,
    Onboarding,
    OnboardingItem,
    Readiness,
    Reason,
    Role,
    ScoreAttribute,
    Scorecard,
    ScoreCategory,
    Seniority,
    Severity,
    Track,
    Verdict,
)

SEED = "Seed article (EngineerBabu)"
ML_TEST_SCORE = "ML Test Score (Breck et al., 2017)"
DRL = "Data Readiness Levels (Lawrence, 2017)"
RULES_OF_ML = "Rules of ML (Zinkevich)"
HIERARCHY = "AI hierarchy of needs (Rogati, 2017)"
MLOPS = "MLOps maturity model (Microsoft)"
FEASIBILITY = "ML feasibility study (Microsoft engineering playbook)"
ROLES = "Roles (Full Stack Deep Learning; Huyen, ML Interviews)"
SENIORITY = "Seniority and onboarding (lgmoneda, data-science-management)"
STRUCTURED = "Structured hiring (Greenhouse; Google re:Work)"
TAKE_HOME = "Take-home practice (hiring-without-whiteboards)"
VALIDITY = "Predictive validity (Schmidt & Hunter, 1998; Sackett et al., 2022)"
REMOTE = "Remote work (GitLab remote playbook)"

TRACK_NAMES: dict[str, str] = {
    "ml_engineer": "ML engineer",
    "data_scientist": "data scientist",
    "mlops_engineer": "MLOps engineer",
    "data_engineer": "data engineer",
    "ai_engineer": "AI engineer",
    "ml_advisor": "ML advisor",
}
PRODUCTION_TRACKS = ("ml_engineer", "mlops_engineer", "data_engineer")
UNSTRUCTURED = ("text", "images", "audio", "mixed")
MAX_TOOLS = 5
MAX_TAKE_HOME_HOURS = 4
READY_SCORE = 70
MAX_ATTRIBUTES = 6

# --- goal clarity -----------------------------------------------------------------------------

# Words that say nothing about a specific outcome or how to measure it.
_FILLER = set(
    """a an the to of for and or with our we us in on by it its be is are use using leverage
    adopt implement build add apply do get make have some more better improve improved
    optimise optimize enhance boost increase ai ml machine learning model models data
    analytics smart intelligent intelligence things stuff something tbd todo n a na none
    unknown etc solution solutions system""".split()  # noqa: SIM905
)
_METRIC_WORDS = set(
    """rate ratio percent percentage revenue conversion retention churn accuracy precision
    recall auc f1 error mae rmse latency time minutes hours days cost costs margin nps csat
    count share click clicks ctr sales orders tickets""".split()  # noqa: SIM905
)


def _words(text: str | None) -> list[str]:
    return re.findall(r"[a-z0-9%$]+", (text or "").lower())


def outcome_is_clear(text: str | None) -> bool:
    """A clear outcome names at least two things beyond buzzwords ('use AI to improve' fails)."""
    return len([w for w in _words(text) if w not in _FILLER]) >= 2


def metric_is_clear(text: str | None) -> bool:
    """A clear metric has something to count: a number, a percentage or a measurable noun."""
    words = _words(text)
    if len([w for w in words if w not in _FILLER]) < 2:
        return False
    return any(any(c.isdigit() for c in w) or w in _METRIC_WORDS or "%" in w for w in words)


# --- data band and scores ---------------------------------------------------------------------


def data_band(answers: Answers) -> DataBand:
    """Lawrence's bands: C until data is recorded, loadable and cleared; A once checked and
    labelled (or labels are not needed); B in between."""
    d = answers.data
    if not (d.recorded and d.accessible and d.privacy_cleared):
        return "C"
    if d.quality_checked and d.labels in ("yes", "not_needed"):
        return "A"
    return "B"


_AUTOMATION = {"none": 0.0, "manual": 0.5, "automated": 1.0}


def _count_credit(n: int) -> float:
    return 0.0 if n == 0 else 0.5 if n == 1 else 1.0


def production_applies(answers: Answers) -> bool:
    deliverable = answers.goals.deliverable
    return deliverable in ("product_feature", "ml_platform") or bool(
        answers.production.models_in_production
    )


def section_scores(answers: Answers) -> dict[str, int]:
    """Score each section 0-100 from its items: half credit for by hand, full for automated or
    written down (ML Test Score). Production is left out when nothing will run in production."""
    g, d, p, t = answers.goals, answers.data, answers.production, answers.timing
    tm, a, o = answers.team, answers.assessment, answers.onboarding
    items: dict[str, list[float]] = {}
    items["goals"] = [
        float(outcome_is_clear(g.outcome)),
        float(metric_is_clear(g.success_metric)),
        float(bool(g.heuristic_baseline)),
        float(g.build_mode in ("use_existing", "from_scratch")),
    ]
    items["data"] = [
        float(bool(d.recorded)),
        float(bool(d.accessible)),
        float(bool(d.privacy_cleared)),
        float(bool(d.quality_checked)),
        {"yes": 1.0, "not_needed": 1.0, "partial": 0.5}.get(d.labels or "", 0.0),
        _AUTOMATION.get(d.pipeline or "", 0.0),
    ]
    if production_applies(answers):
        prod = [float(p.serving in ("batch", "online_api", "on_device"))]
        if p.models_in_production:
            prod += [
                _AUTOMATION.get(p.monitoring or "", 0.0),
                _AUTOMATION.get(p.retraining or "", 0.0),
                float(p.drift_incidents is False),
            ]
        items["production"] = prod
    items["timing"] = [
        float(bool(t.use_case_validated)),
        {"mvp": 0.5, "product_market_fit": 1.0, "scaling": 1.0}.get(t.stage or "", 0.0),
        float(t.monthly_budget is not None),
    ]
    team = [
        0.5 if tm.reports_to == "non_technical_founder" else float(tm.reports_to is not None),
        _count_credit(len(tm.partners or [])),
    ]
    if answers.context.work_mode == "remote_async":
        # SPEC §4 asks async habits and overlap of async teams only; others are not marked down.
        team.append(_count_credit(len(tm.async_practices or [])))
        team.append(float((tm.tz_overlap_hours or 0) >= 2))
    items["team"] = team
    assess = [
        {"scenario_messy_data": 1.0, "generic_algorithms": 0.5}.get(a.take_home or "", 0.0),
        float(bool(a.product_interview)),
        float(a.required_degree in ("none", "bachelor")),
        float(len(a.must_have_tools or []) <= MAX_TOOLS),
        float(bool(a.competencies)),
    ]
    if a.take_home in ("scenario_messy_data", "generic_algorithms"):
        hours = a.take_home_hours
        assess.append(0.5 if hours is None else float(hours <= MAX_TAKE_HOME_HOURS))
        assess.append(float(bool(a.take_home_paid)))
    if production_applies(answers):
        assess.append(float(bool(a.production_interview)))
    items["assessment"] = assess
    items["onboarding"] = [
        float(bool(v))
        for v in (
            o.plan_30_60_90,
            o.pipelines_documented,
            o.domain_expert_access,
            o.buddy,
            o.growth_budget,
        )
    ]
    return {name: round(100 * sum(vals) / len(vals)) for name, vals in items.items()}


# --- role -------------------------------------------------------------------------------------


def _too_early(answers: Answers) -> bool:
    return not answers.timing.use_case_validated and not answers.goals.heuristic_baseline


def _build_track(answers: Answers) -> tuple[Track, list[Reason]] | None:
    """Rules 3-6 of SPEC §4: which hire fits once feasibility is not in question."""
    g, d, p = answers.goals, answers.data, answers.production
    if g.deliverable in ("product_feature", "ml_platform") and d.pipeline == "none":
        return "data_engineer", [
            Reason(
                text="The work must run in the product, but no pipeline moves your data yet; "
                "models stall without one, so the first hire builds it.",
                source=HIERARCHY,
                answers=["goals.deliverable", "data.pipeline"],
            )
        ]
    many_unautomated = (p.models_in_production or 0) >= 2 and (
        p.monitoring != "automated" or p.retraining != "automated"
    )
    if g.deliverable == "ml_platform" or many_unautomated or p.drift_incidents:
        why = []
        if g.deliverable == "ml_platform":
            why.append("you want existing models run reliably")
        if many_unautomated:
            why.append(f"{p.models_in_production} live models are monitored or retrained by hand")
        if p.drift_incidents:
            why.append("a live model has already drifted unnoticed")
        return "mlops_engineer", [
            Reason(
                text="Keeping models healthy is the bottleneck: " + "; ".join(why) + ".",
                source=f"{MLOPS}; {ML_TEST_SCORE}",
                answers=[
                    "goals.deliverable",
                    "production.models_in_production",
                    "production.monitoring",
                    "production.retraining",
                    "production.drift_incidents",
                ],
            )
        ]
    if g.deliverable == "product_feature":
        return "ml_engineer", [
            Reason(
                text="A model has to ship inside the product and be maintained there: that is "
                "an ML engineer's job, not a data scientist's.",
                source=f"{SEED}, mistake 2 and FAQ 1",
                answers=["goals.deliverable"],
            )
        ]
    if g.deliverable == "insights":
        return "data_scientist", [
            Reason(
                text="You want analysis and experiments rather than a model in production: "
                "that is a data scientist's work.",
                source=f"{SEED}, mistake 2 and FAQ 1",
                answers=["goals.deliverable"],
            )
        ]
    return None


def choose_track(answers: Answers, band: DataBand) -> tuple[Track, list[Reason]]:
    """The first rule of SPEC §4 that matches picks the track; its reasons go in the rationale."""
    g, d = answers.goals, answers.data
    if band == "C" or _too_early(answers):
        reasons = []
        if band == "C":
            reasons.append(
                Reason(
                    text="Your data is not yet recorded, loadable or cleared for use (band C), "
                    "so a full-time ML hire would have nothing to learn from.",
                    source=DRL,
                    answers=["data.recorded", "data.accessible", "data.privacy_cleared"],
                )
            )
        if _too_early(answers):
            reasons.append(
                Reason(
                    text="The use case is not validated and no simple version is live; ship a "
                    "heuristic and measure it before paying for models.",
                    source=f"{RULES_OF_ML}, rules 1-3; {SEED}, mistake 7 and FAQ 4",
                    answers=["timing.use_case_validated", "goals.heuristic_baseline"],
                )
            )
        reasons.append(
            Reason(
                text="Start with a time-boxed feasibility study (3-12 weeks) led by a senior "
                "advisor, then hire full time with what it teaches you.",
                source=f"{FEASIBILITY}; {SEED}, mistake 7",
            )
        )
        return "ml_advisor", reasons
    if (
        g.build_mode == "from_scratch"
        and g.data_kind in UNSTRUCTURED
        and d.labels in ("no", "partial")
    ):
        return "ml_advisor", [
            Reason(
                text=f"Training your own model on {g.data_kind} data without full labels is "
                "a research bet; first compare pretrained or fine-tuned options and cost the "
                "labelling.",
                source=f"{FEASIBILITY}; {DRL}",
                answers=["goals.build_mode", "goals.data_kind", "data.labels"],
            )
        ]
    built = _build_track(answers)
    if built is not None:
        return built
    return "ml_engineer", [
        Reason(
            text="What the hire should deliver is not answered yet; an ML engineer is assumed "
            "until it is.",
            source=f"{SEED}, FAQ 1",
            answers=["goals.deliverable"],
        )
    ]


def alternatives(answers: Answers, track: Track) -> list[Alternative]:
    """Other hires worth weighing, so the plan shows a choice rather than a single answer."""
    out: list[Alternative] = []

    def alt(t: Track, why: str) -> None:
        out.append(Alternative(track=t, title=TRACK_NAMES[t], why=why))

    if track == "ml_advisor":
        built = _build_track(answers)
        nxt = built[0] if built else "ml_engineer"
        alt(nxt, f"The likely first full-time hire once the study passes: a {TRACK_NAMES[nxt]}.")
    elif track == "data_engineer":
        alt(
            "ml_engineer",
            "An ML engineer with strong data-engineering skills can build the pipeline and "
            "the first model; some practitioners prefer this (Seroussi, 2024).",
        )
    elif track == "mlops_engineer":
        if answers.goals.deliverable == "product_feature":
            alt("ml_engineer", "If new models matter more than running the ones you have.")
        else:
            alt("data_engineer", "If most failures trace back to the data feeding the models.")
    elif track == "ml_engineer":
        alt("data_scientist", "If the first months are exploration and experiments, not shipping.")
        if (answers.production.models_in_production or 0) >= 1:
            alt("mlops_engineer", "If keeping the live models healthy takes most of the time.")
    elif track == "data_scientist":
        alt("ml_engineer", "If the insights have to become a live feature in the product.")
    return out


def choose_seniority(answers: Answers, track: Track) -> tuple[Seniority, Reason]:
    c, tm = answers.context, answers.team
    platform = track == "mlops_engineer" or answers.goals.deliverable == "ml_platform"
    keys = ["context.ml_staff", "team.reports_to"]
    if track == "ml_advisor":
        return "senior", Reason(
            text="Advisors are senior by definition: they must judge feasibility alone.",
            source=SENIORITY,
        )
    if not c.ml_staff or tm.reports_to == "non_technical_founder":
        level: Seniority = "lead" if platform else "senior"
        who = (
            "your first data or ML hire"
            if not c.ml_staff
            else "reporting to a non-technical founder"
        )
        extra = " and will own the ML platform" if platform else ""
        return level, Reason(
            text=f"This person is {who}{extra}, with scope nobody else can narrow for them: "
            "hire no lower than senior.",
            source=SENIORITY,
            answers=keys,
        )
    if tm.reports_to == "ml_lead" and (c.ml_staff or 0) >= 2:
        return "mid", Reason(
            text="An ML lead and an existing team can set direction and review work, so a "
            "mid-level hire is enough.",
            source=SENIORITY,
            answers=keys,
        )
    return "senior", Reason(
        text="Without an ML lead to set direction, the hire has to scope their own work: "
        "senior is safer.",
        source=SENIORITY,
        answers=keys,
    )


def _monthly_low(rate: Rate) -> float:
    return {"hour": rate.low * 160.0, "month": float(rate.low), "year": rate.low / 12}[rate.period]


def choose_engagement(
    answers: Answers, track: Track, checklist: Checklist
) -> tuple[Engagement, Reason | None]:
    if track == "ml_advisor":
        return "advisor", None
    t = answers.timing
    rate = checklist.rate(answers.context.hiring_region or "", "full_time")
    if (
        t.urgency == "overdue"
        and t.monthly_budget is not None
        and rate is not None
        and t.monthly_budget < _monthly_low(rate)
    ):
        currency = t.budget_currency or rate.currency
        return "contract", Reason(
            text=f"The hire is overdue and {currency} {t.monthly_budget:,} a month is below "
            "the usual full-time range here: bridge with a contractor now and hire full "
            "time next.",
            source=f"{rate.source} ({rate.as_of}); {SEED}, mistake 7",
            answers=["timing.urgency", "timing.monthly_budget"],
        )
    return "full_time", None


def budget_for(
    answers: Answers, engagement: Engagement, checklist: Checklist
) -> tuple[Budget | None, Reason | None]:
    region = answers.context.hiring_region
    if region is None:
        return None, None
    kind = "full_time" if engagement == "full_time" else "contract"
    rate = checklist.rate(region, kind)
    if rate is None:
        return None, Reason(
            text=f"No dated, sourced pay figure ships for this region ({region}, "
            f"{kind.replace('_', '-')}); add your own in rates.toml in your hirewiz folder.",
            source=f"{SEED}, FAQ 2",
            answers=["context.hiring_region"],
        )
    return (
        Budget.model_validate(rate.model_dump(exclude={"engagement"})),
        None,
    )


def _title(seniority: Seniority, base: str, track: Track) -> str:
    if track == "ml_advisor" or seniority == "mid":
        return base
    return f"{seniority.title()} {base}"


def build_role(
    answers: Answers, checklist: Checklist, band: DataBand
) -> tuple[Role, Budget | None]:
    track, reasons = choose_track(answers, band)
    seniority, why_level = choose_seniority(answers, track)
    engagement, why_engagement = choose_engagement(answers, track, checklist)
    budget, why_budget = budget_for(answers, engagement, checklist)
    reasons.append(why_level)
    reasons += [r for r in (why_engagement, why_budget) if r is not None]
    profile = checklist.roles.tracks[track]
    a = answers.assessment
    must_have = list(profile.must_have)
    must_have += [f"Can show: {c}" for c in (a.competencies or [])[:4]]
    nice = list(profile.nice_to_have)
    tools = a.must_have_tools or []
    if tools and len(tools) <= MAX_TOOLS:
        must_have.append("Hands-on with " + ", ".join(tools))
    elif tools:
        nice.append("Familiar with some of: " + ", ".join(tools))
    nr = checklist.roles.not_required
    summary = profile.summary
    if outcome_is_clear(answers.goals.outcome):
        summary += f" First goal: {answers.goals.outcome}"
    role = Role(
        track=track,
        title=_title(seniority, profile.title, track),
        seniority=seniority,
        engagement=engagement,
        summary=summary,
        responsibilities=list(profile.responsibilities),
        must_have=must_have,
        nice_to_have=nice,
        not_required=[nr.degree, nr.tools, nr.research],
        rationale=reasons,
        alternatives=alternatives(answers, track),
    )
    return role, budget


# --- findings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    answers: Answers
    band: DataBand
    track: Track


def _f(
    fid: str,
    mistake: int,
    severity: Severity,
    title: str,
    detail: str,
    action: str,
    source: str,
    answers: list[str],
) -> Finding:
    return Finding(
        id=fid,
        mistake=mistake,
        severity=severity,
        section=answers[0].partition(".")[0],
        title=title,
        detail=detail,
        action=action,
        source=source,
        answers=answers,
    )


def _m1(x: _Ctx) -> list[Finding]:
    g = x.answers.goals
    out = []
    if not outcome_is_clear(g.outcome):
        out.append(
            _f(
                "goal-outcome-unclear",
                1,
                "blocker",
                "The business outcome is missing or vague",
                "Without a concrete outcome you cannot tell which skills you need, and "
                "candidates cannot tell what they would own.",
                "Write one sentence naming what changes for users or the business, e.g. "
                "'cut manual review time in half'.",
                f"{SEED}, mistake 1",
                ["goals.outcome"],
            )
        )
    if not metric_is_clear(g.success_metric):
        out.append(
            _f(
                "goal-metric-unclear",
                1,
                "blocker",
                "No measurable success metric",
                "A hire with no metric to move will optimise whatever is easiest to measure.",
                "Pick one number you can track from day one and a target for it.",
                f"{SEED}, mistake 1; {RULES_OF_ML}, rule 2",
                ["goals.success_metric"],
            )
        )
    if g.build_mode == "unsure":
        out.append(
            _f(
                "goal-build-mode-unsure",
                1,
                "warning",
                "Not decided between existing models and building your own",
                "Fine-tuning or calling an existing model and training from scratch need "
                "different people and budgets.",
                "Check whether an API or pretrained model gets close enough before you write "
                "the job post.",
                f"{SEED}, mistake 1",
                ["goals.build_mode"],
            )
        )
    return out


def _m2(x: _Ctx) -> list[Finding]:
    planned = x.answers.context.planned_title
    if planned is None or planned == x.track:
        return []
    rec = TRACK_NAMES[x.track]
    if planned == "unsure":
        return [
            _f(
                "title-undecided",
                2,
                "tip",
                f"Post the role as {rec}",
                "You had not settled on a title; your answers point to one.",
                f"Use the {rec} profile in this plan as the starting point of the job post.",
                f"{SEED}, mistake 2; {ROLES}",
                ["context.planned_title"],
            )
        ]
    return [
        _f(
            "title-mismatch",
            2,
            "warning",
            f"You planned to post {TRACK_NAMES[planned]}, but your answers point to {rec}",
            "A post with the wrong title attracts people who want different work, and the "
            "hire leaves or stalls.",
            f"Post as {rec}, or change the answers that drive the recommendation.",
            f"{SEED}, mistake 2 and FAQ 1; {ROLES}",
            ["context.planned_title", "goals.deliverable"],
        )
    ]


def _m3(x: _Ctx) -> list[Finding]:
    degree = x.answers.assessment.required_degree
    if degree not in ("masters", "phd"):
        return []
    label = "a PhD" if degree == "phd" else "a master's degree"
    return [
        _f(
            "degree-filter",
            3,
            "warning",
            f"The post requires {label} for applied work",
            "Degree filters screen out self-taught and engineering-track people who have "
            "shipped models; experience and degrees predict job performance weakly.",
            "Drop the degree requirement and ask for two recent projects and their trade-offs "
            "instead.",
            f"{SEED}, mistake 3; {VALIDITY}",
            ["assessment.required_degree"],
        )
    ]


def _m4(x: _Ctx) -> list[Finding]:
    a, tm = x.answers.assessment, x.answers.team
    out = []
    if not a.product_interview:
        out.append(
            _f(
                "no-product-interview",
                4,
                "warning",
                "No interview tests product sense or communication",
                "Technically strong hires who cannot explain results to non-specialists slow "
                "every decision that depends on them.",
                "Add a stage where the candidate explains a model to a non-specialist and "
                "handles push-back.",
                f"{SEED}, mistake 4; {STRUCTURED}",
                ["assessment.product_interview"],
            )
        )
    partners = tm.partners or []
    if not partners:
        out.append(
            _f(
                "no-partners",
                4,
                "warning",
                "Nobody outside ML is named to work with the hire",
                "ML work reaches users through product, backend and domain people; alone, the "
                "hire builds things nobody ships.",
                "Name at least one product, backend, data or domain partner for the hire.",
                f"{SEED}, mistake 4",
                ["team.partners"],
            )
        )
    elif not {"product_manager", "domain_expert"} & set(partners):
        out.append(
            _f(
                "no-business-partner",
                4,
                "tip",
                "No product manager or domain expert among the partners",
                "Engineers alone rarely catch a model that is accurate but useless.",
                "Give the hire a regular slot with someone who owns the product or knows the "
                "domain.",
                f"{SEED}, mistake 4",
                ["team.partners"],
            )
        )
    return out


def _m5(x: _Ctx) -> list[Finding]:
    a = x.answers.assessment
    src = f"{SEED}, mistake 5; {VALIDITY}"
    if a.take_home in (None, "none"):
        return [
            _f(
                "no-work-sample",
                5,
                "warning",
                "No practical exercise in the loop",
                "Résumés and chats predict performance poorly; a work sample is among the best "
                "predictors there are.",
                "Add a scenario on messy data like yours: clean, model, evaluate and present.",
                src,
                ["assessment.take_home"],
            )
        ]
    out = []
    if a.take_home == "generic_algorithms":
        out.append(
            _f(
                "generic-test",
                5,
                "warning",
                "The exercise is a generic algorithms test",
                "Puzzle tests measure practice at puzzles, not at cleaning data and shipping "
                "models.",
                "Replace it with a scenario on a realistic dataset with planted problems.",
                src,
                ["assessment.take_home"],
            )
        )
    if a.take_home_hours is None or a.take_home_hours > MAX_TAKE_HOME_HOURS:
        out.append(
            _f(
                "take-home-time-box",
                5,
                "tip",
                "Time-box the exercise to four hours or less",
                "Long unpaid exercises drive away candidates who already have jobs.",
                "State the time box in the brief and grade what fits in it.",
                TAKE_HOME,
                ["assessment.take_home_hours"],
            )
        )
    if not a.take_home_paid:
        out.append(
            _f(
                "take-home-unpaid",
                5,
                "tip",
                "Pay candidates for the exercise",
                "Paying widens the pool and shows you value their time; offer live pairing as "
                "an alternative.",
                "Budget a fixed fee per completed exercise.",
                TAKE_HOME,
                ["assessment.take_home_paid"],
            )
        )
    return out


def _m6(x: _Ctx) -> list[Finding]:
    a = x.answers.assessment
    production = production_applies(x.answers) or x.track in PRODUCTION_TRACKS
    if not production or a.production_interview:
        return []
    return [
        _f(
            "no-production-interview",
            6,
            "warning",
            "Production skills are not tested",
            "Many candidates build accurate notebooks; fewer can serve, monitor and retrain a "
            "model when data drifts.",
            "Add a stage on version control, containers, serving, cloud, monitoring and "
            "retraining, drawn from their own past work.",
            f"{SEED}, mistake 6; {ML_TEST_SCORE}",
            ["assessment.production_interview"],
        )
    ]


def _m7(x: _Ctx) -> list[Finding]:
    ans = x.answers
    out = []
    if x.band == "C":
        out.append(
            _f(
                "too-early-data",
                7,
                "blocker",
                "Too early: the data is not usable yet",
                "Data that is not recorded, loadable and cleared leaves a full-time ML hire "
                "with nothing to learn from.",
                "Instrument the product and clear data use first; an advisor can scope it in a "
                "few weeks.",
                f"{DRL}; {SEED}, mistake 7",
                ["data.recorded", "data.accessible", "data.privacy_cleared"],
            )
        )
    if _too_early(ans):
        out.append(
            _f(
                "too-early-unvalidated",
                7,
                "blocker",
                "Too early: the use case is not validated",
                "Nobody has shown the need, and no simple version is live to learn from or to "
                "beat.",
                "Launch a rule or manual version, measure it, and bring in an advisor for a "
                "feasibility study.",
                f"{RULES_OF_ML}, rules 1-3; {SEED}, mistake 7 and FAQ 4",
                ["timing.use_case_validated", "goals.heuristic_baseline"],
            )
        )
    if x.band == "B":
        out.append(
            _f(
                "data-unchecked",
                7,
                "warning",
                "Data quality or labels are not in place",
                "Data nobody has checked, or a problem without labels, turns the first months "
                "into clean-up and annotation.",
                "Check gaps, duplicates and oddities and plan the labelling, or make that the "
                "hire's explicit starter project.",
                DRL,
                ["data.quality_checked", "data.labels"],
            )
        )
    g, d = ans.goals, ans.data
    if (
        g.build_mode == "from_scratch"
        and g.data_kind in UNSTRUCTURED
        and d.labels in ("no", "partial")
    ):
        out.append(
            _f(
                "labels-for-custom-model",
                7,
                "warning",
                "A custom model without the labels it needs",
                "Training from scratch on unlabelled text, images or audio hides a large "
                "labelling bill.",
                "Run a feasibility study comparing pretrained and fine-tuned options, with a "
                "labelling cost estimate.",
                f"{FEASIBILITY}; {DRL}",
                ["goals.build_mode", "data.labels"],
            )
        )
    # Late only when nothing says early: the data is fit for use (band A) and the use case stands.
    if ans.timing.urgency == "overdue" and x.band == "A" and not _too_early(ans):
        out.append(
            _f(
                "too-late",
                7,
                "warning",
                "Late: the data is ready and the hire is overdue",
                "Every month without the hire is a month the product does not learn from its "
                "users.",
                "Open the role now; bring in a contractor to bridge until the hire starts.",
                f"{SEED}, mistake 7",
                ["timing.urgency"],
            )
        )
    if ans.timing.monthly_budget is None:
        # Without this tip a blank budget lowers the timing score (and can turn the verdict
        # to "almost") with nothing on the review saying why.
        out.append(
            _f(
                "no-budget",
                7,
                "tip",
                "No monthly budget set",
                "Without a number you cannot tell whether a full-time hire fits now or a "
                "contractor should bridge first.",
                "Set the monthly amount you can carry; the plan compares it with the pay range "
                "for your region.",
                f"{SEED}, mistake 7 and FAQ 2",
                ["timing.monthly_budget"],
            )
        )
    return out


def _m8(x: _Ctx) -> list[Finding]:
    a = x.answers.assessment
    tools, comps = a.must_have_tools or [], a.competencies or []
    src = f"{SEED}, mistake 8"
    out = []
    if len(tools) > MAX_TOOLS:
        out.append(
            _f(
                "tool-checklist",
                8,
                "warning",
                f"{len(tools)} must-have tools is a buzzword checklist",
                "Long tool lists filter for keyword-matching résumés and out people who would "
                "learn the tools in a week.",
                f"Keep at most {MAX_TOOLS} must-have tools; move the rest to nice-to-have.",
                src,
                ["assessment.must_have_tools"],
            )
        )
    if tools and not comps:
        out.append(
            _f(
                "tools-without-competencies",
                8,
                "warning",
                "Tools are listed but no core abilities",
                "Knowing a library is not the same as knowing the problem: forecasting sparse "
                "data, ranking, or language understanding.",
                "Name two or three abilities the problem needs and assess those.",
                src,
                ["assessment.competencies"],
            )
        )
    elif not comps:
        out.append(
            _f(
                "no-competencies",
                8,
                "tip",
                "Name the core abilities the work needs",
                "Abilities tied to your problem make a sharper post than tool names.",
                "Add two or three abilities, e.g. 'evaluating ranking quality'.",
                src,
                ["assessment.competencies"],
            )
        )
    return out


def _m9(x: _Ctx) -> list[Finding]:
    """Only teams working across time zones are asked about overlap and habits (SPEC §4)."""
    if x.answers.context.work_mode != "remote_async":
        return []
    tm = x.answers.team
    out = []
    if (tm.tz_overlap_hours or 0) < 2:
        out.append(
            _f(
                "low-overlap",
                9,
                "warning",
                "Less than two hours of overlap with the team",
                "With little shared time, every blocker waits a day unless work runs in writing.",
                "Agree a daily overlap window or commit to documentation-first work.",
                f"{SEED}, mistake 9; {REMOTE}",
                ["team.tz_overlap_hours"],
            )
        )
    if not tm.async_practices:
        out.append(
            _f(
                "no-async-practices",
                9,
                "warning",
                "No async habits for a remote hire",
                "Remote hires stall when decisions live in meetings and chats they missed.",
                "Adopt written specs and a shared tracker before the hire starts.",
                f"{SEED}, mistake 9; {REMOTE}",
                ["team.async_practices"],
            )
        )
    out.append(
        _f(
            "async-trial",
            9,
            "tip",
            "Try a short async trial project",
            "How someone asks questions and reports progress in writing shows in days.",
            "Add a small paid task done asynchronously over two or three days.",
            f"{SEED}, mistake 9",
            ["context.work_mode"],
        )
    )
    return out


_ONBOARDING_FINDINGS = {
    "plan_30_60_90": (
        "No 30/60/90-day plan",
        "Without a written plan, the hire guesses what success looks like.",
        "Write what done looks like at 30, 60 and 90 days before you open the role.",
        STRUCTURED,
    ),
    "pipelines_documented": (
        "Data pipelines are not documented",
        "The first weeks go into reverse-engineering where data comes from.",
        "Write a one-page map of the sources and pipelines the hire will use first.",
        f"{SEED}, mistake 10",
    ),
    "domain_expert_access": (
        "No regular access to a domain expert",
        "Models built without someone who knows what the data means miss what matters.",
        "Book a weekly slot with a domain expert for the first three months.",
        f"{SEED}, mistake 10",
    ),
    "buddy": (
        "No onboarding buddy",
        "A buddy who could do the starter project end to end halves the time to first result.",
        "Name a buddy; if nobody in-house fits, borrow one from an advisor or partner.",
        SENIORITY,
    ),
    "growth_budget": (
        "No learning budget",
        "Good ML people leave teams where they stop learning.",
        "Set a yearly budget for courses and conferences and say so in the offer.",
        f"{SEED}, mistake 10",
    ),
}


def _m10(x: _Ctx) -> list[Finding]:
    o = x.answers.onboarding
    out = []
    for item, (title, detail, action, source) in _ONBOARDING_FINDINGS.items():
        if not getattr(o, item):
            out.append(
                _f(
                    f"onboarding-{item.replace('_', '-')}",
                    10,
                    "warning",
                    title,
                    detail,
                    action,
                    source,
                    [f"onboarding.{item}"],
                )
            )
    return out


FINDING_RULES: tuple[Callable[[_Ctx], list[Finding]], ...] = (
    _m1,
    _m2,
    _m3,
    _m4,
    _m5,
    _m6,
    _m7,
    _m8,
    _m9,
    _m10,
)
_SEVERITY_ORDER = {"blocker": 0, "warning": 1, "tip": 2}


def findings(answers: Answers, band: DataBand, track: Track) -> list[Finding]:
    """All findings, blockers first, then by mistake number."""
    ctx = _Ctx(answers, band, track)
    found = [f for rule in FINDING_RULES for f in rule(ctx)]
    return sorted(found, key=lambda f: (_SEVERITY_ORDER[f.severity], f.mistake))


def verdict(found: list[Finding], score: int) -> Verdict:
    if any(f.severity == "blocker" for f in found):
        return "not_yet"
    if any(f.severity == "warning" for f in found) or score < READY_SCORE:
        return "almost"
    return "ready"


# --- interview loop, scorecard, onboarding ----------------------------------------------------


def interview_and_scorecard(
    answers: Answers, track: Track, checklist: Checklist
) -> tuple[list[InterviewStage], Scorecard]:
    """Stages for the track, and a scorecard whose every attribute some stage assesses."""
    iv = checklist.interview
    stages = [
        s
        for s in iv.stages
        if (s.tracks is None or track in s.tracks)
        and all(get_value(answers, k) in v for k, v in s.when.items())
    ]
    stage_ids = {s.id for s in stages}
    categories: list[ScoreCategory] = []
    for cat in iv.categories:
        attrs = [
            ScoreAttribute(
                id=a.id,
                name=a.name,
                strong=a.strong,
                stages=[s for s in a.stages if s in stage_ids],
            )
            for a in cat.attributes
            if a.tracks is None or track in a.tracks
        ]
        if cat.id == "craft":
            sample = "scoping" if "scoping" in stage_ids else "work_sample"
            for i, comp in enumerate(answers.assessment.competencies or [], start=1):
                attrs.append(
                    ScoreAttribute(
                        id=f"competency_{i}",
                        name=comp,
                        strong="Shows it with concrete detail in the exercise or a past "
                        "project, not just familiarity with the words.",
                        stages=[sample, "deep_dive"],
                    )
                )
        attrs = [a for a in attrs if a.stages][:MAX_ATTRIBUTES]
        if attrs:
            categories.append(ScoreCategory(name=cat.name, attributes=attrs))
    loop = [
        InterviewStage(
            id=s.id,
            name=s.name,
            format=_stage_format(s.id, s.format, answers),
            minutes=s.minutes,
            purpose=s.purpose,
            focus=[a.name for c in categories for a in c.attributes if s.id in a.stages],
            guards=list(s.guards),
        )
        for s in stages
    ]
    return loop, Scorecard(categories=categories)


def _stage_format(stage_id: str, text: str, answers: Answers) -> str:
    if stage_id != "work_sample":
        return text
    hours = answers.assessment.take_home_hours
    if hours is not None and hours <= MAX_TAKE_HOME_HOURS:
        return f"{text} (time box: {hours} h)"
    return f"{text} (time box: {MAX_TAKE_HOME_HOURS} h at most)"


def onboarding(answers: Answers, track: Track, checklist: Checklist) -> Onboarding:
    items = [
        OnboardingItem(
            id=i.id,
            text=i.text,
            done=bool(get_value(answers, i.answer)) if i.answer else False,
        )
        for i in checklist.onboarding.items
    ]
    return Onboarding(items=items, first_90_days=list(checklist.roles.tracks[track].first_90_days))


# --- the whole derivation ---------------------------------------------------------------------


@dataclass(frozen=True)
class Derivation:
    """Everything the rules derive from one set of answers."""

    readiness: Readiness
    role: Role
    budget: Budget | None
    findings: list[Finding]
    interview_loop: list[InterviewStage]
    scorecard: Scorecard
    onboarding: Onboarding


def derive(answers: Answers, checklist: Checklist) -> Derivation:
    band = data_band(answers)
    sections = section_scores(answers)
    score = min(sections.values())
    mean = round(sum(sections.values()) / len(sections))
    role, budget = build_role(answers, checklist, band)
    found = findings(answers, band, role.track)
    loop, card = interview_and_scorecard(answers, role.track, checklist)
    return Derivation(
        readiness=Readiness(
            score=score,
            mean=mean,
            verdict=verdict(found, score),
            data_band=band,
            sections=sections,
        ),
        role=role,
        budget=budget,
        findings=found,
        interview_loop=loop,
        scorecard=card,
        onboarding=onboarding(answers, role.track, checklist),
    )
