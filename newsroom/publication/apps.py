from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationConfig(AppConfig):
    name = "newsroom.publication"
    label = "publication"
    verbose_name = _("Publication")

    def ready(self):
        # The page cache's content version follows every change to what public
        # pages show (newsroom/cache.py).
        from django.core.signals import setting_changed
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_migrate,
            post_save,
        )

        from newsroom import cache

        post_save.connect(cache.model_saved_or_deleted, dispatch_uid="newsroom.cache")
        post_delete.connect(cache.model_saved_or_deleted, dispatch_uid="newsroom.cache")
        m2m_changed.connect(cache.relation_changed, dispatch_uid="newsroom.cache")
        post_migrate.connect(cache.migrated, dispatch_uid="newsroom.cache")
        setting_changed.connect(cache.drop_version, dispatch_uid="newsroom.cache")
