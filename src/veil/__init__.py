"""veil: de-identification of health and research data."""

__version__ = "0.1.0"
