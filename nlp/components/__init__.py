"""spaCy components of the enrichment pipeline, one factory per module.

Every module in this package is imported by `import_all()` (called by nlp.pipeline before a
pipeline is built), so a new component only needs its own module here and a line in the .cfg.
"""

from __future__ import annotations

import importlib
import pkgutil


def import_all() -> None:
    """Import every component module so its @Language.factory is registered."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
