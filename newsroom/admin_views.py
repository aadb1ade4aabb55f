"""The admin's view-on-site shortcut, under the model admins' view rules.

Django's own ``/admin/r/<content type>/<id>/`` redirects any staff member to
any object's ``get_absolute_url()``: for a brief, the slug of a draft or a
scheduled brief of someone else's. This one answers 404 unless the object's
model admin lets the user view it, and asks the model admin where to go when
it says (``view_on_site_url(request, obj)``: a draft's preview link).
"""

from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, HttpResponseRedirect


def view_on_site(request, content_type_id, object_id):
    if not content_type_id.isdigit():
        raise Http404
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type is not None else None
    if model is None:
        raise Http404
    try:
        model_admin = admin.site.get_model_admin(model)
    except NotRegistered:
        raise Http404 from None
    obj = model_admin.get_object(request, object_id)
    if (
        obj is None
        or not model_admin.view_on_site
        or not model_admin.has_view_permission(request, obj)
    ):
        raise Http404
    if hasattr(model_admin, "view_on_site_url"):
        url = model_admin.view_on_site_url(request, obj)
    elif callable(model_admin.view_on_site):
        url = model_admin.view_on_site(obj)
    else:
        return shortcut(request, content_type_id, object_id)
    if not url:
        raise Http404
    return HttpResponseRedirect(url)
