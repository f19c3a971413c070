"""Full-text indexes for articles (see loa/monitoring/search.py for the design)."""

from django.db import migrations

FTS_TABLES = {
    "monitoring_article_fts_exact": "unicode61 remove_diacritics 0",
    "monitoring_article_fts_folded": "unicode61 remove_diacritics 2",
}


def _sqlite(schema_editor, create: bool) -> None:
    for table, tokenizer in FTS_TABLES.items():
        if not create:
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")
            continue
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5(title, text, content='monitoring_article', "
            f"content_rowid='id', tokenize='{tokenizer}')"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {table}_ai AFTER INSERT ON monitoring_article BEGIN "
            f"INSERT INTO {table}(rowid, title, text) VALUES (new.id, new.title, new.text); END"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {table}_ad AFTER DELETE ON monitoring_article BEGIN "
            f"INSERT INTO {table}({table}, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {table}_au AFTER UPDATE OF title, text ON monitoring_article BEGIN "
            f"INSERT INTO {table}({table}, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
            f"INSERT INTO {table}(rowid, title, text) VALUES (new.id, new.title, new.text); END"
        )
        schema_editor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")


PG_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # unaccent() is STABLE; an expression index needs an IMMUTABLE wrapper pinning the dictionary.
    "CREATE OR REPLACE FUNCTION loa_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
    "AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
    "CREATE INDEX IF NOT EXISTS monitoring_article_fts_exact ON monitoring_article "
    "USING gin (to_tsvector('simple', lower(title || ' ' || text)))",
    "CREATE INDEX IF NOT EXISTS monitoring_article_fts_folded ON monitoring_article "
    "USING gin (to_tsvector('simple', loa_unaccent(lower(title || ' ' || text))))",
]
PG_DROP = [
    "DROP INDEX IF EXISTS monitoring_article_fts_folded",
    "DROP INDEX IF EXISTS monitoring_article_fts_exact",
    "DROP FUNCTION IF EXISTS loa_unaccent(text)",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _sqlite(schema_editor, create=True)
    elif schema_editor.connection.vendor == "postgresql":
        for statement in PG_CREATE:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _sqlite(schema_editor, create=False)
    elif schema_editor.connection.vendor == "postgresql":
        for statement in PG_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
