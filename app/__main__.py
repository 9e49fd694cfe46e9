"""`python -m app`: the command line. An output that cannot be written (a full disk, a
reader that went away, as in `check | head -0`) ends the command with one line and exit
1, not a traceback."""

import errno
import os
import sys

from app.cli import main


class OutputError(Exception):
    """Writing to stdout failed; `errno`/`strerror` are the OSError's."""

    def __init__(self, err: OSError):
        super().__init__(err.strerror)
        self.errno, self.strerror = err.errno, err.strerror


class _Guarded:
    """sys.stdout, with a failed write or flush raised as OutputError: not an OSError,
    so no command mistakes it for a file it could not read."""

    def __init__(self, inner):
        self._inner = inner

    def write(self, text):
        try:
            return self._inner.write(text)
        except OSError as err:
            raise OutputError(err) from err

    def flush(self):
        try:
            return self._inner.flush()
        except OSError as err:
            raise OutputError(err) from err

    def __getattr__(self, name):
        return getattr(self._inner, name)


def run() -> int:
    if sys.stdout is None:  # started with stdout closed (`>&-`): nobody reads it
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    sys.stdout = _Guarded(sys.stdout)
    try:
        code = main()
        sys.stdout.flush()  # a write that fails at exit would print "Exception ignored"
        return code
    except OutputError as err:
        devnull = os.open(os.devnull, os.O_WRONLY)  # so Python's own flush at exit is quiet
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        if err.errno != errno.EPIPE:  # nobody is left to read a broken pipe's message
            print(f"stairway: the output could not be written ({err.strerror}).",
                  file=sys.stderr)
        return 1


sys.exit(run())
