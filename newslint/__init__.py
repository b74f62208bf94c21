"""newslint: an editorial linter for newsroom writing."""

__version__ = "0.1.0"
