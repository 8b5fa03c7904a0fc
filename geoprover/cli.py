"""Command line: ``geoprover check|draw|list|solve|bench``.

Exit codes, the same for every command: 0 the goal holds (check) or is proved (solve);
1 false in the diagram, or not proved; 2 bad input or usage; 3 an internal error (a bug).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from .bench_cli import add_bench_parser
from .engines import ENGINES
from .errors import GeoproverError

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


def _load(args: argparse.Namespace):
    from .api import load_problem

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

    problem = _load(args)
    result = check(problem, args.seed)
    d = result.diagram
    holds = result.goal_holds
    if args.json:
        print(
            json.dumps(
                {
                    "problem": problem.name,
                    "seed": args.seed,
                    "goal": str(problem.goal) if problem.goal else None,
                    "goal_holds": holds,
                    "goal_residual": d.residual(problem.goal) if problem.goal else None,
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
        print("points:")
        for k, v in d.coords.items():
            print(f"  {k:>4} = ({v[0]: .6f}, {v[1]: .6f})")
        print("facts:")
        for f in d.facts:
            print(f"  {f}")
        if problem.goal is None:
            print("no goal")
        else:
            verdict = "holds in the diagram" if holds else "is FALSE in the diagram"
            print(f"goal {problem.goal} {verdict} (residual {d.residual(problem.goal):.2e})")
    return EXIT_OK if holds is not False else EXIT_NO


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
    problem = _with_aux(_load(args), args)
    if args.timeout <= 0:
        raise GeoproverError("--timeout must be positive")
    engines = None if args.engine == "all" else [args.engine]
    proof = run_portfolio(
        problem, engines, timeout=args.timeout, seed=args.seed, memory_gb=args.memory, race=not args.no_race
    )
    print(json.dumps(proof.to_dict(), indent=2, default=str) if args.json else proof.render())
    return EXIT_OK if proof.status == PROVED else EXIT_NO


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

    p = sub.add_parser("solve", help="prove the goal (Wu and DDAR race in a portfolio)")
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
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_solve)

    add_bench_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
