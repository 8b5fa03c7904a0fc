"""Command line: ``geoprover check|draw|list|solve|convert|bench``.

Exit codes, the same for every command: 0 the goal holds (check) or is proved (solve);
1 false in the diagram, or not proved; 2 bad input or usage; 3 an internal error (a bug).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence

from .bench_cli import add_bench_parser
from .engines import ENGINES
from .errors import GeoproverError
from .model import Predicate, Problem
from .report.formats import FORMATS

EXIT_OK, EXIT_NO, EXIT_BAD, EXIT_INTERNAL = 0, 1, 2, 3


def _add_problem_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "problem",
        nargs="*",
        metavar="[FILE] NAME",
        help="a problem name (searched in the bundled sets), or a file and a name in it",
    )
    p.add_argument("--text", help='the problem itself, e.g. "a b c = triangle a b c; ... ? perp a b c d"')
    p.add_argument("--seed", type=int, default=0, help="seed of the random diagram (default 0)")
    p.add_argument("--goal", help='the goal of a GeoGebra drawing (.ggb), e.g. "perp a b c d"')
    p.add_argument(
        "--free-points",
        action="store_true",
        help="GeoGebra drawing: draw its free points anew instead of keeping GeoGebra's coordinates",
    )


def _load(args: argparse.Namespace):
    from .api import load_problem

    if args.problem and args.problem[0].lower().endswith(".ggb"):
        if len(args.problem) > 1 or args.text is not None:
            raise GeoproverError("give a .ggb drawing alone (its goal with --goal)")
        return load_problem(file=args.problem[0], goal=args.goal, free_points=args.free_points)
    if args.goal is not None:
        raise GeoproverError("--goal is for a GeoGebra drawing (.ggb)")
    if args.text is not None:
        if args.problem and len(args.problem) > 1:
            raise GeoproverError("give either --text or a problem name, not both")
        return load_problem(args.problem[0] if args.problem else "problem", text=args.text)
    if len(args.problem) == 1:
        return load_problem(args.problem[0])
    if len(args.problem) == 2:
        return load_problem(args.problem[1], file=args.problem[0])
    raise GeoproverError('give a problem: NAME, FILE NAME, or --text "..."')


def _with_aux(problem, args: argparse.Namespace):
    from .api import add_auxiliary

    aux = getattr(args, "aux", None)
    if aux is None:
        return problem
    if os.path.isfile(aux):
        with open(aux) as fh:
            aux = fh.read()
    return add_auxiliary(problem, aux)


def cmd_check(args: argparse.Namespace) -> int:
    from .api import check
    from .numeric.checks import goal_holds

    problem = _load(args)
    result = check(problem, args.seed)
    d = result.diagram
    verdicts = [(g, goal_holds(g, d.coords, d.scale), d.residual(g)) for g in problem.goals]
    if args.json:
        print(
            json.dumps(
                {
                    "problem": problem.name,
                    "seed": args.seed,
                    "goal": str(problem.goal) if problem.goal else None,
                    "goal_holds": verdicts[0][1] if verdicts else None,
                    "goal_residual": verdicts[0][2] if verdicts else None,
                    "goals": [{"goal": str(g), "holds": h, "residual": r} for g, h, r in verdicts],
                    "configurations_tried": d.configurations_tried(),
                    "given_auxiliary_points": list(problem.given_aux),
                    "points": {k: [float(v[0]), float(v[1])] for k, v in d.coords.items()},
                    "facts": [str(f) for f in d.facts],
                },
                indent=2,
            )
        )
    else:
        print(
            f"problem {problem.name}: {len(problem.points)} points, {len(problem.clauses)} clauses, "
            f"drawn with seed {args.seed} ({d.attempts} attempt{'s' if d.attempts > 1 else ''})"
        )
        if problem.given_aux:
            print(f"given auxiliary points: {' '.join(problem.given_aux)}")
        print("points:")
        for k, v in d.coords.items():
            print(f"  {k:>4} = ({v[0]: .6f}, {v[1]: .6f})")
        print("facts:")
        for f in d.facts:
            print(f"  {f}")
        if not verdicts:
            print("no goal")
        for i, (g, h, r) in enumerate(verdicts):
            verdict = "holds in the diagram" if h else "is FALSE in the diagram"
            if not h and i == 0 and d.tried is not None:  # the figure was searched for this goal
                verdict = f"is FALSE in all {d.tried.total} configurations tried ({d.tried.words()})"
            elif h and i == 0 and d.tried is not None:
                verdict += f" (found after {d.tried.total} configurations tried)"
            print(f"goal {g} {verdict} (residual {r:.2e})")
    return EXIT_OK if all(h for _, h, _ in verdicts) else EXIT_NO


def cmd_draw(args: argparse.Namespace) -> int:
    from .numeric.diagram import draw
    from .numeric.drawing import render

    problem = _with_aux(_load(args), args)
    if not args.output.lower().endswith((".svg", ".png", ".pdf")):
        raise GeoproverError(f"cannot write '{args.output}': use a .svg, .png or .pdf file")
    diagram = draw(problem, args.seed)
    path = render(diagram, args.output)
    print(f"wrote {path}")
    return EXIT_OK if diagram.goal_holds() is not False else EXIT_NO


def cmd_list(args: argparse.Namespace) -> int:
    from .language.parser import read_problem_file
    from .language.sets import bundled_sets, resolve_file

    files = [resolve_file(args.file)] if args.file else list(bundled_sets().values())
    rows = [(str(f), name, text) for f in files for name, text in read_problem_file(f)]
    if args.json:
        print(json.dumps([{"file": f, "name": n, "text": t} for f, n, t in rows], indent=2))
    else:
        for _f, n, t in rows:
            goal = t.split("?", 1)[1].strip() if "?" in t else ""
            print(f"{n}\t{goal}")
    return EXIT_OK


def cmd_solve(args: argparse.Namespace) -> int:
    from .portfolio import run_portfolio
    from .procs import die_with_parent_from_env
    from .proof import PROVED

    die_with_parent_from_env()  # started by bench: stop when the bench worker does
    base = _load(args)
    problem = _with_aux(base, args)
    if args.timeout <= 0:
        raise GeoproverError("--timeout must be positive")
    engines = None if args.engine == "all" else [args.engine]
    if not problem.goals:
        raise GeoproverError("the problem has no goal to prove (give a .ggb drawing its goal with --goal)")
    goals = problem.goals
    proofs = []
    for k, goal in enumerate(goals, start=1):
        one = problem.for_goal(goal) if goal is not None and len(goals) > 1 else problem
        proof = run_portfolio(
            one,
            engines,
            timeout=args.timeout,
            seed=args.seed,
            memory_gb=args.memory,
            race=not args.no_race,
            first=args.first,
        )
        proofs.append(proof)
        if not args.json:
            if len(goals) > 1 and not args.output:
                print(f"=== goal {k} of {len(goals)}: {goal}")
            if problem.given_aux and k == 1 and not args.output and args.format == "raw":
                print(f"given auxiliary points: {' '.join(problem.given_aux)}")  # the report states them
            shown = base.for_goal(goal) if goal is not None and len(goals) > 1 else base
            if problem is not base:  # the --aux points are auxiliary points of the proof, the engines' after
                proof.aux = [str(c) for c in problem.clauses[len(base.clauses) :]] + proof.aux
            _write(shown, proof, args, part=k if len(goals) > 1 else None)
    if args.json:
        dicts = [p.to_dict() for p in proofs]
        for d in dicts:
            d["given_auxiliary_points"] = list(problem.given_aux)
        print(json.dumps(dicts[0] if len(dicts) == 1 else dicts, indent=2, default=str))
    return EXIT_OK if all(p.status == PROVED for p in proofs) else EXIT_NO


def _convert_sources(args: argparse.Namespace) -> list[Problem]:
    """The problems to convert: --text, a .ggb drawing, a whole file or set, or one named problem."""
    from .api import load_file

    if args.text is not None or len(args.problem) == 2:
        return [_load(args)]
    if len(args.problem) != 1:
        raise GeoproverError('give a problem: FILE, FILE NAME, NAME, a .ggb file, or --text "..."')
    (arg,) = args.problem
    if arg.lower().endswith(".ggb"):
        return [_load(args)]
    from .language.sets import bundled_sets

    if os.path.isfile(arg) or arg.removesuffix(".txt") in bundled_sets():
        return load_file(arg)
    return [_load(args)]


def cmd_convert(args: argparse.Namespace) -> int:
    from .language.writer import fixed_points, to_alphageometry, to_newclid

    problems = _convert_sources(args)
    pairs: list[tuple[str, str]] = []
    for problem in problems:
        if args.to == "newclid":
            if fixed_points(problem):
                print(
                    f"geoprover: note: {problem.name}: Newclid has no fixed coordinates; "
                    f"dropped those of {' '.join(fixed_points(problem))}",
                    file=sys.stderr,
                )
            pairs.append(to_newclid(problem, _mirrored_in(problem, args.seed)))
        else:
            pairs.extend(to_alphageometry(problem))
    text = "".join(f"{name}\n{body}\n" for name, body in pairs)
    if args.output:
        try:
            with open(args.output, "w") as fh:
                fh.write(text)
        except OSError as err:
            raise GeoproverError(f"cannot write {args.output}: {err.strerror}") from None
        print(f"wrote {len(pairs)} problem{'s' if len(pairs) != 1 else ''} to {args.output}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _mirrored_in(problem: Problem, seed: int) -> Callable[[Predicate], bool] | None:
    """Whether a simtri / contri goal's triangles turn opposite ways in the drawn figure."""
    if not any(g.name in ("simtri", "contri") for g in problem.goals):
        return None
    from .numeric.diagram import draw
    from .numeric.geometry import cross

    coords = draw(problem, seed).coords

    def mirrored(goal: Predicate) -> bool:
        a, b, c, p, q, r = (coords[x] for x in goal.args)
        return cross(b - a, c - a) * cross(q - p, r - p) < 0

    return mirrored


def _write(problem, proof, args: argparse.Namespace, part: int | None = None) -> None:
    """One goal's proof in the format asked for, to stdout or ``-o`` (goal ``part`` of several: a file
    each, FILE's stem with ``.goalK``)."""
    from pathlib import Path

    from .report.formats import render, suffix_format

    fmt = args.format or (suffix_format(args.output) if args.output else None) or "text"
    try:
        out = render(fmt, problem, proof, seed=args.seed)
    except Exception as err:  # a report bug must not lose a proof: the engines' form instead
        if os.environ.get("GEOPROVER_DEBUG") or fmt not in ("text", "markdown"):
            raise
        print(f"geoprover: the {fmt} report failed ({type(err).__name__}: {err}); raw form below", file=sys.stderr)
        out = proof.render()
    if args.output:
        path = Path(args.output)
        if part is not None:
            path = path.with_name(f"{path.stem}.goal{part}{path.suffix}")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(out if out.endswith("\n") else out + "\n")
        also = f" (also by {proof.cross_check.engine})" if proof.cross_check is not None else ""
        print(f"{proof.problem}: {proof.status.upper()} by {proof.engine}{also}; wrote {path} ({fmt})")
    else:
        print(out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geoprover", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("check", help="parse, draw, and check the goal numerically")
    _add_problem_args(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("draw", help="draw the diagram to an SVG/PNG/PDF file")
    _add_problem_args(p)
    p.add_argument("-o", "--output", default="figure.svg", help="output file (.svg, .png, .pdf)")
    p.add_argument("--aux", help="auxiliary constructions to add (text or a file)")
    p.set_defaults(func=cmd_draw)

    p = sub.add_parser("list", help="list the problems of a file or of the bundled sets")
    p.add_argument("file", nargs="?", help="a problem file or bundled set name (default: all bundled sets)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("solve", help="prove the goal (Wu and DDAR race; a synthetic proof is shown when found)")
    _add_problem_args(p)
    p.add_argument(
        "--engine",
        default="all",
        choices=["all", *ENGINES],
        help="engine to run; all (default) races wu against aux (DDAR, then DDAR with auxiliary points)",
    )
    p.add_argument("--timeout", type=float, default=300.0, help="seconds (default 300)")
    p.add_argument("--memory", type=float, default=8.0, help="memory cap per engine in GB (default 8; 0 = none)")
    p.add_argument(
        "--aux", help='auxiliary constructions to append, e.g. "x = on_line x a b, on_line x c d", or a file'
    )
    p.add_argument("--no-race", action="store_true", help="let every engine finish (to compare them)")
    p.add_argument(
        "--first",
        action="store_true",
        help="stop at the first verdict; by default, when Wu's method decides first, DDAR with auxiliary points "
        "goes on looking for a synthetic proof within the time limit, shown with Wu's as a cross-check",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="text (default: conventional notation), markdown, latex, html (a self-contained report), json, "
        "raw (the engines' predicate form), graphml, dot (the proof as a graph); default: from -o's suffix",
    )
    p.add_argument("-o", "--output", help="write the proof to this file instead of printing it")
    p.add_argument("--json", action="store_true", help="the engines' record as JSON (--format json adds the report)")
    p.set_defaults(func=cmd_solve)

    p = sub.add_parser(
        "convert",
        help="write problems in canonical AlphaGeometry language (or Newclid's dialect) for other tools",
    )
    _add_problem_args(p)
    p.add_argument(
        "--to",
        choices=["alphageometry", "newclid"],
        default="alphageometry",
        help="output language (default alphageometry)",
    )
    p.add_argument("-o", "--output", help="write to this file (default: standard output)")
    p.set_defaults(func=cmd_convert)

    add_bench_parser(sub)
    sub.choices["bench"].add_argument(
        "--aux-candidates",
        metavar="FILE",
        help='JSON lines {"problem": NAME, "candidates": [aux, ...]}: try each problem\'s candidates in order',
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "aux_candidates", None):
        from .aux_batch import run

        args.func = run
    try:
        return args.func(args)
    except GeoproverError as err:
        print(f"geoprover: error: {err}", file=sys.stderr)
        return EXIT_BAD
    except KeyboardInterrupt:
        print("geoprover: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # a bug: one line, unless GEOPROVER_DEBUG asks for the traceback
        if os.environ.get("GEOPROVER_DEBUG"):
            raise
        print(
            f"geoprover: internal error: {type(err).__name__}: {err} (set GEOPROVER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
