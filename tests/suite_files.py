"""Writing a test suite for a comparison script: files into a folder,
with a fastest.ini naming this interpreter as the target environment (the
one whose pytest is the oracle). A script imports it with its parent
folder on sys.path."""
import os
import sys


def write_suite(folder, files):
    """Writes files ({relative path: text}) under folder, and fastest.ini."""
    files = {"fastest.ini": f"[fastest]\npython = {sys.executable}\n", **files}
    for name, text in files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as file:
            file.write(text)
