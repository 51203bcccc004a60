"""A tiny third collection, for the tests only: a workforce census whose year runs to
30 September, with two tables and two rules. It shows that a return other than SSDA903 and the
CIN census needs only a Collection, a schema folder and a rule pack; csc-validate does not ship it.
"""
