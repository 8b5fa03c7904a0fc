"""GeoGebra drawings: .ggb files built here the way GeoGebra writes them, read as problems."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from ggb_files import command, everything, orthocentre, point, tangent_circle, unsupported, write

from geoprover.api import load_problem
from geoprover.errors import GeoproverError
from geoprover.language.ggb import read_ggb
from geoprover.numeric.diagram import draw
from geoprover.wu import prove

EXE = shutil.which("geoprover")


def test_triangle_with_its_orthocentre(tmp_path):
    path = orthocentre(tmp_path / "ortho.ggb")
    assert read_ggb(path) == (
        "a@0_0 = free a; b@5_0 = free b; c@1.5_3.5 = free c; f_1 = on_tline f_1 a b c; "
        "g_1 = on_tline g_1 b c a; h@1.5_1.5 = on_line h a f_1, on_line h b g_1"
    )
    assert read_ggb(path, free_points=True).startswith("a = free a; b = free b; c = free c;")
    problem = load_problem(file=path, goal="perp c h a b")
    assert problem.name == "ortho"
    diagram = draw(problem, 0)
    assert list(diagram.coords["h"]) == [1.5, 1.5]
    assert prove(problem, diagram, timeout=30).status == "proved"


def test_circle_through_three_points_with_a_tangent(tmp_path):
    path = tangent_circle(tmp_path / "tangent.ggb")
    text = read_ggb(path)
    assert "c_1 = circle c_1 a b c; t_1 = lc_tangent t_1 a c_1; d@2_-5 = on_line d a t_1" in text
    for free in (False, True):
        problem = load_problem(file=path, goal="eqangle a d a b c a c b", free_points=free)
        assert prove(problem, draw(problem, 0), timeout=30).status == "proved"


def test_an_unsupported_command_is_named_with_its_label(tmp_path):
    with pytest.raises(GeoproverError) as err:
        read_ggb(unsupported(tmp_path / "dilate.ggb"))
    assert "GeoGebra command Dilate (making 'A'') is not supported" in str(err.value)


def test_every_supported_command_draws_in_both_modes(tmp_path):
    path = everything(tmp_path / "all.ggb")
    for free in (False, True):
        problem = load_problem(file=path, goal="cong a c a r", free_points=free)
        d = draw(problem, 0)
        assert d.goal_holds()
        assert {"m", "c'", "e", "r", "f", "u_1", "v_1"} <= set(d.coords)
    text = read_ggb(path)
    for part in ("midpoint m a b", "reflect c' c a b", "mirror e a b", "rotate r c a 30", "tangent u_1 v_1 f m a"):
        assert part in text


@pytest.mark.parametrize(
    "body,message",
    [
        ('<element type="conic" label="k"><coords x="1" y="0" z="1"/></element>', "free conic 'k' is not supported"),
        ('<expression label="P" exp="A + B"/>', "expression 'A + B' (making 'P') is not supported"),
        (point("A", 0, 0) + command("Point", ["A"], ["P"]), "Point(point) (making 'P') is not supported"),
        (point("A", 0, 0) + command("Midpoint", ["A", "Q"], ["M"]), "Midpoint(point, unknown) (making 'M')"),
    ],
)
def test_unsupported_elements_are_errors(tmp_path, body, message):
    with pytest.raises(GeoproverError) as err:
        read_ggb(write(tmp_path / "bad.ggb", body))
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_file_that_is_not_geogebra(tmp_path):
    (tmp_path / "a.ggb").write_text("not a zip")
    with pytest.raises(GeoproverError, match="not a GeoGebra file"):
        read_ggb(tmp_path / "a.ggb")
    with zipfile.ZipFile(tmp_path / "b.ggb", "w") as z:
        z.writestr("other.xml", "<x/>")
    with pytest.raises(GeoproverError, match="not a GeoGebra file"):
        read_ggb(tmp_path / "b.ggb")


@pytest.mark.skipif(EXE is None, reason="the geoprover console script is not installed")
def test_cli_solve_and_convert_a_drawing(tmp_path):
    path = str(orthocentre(tmp_path / "drawing.ggb"))
    out = subprocess.run(
        [EXE, "solve", path, "--goal", "perp a h b c", "--timeout", "60"], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0 and "PROVED" in out.stdout
    out = subprocess.run([EXE, "convert", path], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "drawing"
    assert out.stdout.splitlines()[1].startswith("a@0_0 = free a; b@5_0 = free b;")
    bad = str(unsupported(tmp_path / "bad.ggb"))
    out = subprocess.run([EXE, "check", bad], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "Dilate" in out.stderr and bad in out.stderr


def test_a_point_typed_as_coordinates_is_free(tmp_path):
    body = '<expression label="A" exp="(1, 2)"/>\n' + point("A", 1.0, 2.0) + point("B", 3.0, 2.0)
    assert read_ggb(write(tmp_path / "typed.ggb", body)) == "a@1_2 = free a; b@3_2 = free b"
