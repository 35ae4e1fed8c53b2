"""Regenerate docs/review.svg: the wizard's Review step on a sample plan.

Generated, never drawn by hand, so the README always shows what the app really draws. Uses a
throwaway library folder and fixed timestamps; run with `make screenshot` or
`.venv/bin/python docs/make_screenshot.py`.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "review.svg"
SAMPLE = ROOT / "tests" / "fixtures" / "answers" / "fraud_model.toml"
SIZE = (110, 48)
# A believable mid-way plan: a generic take-home, unpaid, and no 30/60/90 plan yet.
CHANGES = {
    "assessment.take_home": "generic_algorithms",
    "assessment.take_home_paid": False,
    "onboarding.plan_30_60_90": False,
}


async def capture(home: Path) -> str:
    from screens.app import HirewizApp, start_for_file
    from wizard.answers import get_checklist, set_value
    from wizard.planfile import build_plan, load_answers, save_plan

    checklist = get_checklist()
    answers = load_answers(SAMPLE, checklist).answers
    for key, value in CHANGES.items():
        answers = set_value(answers, key, value, checklist)
    path = home / "plans" / "fraud-ml-engineer.toml"
    path.parent.mkdir(parents=True)
    stamp = datetime(2025, 1, 2, tzinfo=UTC)
    save_plan(path, build_plan(answers, checklist, created=stamp, updated=stamp))
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.pause()
        return app.export_screenshot(title="hirewiz — review")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HIREWIZ_HOME"] = tmp
        svg = asyncio.run(capture(Path(tmp)))
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
