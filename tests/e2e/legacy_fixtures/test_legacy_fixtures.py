"""The temporary-directory fixtures, which `-p no:tmpdir` takes away, and
the py.path ones pytest's legacypath plugin adds, which `-p no:legacypath`
takes away too."""


def test_tmpdir(tmpdir):
    assert tmpdir.check(dir=1)


def test_tmpdir_factory(tmpdir_factory):
    assert tmpdir_factory.mktemp("made").check(dir=1)


def test_tmp_path(tmp_path):
    assert tmp_path.is_dir()
