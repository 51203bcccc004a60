"""`python -m csc_validate` runs the command-line interface."""

from csc_validate.cli.app import main

main()
