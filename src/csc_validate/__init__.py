"""csc-validate: checks SSDA903 and CIN census returns against the DfE validation rules."""

__version__ = "0.1.0"

# When the program began to load, for --profile's start-up time (imports and settings).
IMPORTED_AT = __import__("time").perf_counter()
