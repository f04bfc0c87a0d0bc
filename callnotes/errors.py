"""The one exception family of callnotes.

Every error a user can cause or must act on is a ``CallnotesError``. Each class carries the HTTP
status the API answers with and a short machine-readable ``code``; the CLI prints the message
(never a traceback) and exits with ``exit_code``.
"""

from __future__ import annotations


class CallnotesError(Exception):
    status_code: int = 500
    code: str = "internal_error"
    exit_code: int = 1

    def __init__(self, message: str, *, detail: object | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


# --- input -----------------------------------------------------------------------------------


class InvalidInputError(CallnotesError):
    status_code = 422
    code = "invalid_input"
    exit_code = 2


class InvalidAudioError(InvalidInputError):
    """The bytes are not a recording we can decode (not audio, truncated, unsupported codec)."""

    code = "invalid_audio"


class EmptyAudioError(InvalidAudioError):
    """The file is empty or decodes to zero samples."""

    code = "empty_audio"


class InvalidTranscriptError(InvalidInputError):
    """A plain-text transcript has no recognisable speaker turns."""

    code = "invalid_transcript"


class PayloadTooLargeError(InvalidInputError):
    status_code = 413
    code = "payload_too_large"


# --- configuration and models ----------------------------------------------------------------


class ConfigurationError(CallnotesError):
    status_code = 500
    code = "configuration_error"
    exit_code = 3


class ModelUnavailableError(CallnotesError):
    """A model cannot be loaded: a package is missing, a file is corrupt, or a download failed."""

    status_code = 503
    code = "model_unavailable"
    exit_code = 3


class OptionalDependencyError(ModelUnavailableError):
    code = "optional_dependency_missing"


# --- service -------------------------------------------------------------------------------


class NotFoundError(CallnotesError):
    status_code = 404
    code = "not_found"
    exit_code = 4


class ConflictError(CallnotesError):
    status_code = 409
    code = "conflict"
    exit_code = 5


class AuthenticationError(CallnotesError):
    status_code = 401
    code = "unauthenticated"
    exit_code = 6


class PermissionDeniedError(CallnotesError):
    status_code = 403
    code = "forbidden"
    exit_code = 6


class StorageUnavailableError(CallnotesError):
    """Stored data cannot be read right now (permissions, an unmounted or flaky share): the same
    job may succeed later, so the worker retries it."""

    status_code = 503
    code = "storage_unavailable"


class ProcessingError(CallnotesError):
    """A job failed in a way that retrying will not fix."""

    status_code = 500
    code = "processing_failed"
