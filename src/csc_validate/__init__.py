"""csc-validate: checks SSDA903 and CIN census returns against the DfE validation rules."""

__version__ = "0.1.0"
