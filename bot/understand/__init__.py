"""Understanding a message: facts the user states (and, later, its parts and figures)."""
