"""The morning check-in: five questions and plain guidance for a poor morning.

Guidance rules (each checked on its own; every answer is optional), as rule: when -> level
(source):

- ``pain_unacceptable``: next-morning pain above 5/10 -> skip (Silbernagel 2007 [C2]);
- ``pain_up``: next-morning pain above the usual (baseline) -> reduce (Silbernagel 2007 [C2]);
- ``several_poor``: 3 or more of the four wellness rules below -> reduce (design);
- ``short_sleep``: less than 6 hours of sleep -> easy (Edwards 2008 [C]);
- ``sore``: soreness 4 or 5 of 5 -> easy (design);
- ``stressed``: stress 4 or 5 of 5 -> easy (design);
- ``low_energy``: energy 1 or 2 of 5 -> easy (design).

``pain_up`` is left out when ``pain_unacceptable`` fires. With no rule firing, the guidance is a
single ``ok``. The pain-monitoring model was validated in Achilles tendinopathy [1]_, so its use
for the back is an extrapolation. The adaptation package computes its own readiness score from the
same answers; these rules are only what the athlete is told this morning.

References
----------
.. [1] Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J (2007). Continued sports activity, using a
   pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J
   Sports Med 35(6):897-906.
.. [2] Edwards RR, Almeida DM, Klick B, Haythornthwaite JA, Smith MT (2008). Duration of sleep
   contributes to next-day pain report in the general population. Pain 137:202-207.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Literal

from spinewise.errors import InputError
from spinewise.habits.rules import CheckInRules, load_habit_rules
from spinewise.habits.sections import CheckInQuestion, CheckInRule, CheckInSection, Source

__all__ = [
    "LEVELS",
    "QUESTIONS",
    "CheckIn",
    "Guidance",
    "Question",
    "checkin_guidance",
    "checkin_section",
]

Level = Literal["ok", "easy", "reduce", "skip"]
#: Guidance levels, mildest first.
LEVELS: tuple[Level, ...] = ("ok", "easy", "reduce", "skip")

PAIN_PAGE = "pain-and-load"
SLEEP_PAGE = "sleep-and-recovery"
CHECKIN_PAGE = "morning-check-in"


@dataclass(frozen=True)
class Question:
    """One check-in question.

    Attributes
    ----------
    id
        The answer's key.
    unit
        ``h`` for hours; ``score`` for a rating.
    low, high
        What the ends of the range mean.
    """

    id: str
    text: str
    unit: str
    min: float
    max: float
    whole: bool
    low: str
    high: str

    def section(self) -> CheckInQuestion:
        """The question as the plan records it."""
        return CheckInQuestion(
            self.id, self.text, self.unit, self.min, self.max, self.whole, self.low, self.high
        )


QUESTIONS: tuple[Question, ...] = (
    Question(
        "sleep_h", "How many hours did you sleep last night?", "h", 0, 16, False, "none", "16 hours"
    ),
    Question(
        "soreness", "How sore are your muscles?", "score", 1, 5, True, "not at all", "very sore"
    ),
    Question(
        "stress", "How stressed do you feel?", "score", 1, 5, True, "relaxed", "very stressed"
    ),
    Question(
        "energy", "How much energy do you have?", "score", 1, 5, True, "exhausted", "full of energy"
    ),
    Question(
        "next_morning_pain",
        "How much does your back hurt this morning?",
        "score",
        0,
        10,
        True,
        "no pain",
        "worst pain imaginable",
    ),
)
_BY_ID = {q.id: q for q in QUESTIONS}


@dataclass(frozen=True)
class CheckIn:
    """One morning's answers; a question not answered is None.

    Attributes
    ----------
    sleep_h
        Hours slept [h], 0 to 16.
    soreness, stress, energy
        Ratings 1 to 5 (5: very sore, very stressed, full of energy).
    next_morning_pain
        Back pain this morning, 0 to 10.
    """

    sleep_h: float | None = None
    soreness: int | None = None
    stress: int | None = None
    energy: int | None = None
    next_morning_pain: int | None = None

    @classmethod
    def from_answers(cls, answers: Mapping[str, object]) -> CheckIn:
        """Check raw answers (from a form or JSON) and build a check-in.

        Raises
        ------
        InputError
            One line per problem, naming the question, the value and the allowed range.

        Examples
        --------
        >>> CheckIn.from_answers({"sleep_h": 7.5, "next_morning_pain": 2}).sleep_h
        7.5
        """
        problems: list[str] = []
        unknown = sorted(set(answers) - set(_BY_ID))
        if unknown:
            problems.append(f"check-in: unknown questions {unknown}; allowed: {', '.join(_BY_ID)}")
        values: dict[str, float | int | None] = {}
        for q in QUESTIONS:
            value = answers.get(q.id)
            if value is None:
                values[q.id] = None
                continue
            kind = "a whole number" if q.whole else "a number"
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(f"{q.id}: must be {kind} {q.min:g} to {q.max:g}, got {value!r}")
                continue
            number = float(value)
            if q.whole and not number.is_integer():
                problems.append(f"{q.id}: must be {kind} {q.min:g} to {q.max:g}, got {value!r}")
                continue
            if not q.min <= number <= q.max:
                problems.append(f"{q.id}: must be {q.min:g} to {q.max:g}, got {value!r}")
                continue
            values[q.id] = int(number) if q.whole else number
        if problems:
            raise InputError(problems)
        return cls(
            sleep_h=values["sleep_h"],
            soreness=_int(values["soreness"]),
            stress=_int(values["stress"]),
            energy=_int(values["energy"]),
            next_morning_pain=_int(values["next_morning_pain"]),
        )


def _int(value: float | int | None) -> int | None:
    return None if value is None else int(value)


@dataclass(frozen=True)
class Guidance:
    """One piece of advice for today.

    Attributes
    ----------
    level
        ``ok``, ``easy``, ``reduce`` or ``skip`` (see :data:`LEVELS`).
    rule
        The rule that fired, e.g. ``pain_up``.
    message
        Plain words for the athlete.
    page
        The education page that explains it.
    """

    level: Level
    rule: str
    message: str
    page: str

    def to_json(self) -> dict[str, str]:
        """The guidance as JSON."""
        return asdict(self)


def _wellness(c: CheckIn, r: CheckInRules) -> list[Guidance]:
    out: list[Guidance] = []
    if c.sleep_h is not None and c.sleep_h < r.short_sleep_h:
        out.append(
            Guidance(
                "easy",
                "short_sleep",
                f"You slept {c.sleep_h:g} hours. After a short night pain tends to be higher, "
                "so keep today's session easy: the lower end of your sets, nothing new, no "
                "maximal efforts.",
                SLEEP_PAGE,
            )
        )
    if c.soreness is not None and c.soreness >= r.high_soreness:
        out.append(
            Guidance(
                "easy",
                "sore",
                "You are quite sore. Warm up for longer and keep the session easy; soreness that "
                "eases as you warm up is normal.",
                CHECKIN_PAGE,
            )
        )
    if c.stress is not None and c.stress >= r.high_stress:
        out.append(
            Guidance(
                "easy",
                "stressed",
                "A stressful time. A lighter session still counts, and a few minutes of slow "
                "breathing may help you wind down.",
                CHECKIN_PAGE,
            )
        )
    if c.energy is not None and c.energy <= r.low_energy:
        out.append(
            Guidance(
                "easy",
                "low_energy",
                "Your energy is low. Keep today easy; a short walk may help more than a hard "
                "session.",
                CHECKIN_PAGE,
            )
        )
    return out


def checkin_guidance(answers: Mapping[str, object] | CheckIn, baseline_pain: int) -> list[Guidance]:
    """What to do today after this morning's check-in, most important first.

    Parameters
    ----------
    answers
        A :class:`CheckIn`, or raw answers keyed by question id (checked).
    baseline_pain
        The athlete's usual pain, 0 to 10 (the profile's current pain, or the adaptation's
        running baseline).

    Raises
    ------
    InputError
        For answers or a baseline out of range, one line per problem.

    Examples
    --------
    >>> [g.rule for g in checkin_guidance({"next_morning_pain": 4, "sleep_h": 5}, 2)]
    ['pain_up', 'short_sleep']
    >>> [g.level for g in checkin_guidance({"next_morning_pain": 2, "sleep_h": 8}, 2)]
    ['ok']
    """
    if (
        isinstance(baseline_pain, bool)
        or not isinstance(baseline_pain, int)
        or not (0 <= baseline_pain <= 10)
    ):
        raise InputError(f"baseline_pain: must be a whole number 0 to 10, got {baseline_pain!r}")
    c = answers if isinstance(answers, CheckIn) else CheckIn.from_answers(answers)
    r = load_habit_rules().check_in
    out: list[Guidance] = []
    pain = c.next_morning_pain
    if pain is not None and pain > r.unacceptable_pain:
        out.append(
            Guidance(
                "skip",
                "pain_unacceptable",
                f"Your back pain this morning is {pain}/10, above {r.unacceptable_pain}/10, the "
                "top of the acceptable range. Skip the loaded exercises today; easy walking and "
                "breathing are fine if they do not make it worse. If it stays this high for "
                "several days, or anything on the 'when to see a clinician' page applies, get "
                "checked.",
                PAIN_PAGE,
            )
        )
    elif pain is not None and pain > baseline_pain:
        out.append(
            Guidance(
                "reduce",
                "pain_up",
                f"Your back pain this morning ({pain}/10) is above your usual "
                f"{baseline_pain}/10. The next morning decides: reduce today's load (fewer sets, "
                "easier versions, shorter holds) and see how tomorrow morning feels.",
                PAIN_PAGE,
            )
        )
    wellness = _wellness(c, r)
    if len(wellness) >= r.poor_signs_to_reduce:
        out.append(
            Guidance(
                "reduce",
                "several_poor",
                "Several signs of poor recovery came together this morning. Reduce today's load, "
                "and make sleep and easy movement the priority.",
                CHECKIN_PAGE,
            )
        )
    out.extend(wellness)
    if not out:
        out.append(
            Guidance(
                "ok",
                "ok",
                "A good morning: train as planned.",
                CHECKIN_PAGE,
            )
        )
    return sorted(out, key=lambda g: -LEVELS.index(g.level))


def checkin_section() -> CheckInSection:
    """The ``habits.check_in`` section of a plan: the questions and the rules in plain words."""
    r = load_habit_rules().check_in
    return CheckInSection(
        id="check_in",
        title="Morning check-in",
        what="Each morning before you train, answer five quick questions; the answers adjust "
        "the day and feed the plan's adaptation.",
        questions=tuple(q.section() for q in QUESTIONS),
        rules=(
            CheckInRule(
                rule="pain_unacceptable",
                level="skip",
                page=PAIN_PAGE,
                when=f"back pain this morning above {r.unacceptable_pain}/10",
            ),
            CheckInRule(
                rule="pain_up",
                level="reduce",
                page=PAIN_PAGE,
                when="back pain this morning above your usual level",
            ),
            CheckInRule(
                rule="several_poor",
                level="reduce",
                page=CHECKIN_PAGE,
                when=f"{r.poor_signs_to_reduce} or more of the four easy-day signs together",
            ),
            CheckInRule(
                rule="short_sleep",
                level="easy",
                page=SLEEP_PAGE,
                when=f"less than {r.short_sleep_h:g} hours of sleep",
            ),
            CheckInRule(
                rule="sore",
                level="easy",
                page=CHECKIN_PAGE,
                when=f"soreness {r.high_soreness} or more of 5",
            ),
            CheckInRule(
                rule="stressed",
                level="easy",
                page=CHECKIN_PAGE,
                when=f"stress {r.high_stress} or more of 5",
            ),
            CheckInRule(
                rule="low_energy",
                level="easy",
                page=CHECKIN_PAGE,
                when=f"energy {r.low_energy} or less of 5",
            ),
        ),
        sources=Source.of_all(r.sources),
        page=CHECKIN_PAGE,
    )
