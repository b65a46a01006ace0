"""File I/O: finding OKR files under paths and reading them safely (size, binary, encoding).

Only regular files are read: a FIFO would block the run forever and a device (`/dev/zero`)
never ends. A directory walk follows no symlink out of the walked folder, nor round a loop;
a file named on the command line is read wherever its symlink points, as other tools do.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from okrlint.config import PatternSet
from okrlint.loaders import EXTENSIONS, format_for, load, normal_newlines
from okrlint.loaders.sniff import looks_like_okrs
from okrlint.models import Diagnostic, LoadResult, Span

# Folders that never hold a team's OKRs but can be huge.
_SKIPPED_DIRS = {"node_modules", "__pycache__", "venv", "site-packages", "build", "dist"}
# OKR markers sit near the top of a file; a bigger file is still sniffed by its start.
_SNIFF_BYTES = 256 * 1024
# For the message on a file okrlint does not read: ".yaml, .yml, … and .tsv".
_READ_EXTENSIONS = ", ".join(list(EXTENSIONS)[:-1]) + " and " + list(EXTENSIONS)[-1]


@dataclass
class Discovery:
    """The files a run will lint, and the problems met finding them (missing paths…)."""

    files: list[tuple[Path, str]] = field(default_factory=list)  # (path, format)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    excluded: list[Path] = field(default_factory=list)  # named, but excluded by config


def display_path(path: Path) -> str:
    """Paths are shown relative to the working directory when below it, always with '/'."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # not below it; a symlink loop; a long name
        return path.as_posix()


def discover(
    paths: Iterable[Path],
    exclude: PatternSet | Iterable[str] = (),
    *,
    sniff_named: bool = False,
) -> Discovery:
    """Expand directories to the OKR files below them, in a stable order: files with an OKR
    extension whose text looks like OKRs (see `looks_like_okrs`), not excluded by config or by
    a `.gitignore`. Named files are skipped only when excluded by config (or, with
    `sniff_named`, when they do not look like OKRs: the pre-commit hook's view)."""
    found = Discovery()
    patterns = exclude if isinstance(exclude, PatternSet) else PatternSet(exclude, Path.cwd())
    seen: set[str] = set()  # real paths, as os.path.realpath gives them
    for path in paths:
        info, problem = _stat(path)
        if info is None and not (problem == _DENIED and format_for(path.name)):
            found.errors.append(f"{_shown(path)}: {problem}")
            continue
        if info is not None and stat.S_ISDIR(info.st_mode):
            if patterns.excludes(path, is_dir=True):
                found.excluded.append(path)
                continue
            before = len(found.files)
            for file in _walk(path, patterns, found.warnings):
                fmt = format_for(file.name)
                real = os.path.realpath(file)
                if fmt and real not in seen and _holds_okrs(file, fmt, path):
                    seen.add(real)
                    found.files.append((file, fmt))
            if len(found.files) == before and not any(
                w.startswith(f"{_shown(path)}: cannot read this folder") for w in found.warnings
            ):
                found.warnings.append(
                    f"{path}: no OKR files found (looked for .okr files, and YAML, Markdown,"
                    " text and CSV files that hold objectives with key results)"
                )
            continue
        fmt = format_for(path.name)
        if patterns.excludes(path):
            found.excluded.append(path)
        elif fmt is None:
            found.errors.append(
                f"{_shown(path)}: unknown file type;"
                f" okrlint reads {_READ_EXTENSIONS}"
            )
        elif info is not None and not stat.S_ISREG(info.st_mode):
            found.errors.append(f"{_shown(path)}: not a regular file ({_kind(info.st_mode)})")
        elif sniff_named and info is not None and not _holds_okrs(path, fmt):
            found.excluded.append(path)
        elif os.path.realpath(path) not in seen:
            # Unreadable (its folder cannot be searched): read anyway, so it becomes an E001.
            seen.add(os.path.realpath(path))
            found.files.append((path, fmt))
    return found


def _holds_okrs(path: Path, fmt: str, root: Path | None = None) -> bool:
    """Whether a file found by walking is an OKR file; others are skipped silently, as a
    linter skips files in other languages. Named files are always linted, never sniffed."""
    if path.suffix.lower() == ".okr":
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return True  # cannot tell: lint it, so the read error is reported (E001)
    # A UTF-16 file (PowerShell's Out-File, a sheet saved as "Unicode text") is looked at in its
    # own encoding: an OKR file in it is linted, so it gets its E001 ("save it as UTF-8")
    # rather than being passed over in silence.
    encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    text = normal_newlines(head.decode(encoding, errors="replace"))
    # Named by the walk's folder, not the repository's: "okr-tools/README.md" is no OKR file.
    shown = path.relative_to(root).as_posix() if root is not None else path.as_posix()
    return looks_like_okrs(text, fmt, shown)


def _walk(root: Path, patterns: PatternSet, warnings: list[str]) -> list[Path]:
    """The files below `root` that could hold OKRs, in a stable order; what is skipped for
    being no regular file, a symlink loop or a symlink out of `root` is told in `warnings`."""
    files = []
    ignores = _GitIgnores(root)
    inside = os.path.realpath(root)
    def unreadable(error: OSError) -> None:
        # A folder that cannot be listed is told, not skipped in silence (os.walk's default).
        where = Path(error.filename) if error.filename else root
        warnings.append(f"{_shown(where)}: cannot read this folder ({_reason(error)}); its files were not checked")

    # followlinks=False: a symlinked folder is never entered (no loops, nothing outside).
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        here = Path(folder)
        ignores.enter(here)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in _SKIPPED_DIRS
            and not patterns.excludes(here / d, is_dir=True)
            and not ignores.ignored(here / d, is_dir=True)
        )
        for name in sorted(names):
            path = here / name
            if (
                not name.startswith(".")
                and format_for(name) is not None
                and not patterns.excludes(path)
                and not ignores.ignored(path, is_dir=False)
            ):
                skipped = _walked_file_problem(path, inside)
                if skipped is None:
                    files.append(path)
                else:
                    warnings.append(f"{_shown(path)}: {skipped}; skipped")
    return files


def _walked_file_problem(path: Path, inside: str) -> str | None:
    """Why a file met in a walk is not read (None: it is read)."""
    try:
        link = stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError as error:
        return _reason(error)
    if link:
        target = os.path.realpath(path)
        try:
            os.stat(path)
        except OSError as error:
            # a loop is told as one; a target that is gone, as a symlink to nothing
            return _reason(error) if error.errno == errno.ELOOP else "a symlink to nothing (its target is missing)"
        if os.path.commonpath([inside, target]) != inside:
            return "a symlink to a file outside the folder checked"
    info, problem = _stat(path)
    if info is None:
        return problem
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_kind(info.st_mode)})"
    return None


_DENIED = "permission denied"


def _stat(path: Path) -> tuple[os.stat_result | None, str]:
    """The file's status, following symlinks; or None and why it cannot be had."""
    try:
        return os.stat(path), ""
    except OSError as error:
        return None, _reason(error)
    except ValueError:  # a NUL in the name
        return None, "invalid file name"


def _reason(error: OSError) -> str:
    reasons = {
        errno.ENOENT: "no such file or directory",
        errno.ELOOP: "symlink loop",
        errno.ENAMETOOLONG: "file name too long",
        errno.EACCES: _DENIED,
        errno.ENOTDIR: "no such file or directory",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _shown(path: Path) -> str:
    """A path for a one-line message: very long names are cut in the middle."""
    text = str(path)
    return text if len(text) <= 160 else f"{text[:100]}…{text[-40:]}"


class _GitIgnores:
    """The `.gitignore` files that apply during one walk: those of the folders walked and of
    their parents up to the repository's root (the folder holding `.git`). As in git, a
    deeper file's verdict overrides a shallower one's, and a later pattern an earlier one."""

    def __init__(self, root: Path) -> None:
        self._specs: dict[Path, Any] = {}
        start = Path(os.path.abspath(root))
        chain = [start]
        for parent in start.parents:
            if os.path.exists(chain[-1] / ".git"):  # (False, not an error, where unsearchable)
                break
            chain.append(parent)
        if not os.path.exists(chain[-1] / ".git"):
            chain = [start]  # not in a repository: only the walked tree's own files
        for folder in reversed(chain[1:]):
            self._load(folder)

    def _load(self, folder: Path) -> None:
        file = folder / ".gitignore"
        if not os.path.isfile(file):
            return
        from pathspec import GitIgnoreSpec

        try:
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        self._specs[folder] = GitIgnoreSpec.from_lines(lines)

    def enter(self, folder: Path) -> None:
        self._load(Path(os.path.abspath(folder)))

    def ignored(self, path: Path, is_dir: bool) -> bool:
        absolute = Path(os.path.abspath(path))
        verdict: bool | None = None
        for folder, spec in self._specs.items():  # shallow to deep: insertion order
            try:
                relative = absolute.relative_to(folder).as_posix()
            except ValueError:
                continue
            result = spec.check_file(relative + ("/" if is_dir else ""))
            if result.include is not None:
                verdict = result.include
        return bool(verdict)


def read_file(path: Path, fmt: str, max_bytes: int) -> LoadResult:
    """Read and load one file; every problem becomes a located E001, never an exception."""
    shown = display_path(path)
    try:
        data = read_bounded(path, max_bytes)
    except _Oversized as error:
        size = f"{error.size / 1_048_576:.1f} MB" if error.size else "larger than that"
        return _unreadable(shown, f"file is {size}, over the {max_bytes / 1_048_576:g} MB limit")
    except _NotRegular as error:
        return _unreadable(shown, f"not a regular file ({error}); okrlint reads files")
    except OSError as error:
        return _unreadable(shown, f"cannot read file ({error.strerror or error})")
    return load_bytes(data, shown, fmt, max_bytes)


class _Oversized(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size  # 0 when the file grew past the limit while read


class _NotRegular(Exception):
    pass


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, never more than `max_bytes`: the size `stat` gives is only a
    hint (files in /proc say 0, a file may grow), so the reading itself is bounded too.
    Opened without blocking, so a FIFO swapped in after discovery cannot hang the run."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular(_kind(info.st_mode))
        if info.st_size > max_bytes:
            raise _Oversized(info.st_size)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise _Oversized(0)
    finally:
        os.close(descriptor)


def load_bytes(data: bytes, path: str, fmt: str, max_bytes: int) -> LoadResult:
    """Decode and load bytes (a file's or stdin's)."""
    if len(data) > max_bytes:
        return _unreadable(
            path,
            f"input is {len(data) / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:g} MB limit",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # what Windows PowerShell's ">" and some editors write: readable, but not UTF-8
        return _unreadable(path, "UTF-16 text (a UTF-16 byte-order mark); save the file as UTF-8", 1, 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        return _unreadable(path, "binary data (a NUL byte); okrlint reads text files", line, column)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        return _unreadable(
            path,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8",
            line,
            column,
        )
    return load(text, path, fmt)  # `load` makes every line end a '\n'


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    last = before.rfind(b"\n")
    column = len(before[last + 1 :].decode("utf-8", errors="replace")) + 1
    return line, column


def _unreadable(path: str, message: str, line: int = 1, column: int = 1) -> LoadResult:
    span = Span.of(path, line, column, line, column + 1)
    return LoadResult(
        document=None, diagnostics=[Diagnostic(code="E001", message=message, span=span)]
    )
