"""Wu's certificate: the frame, parameters, variable order and triangular set, as data and as lines."""

from __future__ import annotations

from typing import Any

from .frame import Setup
from .triangulate import Chain

SHOWN_TERMS = 40  # a member longer than this is shown by its size only (reports print the rest)


def _shown(poly: object) -> str:
    """A polynomial's text for a report, or its size when it would fill pages."""
    n = len(poly)  # type: ignore[arg-type]
    return str(poly) if n <= SHOWN_TERMS else f"({n} terms)"


def certificate_head(setup: Setup, chain: Chain, defined: set[int]) -> dict[str, Any]:
    """The certificate's data: frame, parameters, dependent variables and their order, and one
    entry per triangular-set member (``defined``: the variables the members are of)."""
    ring = setup.ring
    used = set(defined)
    for m in chain.members:
        used.update(i for i, d in enumerate(m.poly.degrees()) if d)
    order = sorted(used)
    members = sorted(chain.members, key=lambda m: m.var)
    return {
        "frame": {"origin": setup.origin, "unit": setup.unit, "half_angle": sorted(setup.polar)},
        "parameters": [ring.names[i] for i in order if i not in defined],
        "dependent": [ring.names[m.var] for m in members],
        "order": [ring.names[i] for i in order],
        "variables": len(order),
        "coordinates": {p: [str(x), str(y)] for p, (x, y) in setup.coords.items()},
        "triangular_set": [
            {
                "var": ring.names[m.var],
                "degree": m.degree(),
                "terms": len(m.poly),
                "initial_terms": len(m.initial(ring)),
                "from": m.source,
                "poly": _shown(m.poly),
            }
            for m in members
        ],
    }


def cert_lines(cert: dict[str, Any]) -> list[str]:
    """The certificate's head as the lines a proof prints."""
    polar = "".join(f", {p} = ({p}_x(1 − {p}_y²), 2·{p}_x·{p}_y)" for p in cert["frame"]["half_angle"])
    lines = [
        f"frame: {cert['frame']['origin']} = (0, 0), {cert['frame']['unit']} = (1, 0){polar}",
        f"parameters: {', '.join(cert['parameters'])}",
        f"variable order (Wu classes): {' < '.join(cert['order'])}",
        f"triangular set ({len(cert['triangular_set'])} members):",
    ]
    for t in cert["triangular_set"]:
        lines.append(
            f"  {t['var']}: degree {t['degree']}, {t['terms']} terms "
            f"(initial {t['initial_terms']} terms)  [{t['from']}]"
        )
    return lines
