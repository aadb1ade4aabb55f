# The search document kept in the brief's row on PostgreSQL.
#
# A brief's search document is about 2 KB, so PostgreSQL moved it to the
# table's TOAST storage, out of the row. Search reads it for every brief it
# checks (newest first until it has ranked MAX_RESULTS matches): each check
# then cost an index lookup in the TOAST table and its pages, about six page
# reads a brief, and a broad search at 100,000 briefs took 16 ms in the
# database against 6 ms at 1,000. Kept in the row (STORAGE MAIN, with rows
# allowed up to a page before anything is moved out), it costs one page read:
# 8-9 ms. Longer texts (news, analysis) still move out first when a row would
# not fit. Briefs already stored are rewritten once so that their documents
# move in; their updated_at is left alone.

from django.db import migrations


def keep_in_row(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE briefs_brief SET (toast_tuple_target = 8160)")
    schema_editor.execute(
        "ALTER TABLE briefs_brief ALTER COLUMN search_vector SET STORAGE MAIN"
    )
    schema_editor.execute(
        "UPDATE briefs_brief SET search_vector = search_vector || ''::tsvector"
        " WHERE search_vector IS NOT NULL"
    )


def allow_out_of_row(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE briefs_brief RESET (toast_tuple_target)")
    schema_editor.execute(
        "ALTER TABLE briefs_brief ALTER COLUMN search_vector SET STORAGE EXTENDED"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("briefs", "0009_sitemap_lastmod_index"),
    ]

    operations = [
        migrations.RunPython(keep_in_row, allow_out_of_row, elidable=False),
    ]
