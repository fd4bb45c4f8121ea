"""Pipeline stages: each module is one `Article -> Article` step (see `eventwire.pipeline`)."""
