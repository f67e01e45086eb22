"""Custom actions: thin wrappers that read slots, call bot/, knowledge/ and calculator/, and reply."""
