"""GeoGebra drawings (.ggb) read as problems: the construction protocol mapped to constructions.

A .ggb file is a zip holding ``geogebra.xml``, whose ``<construction>`` lists ``<element>`` s (a point's
homogeneous ``<coords x= y= z=>``) and the ``<command>`` s that made them, in construction order.
Points keep their labels, lower-cased; a line is kept as two points on it and a circle as its
centre and a point on it, with helper points (named after the line or circle) where GeoGebra has
none. By default every labelled point keeps GeoGebra's coordinates, so the figure is the drawing
itself (which intersection, which side); ``free_points`` draws the free points anew instead.
A command, or an element, this reader does not know is an error naming it, never dropped.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from ..errors import GeoproverError, ParseError
from .writer import coordinate

ALIASES = {  # GeoGebra's input-bar names → the names its XML uses
    "PerpendicularLine": "OrthogonalLine",
    "PerpendicularBisector": "LineBisector",
    "AngleBisector": "AngularBisector",
    "Reflect": "Mirror",
    "ParallelLine": "Line",
}
VALUES = ("numeric", "angle", "text", "boolean")  # free values: no geometry of their own
NAME = re.compile(r"[a-z][a-z0-9_']*")


def _norm(label: str) -> str:
    """A GeoGebra label as a point name: ``A_{1}`` → ``a_1``."""
    return label.replace("{", "").replace("}", "").lower()


@dataclass
class _Element:
    kind: str
    label: str
    coords: tuple[float, float, float] | None
    value: float | None


@dataclass
class _Reader:
    """Turns the protocol into clauses, one GeoGebra command at a time."""

    elements: dict[str, _Element]
    keep: bool
    clauses: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # point label → point name
    lines: dict[str, tuple[str, str]] = field(default_factory=dict)  # line label → two points on it
    circles: dict[str, tuple[str, str]] = field(default_factory=dict)  # circle label → centre, point
    through: dict[str, set[str]] = field(default_factory=dict)  # circle label → points it was drawn through
    used: set[str] = field(default_factory=set)

    # ---- names and coordinates ------------------------------------------------------------------
    def point_name(self, label: str) -> str:
        name = _norm(label)
        if not NAME.fullmatch(name):
            raise GeoproverError(f"GeoGebra label '{label}' cannot be a point name (letters, digits, _ and ')")
        if name in self.used:
            raise GeoproverError(f"GeoGebra labels clash: '{label}' becomes '{name}', which is taken")
        self.used.add(name)
        self.names[label] = name
        return name

    def helper(self, base: str) -> str:
        stem = _norm(base)
        stem = stem if NAME.fullmatch(stem) else "h"
        k = 1
        while f"{stem}_{k}" in self.used or f"{stem}_{k}" in self.reserved:
            k += 1
        self.used.add(f"{stem}_{k}")
        return f"{stem}_{k}"

    @property
    def reserved(self) -> set[str]:
        return {_norm(e.label) for e in self.elements.values() if e.kind == "point"}

    def xy(self, label: str) -> tuple[float, float] | None:
        e = self.elements.get(label)
        if e is None or e.coords is None:
            return None
        x, y, z = e.coords
        if abs(z) < 1e-12:
            raise GeoproverError(f"GeoGebra point '{label}' is at infinity")
        return x / z, y / z

    def decl(self, name: str, at: tuple[float, float] | None) -> str:
        if self.keep and at is not None:
            return f"{name}@{coordinate(at[0])}_{coordinate(at[1])}"
        return name

    def add(self, label: str, constructions: str, at: tuple[float, float] | None = None) -> str:
        """A clause building the point ``label`` (kept where GeoGebra drew it)."""
        name = self.point_name(label)
        self.clauses.append(f"{self.decl(name, at if at is not None else self.xy(label))} = {constructions}")
        return name

    def add_helper(self, base: str, constructions: str, at: tuple[float, float] | None = None) -> str:
        name = self.helper(base)
        self.clauses.append(f"{self.decl(name, at)} = {constructions.replace('{x}', name)}")
        return name

    # ---- objects ----------------------------------------------------------------------------------
    def on(self, label: str, cmd: str, out: str) -> str:
        """The locus a point on object ``label`` is on, as a construction of ``{x}``."""
        if label in self.lines:
            p, q = self.lines[label]
            return f"on_line {{x}} {p} {q}"
        if label in self.circles:
            o, b = self.circles[label]
            return f"on_circle {{x}} {o} {b}"
        raise GeoproverError(
            f"GeoGebra command {cmd} (making '{out}'): '{label}' is not a line or circle drawn before it"
        )

    # ---- commands ---------------------------------------------------------------------------------
    def command(self, name: str, inputs: list[str], outputs: list[str]) -> None:
        cmd = ALIASES.get(name, name)
        out = outputs[0] if outputs else "?"
        handler = getattr(self, f"c_{cmd}", None)
        if handler is None:
            raise GeoproverError(f"GeoGebra command {name} (making '{out}') is not supported")
        handler(inputs, outputs, f"{name}")

    def _kind(self, label: str) -> str:
        if label in self.names:
            return "point"
        if label in self.lines:
            return "line"
        if label in self.circles:
            return "circle"
        e = self.elements.get(label)
        return e.kind if e else "unknown"

    def _bad(self, cmd: str, outputs: list[str], inputs: list[str]) -> GeoproverError:
        kinds = ", ".join(self._kind(i) for i in inputs)
        out = outputs[0] if outputs else "?"
        return GeoproverError(f"GeoGebra command {cmd}({kinds}) (making '{out}') is not supported")

    def c_Point(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        if len(inputs) != 1 or self._kind(inputs[0]) not in ("line", "circle"):
            raise self._bad(cmd, outputs, inputs)
        label = outputs[0]
        self.add(label, self.on(inputs[0], cmd, label).replace("{x}", _norm(label)))

    def _line_of(self, label: str, p: str, q: str) -> None:
        self.lines[label] = (p, q)

    def c_Line(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        kinds = [self._kind(i) for i in inputs]
        if kinds == ["point", "point"]:
            self._line_of(outputs[0], self.names[inputs[0]], self.names[inputs[1]])
        elif kinds == ["point", "line"]:  # the parallel through a point
            a = self.names[inputs[0]]
            p, q = self.lines[inputs[1]]
            x = self.add_helper(outputs[0], f"on_pline {{x}} {a} {p} {q}")
            self._line_of(outputs[0], a, x)
        else:
            raise self._bad(cmd, outputs, inputs)

    def c_Segment(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        if [self._kind(i) for i in inputs] != ["point", "point"]:
            raise self._bad(cmd, outputs, inputs)
        self._line_of(outputs[0], self.names[inputs[0]], self.names[inputs[1]])

    c_Ray = c_Segment

    def c_Polygon(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        if len(inputs) < 3 or any(self._kind(i) != "point" for i in inputs):
            raise self._bad(cmd, outputs, inputs)
        pts = [self.names[i] for i in inputs]
        for k, label in enumerate(outputs[1:]):
            self._line_of(label, pts[k], pts[(k + 1) % len(pts)])

    def c_Midpoint(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        kinds = [self._kind(i) for i in inputs]
        if kinds == ["point", "point"]:
            a, b = self.names[inputs[0]], self.names[inputs[1]]
        elif kinds == ["line"] and self.elements.get(inputs[0], _Element("", "", None, None)).kind == "segment":
            a, b = self.lines[inputs[0]]
        else:
            raise self._bad(cmd, outputs, inputs)
        name = _norm(outputs[0])
        self.add(outputs[0], f"midpoint {name} {a} {b}")

    def c_OrthogonalLine(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        if [self._kind(i) for i in inputs] != ["point", "line"]:
            raise self._bad(cmd, outputs, inputs)
        a = self.names[inputs[0]]
        p, q = self.lines[inputs[1]]
        x = self.add_helper(outputs[0], f"on_tline {{x}} {a} {p} {q}")
        self._line_of(outputs[0], a, x)

    def c_LineBisector(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        kinds = [self._kind(i) for i in inputs]
        if kinds == ["point", "point"]:
            a, b = self.names[inputs[0]], self.names[inputs[1]]
        elif kinds == ["line"]:
            a, b = self.lines[inputs[0]]
        else:
            raise self._bad(cmd, outputs, inputs)
        m = self.add_helper(outputs[0], f"on_bline {{x}} {a} {b}")
        x = self.add_helper(outputs[0], f"on_bline {{x}} {a} {b}")
        self._line_of(outputs[0], m, x)

    def c_AngularBisector(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        if len(inputs) != 3 or any(self._kind(i) != "point" for i in inputs):
            raise self._bad(cmd, outputs, inputs)
        a, b, c = (self.names[i] for i in inputs)
        x = self.add_helper(outputs[0], f"angle_bisector {{x}} {a} {b} {c}")
        self._line_of(outputs[0], b, x)

    def c_Circle(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        kinds = [self._kind(i) for i in inputs]
        if kinds == ["point", "point"]:
            self.circles[outputs[0]] = (self.names[inputs[0]], self.names[inputs[1]])
            self.through[outputs[0]] = {self.names[inputs[1]]}
        elif kinds == ["point", "point", "point"]:
            a, b, c = (self.names[i] for i in inputs)
            o = self.add_helper(outputs[0], f"circle {{x}} {a} {b} {c}")
            self.circles[outputs[0]] = (o, a)
            self.through[outputs[0]] = {a, b, c}
        else:
            raise self._bad(cmd, outputs, inputs)

    def c_Intersect(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        objs = inputs[:2]
        if len(inputs) not in (2, 3) or any(self._kind(i) not in ("line", "circle") for i in objs):
            raise self._bad(cmd, outputs, inputs)
        for label in outputs:
            if not label:
                continue
            name = _norm(label)
            loci = ", ".join(self.on(i, cmd, label).replace("{x}", name) for i in objs)
            self.add(label, loci)

    def c_Tangent(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        if [self._kind(i) for i in inputs] != ["point", "circle"]:
            raise self._bad(cmd, outputs, inputs)
        a = self.names[inputs[0]]
        o, b = self.circles[inputs[1]]
        pa, po, pb = self.xy(inputs[0]), self._coords_of(o), self._coords_of(b)
        on_circle = a in self.through.get(inputs[1], set()) or (
            pa is not None
            and po is not None
            and pb is not None
            and abs(math.dist(pa, po) - math.dist(pb, po)) < 1e-9 * max(1.0, math.dist(pb, po))
        )
        if on_circle or len(outputs) == 1:
            x = self.add_helper(outputs[0], f"lc_tangent {{x}} {a} {o}")
            self._line_of(outputs[0], a, x)
            return
        first, second = self.helper(outputs[0]), self.helper(outputs[1])
        at = [self._touch(label, po) for label in outputs[:2]]
        decls = " ".join(self.decl(n, t) for n, t in zip((first, second), at))
        self.clauses.append(f"{decls} = tangent {first} {second} {a} {o} {b}")
        self._line_of(outputs[0], a, first)
        self._line_of(outputs[1], a, second)

    def _coords_of(self, name: str) -> tuple[float, float] | None:
        label = next((k for k, v in self.names.items() if v == name), None)
        return self.xy(label) if label else None

    def _touch(self, line_label: str, centre: tuple[float, float] | None) -> tuple[float, float] | None:
        """Where a tangent line (GeoGebra's ax + by + c = 0) touches the circle: the centre's foot."""
        e = self.elements.get(line_label)
        if e is None or e.coords is None or centre is None:
            return None
        a, b, c = e.coords
        if a * a + b * b < 1e-24:
            return None
        k = (a * centre[0] + b * centre[1] + c) / (a * a + b * b)
        return centre[0] - a * k, centre[1] - b * k

    def c_Mirror(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        kinds = [self._kind(i) for i in inputs]
        name = _norm(outputs[0])
        if kinds == ["point", "line"]:
            p, q = self.lines[inputs[1]]
            self.add(outputs[0], f"reflect {name} {self.names[inputs[0]]} {p} {q}")
        elif kinds == ["point", "point"]:
            self.add(outputs[0], f"mirror {name} {self.names[inputs[0]]} {self.names[inputs[1]]}")
        else:
            raise self._bad(cmd, outputs, inputs)

    def c_Rotate(self, inputs: list[str], outputs: list[str], cmd: str) -> None:
        if len(inputs) != 3 or self._kind(inputs[0]) != "point" or self._kind(inputs[2]) != "point":
            raise self._bad(cmd, outputs, inputs)
        degrees = self.angle(inputs[1], cmd, outputs[0])
        name = _norm(outputs[0])
        self.add(outputs[0], f"rotate {name} {self.names[inputs[0]]} {self.names[inputs[2]]} {degrees}")

    def angle(self, text: str, cmd: str, out: str) -> str:
        """A numeric angle: ``30°``, ``-45°``, ``π/6`` or the label of an angle or number element."""
        e = self.elements.get(text)
        if e is not None and e.value is not None:
            value = math.degrees(e.value) if e.kind == "angle" else e.value
        else:
            t = text.replace(" ", "").replace("*", "")
            m = re.fullmatch(r"(-?\d+(?:\.\d+)?)°", t)
            p = re.fullmatch(r"(-?\d*(?:\.\d+)?)(?:π|pi)(?:/(\d+(?:\.\d+)?))?", t)
            if m:
                value = float(m.group(1))
            elif p:
                n = p.group(1)
                value = (float(n) if n not in ("", "-") else (-1.0 if n == "-" else 1.0)) * 180 / float(p.group(2) or 1)
            else:
                raise GeoproverError(f"GeoGebra command {cmd} (making '{out}'): angle '{text}' is not a number")
        value = round(value, 9)
        return str(int(value)) if value == int(value) else repr(value)


def _elements(construction: ElementTree.Element) -> dict[str, _Element]:
    out = {}
    for el in construction.iter("element"):
        label = el.get("label", "")
        c = el.find("coords")
        coords = None
        if c is not None and c.get("z") is not None:
            coords = (float(c.get("x", 0)), float(c.get("y", 0)), float(c.get("z", 1)))
        v = el.find("value")
        value = float(v.get("val", "nan")) if v is not None else None
        out[label] = _Element(el.get("type", ""), label, coords, value)
    return out


def _io(node: ElementTree.Element | None) -> list[str]:
    if node is None:
        return []
    keys = sorted((k for k in node.attrib if re.fullmatch(r"a\d+", k)), key=lambda k: int(k[1:]))
    return [node.attrib[k] for k in keys]


def read_xml(xml: str, name: str = "drawing", free_points: bool = False) -> str:
    """The problem text (no goal) of a GeoGebra construction given as ``geogebra.xml`` text."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as err:
        raise ParseError(f"geogebra.xml is not well-formed XML: {err}") from None
    construction = root if root.tag == "construction" else root.find("construction")
    if construction is None:
        raise ParseError("geogebra.xml has no <construction>")
    reader = _Reader(_elements(construction), keep=not free_points)
    made: set[str] = set()
    for node in construction:
        if node.tag == "command":
            outputs = _io(node.find("output"))
            reader.command(node.get("name", "?"), _io(node.find("input")), outputs)
            made.update(outputs)
        elif node.tag == "expression":
            label, exp = node.get("label", "?"), node.get("exp", "")
            if not re.fullmatch(r"\(\s*-?[\d.]+\s*,\s*-?[\d.]+\s*\)", exp):  # a point typed as (x, y) is free
                raise GeoproverError(f"GeoGebra expression '{exp}' (making '{label}') is not supported")
        elif node.tag == "element":
            label = node.get("label", "")
            if label in made:
                continue
            kind = node.get("type", "")
            if kind == "point":
                pname = _norm(label)
                reader.add(label, f"free {pname}")
            elif kind not in VALUES:
                raise GeoproverError(f"GeoGebra free {kind} '{label}' is not supported (draw it through points)")
    if not reader.clauses:
        raise ParseError("the GeoGebra construction has no points")
    return "; ".join(reader.clauses)


def read_ggb(path: str | Path, free_points: bool = False) -> str:
    """The problem text (no goal) of a .ggb file."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("geogebra.xml").decode("utf-8")
    except FileNotFoundError:
        raise GeoproverError(f"cannot read {path}: no such file") from None
    except (zipfile.BadZipFile, KeyError, OSError) as err:
        raise ParseError(f"{path} is not a GeoGebra file (a zip holding geogebra.xml): {err}") from None
    try:
        return read_xml(xml, path.stem, free_points)
    except GeoproverError as err:
        raise err.located(str(path)) from None
