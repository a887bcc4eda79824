pytest_plugins = ["greeting_plugin"]
