"""itvreport: read a saved ITV News page and show the article.

The library call (see README, "Using it from a program")::

    import itvreport
    article = itvreport.read_article(page_bytes, source="page.html")
    record = article.to_dict()      # the JSON contract (schema 1), as --format json prints it

``read_article`` is imported on first use, so ``import itvreport`` stays light.
"""

__version__ = "0.1.0"
__all__ = ["read_article", "__version__"]


def __getattr__(name):
    if name == "read_article":
        from itvreport.pipeline import read_article

        return read_article
    raise AttributeError(f"module 'itvreport' has no attribute {name!r}")
