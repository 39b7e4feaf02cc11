"""The validator's checks: one function per requirement, grouped by what they read.

:mod:`~spinewise.planning.checks.item` (each item), :mod:`~spinewise.planning.checks.session`
(each session), :mod:`~spinewise.planning.checks.week` (what a week covers),
:mod:`~spinewise.planning.checks.across` (a week with the weeks before it) and
:mod:`~spinewise.planning.checks.document` (the plan as a whole). Each check reads the typed plan
(:mod:`spinewise.planning.plan`), the request, the catalogue and the shared policy, never the
solver. :mod:`~spinewise.planning.checks.registry` maps every requirement id to its check;
:func:`spinewise.planning.validate.validate_plan` runs them.
"""
