from .models import Publication


def publication(request):
    return {"publication": Publication.load()}
