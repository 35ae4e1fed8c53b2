"""Reference review of the AI-engineering take-home document set (standard library only).

Usage: python reviewer/solution.py CANDIDATE_DIR [--ablate]

Finds the traps in CANDIDATE_DIR/data (documents and questions) from the files alone, then runs
simple word-overlap retrieval with the traps handled and reports how often it picks the source in
reviewer/holdout/reference_answers.jsonl (a floor for the candidate's feature). ``--ablate``
shows that hit count with each trap left unhandled.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

WORD = re.compile(r"[a-z0-9]+")
NUMBER = re.compile(r"\b\d+\b")
STOP = set(
    [
        "a",
        "an",
        "and",
        "are",
        "at",
        "be",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "in",
        "is",
        "it",
        "many",
        "my",
        "of",
        "on",
        "or",
        "our",
        "the",
        "there",
        "to",
        "what",
        "when",
        "which",
        "with",
        "you",
        "your",
        "long",
        "much",
        "per",
        "get",
        "each",
    ]
)
INJECTION = re.compile(
    r"ignore (all )?(previous|prior|above|earlier) instructions|disregard (the|your) "
    r"(rules|instructions)|ai assistants? reading|system prompt",
    re.IGNORECASE,
)


def words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 2}


def stem(w: str) -> str:
    return w[:5]


class Doc:
    def __init__(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        _, head, body = text.split("---", 2)
        self.name = path.name
        self.meta = dict(
            (k.strip(), v.strip())
            for k, _, v in (line.partition(":") for line in head.splitlines())
            if k.strip()
        )
        self.body = body
        self.words = words(body)
        self.numbers = set(NUMBER.findall(body))


def detect(docs: list[Doc], questions: list[dict[str, str]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    asked = max(q["asked_on"] for q in questions)
    stems = [{stem(w) for w in d.words} for d in docs]
    for q in questions:
        key = {stem(w) for w in words(q["question"])}
        best = max(len(key & s) / len(key) for s in stems)
        if best < 0.34:
            found.setdefault("unanswerable_question", []).append(q["id"])
    by_title: dict[str, list[Doc]] = {}
    for d in docs:
        by_title.setdefault(d.meta.get("title", "").lower(), []).append(d)
    clash = [
        sorted(d.name for d in group)
        for group in by_title.values()
        if len(group) > 1 and len({frozenset(d.numbers) for d in group}) > 1
    ]
    if clash:
        found["conflicting_versions"] = clash
    stale = [d.name for d in docs if d.meta.get("valid_until", "9999") < asked]
    if stale:
        found["outdated_document"] = stale
    pairs = []
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            sim = len(a.words & b.words) / len(a.words | b.words)
            if sim >= 0.75 and a.meta.get("title") != b.meta.get("title"):
                pairs.append([a.name, b.name])
    if pairs:
        found["near_duplicates"] = pairs
    injected = [d.name for d in docs if INJECTION.search(d.body)]
    if injected:
        found["prompt_injection"] = injected
    return found


def usable(docs: list[Doc], found: dict[str, Any], skip: set[str]) -> list[Doc]:
    """The documents retrieval may use once each trap is handled."""
    out = list(docs)
    if "outdated_document" not in skip:
        out = [d for d in out if d.name not in found.get("outdated_document", [])]
    if "conflicting_versions" not in skip:
        newest: dict[str, Doc] = {}
        for d in out:
            key = d.meta.get("title", "").lower()
            if key not in newest or int(d.meta.get("version", 0)) > int(
                newest[key].meta.get("version", 0)
            ):
                newest[key] = d
        out = [d for d in out if newest[d.meta.get("title", "").lower()] is d]
    if "near_duplicates" not in skip:
        drop = {b for _, b in found.get("near_duplicates", [])}
        out = [d for d in out if d.name not in drop]
    return out


def retrieve(q: str, docs: list[Doc], refuse: bool) -> str:
    key = {stem(w) for w in words(q)}
    scored = [
        (len(key & {stem(w) for w in d.words}) / len(key), -len(d.words), d.name) for d in docs
    ]
    best = max(scored)
    return "" if refuse and best[0] < 0.34 else best[2]


def hits(
    docs: list[Doc],
    questions: list[dict[str, str]],
    refs: dict[str, str],
    found: dict[str, Any],
    skip: set[str],
) -> int:
    pool = usable(docs, found, skip)
    refuse = "unanswerable_question" not in skip
    return sum(retrieve(q["question"], pool, refuse) == refs[q["id"]] for q in questions)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("candidate", type=Path)
    parser.add_argument("--holdout", type=Path, default=Path(__file__).resolve().parent / "holdout")
    parser.add_argument("--ablate", action="store_true")
    return parser.parse_args(argv)


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    """Everything the solution reports, as one JSON-ready object."""
    data = args.candidate / "data"
    docs = [Doc(p) for p in sorted((data / "docs").glob("*.md"))]
    questions = [
        json.loads(line)
        for line in (data / "questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    refs = {
        r["id"]: r["source"]
        for line in (args.holdout / "reference_answers.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip() and (r := json.loads(line))
    }
    found = detect(docs, questions)
    result: dict[str, Any] = {
        "found": sorted(found),
        "retrieval_hits": hits(docs, questions, refs, found, set()),
        "questions": len(questions),
    }
    if args.ablate:
        result["ablation"] = {
            pid: hits(docs, questions, refs, found, {pid})
            for pid in sorted(found)
            if pid != "prompt_injection"
        }
    return result


def main() -> int:
    print(json.dumps(evaluate(parse()), sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
