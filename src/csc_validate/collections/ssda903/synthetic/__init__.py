"""Synthetic returns for trying csc-validate out and for benchmarks: no real child's data."""
