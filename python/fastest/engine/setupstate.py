"""The stack of set-up nodes (pytest's SetupState): nodes along an item's
chain are set up on the way down, and torn down, with their finalizers,
only when the next item no longer descends from them."""
from __future__ import annotations

from fastest.pytest_api.outcomes import TEST_OUTCOME

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Dict, List, Optional, Tuple


class SetupState:
    def __init__(self) -> None:
        # node -> (finalizers, exception its setup raised)
        self.stack: Dict[object, Tuple[List[Callable[[], object]], Optional[BaseException]]] = {}

    def setup(self, item) -> None:
        """Set up the nodes of ``item``'s chain not yet set up; re-raise the
        setup error of a node already on the stack."""
        chain = item.listchain()
        for node, (_finalizers, error) in self.stack.items():
            assert node in chain, "previous item was not torn down properly"
            if error is not None:
                raise error
        for node in chain[len(self.stack):]:
            self.push(node)

    def push(self, node) -> None:
        """Set up ``node``, whose parents are set up (an item for which
        ``is_ready_for`` holds needs nothing else)."""
        self.stack[node] = ([node.teardown], None)
        try:
            node.setup()
        except TEST_OUTCOME as exc:
            self.stack[node] = (self.stack[node][0], exc)
            raise

    def is_ready_for(self, item) -> bool:
        """Whether every node above ``item`` is set up, none with an error:
        setting ``item`` up then only pushes it."""
        stack = self.stack
        if len(stack) != len(item._chain) - 1 or next(reversed(stack), None) is not item.parent:
            return False
        for _finalizers, error in stack.values():
            if error is not None:
                return False
        return True

    def holds_only(self, item) -> bool:
        """Whether ``item`` is on top of the stack with no finalizer but its
        own ``teardown``."""
        top = next(reversed(self.stack), None)
        return top is item and len(self.stack[item][0]) == 1

    def addfinalizer(self, finalizer: Callable[[], object], node) -> None:
        assert node in self.stack, (node, self.stack)
        self.stack[node][0].append(finalizer)

    def teardown_exact(self, nextitem) -> None:
        """Tear down the nodes ``nextitem`` does not need (all when None);
        raise the first error after running every finalizer."""
        needed = nextitem.listchain() if nextitem is not None else []
        first_error: Optional[BaseException] = None
        while self.stack:
            if list(self.stack) == needed[: len(self.stack)]:
                break
            _node, (finalizers, _) = self.stack.popitem()
            while finalizers:
                finalizer = finalizers.pop()
                try:
                    finalizer()
                except TEST_OUTCOME as exc:
                    if first_error is None:
                        first_error = exc
        if first_error is not None:
            raise first_error
