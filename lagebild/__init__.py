"""lagebild — one dossier per news story, every item with its evidence."""
from __future__ import annotations

from .records import Article, Dossier, Entity, Figure, Quote, Story, Timex

__version__ = "0.1.0"
__all__ = ["analyse", "Article", "Dossier", "Entity", "Figure", "Quote", "Story", "Timex", "__version__"]


def analyse_inputs(texts_or_paths) -> Dossier:
    """Analyse article texts and/or paths (files, directories, globs) into a `Dossier`."""
    from .pipeline import run

    if isinstance(texts_or_paths, str):
        texts_or_paths = [texts_or_paths]
    return run(texts_or_paths)


analyse = analyse_inputs  # rebound to the (callable) subpackage once lagebild.analyse is imported
