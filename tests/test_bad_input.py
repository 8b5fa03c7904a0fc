"""Bad input: one line naming the place and the fault, exit code 2, no traceback."""

import pytest

from geoprover.cli import main

BAD = [
    ("a b c triangle a b c", "syntax error"),
    ("a b c = triangle a b c; ? perp a b c d", "syntax error"),
    ("a b c = triangle a b c ? perp a b c d $", "unexpected character '$'"),
    ("", "empty problem"),
    ("a b c = triangel a b c", "clause 1 'a b c = triangel a b c': unknown construction 'triangel'"),
    ("a b c = triangle a b c; d = on_line d a", "clause 2 'd = on_line d a': 'on_line' takes 3 arguments"),
    ("a b c = triangle a b c; d = on_line d a e", "point 'e' is not defined"),
    ("a b c = triangle a b c; a = midpoint a b c", "point 'a' is defined twice"),
    ("a a = segment a a", "declared twice in one clause"),
    ("a b c = triangle a b c; d = on_line d a b, on_line d c d", "point 'd' is being defined in this clause"),
    ("a b c = triangle a b c; d e = midpoint d a b", "no construction builds 'e'"),
    ("a b c = triangle a b c; d = midpoint e a b", "builds 'e', which this clause does not declare"),
    ("a b c = triangle a b c ? perp a b c", "'perp' takes 4 points"),
    ("a b c = triangle a b c ? perpp a b c d", "unknown predicate 'perpp'"),
    ("a b c = triangle a b c ? perp a b c z", "goal: point 'z' is not defined"),
    ("a b c = triangle a b c ? ncoll a b c", "'ncoll' is a side condition, not a goal"),
    ("a b = segment a b; c = s_angle b a c x", "'s_angle' expects a number"),
    (
        "a b = segment a b; c = on_line c a b, on_line c a b",
        "clause 2 'c = on_line c a b, on_line c a b': cannot be drawn",
    ),
    ("a b = segment a b; c = on_circle c a a", "cannot be drawn after 40 attempts: precondition 'diff a a' fails"),
    ("a b c = triangle a b c; d = on_line d a b, on_line d a b, on_circle d c a", "cannot be drawn"),
]


@pytest.mark.parametrize("text,message", BAD)
def test_bad_problem_text(text, message, capsys):
    code = main(["check", "--text", text])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "argv,message",
    [
        (["check", "no_such_problem_anywhere"], "no problem named 'no_such_problem_anywhere'"),
        (["check", "nosuchfile.txt", "x"], "no such problem file 'nosuchfile.txt'"),
        (["list", "nosuchfile.txt"], "no such problem file"),
        (["check", "imo_ag_30", "translated_imo_2000_p1", "--text", "a b = segment a b"], "not both"),
        (["draw", "translated_imo_2000_p1", "-o", "fig.gif"], "use a .svg, .png or .pdf file"),
        (
            ["solve", "translated_imo_2000_p1", "--aux", "x = on_line x a zz"],
            "translated_imo_2000_p1, auxiliary constructions, clause 11 'x = on_line x a zz': "
            "point 'zz' is not defined",
        ),
    ],
)
def test_bad_arguments(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_bad_problem_in_a_file_names_file_and_problem(tmp_path, capsys):
    f = tmp_path / "mine.txt"
    f.write_text("good\na b c = triangle a b c ? perp a b a b\nbad\na b c = triangle a b c; d = foo d a\n")
    assert main(["check", str(f), "bad"]) == 2
    err = capsys.readouterr().err
    assert f"{f}:bad, clause 2 'd = foo d a': unknown construction 'foo'" in err


def test_odd_line_count_file(tmp_path, capsys):
    f = tmp_path / "odd.txt"
    f.write_text("name\nproblem text\nlonely\n")
    assert main(["list", str(f)]) == 2
    assert "pairs" in capsys.readouterr().err


def test_usage_errors_exit_2():
    with pytest.raises(SystemExit) as e:
        main(["solve", "x", "--engine", "nope"])
    assert e.value.code == 2
