"""`lagebild train NAME`: recipes that train the project's own models (registered by the CLI)."""
from __future__ import annotations

from .names import train_names
from .ner import train_ner

COMMANDS = {"ner": train_ner, "names": train_names}
