"""Reads the numbers in a key result: quantities (numbers.py), deadlines and cycles (dates.py),
and what they say together (measurement.py)."""

from okrlint.measure.dates import Deadline, cycle_end, cycle_year, parse_deadline
from okrlint.measure.measurement import Direction, Measurement, direction_of, measure, within_bound
from okrlint.measure.numbers import (
    Quantity,
    comparable,
    field_quantity,
    in_unit_of,
    names_a_number,
    parse_quantities,
    unit_family,
)

__all__ = [
    "Deadline",
    "Direction",
    "Measurement",
    "Quantity",
    "comparable",
    "cycle_end",
    "cycle_year",
    "direction_of",
    "field_quantity",
    "in_unit_of",
    "measure",
    "names_a_number",
    "parse_deadline",
    "parse_quantities",
    "unit_family",
    "within_bound",
]
