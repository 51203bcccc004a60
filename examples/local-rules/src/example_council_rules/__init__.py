"""Example council's own checks on its SSDA903 return, beyond DfE's rules."""

# The collection these rules check, and (optionally) the years they apply to.
COLLECTION = "ssda903"
YEARS = ["2024-25", "2025-26", "2026-27"]
