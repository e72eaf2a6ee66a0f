"""lagebild — one dossier per news story, every item with its evidence.

    >>> import lagebild
    >>> dossier = lagebild.analyse(texts=["Berlin – ..."], paths=["articles/"])
    >>> dossier.stories[0].figure_groups[0].disagreement
    >>> dossier.save("out/")                  # dossier.json, .md, .html
    >>> lagebild.Dossier.load("out/")
"""
from __future__ import annotations

import sys
import types

from .api import InputNotFoundError, analyse
from .dossier import (Article, Dossier, Entity, Figure, FigureGroup, FigureGroupMember, LineageEdge, Membership, Mention,
                      Quote, Span, StanceCell, StanceRow, Story, TimelineRow, TimelineSource)
from .records import Timex

__version__ = "0.1.0"
__all__ = [
    "analyse", "Article", "Dossier", "Entity", "Figure", "FigureGroup", "FigureGroupMember", "InputNotFoundError",
    "LineageEdge", "Membership", "Mention", "Quote", "Span", "StanceCell", "StanceRow", "Story", "TimelineRow",
    "TimelineSource", "Timex", "__version__",
]


class _Package(types.ModuleType):
    """`lagebild.analyse` is the function, although the pipeline stage package `lagebild.analyse`
    exists too: importing that subpackage would rebind the attribute; this keeps the function
    (the subpackage stays importable: `from lagebild.analyse import analyse_article`)."""

    @property
    def analyse(self):  # type: ignore[no-untyped-def]
        return analyse

    @analyse.setter
    def analyse(self, value) -> None:  # type: ignore[no-untyped-def]
        # The import system sets the subpackage here. The function takes over the subpackage's
        # namespace as its attribute dict, so that `lagebild.analyse.numbers`, `import
        # lagebild.analyse.numbers as n` and dotted monkeypatch targets still reach the modules.
        if isinstance(value, types.ModuleType):
            analyse.__dict__ = value.__dict__


def analyse_inputs(texts_or_paths: object) -> Dossier:
    """Deprecated: the old guessing entry point (a string naming an existing path is read as a path)."""
    import os

    items = [texts_or_paths] if isinstance(texts_or_paths, str) else list(texts_or_paths)  # type: ignore[call-overload]
    paths = [i for i in items if "\n" not in str(i) and os.path.lexists(str(i))]
    return analyse(texts=[i for i in items if i not in paths], paths=paths)


sys.modules[__name__].__class__ = _Package
