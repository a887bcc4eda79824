raise ValueError("the package cannot be imported")
