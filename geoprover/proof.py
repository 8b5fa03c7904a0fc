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
class Proof:
    """One engine's outcome on one problem.

    ``steps`` are the lines of a readable proof (DDAR) or certificate (Wu); ``certificate`` holds
    the same as data for JSON; ``ndg`` the non-degeneracy conditions the proof relies on.
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

    def __post_init__(self) -> None:
        self.status = Status(self.status)  # a verdict read back from JSON is a string

    @property
    def proved(self) -> bool:
        return self.status == PROVED

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = str(self.status)
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
        if self.configurations and self.configurations.get("holds", 0) < self.configurations.get("drawn", 0):
            lines.append(
                f"configuration: the goal holds in {self.configurations['holds']} of "
                f"{self.configurations['drawn']} configurations drawn; proved for the one drawn:"
            )
            lines += [f"  {c} (as drawn)" for c in self.configuration]
        return "\n".join(lines)


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
