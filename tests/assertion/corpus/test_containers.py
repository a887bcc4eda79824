"""Failing comparisons of lists, tuples, sets, dicts and iterables."""


def test_list_differs_at_index():
    assert [1, 2, 3] == [1, 2, 4]


def test_list_left_longer():
    assert [1, 2, 3] == [1, 2]


def test_list_right_longer_many():
    assert [1] == [1, 2, 3, 4]


def test_tuple():
    assert (1, "a") == (1, "b")


def test_list_vs_tuple():
    assert [1, 2] == (1, 2)


def test_long_lists():
    left = list(range(100))
    right = list(range(100))
    right[50] = -1
    assert left == right


def test_nested_lists():
    assert [[1, 2], [3, 4]] == [[1, 2], [3, 5]]


def test_sets():
    assert {1, 2, 3} == {2, 3, 4}


def test_frozenset_vs_set():
    assert frozenset({1}) == {2}


def test_dict_differing_values():
    assert {"a": 1, "b": 2} == {"a": 1, "b": 3}


def test_dict_extra_keys():
    assert {"a": 1, "b": 2, "c": 3} == {"a": 1}


def test_dict_right_extra():
    assert {"a": 1} == {"a": 1, "z": [1, 2]}


def test_big_dict():
    left = {str(i): i for i in range(30)}
    right = dict(left, extra=1)
    right["5"] = -5
    assert left == right


def test_dict_not_equal_op():
    assert {"a": 1} != {"a": 1}


def test_list_less_than():
    assert [1, 2] < [1, 1]


def test_range_equality():
    assert range(3) == range(4)


def test_generator_vs_list():
    assert list(x for x in range(3)) == [0, 1]


def test_list_of_dicts():
    assert [{"a": 1}] == [{"a": 2}]


def test_in_dict_keys():
    assert "z" in {"a": 1}.keys()


def test_list_repr_limited():
    left = list(range(50))
    assert left == []


def test_deep_nesting_repr():
    deep = [[[[[[[[1]]]]]]]]
    assert deep == 1
