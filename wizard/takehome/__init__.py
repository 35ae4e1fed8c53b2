"""Take-home kits: the exercise a plan recommends, generated with planted problems, an answer
key and a reference solution. One generator per track family; :mod:`wizard.takehome.core` holds
what they share and :mod:`wizard.takehome.request` the request they are built from."""

from __future__ import annotations

from importlib import import_module

from wizard.takehome.core import Kit, finish
from wizard.takehome.request import KitRequest

GENERATORS = {
    "tabular": "wizard.takehome.tabular",
    "forecast": "wizard.takehome.forecast",
    "pipeline": "wizard.takehome.pipeline",
    "service": "wizard.takehome.service",
    "documents": "wizard.takehome.documents",
}


def build_kit(request: KitRequest, seed: int = 0) -> Kit:
    """Generate the kit for a request; the same request and seed always give the same files."""
    module = import_module(GENERATORS[request.family])
    kit: Kit = module.generate(request, seed)
    finish(kit)
    return kit
