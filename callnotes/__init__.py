"""callnotes: call recordings to speaker-attributed transcripts and reviewed consultation notes."""

__version__ = "0.1.0"
