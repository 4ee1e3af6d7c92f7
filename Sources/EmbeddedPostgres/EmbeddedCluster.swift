enum EmbeddedPostgresPlaceholder {}
