"""spinewise: builds durable lower backs.

Screening and torso-endurance assessment, periodized posterior-chain plans optimized with
OR-Tools CP-SAT, a training log, workload and pain monitoring that adapts the plan, and
recommendations. Not a medical device; it never diagnoses.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
