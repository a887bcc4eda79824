def test_runs_with_continue_on_collection_errors():
    pass
