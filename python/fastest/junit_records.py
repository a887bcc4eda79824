"""What tests record for the JUnit XML file beside their reports:
``record_xml_attribute``'s ``<testcase>`` attributes and
``record_testsuite_property``'s ``<testsuite>`` properties.

pytest's LogXML keeps both itself (``node_reporter(nodeid).add_attribute``,
``add_global_property``). fastest's JUnit reporter builds the file from
events, so both engines keep them here and hand them over on the test
reports (docs/engine-events.md): ``xml_attributes``, the item's so far, and
``suite_properties``, those recorded since the previous report. The native
engine's fixtures hand out its methods; under the pytest engine it stands
in LogXML's place in ``config.stash``, so pytest's own fixtures feed it
through the same names (``node_reporter``, ``add_global_property``,
``family``). Its classes carry pytest's names and module: a failing test's
traceback shows its fixture values, ``<bound method
LogXML.add_global_property of <_pytest.junitxml.LogXML object at ...>>``
in pytest's."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Tuple


def properties_field(user_properties: List[Tuple[object, object]]) -> List[List[str]]:
    """A test report event's "properties": each (name, value) of the
    item's ``user_properties`` (``record_property``) as text, as pytest's
    junitxml writes them (a name need not be a str: ``record_property(42,
    ...)``). Both engines' reports carry them so."""
    return [[str(name), str(value)] for name, value in user_properties]


class LogXML:
    """The records of one session (one worker's, under workers)."""

    __module__ = "_pytest.junitxml"

    def __init__(self, family: str) -> None:
        self.family = family  # junit_family: pytest's fixtures warn by it
        self._attributes: Dict[str, Dict[str, str]] = {}
        self._suite_properties: List[List[str]] = []

    def add_attribute(self, nodeid: str, name: object, value: object) -> None:
        """A later value for a name replaces the earlier one in place, as
        in pytest's attribute dict."""
        self._attributes.setdefault(nodeid, {})[str(name)] = str(value)

    def node_reporter(self, nodeid: str) -> "_NodeReporter":
        return _NodeReporter(self, nodeid)

    def add_global_property(self, name: object, value: object) -> None:
        """Names must be text; the builtin fixtures make the same check when
        no file is written (they cannot import this engine module)."""
        __tracebackhide__ = True
        if not isinstance(name, str):
            raise TypeError(f"name parameter needs to be a string, but {type(name).__name__} given")
        self._suite_properties.append([name, str(value)])

    def report_fields(self, nodeid: str) -> Dict[str, List[List[str]]]:
        """The fields a report of ``nodeid`` carries: none when nothing was
        recorded."""
        fields: Dict[str, List[List[str]]] = {}
        attributes = self._attributes.get(nodeid)
        if attributes:
            fields["xml_attributes"] = [[name, value] for name, value in attributes.items()]
        if self._suite_properties:
            fields["suite_properties"], self._suite_properties = self._suite_properties, []
        return fields


class _NodeReporter:
    """The part of pytest's _NodeReporter that record_xml_attribute uses."""

    __module__ = "_pytest.junitxml"

    def __init__(self, records: LogXML, nodeid: str) -> None:
        self._records = records
        self._nodeid = nodeid

    def add_attribute(self, name: object, value: object) -> None:
        self._records.add_attribute(self._nodeid, name, value)
