"""Check every DDAR proof on the bundled sets, as ``prove`` prints it (chases minimised, whole steps
pruned): each step true in the diagram, each chase step re-derivable from exactly its printed
premises with none of them idle, and no derived step the rest of the proof does not need.

    python benchmarks/ddar_proofcheck.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CHASES = ("angle_chase", "ratio_chase", "distance_chase")


def main() -> None:
    from geoprover.ddar import build
    from geoprover.ddar.conditions import verify
    from geoprover.ddar.prune import prune, redundant
    from geoprover.ddar.rederive import rederivable
    from geoprover.ddar.render import render
    from geoprover.ddar.trace import minimize, needed
    from geoprover.language import parse_problem
    from geoprover.language.parser import read_problem_file
    from geoprover.language.sets import resolve_file
    from geoprover.numeric.diagram import draw

    proofs = chases = idle = short = false = removable = before = after = 0
    for name_of_set in ("imo_ag_30", "jgex_ag_231"):
        for name, text in read_problem_file(resolve_file(name_of_set)):
            problem = parse_problem(text, name)
            engine = build(problem, draw(problem, seed=0))
            out = engine.saturate(problem.goal)
            if out.status != "proved":
                continue
            proofs += 1
            minimize(engine.db, out.goal_nodes)
            before += len(render(engine.db, str(problem.goal), out.goal_nodes)[1])
            goal_nodes = prune(engine.db, problem.goal, out.goal_nodes, budget=60)
            after += len(render(engine.db, str(problem.goal), goal_nodes)[1])
            false += len(verify(engine.db, goal_nodes))
            removable += len(redundant(engine.db, problem.goal, goal_nodes))
            for node in needed(goal_nodes):
                if node.rule not in CHASES or node.pred is None or len(node.premises) < 2:
                    continue
                chases += 1
                if not rederivable(engine.db, node.premises, node.pred):
                    short += 1
                    continue
                if any(
                    rederivable(engine.db, [q for q in node.premises if q is not p], node.pred) for p in node.premises
                ):
                    idle += 1
    print(
        f"proofs {proofs}; steps false in the diagram {false}; chase steps {chases}: "
        f"not re-derivable from their premises {short}, with an idle premise {idle}; "
        f"derived steps the rest of their proof does not need {removable}; "
        f"proof lines {before} before pruning, {after} after"
    )


if __name__ == "__main__":
    main()
