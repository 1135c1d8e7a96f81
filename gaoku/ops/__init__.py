"""Operations: background tasks, the audit log, backup and restore."""
