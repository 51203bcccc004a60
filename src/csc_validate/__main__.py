"""`python -m csc_validate` runs the command-line interface."""

from csc_validate.interrupts import main

main()
