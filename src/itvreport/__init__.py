"""itvreport: read a saved ITV News page and show the article."""

__version__ = "0.1.0"
