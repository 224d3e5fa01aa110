"""Newsroom Reader: read one story across many outlets."""

__version__ = "0.1.0"
