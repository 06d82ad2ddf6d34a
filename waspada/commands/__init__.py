"""Sub-commands of the waspada CLI, one module per group."""
