enum MigrationCatalogPlaceholder {}
