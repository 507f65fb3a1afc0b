"""verify-refs: check the notes and references of a corpus against Crossref."""

__version__ = "0.1.0"
__url__ = "https://github.com/verify-refs/verify-refs"
