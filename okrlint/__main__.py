"""`python -m okrlint`."""

from okrlint.cli import main

main()
