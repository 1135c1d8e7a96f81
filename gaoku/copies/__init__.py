"""Traceable copies: every download is a fresh, fingerprinted copy recorded for its member."""
