"""veil's version, in the lowest layer: the manifest, the reports and the service stamp it."""

__version__ = "0.1.0"
