"""Reading and linting files on several processes.

Each file is read, loaded and checked by every rule that reads it alone (`engine.lint_file`)
in a worker; the parent then runs the repository rules once over all of them (`engine.finish`).
A serial run takes the very same steps in-process, so the report is the same byte for byte
whatever the number of processes. On Linux the workers are forked after the parent has built
the rulebook and the spaCy pipeline, so they start at once.
"""

from __future__ import annotations

import gc
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from okrlint.config import RuleSelection, Settings
from okrlint.engine import FileLint, fewer_collections, lint_file
from okrlint.measure.dates import date_order
from okrlint.nlp import Analyzer
from okrlint.sources import read_file

# A worker is worth its start only for this many files or more.
FILES_PER_WORKER = 8


def cpu_count() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def workers_for(files: int, jobs: int | None) -> int:
    """How many processes lint `files` files: `jobs` (all processors when None), but no more
    than one per FILES_PER_WORKER files; 1 means in this process."""
    wanted = cpu_count() if jobs is None or jobs <= 0 else jobs
    return max(1, min(wanted, math.ceil(files / FILES_PER_WORKER)))


# What a worker needs, set in the parent before the workers start (inherited by forking, or
# passed to the initializer when processes are spawned).
_STATE: dict[str, Any] = {}


def lint_files(
    files: Sequence[tuple[Path, str]],
    settings: Settings,
    selection: RuleSelection,
    analyzer: Analyzer,
    *,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[FileLint]:
    """Each file read and linted on its own, in file order; `progress(n)` after n more files."""
    _STATE.update(
        selection=selection,
        analyzer=analyzer,
        max_bytes=settings.max_file_size,
        date_order=settings.date_order,
    )
    tasks = [(str(path), fmt) for path, fmt in files]
    if workers <= 1 or len(tasks) <= 1:
        return list(_serial(tasks, progress))
    return _pooled(tasks, settings, workers, progress)


def _serial(
    tasks: list[tuple[str, str]], progress: Callable[[int], None] | None
) -> Iterator[FileLint]:
    for task in tasks:
        yield _lint_one(task)
        if progress is not None:
            progress(1)


def _lint_one(task: tuple[str, str]) -> FileLint:
    path, fmt = task
    # The date order is set here, not inherited: a spawned worker starts with the default.
    with fewer_collections(), date_order(_STATE["date_order"]):
        result = read_file(Path(path), fmt, _STATE["max_bytes"])
        linted = lint_file(result, _STATE["selection"], _STATE["analyzer"])
    # What the repository rules read (owners, cycles, scores, parents) stays; the reading of
    # each key result's numbers would only travel back and take the parent's memory.
    if result.document is not None:
        for _objective, kr in result.document.key_results():
            kr.measurement = None
    return linted


def _lint_chunk(chunk: list[tuple[str, str]]) -> list[FileLint]:
    return [_lint_one(task) for task in chunk]


def _pooled(
    tasks: list[tuple[str, str]],
    settings: Settings,
    workers: int,
    progress: Callable[[int], None] | None,
) -> list[FileLint]:
    analyzer: Analyzer = _STATE["analyzer"]
    analyzer.nlp  # noqa: B018 - built once here, so forked workers inherit it
    # Several chunks per worker even out files of different sizes; each returns in order.
    size = max(1, math.ceil(len(tasks) / (workers * 4)))
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    import multiprocessing  # only runs of many files start processes

    fork = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    # Objects that exist now are never collected in a worker, so forked workers do not copy
    # the parent's memory page by page as the collector touches it.
    gc.freeze()
    try:
        arguments: dict[str, Any] = {}
        if not fork:
            arguments = {"initializer": _start, "initargs": (settings,)}
        with context.Pool(workers, **arguments) as pool:
            linted: list[FileLint] = []
            for done in pool.imap(_lint_chunk, chunks):
                linted.extend(done)
                if progress is not None:
                    progress(len(done))
            return linted
    finally:
        gc.unfreeze()


def _start(settings: Settings) -> None:
    """A spawned worker builds what a forked one inherits."""
    from okrlint.api import analyzer_for, selection_for

    _STATE.update(
        selection=selection_for(settings),
        analyzer=analyzer_for(settings),
        max_bytes=settings.max_file_size,
        date_order=settings.date_order,
    )
