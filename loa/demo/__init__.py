"""Demo infrastructure that needs no Internet: the sample newsroom and the fault-injecting test server."""
