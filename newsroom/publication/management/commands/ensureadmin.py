import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an admin login exists. The password comes from NEWSROOM_ADMIN_PASSWORD, "
        "or is generated and printed once when the user is created."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default=os.environ.get("NEWSROOM_ADMIN_USER", "admin")
        )

    def handle(self, *args, username, **options):
        User = get_user_model()
        password = os.environ.get("NEWSROOM_ADMIN_PASSWORD", "")
        user = User.objects.filter(username=username).first()
        if user is None:
            generated = not password
            password = password or secrets.token_urlsafe(12)
            User.objects.create_superuser(
                username=username, email="", password=password
            )
            self.stdout.write(f"  Admin login: {username} / {password}")
            if generated:
                self.stdout.write(
                    "  (generated now and shown only once: note it, or set "
                    "NEWSROOM_ADMIN_PASSWORD and run again)"
                )
            return
        if password and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(
                f"  Admin login: {username} / password from NEWSROOM_ADMIN_PASSWORD"
            )
            return
        self.stdout.write(
            f"  Admin login: {username} (password as printed when it was created; "
            "set NEWSROOM_ADMIN_PASSWORD to change it)"
        )
