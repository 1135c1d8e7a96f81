"""Gaoku (稿库): a self-hosted members' library of Chinese official-writing materials."""

__version__ = "0.1.0"
