"""Tests of gaoku.core.render (a package, so that its test modules may share names with
those of other folders, such as the readers' test_pdf.py)."""
