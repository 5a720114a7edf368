"""Errors the user can act on. The CLI prints them as one line and exits with ``exit_code``."""

EXIT_OK = 0
EXIT_ERROR = 1        # bad input: missing, unreadable, empty, binary, no article
EXIT_USAGE = 2        # bad command line
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_PIPE = 141       # the reader of our output went away (128 + SIGPIPE)


class ItvReportError(Exception):
    """An error with a message fit for one line on stderr."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(ItvReportError):
    """The input cannot be read as a page (missing, unreadable, binary, empty)."""


class NoArticleError(ItvReportError):
    """The input was read but holds nothing recognisable as an article."""


class UsageError(ItvReportError):
    exit_code = EXIT_USAGE
