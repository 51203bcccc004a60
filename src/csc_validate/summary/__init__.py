"""DfE's headline figures from a checked return: the `summary` command's model and outputs."""
