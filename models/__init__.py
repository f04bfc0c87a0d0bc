"""Pydantic schemas (``models.transcript``, ``models.note``) and, apart from them, the SQLAlchemy
tables (``models.tables``). Import the submodule you need: this package imports nothing, so the
audio pipeline can use the schemas without pulling in the database layer."""
