"""The command line: a thin Typer client of the spinewise library."""
