"""Biomechanics: a static sagittal L5/S1 model and the revised NIOSH lifting equation.

Public API:

- :func:`l5s1_load`: moment, muscle force, compression and shear at L5/S1, vectorized.
- :func:`posture_load`: the same for a catalogue :class:`~spinewise.catalog.Posture`.
- :func:`exercise_compression`, :func:`compression_json`: an exercise's estimated peak compression
  (model or McGill's published value) and the catalogue export's ``compression_n`` object.
- :func:`calibration`, :func:`calibrated_n`: the model fitted to McGill's table (one scale), with
  leave-one-out errors.
- :func:`max_load_kg`: the largest external load that keeps an exercise under a compression limit.
- :func:`mcgill_comparison`: the model against McGill's table, with Spearman's rank correlation.
- :func:`recommended_weight_limit`: the revised NIOSH lifting equation.
- :func:`niosh_worksheet`: its result as the Applications Manual's worksheets print it.
- :data:`ACTION_LIMIT_N`, :data:`MAXIMUM_PERMISSIBLE_LIMIT_N`: NIOSH's compression limits.
"""

from spinewise.biomechanics.anthropometry import Sex, body_geometry, segment_table
from spinewise.biomechanics.calibration import (
    Calibration,
    CalibrationFit,
    calibrated_n,
    calibration,
)
from spinewise.biomechanics.exercise import (
    EXPORT_BODY_MASS_KG,
    CompressionEstimate,
    compression_json,
    exercise_compression,
    max_load_kg,
)
from spinewise.biomechanics.l5s1 import (
    ALTERNATIVE_MOMENT_ARM_M,
    DEFAULT_MOMENT_ARM_M,
    L5S1Load,
    l5s1_load,
)
from spinewise.biomechanics.niosh import (
    ACTION_LIMIT_N,
    MAXIMUM_PERMISSIBLE_LIMIT_N,
    NioshResult,
    adjusted_frequency,
    recommended_weight_limit,
    recommended_weight_limit_us,
)
from spinewise.biomechanics.niosh_worksheet import NioshWorksheet, niosh_worksheet
from spinewise.biomechanics.posture import PostureLoad, posture_load
from spinewise.biomechanics.published import (
    McGillComparison,
    PublishedCompression,
    mcgill_comparison,
    published_by_exercise,
    published_table,
)

__all__ = [
    "ACTION_LIMIT_N",
    "ALTERNATIVE_MOMENT_ARM_M",
    "DEFAULT_MOMENT_ARM_M",
    "EXPORT_BODY_MASS_KG",
    "MAXIMUM_PERMISSIBLE_LIMIT_N",
    "Calibration",
    "CalibrationFit",
    "CompressionEstimate",
    "L5S1Load",
    "McGillComparison",
    "NioshResult",
    "NioshWorksheet",
    "PostureLoad",
    "PublishedCompression",
    "Sex",
    "adjusted_frequency",
    "body_geometry",
    "calibrated_n",
    "calibration",
    "compression_json",
    "exercise_compression",
    "l5s1_load",
    "max_load_kg",
    "mcgill_comparison",
    "niosh_worksheet",
    "posture_load",
    "published_by_exercise",
    "published_table",
    "recommended_weight_limit",
    "recommended_weight_limit_us",
    "segment_table",
]
