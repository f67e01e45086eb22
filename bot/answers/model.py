"""The shape of an answer."""

from dataclasses import dataclass, field
from typing import List, Optional


@dataclass
class Answer:
    """A reply plus what it was about, for follow-ups."""

    text: str
    clause: Optional[str] = None
    domain: Optional[str] = None
    buttons: List[dict] = field(default_factory=list)
    confident: bool = True
    verdict: Optional[str] = None  # met / not_met / unknown, when the answer is a verdict on conditions;
    # noted: a self-description with no question yet
