"""Synthetic CIN census returns for trying csc-validate out and benchmarks: no real child's data."""

# generate(children, seed, year, error_rate) lives out each child's episodes of need and renders
# the year's XML; write(census, out) saves it. A share of the children get one typical mistake
# each, listed in Census.mistakes with the rule codes it should trigger.

from csc_validate.collections.cin.synthetic.census import Census, Counts, generate, write
from csc_validate.collections.cin.synthetic.mistakes import Mistake

__all__ = ["Census", "Counts", "Mistake", "generate", "write"]
