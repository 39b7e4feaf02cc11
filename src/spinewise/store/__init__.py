"""Storage: SQLAlchemy tables, repositories, migrations, importers and exporters."""
