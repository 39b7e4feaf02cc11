"""Planning: periodization, the CP-SAT program generator and its solver-independent validator."""
