"""Tabular take-home for ML engineers and data scientists: predict a yes/no outcome per row.

The rows carry a real signal (a logistic model over five features, plus short text for text
plans) so an honest model beats the rule the company uses today. Five problems are planted, each
chosen so that missing it hurts the score on the reviewer's holdout, not just in principle:
re-sent positive rows of one source, a labelling batch that marked everything positive, a column
recorded after the outcome, one source's amounts in the wrong unit, and blanks that say something
about the outcome.
"""

from __future__ import annotations

import json
import math
import random
import re

from checklists.takehome import Domain, Messages, fill, load_takehome
from wizard.takehome.core import Kit, add_documents, csv_text, plant, rng_for, text_for
from wizard.takehome.request import KitRequest

WEIGHTS = (0.9, -0.6, -0.9, 0.6, -0.5)


def domain_for(req: KitRequest) -> Domain:
    """What the rows are about (checklists/takehome.toml, tabular.domains): by the data kind for
    image, audio and text plans, else by the problem type; then a closer variant of that domain
    when the plan's own words name what its variant is about (an invoice plan gets invoices)."""
    domains = load_takehome().domains
    if req.data_kind == "images":
        key = "computer_vision"
    elif req.data_kind == "audio":
        key = "audio"
    elif req.data_kind == "text" or req.problem_type == "nlp":
        key = "nlp"
    else:
        key = req.problem_type if req.problem_type in domains else "generic"
    words = " ".join((req.outcome, req.success_metric, *req.competencies)).lower()
    for variant in domains.values():
        if variant.variant_of == key and any(
            re.search(rf"\b{re.escape(cue)}", words) for cue in variant.cues
        ):
            return variant
    return domains[key]


def _values(rng: random.Random, z: list[float]) -> list[float]:
    """Feature values from the row's latent factors, on each feature's natural scale."""
    return [
        round(1 / (1 + math.exp(-1.2 * z[0])), 3),
        max(1, round(30 + 16 * z[1])),
        round(math.exp(3.6 + 0.55 * z[2]), 2),
        max(0, round(2 + 1.4 * z[3] + rng.gauss(0, 0.3))),
        round(min(100.0, max(0.0, 60 + 15 * z[4])), 1),
    ]


def _message(rng: random.Random, said: Messages, topic: float) -> str:
    """A short text of whole sentences: the further ``topic`` leans one way, the more of its
    sentences come from that side; one neutral sentence, and sometimes one from either side,
    blur it. No sentence appears twice in a message."""
    pool = said.yes if topic > 0 else said.no
    picks = rng.sample(pool, min(len(pool), 1 + int(abs(topic) * 1.5)))
    picks.append(rng.choice(said.either))
    if rng.random() < 0.5:
        other = [s for s in said.yes + said.no if s not in picks]
        picks.append(rng.choice(other))
    rng.shuffle(picks)
    return " ".join(picks)


def _row(rng: random.Random, said: Messages | None) -> tuple[list[float], int, str]:
    z = [rng.gauss(0, 1) for _ in range(5)]
    logit = -1.3 + sum(w * v for w, v in zip(WEIGHTS, z, strict=True))
    words = ""
    if said is not None:
        topic = rng.gauss(0, 1)
        logit += 0.8 * topic
        words = _message(rng, said, topic)
    label = int(rng.random() < 1 / (1 + math.exp(-logit)))
    return _values(rng, z), label, words


def _missing(rng: random.Random, label: int) -> bool:
    return rng.random() < (0.38 if label else 0.07)


def generate(req: KitRequest, seed: int) -> Kit:
    rng = rng_for(req, seed)
    dom = domain_for(req)
    text = dom.messages is not None
    kit = Kit(req, seed)
    unit_source = dom.sources[rng.randrange(3)]
    batch_source = rng.choice([s for s in dom.sources if s != unit_source])
    dup_source = next(s for s in dom.sources if s not in (unit_source, batch_source))
    factor = dom.factor
    n_train = 550 * max(2, req.hours)
    n_hold = 1400
    prefix = dom.id_col[:2].upper()
    ids = rng.sample(range(10000, 99999), n_train + n_hold)

    def make(i: int, holdout: bool) -> dict[str, object]:
        values, label, words = _row(rng, dom.messages)
        source = dom.sources[rng.randrange(3)]
        cells: dict[str, object] = {dom.id_col: f"{prefix}{ids[i]}", "source": source}
        for (name, _), v in zip(dom.features, values, strict=True):
            cells[name] = v
        name2, name4 = dom.features[2][0], dom.features[4][0]
        if source == unit_source:
            cells[name2] = round(float(values[2]) * factor)
        if _missing(rng, label):
            cells[name4] = ""
        if text:
            cells["message"] = words
        if holdout:
            # At prediction time the after-the-fact column holds whatever it holds that day.
            cells[dom.leak[0]] = int(rng.random() < 0.15)
        else:
            cells[dom.leak[0]] = label if rng.random() < 0.93 else 1 - label
        cells["labelled_by"] = rng.choice(dom.labellers[:2])
        cells[dom.label] = label
        return cells

    train = [make(i, False) for i in range(n_train)]
    hold = [make(n_train + i, True) for i in range(n_hold)]
    # A labelling vendor marked every row it saw positive; it only saw one source's rows.
    batch = [r for r in train if r["source"] == batch_source][: n_train // 9]
    for r in batch:
        r["labelled_by"] = dom.labellers[2]
        r[dom.label] = 1
        r[dom.leak[0]] = 1 if rng.random() < 0.93 else 0
    # One source re-sent its positive rows six more times.
    resent = [r for r in train if r["source"] == dup_source and r[dom.label] == 1][
        : 45 * max(2, req.hours)
    ]
    copies = [dict(r) for r in resent for _ in range(6)]
    for pos, row in sorted(((rng.randrange(len(train)), c) for c in copies), key=lambda t: -t[0]):
        train.insert(pos, row)

    header = [dom.id_col, "source", *(n for n, _ in dom.features)]
    header += ["message"] if text else []
    header += [dom.leak[0], "labelled_by", dom.label]
    kit.add("candidate/data/train.csv", csv_text(header, ([r[h] for h in header] for r in train)))
    kit.add(
        "reviewer/holdout/holdout.csv", csv_text(header, ([r[h] for h in header] for r in hold))
    )
    # What the candidate's model scores after hand-in: the holdout without its label.
    inputs = [h for h in header if h not in (dom.label, "labelled_by")]
    kit.add(
        "reviewer/holdout/to_score.csv", csv_text(inputs, ([r[h] for h in inputs] for r in hold))
    )
    rule = {"rank_by": dom.features[0][0], "order": "desc", "id": dom.id_col, "label": dom.label}
    kit.add("candidate/data/current_rule.json", json.dumps(rule, indent=2) + "\n")
    kit.add("candidate/data/DATA_DICTIONARY.csv", _dictionary(dom))
    if dom.manifest:
        kit.add(f"candidate/data/{dom.manifest}", _manifest(rng, dom, train))

    values = {
        "copies": len(copies),
        "resent": len(resent),
        "entity": dom.entity,
        "dup_source": dup_source,
        "id_col": dom.id_col,
        "batch": len(batch),
        "vendor": dom.labellers[2],
        "batch_source": batch_source,
        "leak": dom.leak[0],
        "amount": dom.features[2][0],
        "unit_source": unit_source,
        "unit": dom.unit,
        "factor": factor,
        "blank": dom.features[4][0],
    }
    plant(
        kit,
        "duplicate_rows",
        "label_batch",
        "leaking_column",
        "unit_mixup",
        "missing_pattern",
        **values,
    )
    add_documents(
        kit,
        {
            "entity": dom.entity,
            "label": dom.label,
            "label_means": dom.label_means,
            "rule": dom.features[0][0],
            "id_col": dom.id_col,
            "manifest": dom.manifest,
            "shape": dom.shape,
        },
        when={"manifest"} if dom.manifest else (),
    )
    return kit


def _dictionary(dom: Domain) -> str:
    say = text_for("tabular").phrases
    rows = [
        [dom.id_col, "id", fill(say["id_meaning"], {"entity": dom.entity})],
        ["source", "category", say["source_meaning"]],
    ]
    rows += [[n, "number", d] for n, d in dom.features]
    if dom.messages is not None:
        rows.append(["message", "text", dom.messages.meaning])
    rows += [
        [dom.leak[0], "0/1", dom.leak[1]],
        ["labelled_by", "label metadata", say["labelled_by_meaning"]],
    ]
    rows.append([dom.label, "0/1 label", dom.label_means])
    return csv_text(["name", "type", "meaning"], rows)


def _manifest(rng: random.Random, dom: Domain, train: list[dict[str, object]]) -> str:
    rows = []
    for r in train:
        rows.append(
            [
                r[dom.id_col],
                f"media/{r[dom.id_col]}.{dom.media}",
                r["source"],
                f"2026-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
            ]
        )
    return csv_text([dom.id_col, "file", "device", "captured_on"], rows)
