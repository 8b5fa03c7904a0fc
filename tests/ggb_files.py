"""GeoGebra files for the tests, written as GeoGebra writes them: a zip holding geogebra.xml."""

from __future__ import annotations

import math
import zipfile
from pathlib import Path

HEAD = """<?xml version="1.0" encoding="utf-8"?>
<geogebra format="5.0" version="5.2.817.0" app="classic" platform="d" id="6b3b7f8e-1c1a-4e5e-9a3b-2f1d0c9e8a7b"  \
xsi:noNamespaceSchemaLocation="http://www.geogebra.org/apps/xsd/ggb.xsd" xmlns="" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" >
<gui>
	<window width="1200" height="800" />
	<font  size="16"/>
</gui>
<euclidianView>
	<size  width="900" height="700"/>
	<coordSystem xZero="400" yZero="350" scale="50" yscale="50"/>
	<evSettings axes="true" grid="false" gridIsBold="false" pointCapturing="3" rightAngleStyle="1" \
checkboxSize="26" gridType="3"/>
</euclidianView>
<kernel>
	<continuous val="false"/>
	<usePathAndRegionParameters val="true"/>
	<decimals val="2"/>
	<angleUnit val="degree"/>
	<algebraStyle val="0" spreadsheet="0"/>
	<coordStyle val="0"/>
</kernel>
<construction title="" author="" date="">
"""
TAIL = """</construction>
</geogebra>
"""


def point(label: str, x: float, y: float) -> str:
    return f"""<element type="point" label="{label}">
	<show object="true" label="true"/>
	<objColor r="77" g="77" b="255" alpha="0"/>
	<layer val="0"/>
	<labelMode val="0"/>
	<animation step="0.1" speed="1" type="1" playing="false"/>
	<coords x="{x!r}" y="{y!r}" z="1"/>
	<pointSize val="5"/>
	<pointStyle val="0"/>
</element>
"""


def line(label: str, kind: str, a: float, b: float, c: float) -> str:
    """A line-like element (line, segment, ray) a·x + b·y + c = 0."""
    return f"""<element type="{kind}" label="{label}">
	<show object="true" label="false"/>
	<objColor r="0" g="0" b="0" alpha="0"/>
	<layer val="0"/>
	<labelMode val="0"/>
	<coords x="{a!r}" y="{b!r}" z="{c!r}"/>
	<lineStyle thickness="5" type="0" typeHidden="1"/>
</element>
"""


def conic(label: str) -> str:
    return f"""<element type="conic" label="{label}">
	<show object="true" label="false"/>
	<objColor r="0" g="0" b="0" alpha="0"/>
	<layer val="0"/>
	<labelMode val="0"/>
	<lineStyle thickness="5" type="0" typeHidden="1"/>
	<eigenvectors  x0="1" y0="0" z0="1.0" x1="0" y1="1" z1="1.0"/>
</element>
"""


def command(name: str, inputs: list[str], outputs: list[str]) -> str:
    ins = " ".join(f'a{k}="{v}"' for k, v in enumerate(inputs))
    outs = " ".join(f'a{k}="{v}"' for k, v in enumerate(outputs))
    return f"""<command name="{name}">
	<input {ins}/>
	<output {outs}/>
</command>
"""


def through(p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float, float]:
    """Homogeneous coefficients of the line pq."""
    a, b = q[1] - p[1], p[0] - q[0]
    return a, b, -(a * p[0] + b * p[1])


def write(path: Path, body: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("geogebra.xml", HEAD + body + TAIL)
        z.writestr("geogebra_javascript.js", "function ggbOnInit() {}")
    return path


A, B, C = (0.0, 0.0), (5.0, 0.0), (1.5, 3.5)


def orthocentre(path: Path) -> Path:
    """Triangle ABC, its altitudes from A and B, and their intersection H."""
    ha = (A[0] + (C[1] - B[1]), A[1] - (C[0] - B[0]))  # a point on the altitude from A
    hb = (B[0] + (C[1] - A[1]), B[1] - (C[0] - A[0]))
    h = _meet(A, ha, B, hb)
    body = (
        point("A", *A)
        + point("B", *B)
        + point("C", *C)
        + command("Polygon", ["A", "B", "C"], ["t1", "c", "a", "b"])
        + '<element type="polygon" label="t1">\n\t<show object="true" label="false"/>\n</element>\n'
        + line("c", "segment", *through(A, B))
        + line("a", "segment", *through(B, C))
        + line("b", "segment", *through(C, A))
        + command("OrthogonalLine", ["A", "a"], ["f"])
        + line("f", "line", *through(A, ha))
        + command("OrthogonalLine", ["B", "b"], ["g"])
        + line("g", "line", *through(B, hb))
        + command("Intersect", ["f", "g"], ["H"])
        + point("H", *h)
    )
    return write(path, body)


def _meet(p, q, r, s):
    a1, b1, c1 = through(p, q)
    a2, b2, c2 = through(r, s)
    d = a1 * b2 - a2 * b1
    return ((b1 * c2 - b2 * c1) / d, (a2 * c1 - a1 * c2) / d)


def tangent_circle(path: Path) -> Path:
    """The circle through A, B, C, its tangent at A, and a point D on the tangent."""
    ox, oy = _circumcentre(A, B, C)
    t = (A[0] - (A[1] - oy), A[1] + (A[0] - ox))  # A turned a quarter about itself along the tangent
    d = (A[0] + 2 * (t[0] - A[0]), A[1] + 2 * (t[1] - A[1]))
    body = (
        point("A", *A)
        + point("B", *B)
        + point("C", *C)
        + command("Circle", ["A", "B", "C"], ["c"])
        + conic("c")
        + command("Tangent", ["A", "c"], ["t"])
        + line("t", "line", *through(A, t))
        + command("Point", ["t"], ["D"])
        + point("D", *d)
    )
    return write(path, body)


def _circumcentre(a, b, c):
    d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]))
    sa, sb, sc = (p[0] ** 2 + p[1] ** 2 for p in (a, b, c))
    return (
        (sa * (b[1] - c[1]) + sb * (c[1] - a[1]) + sc * (a[1] - b[1])) / d,
        (sa * (c[0] - b[0]) + sb * (a[0] - c[0]) + sc * (b[0] - a[0])) / d,
    )


def unsupported(path: Path) -> Path:
    """A triangle and a dilation, which the reader does not know."""
    body = (
        point("A", *A)
        + point("B", *B)
        + command("Dilate", ["A", "2", "B"], ["A'"])
        + point("A'", 2 * A[0] - B[0], 2 * A[1] - B[1])
    )
    return write(path, body)


def everything(path: Path) -> Path:
    """One of each supported command, drawn at exact coordinates."""
    m = ((A[0] + B[0]) / 2, (A[1] + B[1]) / 2)
    r = (B[0] + 2.0, B[1] + 1.0)
    angle = math.radians(30)
    rot = (
        A[0] + math.cos(angle) * (C[0] - A[0]) - math.sin(angle) * (C[1] - A[1]),
        A[1] + math.sin(angle) * (C[0] - A[0]) + math.cos(angle) * (C[1] - A[1]),
    )
    refl = (C[0], -C[1])
    touch = _touching(r, m, math.dist(m, A))
    body = (
        point("A", *A)
        + point("B", *B)
        + point("C", *C)
        + command("Segment", ["A", "B"], ["s"])
        + line("s", "segment", *through(A, B))
        + command("Midpoint", ["s"], ["M"])
        + point("M", *m)
        + command("Ray", ["B", "C"], ["r"])
        + line("r", "ray", *through(B, C))
        + command("Line", ["C", "s"], ["p"])
        + line("p", "line", 0.0, 1.0, -C[1])
        + command("LineBisector", ["A", "B"], ["l"])
        + line("l", "line", 1.0, 0.0, -m[0])
        + command("AngularBisector", ["B", "A", "C"], ["w"])
        + line("w", "line", 0.0, 0.0, 0.0)
        + command("Circle", ["M", "A"], ["k"])
        + conic("k")
        + command("Mirror", ["C", "s"], ["C'"])
        + point("C'", *refl)
        + command("Mirror", ["A", "B"], ["E"])
        + point("E", 2 * B[0] - A[0], 2 * B[1] - A[1])
        + command("Rotate", ["C", "30°", "A"], ["R"])
        + point("R", *rot)
        + point("F", *r)
        + command("Tangent", ["F", "k"], ["u", "v"])
        + line("u", "line", *through(r, touch[0]))
        + line("v", "line", *through(r, touch[1]))
    )
    return write(path, body)


def _touching(p, o, radius):
    """The two points where the tangents from p touch the circle (o, radius)."""
    d = math.dist(p, o)
    base = math.atan2(p[1] - o[1], p[0] - o[0])
    half = math.acos(radius / d)
    return [(o[0] + radius * math.cos(base + s * half), o[1] + radius * math.sin(base + s * half)) for s in (1, -1)]
