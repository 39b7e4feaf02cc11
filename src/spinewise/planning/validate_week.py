"""Week-level and cross-week checks of the validator (see :mod:`spinewise.planning.validate`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spinewise.catalog import Catalog, Exercise, load_vocabulary
from spinewise.catalog.entities import Intensity
from spinewise.planning.candidates import (
    is_heavy_hinge,
    is_rotational_throw,
    is_single_leg_hinge,
    is_unilateral_work,
)
from spinewise.planning.dosing import ItemDose, volume_units
from spinewise.planning.periodization import DELOAD_VOLUME_RANGE, WeekPlan
from spinewise.planning.policy import (
    HEAVY_COMPRESSION_FRACTION,
    ISOLATED_MAX_SHARE,
    extra_items,
    required_qualities,
    serves_demand,
    throws_required,
)
from spinewise.planning.request import WEEKDAYS, PlanRequest
from spinewise.planning.spine import CompressionFn, checked_load_kg

__all__ = ["Violation", "check_across_weeks", "check_week", "item_dose"]


@dataclass(frozen=True, order=True)
class Violation:
    """One broken requirement, printed as ``WHERE: REQUIREMENT: message``."""

    where: str
    requirement: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.requirement}: {self.message}"


def item_dose(item: Mapping[str, Any]) -> ItemDose:
    """Rebuild an item's dose from its JSON."""
    side = item.get("extra_sets_side")
    return ItemDose(
        sets=int(item["sets"]),
        reps=item.get("reps"),
        hold_s=item.get("hold_s"),
        distance_m=item.get("distance_m"),
        per_side=bool(item["per_side"]),
        tempo=item.get("tempo"),
        rest_s=int(item["rest_s"]),
        intensity=Intensity(kind=item["intensity"]["kind"], value=item["intensity"].get("value")),
        extra_sets_side=(side["side"], int(side["sets"])) if side else None,
        load_cap_kg=item.get("load_cap_kg"),
        effort_cap=bool(item.get("effort_cap", False)),
    )


def _items(session: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [it for b in session["blocks"] for it in b["items"]]


def _exercises(session: Mapping[str, Any], catalog: Catalog) -> list[Exercise]:
    return [
        catalog.get(it["exercise_id"]) for it in _items(session) if it["exercise_id"] in catalog
    ]


def _heavy_session(
    session: Mapping[str, Any],
    request: PlanRequest,
    catalog: Catalog,
    compression: CompressionFn,
    heavy_n: float,
) -> bool:
    """Whether an item of the session reaches ``heavy_n`` at the load it prescribes, or its cap."""
    for it in _items(session):
        if it["exercise_id"] not in catalog:
            continue
        ex = catalog.get(it["exercise_id"])
        load = checked_load_kg(ex, request, item_dose(it))
        if compression(ex, request, load) >= heavy_n:
            return True
    return False


def check_week(
    where: str,
    week: Mapping[str, Any],
    wp: WeekPlan,
    request: PlanRequest,
    catalog: Catalog,
    skip: set[str],
    limit_n: float,
    compression: CompressionFn,
) -> list[Violation]:
    """Coverage, signature, findings and structure rules of one week."""
    vocab = load_vocabulary()
    out: list[Violation] = []
    sessions = week["sessions"]
    per_session = [_exercises(s, catalog) for s in sessions]
    week_ex = [ex for exs in per_session for ex in exs]

    def need(rule: str, ok: bool, message: str) -> None:
        if rule not in skip and not ok:
            out.append(Violation(where, rule, message))

    for region in vocab.key_regions:
        need(
            "key_regions",
            any(region in ex.primary_regions for ex in week_ex),
            f"no item has {region} as a primary region",
        )
    for quality in required_qualities(wp, request):
        need(
            "weekly_qualities",
            any(quality in ex.qualities for ex in week_ex),
            f"no item trains {quality}",
        )
    for plane in ("sagittal", "frontal", "transverse"):
        need("three_planes", any(plane in ex.planes for ex in week_ex), f"no {plane}-plane work")
    for s, exs in enumerate(per_session, start=1):
        need(
            "unilateral_each_session",
            any(is_unilateral_work(ex) for ex in exs),
            f"session {s} has no unilateral, alternating or split work",
        )
    num, den = ISOLATED_MAX_SHARE
    isolated = sum(ex.integration == "isolated" for ex in week_ex)
    need(
        "isolated_share",
        den * isolated <= num * len(week_ex),
        f"{isolated} of {len(week_ex)} items are isolated (at most 20 %)",
    )
    if not wp.deload:
        need(
            "single_leg_hinge",
            any(is_single_leg_hinge(ex) for ex in week_ex),
            "no single-leg hinge in a loading week",
        )
    if throws_required(wp, request):
        need(
            "rotational_throws",
            any(is_rotational_throw(ex) for ex in week_ex),
            "no rotational medicine-ball throw although the athlete can do them",
        )
    for demand in request.demands:
        serving = [ex for ex in week_ex if serves_demand(ex, demand)]
        if demand.kind == "extra_volume" and not wp.deload:
            need(
                "finding_volume",
                len(serving) >= extra_items(demand),
                f"{demand.finding}: {len(serving)} item(s), {extra_items(demand)} needed",
            )
        elif demand.kind == "weaker_side":
            need("finding_volume", bool(serving), f"{demand.finding}: no unilateral item")
        elif demand.kind == "every_session":
            for s, exs in enumerate(per_session, start=1):
                need(
                    "finding_volume",
                    any(serves_demand(ex, demand) for ex in exs),
                    f"{demand.finding}: session {s} has no {demand.quality} item",
                )
    counts = Counter(ex.id for ex in week_ex)
    for eid, n in sorted(counts.items()):
        need("weekly_frequency", n <= 2, f"{eid} appears {n} times (at most twice a week)")
    days = [s.get("day") or request.training_days[i] for i, s in enumerate(sessions)]
    heavy_c = HEAVY_COMPRESSION_FRACTION * limit_n
    for a in range(len(sessions) - 1):
        if WEEKDAYS.index(days[a + 1]) - WEEKDAYS.index(days[a]) != 1:
            continue
        need(
            "heavy_hinge_spacing",
            not (
                any(map(is_heavy_hinge, per_session[a]))
                and any(map(is_heavy_hinge, per_session[a + 1]))
            ),
            f"heavy hinge work on consecutive days {days[a]} and {days[a + 1]}",
        )
        need(
            "heavy_compression_spacing",
            not (
                _heavy_session(sessions[a], request, catalog, compression, heavy_c)
                and _heavy_session(sessions[a + 1], request, catalog, compression, heavy_c)
            ),
            f"heavy-compression days back to back: {days[a]} and {days[a + 1]}",
        )
    return out


def _volume(week: Mapping[str, Any]) -> int:
    return sum(volume_units(item_dose(it)) for s in week["sessions"] for it in _items(s))


def _doses(week: Mapping[str, Any]) -> dict[str, tuple[float, ...]]:
    """Doses that must not drop; an item deliberately regressed by adaptation is left out."""
    out: dict[str, tuple[float, ...]] = {}
    for s in week["sessions"]:
        for it in _items(s):
            if any(str(w).startswith("adapted (regress)") for w in it.get("why", [])):
                continue
            out[it["exercise_id"]] = item_dose(it).key()
    return out


def check_across_weeks(
    weeks: Sequence[Mapping[str, Any]],
    expected: Sequence[WeekPlan],
    request: PlanRequest,
    catalog: Catalog,
    declared: set[tuple[int, str]],
    limit_n: float,
    compression: CompressionFn,
) -> list[Violation]:
    """Deload volume, dose progression within a phase, variety, and spacing across weeks."""
    out: list[Violation] = []
    low, high = DELOAD_VOLUME_RANGE
    last_loading: dict[str, Mapping[str, Any]] = {}
    for i, (week, wp) in enumerate(zip(weeks, expected, strict=True)):
        where = f"week {wp.index}"
        if i == 0:
            if not wp.deload:
                last_loading[wp.phase] = week
            continue
        prev, prev_wp = weeks[i - 1], expected[i - 1]
        if wp.deload:
            before, now = _volume(prev), _volume(week)
            if not low * before - 1e-9 <= now <= high * before + 1e-9:
                out.append(
                    Violation(
                        where,
                        "deload_volume",
                        f"volume {now} s is {now / max(before, 1):.0%} of the week "
                        f"before ({before} s); 50 to 70 % expected",
                    )
                )
        if prev_wp.phase == wp.phase and not wp.deload:
            old, new = _doses(prev), _doses(week)
            for eid in sorted(set(old) & set(new)):
                if any(n < o for n, o in zip(new[eid], old[eid], strict=True)):
                    out.append(
                        Violation(
                            where,
                            "progression",
                            f"{eid}'s dose drops from week {prev_wp.index} "
                            f"within the {wp.phase} phase",
                        )
                    )
        if (
            not wp.deload
            and wp.phase in last_loading
            and (wp.index, "variety_rotation") not in declared
        ):
            seen = {
                it["exercise_id"] for s in last_loading[wp.phase]["sessions"] for it in _items(s)
            }
            now_ids = {it["exercise_id"] for s in week["sessions"] for it in _items(s)}
            if not now_ids - seen:
                out.append(
                    Violation(
                        where, "variety_rotation", "no new exercise since the previous loading week"
                    )
                )
        if not wp.deload:
            last_loading[wp.phase] = week
        if request.training_days[-1] == "sun" and request.training_days[0] == "mon":
            a = _exercises(prev["sessions"][-1], catalog)
            b = _exercises(week["sessions"][0], catalog)
            if any(map(is_heavy_hinge, a)) and any(map(is_heavy_hinge, b)):
                out.append(
                    Violation(
                        where,
                        "heavy_hinge_spacing",
                        "heavy hinge work on Sunday and the next Monday",
                    )
                )
    return out
