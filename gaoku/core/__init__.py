"""Framework-free core of Gaoku: nothing under this package imports Django."""
