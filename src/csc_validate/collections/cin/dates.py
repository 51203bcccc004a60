"""How the CIN census writes a date: the formats every CIN date is read with."""

from csc_validate.readers.casting import DateFormat

# The census XML's xs:date, which may carry a time zone (2012-12-21Z, 2012-12-21+01:00): the
# zone does not change the day, so it is read as the date.
TIME_ZONE = r"(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)$"
ISO_DATE = DateFormat(
    pattern="%Y-%m-%d",
    shape=r"^\d{4}-\d{2}-\d{2}" + TIME_ZONE.replace(")$", ")?$"),
    label="yyyy-mm-dd",
    ignored=TIME_ZONE,
)
# Councils' own CSV extracts often keep DfE's other form.
UK_DATE = DateFormat(pattern="%d/%m/%Y", shape=r"^\d{2}/\d{2}/\d{4}$", label="dd/mm/yyyy")
DATE_FORMATS = (ISO_DATE, UK_DATE)
