"""AI-engineering take-home: an evaluation-first question-answering feature over a document set.

The candidate gets a small help-centre document set and the questions users asked, and is asked
to build an evaluation set first, then the feature, and to report quality, latency and cost. Five
traps are planted in the documents and questions: a question the documents cannot answer, two
conflicting versions of one document, an outdated document, near-duplicate documents, and a
prompt injection inside a document. The reviewer keeps the reference answers.
"""

from __future__ import annotations

import json

from checklists.takehome import fill, load_takehome
from wizard.export import md
from wizard.takehome.core import Kit, add_documents, plant, rng_for
from wizard.takehome.request import KitRequest

ASKED_ON = "2026-11-20"


def _doc(title: str, version: int, updated: str, body: str, valid_until: str = "") -> str:
    head = ["---", f"title: {title}", f"version: {version}", f"updated: {updated}"]
    if valid_until:
        head.append(f"valid_until: {valid_until}")
    return "\n".join([*head, "---", f"# {title}", "", body, ""])


def generate(req: KitRequest, seed: int) -> Kit:
    rng = rng_for(req, seed)
    kit = Kit(req, seed)
    company = md(req.company)
    text = load_takehome()
    say = text.help_centre
    count = min(len(text.topics), 5 + req.hours)
    topics = rng.sample(text.topics, count)
    conflict, outdated, dupe, injected = topics[:4]
    docs: dict[str, str] = {}
    refs: list[dict[str, object]] = []
    questions: list[dict[str, str]] = []
    values: dict[str, int] = {}
    for t in topics:
        n = rng.choice(t.values)
        values[t.slug] = n
        body = t.body.format(company=company, n=n)
        if t is injected:
            body += "\n\n" + say.injection
        month = rng.randint(3, 10)
        docs[f"{t.slug}.md"] = _doc(t.title, 3, f"2026-{month:02d}-{rng.randint(10, 28)}", body)
    # An older version of one document kept under another file name, saying something else.
    old_n = rng.choice([v for v in conflict.values if v != values[conflict.slug]])
    docs[f"{conflict.slug}-v2.md"] = _doc(
        conflict.title, 2, "2025-11-03", conflict.body.format(company=company, n=old_n)
    )
    # A seasonal document whose validity ended before the questions were asked.
    old_season = rng.choice([v for v in outdated.values if v != values[outdated.slug]])
    docs[f"{outdated.slug}-winter-2025.md"] = _doc(
        fill(say.outdated_title, {"title": outdated.title}),
        1,
        "2025-12-01",
        fill(
            say.outdated_body, {"body": fill(outdated.body, {"company": company, "n": old_season})}
        ),
        valid_until="2026-01-06",
    )
    # The same text pasted into a FAQ page with a few words changed.
    copy = dupe.body.format(company=company, n=values[dupe.slug]).replace(" for ", " per ", 1)
    docs[f"faq-{dupe.slug}.md"] = _doc(
        fill(say.faq_title, {"title": dupe.title.lower()}), 1, "2026-06-02", copy
    )
    for i, t in enumerate(topics, start=1):
        qid = f"q{i:02d}"
        questions.append({"id": qid, "asked_on": ASKED_ON, "question": t.question})
        refs.append(
            {"id": qid, "answer": t.answer.format(n=values[t.slug]), "source": f"{t.slug}.md"}
        )
    unanswerable = rng.choice(say.unanswerable)
    pos = rng.randrange(len(questions) + 1)
    questions.insert(pos, {"id": "", "asked_on": ASKED_ON, "question": unanswerable})
    refs.insert(pos, {"id": "", "answer": say.refusal, "source": ""})
    for i, (q, r) in enumerate(zip(questions, refs, strict=True), start=1):
        q["id"] = r["id"] = f"q{i:02d}"
    for name in sorted(docs):
        kit.add(f"candidate/data/docs/{name}", docs[name])
    kit.add("candidate/data/questions.jsonl", "".join(json.dumps(q) + "\n" for q in questions))
    kit.add("reviewer/holdout/reference_answers.jsonl", "".join(json.dumps(r) + "\n" for r in refs))
    unanswered = next(str(q["id"]) for q in questions if q["question"] == unanswerable)
    plant(
        kit,
        "unanswerable_question",
        "conflicting_versions",
        "outdated_document",
        "near_duplicates",
        "prompt_injection",
        qid=unanswered,
        question=unanswerable,
        conflict=conflict.slug,
        conflict_question=conflict.question,
        outdated=outdated.slug,
        outdated_question=outdated.question,
        dupe=dupe.slug,
        injected=injected.slug,
    )
    add_documents(kit)
    return kit
