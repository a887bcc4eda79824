"""What record_xml_attribute and record_testsuite_property add to the JUnit
XML file: <testcase> attributes (kept by xunit1, and by xunit2 for the
names it allows) and <testsuite> properties."""
import pytest


@pytest.fixture(scope="module")
def suite_wide(record_testsuite_property):
    record_testsuite_property("recorded_by", "a module fixture")


def test_attributes(record_xml_attribute):
    record_xml_attribute("assertions", "REQ-1234")
    record_xml_attribute("classname", "custom_classname")
    record_xml_attribute("assertions", "REQ-5678 & <more>")


def test_suite_properties(record_testsuite_property, suite_wide):
    record_testsuite_property("ARCH", "PPC")
    record_testsuite_property("STORAGE_TYPE", "<CEPH>")


def test_everything(record_property, record_testsuite_property, record_xml_attribute):
    record_property("example_key", 1)
    record_testsuite_property("ARCH", 2)
    record_xml_attribute("extra", "x")


@pytest.mark.parametrize("number", [1, 2])
def test_parametrized(record_testsuite_property, number):
    record_testsuite_property(f"p{number}", number)


def test_failing_after_recording(record_xml_attribute, record_testsuite_property):
    record_xml_attribute("before", "failure")
    record_testsuite_property("before", "failure")
    assert False


def test_property_name_must_be_text(record_testsuite_property):
    record_testsuite_property(1, "value")
