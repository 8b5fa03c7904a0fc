"""What an engine returns: the verdict, the proof to show, and the data behind it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .model import Status

if TYPE_CHECKING:
    from .numeric.diagram import Diagram

PROVED, NOT_PROVED, FALSE, TIMEOUT, ERROR = (
    Status.PROVED,
    Status.NOT_PROVED,
    Status.FALSE,
    Status.TIMEOUT,
    Status.ERROR,
)


@dataclass
class Outcome:
    """An engine's result in brief: which engine, what it said, after how many seconds."""

    engine: str
    status: Status
    seconds: float
    message: str = ""

    def __post_init__(self) -> None:
        self.status = Status(self.status)


@dataclass
class Proof:
    """One engine's outcome on one problem.

    ``steps`` are the lines of a readable proof (DDAR) or certificate (Wu); ``certificate`` holds
    the same as data for JSON; ``ndg`` the non-degeneracy conditions the proof relies on.

    The portfolio adds what it decided: ``verdict`` (the first engine to finish decides; it may not
    be the proof shown), ``synthetic`` (the search for a readable proof: this proof, or why none is
    shown) and ``cross_check`` (the deciding engine's own proof, Wu's beside a synthetic proof).
    """

    problem: str
    goal: str
    engine: str
    status: Status
    seconds: float = 0.0
    steps: list[str] = field(default_factory=list)
    ndg: list[str] = field(default_factory=list)
    certificate: dict[str, Any] = field(default_factory=dict)
    message: str = ""
    aux: list[str] = field(default_factory=list)
    # conditions that single out the drawn configuration, when the goal fails in another one
    configuration: list[str] = field(default_factory=list)
    configurations: dict[str, Any] = field(default_factory=dict)  # {"holds": N, "drawn": M, ...}
    readable: bool = False  # steps are a proof a person reads (DDAR), not a certificate (Wu)
    verdict: Outcome | None = None
    synthetic: Outcome | None = None
    cross_check: Proof | None = None

    def __post_init__(self) -> None:
        self.status = Status(self.status)  # a verdict read back from JSON is a string
        if isinstance(self.verdict, dict):
            self.verdict = Outcome(**self.verdict)
        if isinstance(self.synthetic, dict):
            self.synthetic = Outcome(**self.synthetic)
        if isinstance(self.cross_check, dict):
            self.cross_check = Proof(**{k: v for k, v in self.cross_check.items() if k in Proof.__dataclass_fields__})

    @property
    def proved(self) -> bool:
        return self.status == PROVED

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = str(self.status)
        for key in ("verdict", "synthetic"):
            if data[key] is not None:
                data[key]["status"] = str(data[key]["status"])
        if self.cross_check is not None:
            data["cross_check"] = self.cross_check.to_dict()
        return data

    def render(self) -> str:
        head = f"{self.problem}: {self.status.upper()} by {self.engine} in {self.seconds:.2f} s"
        lines = [head, f"goal: {self.goal}"]
        if self.message:
            lines.append(self.message)
        if self.aux:
            lines.append("auxiliary constructions:")
            lines += [f"  {a}" for a in self.aux]
        if self.steps:
            lines.append("proof:" if self.readable else "certificate:")
            lines += [f"  {s}" for s in self.steps]
        if self.ndg:
            lines.append("non-degeneracy conditions (all hold in the diagram):")
            lines += [f"  {c}" for c in self.ndg]
        if self.proved and self.configurations.get("holds", 0) < self.configurations.get("drawn", 0):
            lines.append(
                f"configuration: the goal holds in {self.configurations['holds']} of "
                f"{self.configurations['drawn']} configurations drawn; proved for the one drawn:"
            )
            lines += [f"  {c} (as drawn)" for c in self.configuration]
        if self.no_synthetic:
            lines.append(self.no_synthetic)
        check = self.cross_check
        if check is not None:
            lines.append(f"also proved by {check.engine} in {check.seconds:.2f} s (an independent check)")
            if check.ndg:
                lines.append(f"{check.engine}'s non-degeneracy conditions (all hold in the diagram):")
                lines += [f"  {c}" for c in check.ndg]
        return "\n".join(lines)

    @property
    def no_synthetic(self) -> str:
        """Why no synthetic proof is shown, when one was looked for and not found ("" otherwise)."""
        s = self.synthetic
        if s is None or s.status == PROVED or self.readable:
            return ""
        return s.message or f"no synthetic proof: {s.engine} {s.status} after {s.seconds:.2f} s"


def state_false(proof: Proof, diagram: Diagram) -> Proof:
    """Call the goal false, saying how many configurations were drawn looking for one where it holds."""
    proof.status, proof.message = FALSE, diagram.false_goal_message()
    tried = diagram.configurations_tried()
    proof.configurations = {"holds": 0, "drawn": tried["total"], "tried": tried}
    return proof


def state_configuration(proof: Proof, diagram: Diagram) -> None:
    """Say in which configuration a proof holds when the goal fails in another one drawn.

    Every engine calls this on a proof: the figure is redrawn with each branch pick taken the other
    way, and when the goal fails in one, the conditions singling out the drawn configuration (tried
    on other random figures) are printed with the proof.
    """
    from .numeric.configurations import survey

    found = survey(diagram)
    proof.configurations = found.to_dict()
    proof.configuration = list(found.words)
    if found.dependent:
        note = f"holds in {found.holds} of {found.drawn} configurations drawn"
        if not found.conditions and not found.confirmed:
            note += (
                f" (it fails in {found.refuted} of {found.tried} other random figures, with no branch "
                f"pick to blame: the non-degeneracy conditions decide the configuration)"
            )
        elif found.conditions and not found.confirmed:
            note += (
                f"; the configuration conditions below also hold in {found.refuted} of {found.tried} other "
                f"figures where the goal fails: the non-degeneracy conditions decide there"
            )
        proof.message = f"{proof.message}; {note}" if proof.message else note
