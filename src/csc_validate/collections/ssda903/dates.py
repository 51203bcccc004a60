"""How the SSDA903 return writes a date: the one format every SSDA903 date is read with."""

from csc_validate.readers.casting import DateFormat

# DfE's XSD pattern for dates, in the XML and the CSV tables alike: dd/mm/yyyy.
DATE = DateFormat(pattern="%d/%m/%Y", shape=r"^\d{2}/\d{2}/\d{4}$", label="dd/mm/yyyy")
DATE_FORMATS = (DATE,)
