"""Packaged example data (the contract example profile), so that `spinewise demo` runs anywhere."""
