"""One week as a CP-SAT model: the only module that imports OR-Tools.

Variables: ``x[s, e, b]`` is true when exercise ``e`` is placed in block ``b`` of session ``s``;
``y[s, e]`` (at most one block; the same variable as ``x`` when the exercise fits one block only)
and ``used[e]`` (anywhere this week) are derived from it. Rules add
constraints through this object, objective terms are collected and summed. The model is built in
sorted order and solved with one worker under a deterministic time limit, so that the same input
gives the same solution (docs/research/tech.md section 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from spinewise.planning.context import PlacedItem, WeekContext

__all__ = ["BLOCK_ORDER", "SolveResult", "WeekModel"]

BLOCK_ORDER: tuple[str, ...] = (
    "prep",
    "power",
    "strength",
    "stability",
    "conditioning",
    "recovery",
)
#: CP-SAT deterministic time per week [deterministic seconds]: a cap that a week rarely reaches
#: (docs/research/tech.md recommends a fixed deterministic budget with one worker for reproducible
#: solves).
DETERMINISTIC_LIMIT_S = 1.0
#: The search stops once the best plan is within 5 % of the proven bound (decision 0004); the
#: week's status is OPTIMAL only when the bound is met, FEASIBLE otherwise, and the gap is reported.
RELATIVE_GAP_LIMIT = 0.05


@dataclass(frozen=True)
class SolveResult:
    """Outcome of solving one week's model."""

    status: str
    items: tuple[PlacedItem, ...]
    objective: float
    bound: float
    deterministic_s: float
    wall_s: float


class WeekModel:
    """Decision variables and constraints for one week."""

    def __init__(self, ctx: WeekContext) -> None:
        self.ctx = ctx
        self.model = cp_model.CpModel()
        self.x: dict[tuple[int, str, str], Any] = {}
        self.y: dict[tuple[int, str], Any] = {}
        self.used: dict[str, cp_model.IntVar] = {}
        self._y_by_session: dict[int, list[tuple[str, Any]]] = {}
        self._y_index: dict[int, dict[str, Any]] = {}
        self._y_by_exercise: dict[str, list[Any]] = {}
        self._x_by_session_block: dict[tuple[int, str], list[Any]] = {}
        self._terms: list[tuple[int, Any]] = []
        self._all_y: list[Any] | None = None
        #: Each exercise's place in ``ctx.exercises``: lists of variables follow that order.
        self._position = {ex.id: i for i, ex in enumerate(ctx.exercises)}
        allowed: list[tuple[str, list[str]]] = []
        for ex in ctx.exercises:
            blocks = [b for b in BLOCK_ORDER if b in ex.blocks]
            if "power" in blocks and "rate_of_force_development" not in ex.qualities:
                blocks.remove("power")
            if blocks:
                allowed.append((ex.id, blocks))
        # x, y and used are unnamed: the keys of x, y and used name them, and formatting and
        # passing some 9,000 names per plan cost a tenth of a second (decision 0255).
        new_bool = self.model.new_bool_var
        for s in ctx.sessions:
            by_session = self._y_by_session.setdefault(s, [])
            index = self._y_index.setdefault(s, {})
            for eid, blocks in allowed:
                if len(blocks) == 1:
                    # one block: placing the exercise is placing it there (x is y)
                    y = new_bool("")
                    self.x[s, eid, blocks[0]] = y
                else:
                    xs = []
                    for b in blocks:
                        xs.append(new_bool(""))
                        self.x[s, eid, b] = xs[-1]
                    y = new_bool("")
                    self.model.add(cp_model.LinearExpr.sum(xs) == y)
                self.y[s, eid] = y
                by_session.append((eid, y))
                index[eid] = y
                self._y_by_exercise.setdefault(eid, []).append(y)
        for (s, _, b), var in sorted(self.x.items()):
            self._x_by_session_block.setdefault((s, b), []).append(var)
        for ex in ctx.exercises:
            ys = self._y_by_exercise.get(ex.id)
            if not ys:
                continue
            # used[e] may be 1 only when e is placed somewhere; the objective and the rules only
            # ever push it up, so this one-sided link is exact and keeps the LP bound tight.
            u = new_bool("")
            self.model.add(u <= cp_model.LinearExpr.sum(ys))
            self.used[ex.id] = u

    # -- helpers the rules use -------------------------------------------------------------
    def session_items(self, s: int, ids: Iterable[str] | None = None) -> list[Any]:
        """``y[s, e]`` for the given exercise ids (all when None), in sorted order."""
        if ids is None:
            return [v for _, v in self._y_by_session.get(s, [])]
        index = self._y_index.get(s, {})
        found = [e for e in set(ids) if e in index]
        found.sort(key=self._position.__getitem__)
        return [index[e] for e in found]

    def block_items(self, s: int, block: str) -> list[Any]:
        """``x[s, e, block]`` of session ``s`` for every exercise, in sorted order."""
        return self._x_by_session_block.get((s, block), [])

    def week_items(self, ids: Iterable[str] | None = None) -> list[Any]:
        """``y[s, e]`` over every session for the given ids (all when None)."""
        if ids is None:
            if self._all_y is None:
                self._all_y = [v for _, v in sorted(self.y.items())]
            return list(self._all_y)
        return [v for e in sorted(set(ids)) for v in self._y_by_exercise.get(e, [])]

    def ids_where(self, predicate: Any) -> list[str]:
        """Ids of eligible exercises satisfying ``predicate(exercise)``, sorted."""
        return [ex.id for ex in self.ctx.exercises if ex.id in self.used and predicate(ex)]

    def add(self, constraint: Any) -> Any:
        """Add a constraint."""
        return self.model.add(constraint)

    def hint(self, items: Iterable[PlacedItem]) -> None:
        """Warm-start from earlier items (a full hint: every x variable gets a value)."""
        wanted = {(it.session, it.exercise_id, it.block) for it in items}
        for key, var in sorted(self.x.items()):
            self.model.add_hint(var, key in wanted)

    def not_both(self, a: Any, b: Any) -> Any:
        """Add "not both ``a`` and ``b``" (``a + b <= 1`` for two Booleans, as a clause)."""
        return self.model.add_bool_or([a.Not(), b.Not()])

    def new_bool(self, name: str) -> Any:
        """A new Boolean variable."""
        return self.model.new_bool_var(name)

    def any_of(self, name: str, literals: Sequence[Any]) -> Any:
        """A Boolean equal to the OR of ``literals`` (false when empty)."""
        v = self.model.new_bool_var(name)
        if literals:
            self.model.add_max_equality(v, list(literals))
        else:
            self.model.add(v == 0)
        return v

    def reward(self, weight: int, expr: Any) -> None:
        """Add ``weight * expr`` to the objective (maximized)."""
        if weight:
            self._terms.append((weight, expr))

    # -- solving ---------------------------------------------------------------------------
    def solve(self, seed: int) -> SolveResult:
        """Maximize the collected objective; return the placed items in sorted order."""
        self.model.maximize(
            cp_model.LinearExpr.weighted_sum(
                [e for _, e in self._terms], [w for w, _ in self._terms]
            )
            if self._terms
            else 0
        )
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.num_workers = 1
        params.random_seed = seed % (2**31)
        params.max_deterministic_time = DETERMINISTIC_LIMIT_S
        params.log_search_progress = False
        # The full linear relaxation closes the gap of these selection models at once; at the
        # default level the bound never moves and the search stalls (measured: optimal in 0.04 s
        # against a 25 % gap after 10 s).
        params.linearization_level = 2
        params.relative_gap_limit = RELATIVE_GAP_LIMIT
        # Symmetry detection and presolve probing cost more than they save on these small
        # models (benchmark plan: p50 1.19 s -> 1.03 s, same objective; decision record 0004).
        params.symmetry_level = 0
        params.cp_model_probing_level = 0
        # With the full linear relaxation the root LP already finds the optimum's neighbourhood:
        # cut rounds, lazily added constraints, in-processing and repeated presolve passes cost
        # more than they give on these models (benchmark plan 1.80 s -> 0.87 s CPU, every
        # quality target still met; decision record 0255).
        params.cut_level = 0
        params.add_lp_constraints_lazily = False
        params.use_sat_inprocessing = False
        params.max_presolve_iterations = 1
        params.presolve_inclusion_work_limit = 0
        status = solver.solve(self.model)
        name = solver.status_name(status)
        items: list[PlacedItem] = []
        objective = 0.0
        bound = 0.0
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            objective = float(solver.objective_value)
            bound = float(solver.best_objective_bound)
            name = "OPTIMAL" if objective >= bound - 1e-6 else "FEASIBLE"
            for (s, e, b), var in sorted(self.x.items()):
                if solver.boolean_value(var):
                    items.append(PlacedItem(s, b, e, self.ctx.doses[e]))
        return SolveResult(
            name,
            tuple(items),
            objective,
            bound,
            float(solver.response_proto.deterministic_time),
            float(solver.wall_time),
        )
