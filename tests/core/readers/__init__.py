"""Tests of gaoku.core.readers (a package, so that its test modules may share names
with those of other folders, such as the renderers' test_pdf.py)."""
