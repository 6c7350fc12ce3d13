"""bilat's headless core: models, ingest, storage, changes and exports.

Nothing under `store` imports textual or rich; tests enforce it.
"""

__version__ = "0.1.0"
