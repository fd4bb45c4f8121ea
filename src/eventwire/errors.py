"""The small typed hierarchy of faults. Rejections of input are `Drop` values, not exceptions.

Every message says what to do next; the CLI and web layer print `str(error)` as one line.
"""


class EventwireError(Exception):
    """Base class of every fault eventwire raises on purpose."""


class InputError(EventwireError):
    """The input cannot be read at all (missing path, unreachable URL, bad option value)."""


class ConfigError(EventwireError):
    """A setting is unknown or has a value of the wrong type."""


class ResourceError(EventwireError):
    """A model, package or data file the pipeline needs is missing or broken."""


class PipelineError(EventwireError):
    """The stage list is inconsistent (a stage requires what no earlier stage provides)."""


class StoreError(EventwireError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(InputError):
    """A requested record (event, article) is not in the store."""
