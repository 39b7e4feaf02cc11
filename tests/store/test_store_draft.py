"""The onboarding draft of a web user: typed in the program, the same JSON in ``users.draft``."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import text

from spinewise.profile import SCREENING_FLAGS, ScreeningAnswers
from spinewise.store import reading, writing
from spinewise.store.accounts import (
    OnboardingDraft,
    create_user,
    find_user_by_email,
    set_user_draft,
)

NOW = datetime(2026, 12, 1, 8)
EMAIL = "draft@example.org"


def _stored(engine: Any) -> Any:
    with reading(engine) as db:
        raw = db.execute(text("SELECT draft FROM users")).scalar_one()
    return json.loads(raw) if isinstance(raw, str) else raw


def test_draft_is_written_as_the_json_it_always_was(engine: Any) -> None:
    answers = dict.fromkeys(SCREENING_FLAGS, False) | {"history_of_cancer": True}
    screening = ScreeningAnswers(**answers, clearances={"history_of_cancer": date(2026, 11, 20)})
    with writing(engine) as db:
        user = create_user(db, EMAIL, "hash", now=NOW)
        assert user.draft is None
        set_user_draft(db, user.id, OnboardingDraft(screening=screening))
    assert _stored(engine) == {
        "screening": {
            **answers,
            "cleared_by_clinician": False,
            "clearances": {"history_of_cancer": "2026-11-20"},
        }
    }
    with reading(engine) as db:
        found = find_user_by_email(db, EMAIL)
    assert found is not None
    assert found.draft is not None
    assert found.draft.screening == screening


def test_a_draft_that_no_longer_reads_is_no_draft(engine: Any) -> None:
    with writing(engine) as db:
        user = create_user(db, EMAIL, "hash", now=NOW)
        db.execute(
            text("UPDATE users SET draft = :d WHERE id = :i"),
            {"d": json.dumps({"screening": {"saddle_numbness": "perhaps"}}), "i": user.id},
        )
    with reading(engine) as db:
        found = find_user_by_email(db, EMAIL)
    assert found is not None
    assert found.draft is None
