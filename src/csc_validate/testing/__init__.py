"""Testing utilities for rule authors: load a rule's cases as real files are, and run them
(csc-validate's own tests, and a council's CI for its local rules)."""

from csc_validate.testing.cases import build_references, build_tables, run_case

__all__ = ["build_references", "build_tables", "run_case"]
