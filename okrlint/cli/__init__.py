"""The command line: click wiring, I/O and exit codes only; the work is done by okrlint.api.

`main` is the command group (app.py); each command lives in its own module and registers
itself on `main` when imported here.
"""

from okrlint.cli import check_command, coach_command, rule_docs, tools
from okrlint.cli.app import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageProblem, main

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "UsageProblem", "main"]
# The command modules are imported for what importing them does: register their commands.
del check_command, coach_command, rule_docs, tools
