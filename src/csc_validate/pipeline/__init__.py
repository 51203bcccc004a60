"""The pipeline every command runs: read, recognise, build tables, check, report."""
