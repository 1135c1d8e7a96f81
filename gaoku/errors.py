"""The one error hierarchy.

Every error the user may see is a ``GaokuError``: its message is what the user reads
(Chinese, the product's language), and its ``code`` is a stable identifier that tests,
the JSON API and ``gaoku --json`` rely on. The core raises these; the CLI and the web
layer turn them into an exit code or an error envelope at one place each.
"""


class GaokuError(Exception):
    """Base of every expected, user-facing error."""

    code = "error"
    # The HTTP status the JSON API answers with.
    status = 400

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class ImportRejected(GaokuError):
    """A file cannot be imported: empty, undecodable, corrupt, encrypted, too large…"""

    code = "import_rejected"


class NotFound(GaokuError):
    """The named object does not exist."""

    code = "not_found"
    status = 404


class InvalidInput(GaokuError):
    """An argument or form field is malformed."""

    code = "invalid_input"


class Forbidden(GaokuError):
    """The signed-in user lacks the right to do this."""

    code = "forbidden"
    status = 403
