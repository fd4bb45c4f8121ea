"""Sources yield `Article`s (raw content plus what is known of it); unreadable input becomes a `Drop`."""

from eventwire.sources.dispatch import read_inputs

__all__ = ["read_inputs"]
