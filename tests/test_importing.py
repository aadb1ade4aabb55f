"""The WordPress importer (issue #23), through the command and the pages readers get.

tests/data/wordpress/ledger.xml is an invented outlet's export: classic and
block-editor posts, an analysis heading, SEE ALSO lines, co-authors, country
categories and topic tags, a [caption], an unknown shortcode, a missing image,
scheduled, draft, private and password-protected posts, comments, a page with
its Spanish translation (a draft, with a comment) and a Spanish translation of
a post.
"""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from briefs.models import Author, Brief, Country, SeeAlsoLink, Topic
from newsroom.feedback.models import ReaderMessage
from newsroom.importing.models import ImportedComment, ImportedPost, OldAddress
from newsroom.pages.models import Page

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "wordpress"
LEDGER = DATA / "ledger.xml"


@pytest.fixture
def media_dir(tmp_path, settings):
    """A copy of the old site's uploads, with the featured image but not the other."""
    settings.MEDIA_ROOT = tmp_path / "media"
    uploads = tmp_path / "uploads"
    (uploads / "2024" / "03").mkdir(parents=True)
    Image.new("RGB", (60, 40), "steelblue").save(uploads / "2024/03/reservoir.png")
    return uploads


def run(*args, **options):
    out = io.StringIO()
    call_command("importwordpress", *map(str, args), stdout=out, **options)
    return out.getvalue()


def brief(slug, language="en"):
    return Brief.objects.get(slug=slug, language=language)


@pytest.fixture
def imported(media_dir):
    return run(LEDGER, "--media-dir", media_dir)


def test_a_classic_post_becomes_a_brief_with_news_analysis_and_see_also(
    client, imported
):
    response = client.get("/en/briefs/valparaiso-water-tariffs/")
    assert response.status_code == 200
    page = response.content.decode()
    # Title entities decoded; automatic paragraphs and line breaks.
    assert "Valparaíso water board raises tariffs “for the last time”" in page
    assert "Board members said the money would pay" in page
    assert 'id="analysis"' in page
    assert "Ledger Analysis" in page
    water = brief("valparaiso-water-tariffs")
    assert "rests on rainfall nobody can promise" in water.analysis
    assert "rainfall" not in water.news
    # The SEE ALSO line is a link to the imported brief it pointed at.
    assert "SEE ALSO" not in water.news
    link = SeeAlsoLink.objects.get(brief=water)
    assert link.target_brief == brief("copper-royalties")
    assert (link.place, link.after_paragraph) == ("news", 2)
    assert 'href="/en/briefs/copper-royalties/"' in page
    # The excerpt is the summary, without its markup.
    assert water.summary == "A nine per cent rise, the third in two years."


def test_bylines_tags_kicker_and_featured_image(client, imported):
    water = brief("valparaiso-water-tariffs")
    bylines = [byline.author.name for byline in water.briefauthor_set.all()]
    assert bylines == ["Marta Quispe Lagos", "Tomás Ferreyra"]
    assert list(water.countries.names()) == ["Chile"]
    assert sorted(water.topics.names()) == ["Local government", "Water"]
    assert water.primary_country.name == "Chile"
    # "Perú" in the old site is the same country, with its Spanish name.
    peru = Country.objects.get(slug="peru")
    assert (peru.name, peru.name_es) == ("Peru", "Perú")
    assert water.featured_image.name.startswith("briefs/reservoir")
    assert water.image_alt == "A half-empty reservoir under a grey sky"
    assert water.image_caption == "The Peñuelas reservoir at a third of its capacity."
    page = client.get(water.get_absolute_url()).content.decode()
    assert 'alt="A half-empty reservoir under a grey sky"' in page


def test_a_block_editor_post_loses_its_comments_and_splits_at_a_bold_heading(
    client, imported
):
    copper = brief("copper-royalties")
    assert "wp:paragraph" not in copper.news + copper.analysis
    assert "slow approvals in Lima" in copper.news
    assert "copper price" in copper.analysis
    link = SeeAlsoLink.objects.get(brief=copper)
    assert link.target_topic == Topic.objects.get(name="Mining")
    response = client.get(copper.get_absolute_url())
    assert response.status_code == 200
    assert "<!--" not in copper.news


def test_statuses_scheduled_draft_private_and_password(client, imported):
    scheduled = brief("lithium-auction")
    assert scheduled.is_scheduled
    for slug in ("lithium-auction", "board-salaries", "supporters-briefing"):
        assert client.get(f"/en/briefs/{slug}/").status_code == 404
    assert brief("board-salaries").status == Brief.Status.DRAFT
    assert brief("supporters-briefing").status == Brief.Status.DRAFT
    draft = ImportedPost.objects.get(wordpress_id=104).brief
    assert draft.status == Brief.Status.DRAFT
    assert draft.slug == "notes-for-a-story-on-bus-fares"


def test_the_report_lists_what_was_not_imported_fully(imported):
    assert "posts: 7 created, 0 updated, 0 skipped" in imported
    assert "pages: 2 created, 0 updated, 0 skipped" in imported
    assert "comments: 1 created" in imported
    assert "comments skipped (on a page): 1" in imported
    assert "comments skipped (spam): 1" in imported
    assert "comments skipped (in the trash): 1" in imported
    assert "unknown shortcode [pullquote] kept as text" in imported
    assert "image file missing from --media-dir: 2024/03/missing-pipe.jpg" in imported
    assert "the sanitiser removed text" in imported
    assert "“editor: check the figures”" in imported
    assert "post 105 “Board salaries, internal memo”: private" in imported
    assert "post 106" in imported
    # Progress lines like loaddemo's.
    assert "11 items read:" in imported


def test_an_unknown_shortcode_is_kept_as_text(imported):
    assert "[pullquote]We cannot pay more for less water.[/pullquote]" in (
        brief("valparaiso-water-tariffs").news
    )


def test_approved_comments_become_read_reader_messages_marked_imported(imported):
    message = ReaderMessage.objects.get()
    assert message.name == "Rosa from Quillota"
    assert message.brief == brief("valparaiso-water-tariffs")
    assert message.state == ReaderMessage.State.READ
    assert message.created_at.isoformat() == "2024-03-12T14:05:00+00:00"
    assert ImportedComment.objects.get(message=message).wordpress_id == 9001


def test_pages_and_translations(imported):
    assert not Brief.objects.filter(slug__in=["about", "sobre-el-ledger"]).exists()
    about = Page.objects.get(slug="about", language="en")
    assert about.title == "About the Ledger"
    assert about.status == Page.Status.PUBLISHED
    assert about.summary.startswith("The Cordillera Ledger is a reader-funded")
    # A page's text is not split: its heading stays in it.
    assert "<h3>Ledger Analysis</h3>" in about.body
    assert "what our desk makes of the news" in about.body
    # An editor chooses what the footer links.
    assert (about.in_footer, about.role) == (False, "")
    sobre = Page.objects.get(slug="sobre-el-ledger")
    assert sobre.language == "es"
    assert sobre.status == Page.Status.DRAFT
    assert sobre.translation_of == about
    # Its comment is not a reader message: a page has none.
    assert not ReaderMessage.objects.filter(name="Lector de Arica").exists()
    spanish = brief("tarifas-agua-valparaiso", "es")
    assert spanish.translation_of == brief("valparaiso-water-tariffs")
    assert "lluvias" in spanish.analysis


def test_skip_pages_and_a_section_for_pages(media_dir):
    from tests.factories import make_section

    output = run(LEDGER, "--skip-pages")
    assert "pages: 0 created, 0 updated, 2 skipped" in output
    assert not Brief.objects.filter(slug="about").exists()
    assert not Page.objects.exists()
    corner = make_section(slug="corner", name="Corner")
    output = run(LEDGER, "--pages-section", "corner")
    assert brief("about").section == corner
    assert brief("sobre-el-ledger", "es").translation_of == brief("about")
    assert not Page.objects.exists()
    assert "pages: 2 created" in output


def test_old_addresses_answer_with_a_301_to_the_brief(client, imported):
    water = "/en/briefs/valparaiso-water-tariffs/"
    for old in ("/2024/03/12/valparaiso-water-tariffs/", "/?p=101"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == water
    assert client.get("/category/americas/chile/")["Location"] == "/en/country/chile/"
    assert client.get("/tag/water/")["Location"] == "/en/topic/water/"
    assert client.get("/tag/mining/").status_code == 301
    assert client.get("/?page_id=110")["Location"] == "/en/page/about/"
    spanish = client.get("/es/2024/03/12/tarifas-agua-valparaiso/")
    assert spanish["Location"] == "/es/briefs/tarifas-agua-valparaiso/"


def test_a_redirect_never_points_at_a_non_public_brief(client, imported):
    # Drafts, private and password-protected posts get no redirect at all.
    assert not OldAddress.objects.filter(old_path__contains="board-salaries").exists()
    assert client.get("/2024/03/15/board-salaries/").status_code == 404
    assert client.get("/?p=105").status_code == 410
    assert client.get("/?p=104").status_code == 410
    # A scheduled brief's old address answers once it is public.
    assert client.get("/2099/01/05/lithium-auction/").status_code == 404
    assert client.get("/?p=103").status_code == 410


def test_a_brief_unpublished_after_the_import_is_not_redirected_to(client, imported):
    water = brief("valparaiso-water-tariffs")
    water.status = Brief.Status.DRAFT
    water.save()
    assert client.get("/2024/03/12/valparaiso-water-tariffs/").status_code == 404
    assert client.get("/?p=101").status_code == 410


def test_an_unknown_post_id_falls_through_to_the_home_redirect(client, imported):
    response = client.get("/?p=999")
    assert response.status_code == 302
    assert client.get("/?p=abc").status_code == 302
    assert client.get("/?p=" + "9" * 40).status_code == 302


def test_a_second_run_updates_and_creates_no_duplicates(client, media_dir, imported):
    counts = (
        Brief.objects.count(),
        Page.objects.count(),
        OldAddress.objects.count(),
        Author.objects.count(),
    )
    image = brief("valparaiso-water-tariffs").featured_image.name
    again = run(LEDGER, "--media-dir", media_dir)
    assert "posts: 0 created, 7 updated" in again
    assert "pages: 0 created, 2 updated" in again
    assert "comments: 0 created, 1 updated" in again
    assert (
        Brief.objects.count(),
        Page.objects.count(),
        OldAddress.objects.count(),
        Author.objects.count(),
    ) == counts
    assert ReaderMessage.objects.count() == 1
    assert SeeAlsoLink.objects.filter(brief__slug="copper-royalties").count() == 1
    # The same file is not copied again.
    assert brief("valparaiso-water-tariffs").featured_image.name == image
    # The redirects survive the second run.
    response = client.get("/2024/03/12/valparaiso-water-tariffs/")
    assert response.status_code == 301
    assert response["Location"] == "/en/briefs/valparaiso-water-tariffs/"


def test_dry_run_writes_nothing(media_dir, settings):
    output = run(LEDGER, "--dry-run", "--media-dir", media_dir)
    assert "dry run: nothing was written" in output
    assert "posts: 7 created" in output
    assert not Brief.objects.exists()
    assert not Page.objects.exists()
    assert not OldAddress.objects.exists()
    assert not Path(settings.MEDIA_ROOT).exists()


def test_the_https_namespace_spelling_is_read():
    output = run(DATA / "ledger-https.xml")
    glacier = brief("glacier-station")
    assert glacier.is_public
    assert glacier.summary == "Measurements resume after two years."
    assert [author.name for author in glacier.authors.all()] == ["Inés Mamani"]
    assert list(glacier.countries.names()) == ["Peru"]
    assert "Everything was imported fully." in output


def test_an_xml_bomb_is_refused():
    with pytest.raises(CommandError, match="refused"):
        run(DATA / "bomb.xml")
    assert not Brief.objects.exists()


def test_bad_arguments_are_command_errors(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "missing.xml")
    with pytest.raises(CommandError, match="No section"):
        run(LEDGER, "--section", "nowhere")
    with pytest.raises(CommandError, match="No section"):
        run(LEDGER, "--pages-section", "nowhere")
    with pytest.raises(CommandError, match="not allowed with"):
        run(LEDGER, "--pages-section", "news", "--skip-pages")
    not_xml = tmp_path / "notes.xml"
    not_xml.write_text("<html><body>hello</body></html>")
    with pytest.raises(CommandError, match="not an RSS file"):
        run(not_xml)
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item>")
    with pytest.raises(CommandError, match="not well-formed"):
        run(broken)


def test_an_item_that_fails_leaves_no_half_imported_brief(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(
        LEDGER.read_text().replace(
            "<wp:comment_id>9001</wp:comment_id>", "<wp:comment_id>x1</wp:comment_id>"
        )
    )
    output = run(export)
    assert "post 101" in output and "not imported" in output
    assert not Brief.objects.filter(slug="valparaiso-water-tariffs").exists()
    assert not ImportedPost.objects.filter(wordpress_id=101).exists()
    assert brief("copper-royalties").is_public


def test_the_analysis_heading_option(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(
        LEDGER.read_text().replace("<h3>Ledger Analysis</h3>", "<h3>Our view</h3>")
    )
    run(export)
    assert brief("valparaiso-water-tariffs").analysis == ""
    run(export, "--analysis-heading", "Our view")
    water = brief("valparaiso-water-tariffs")
    assert "rainfall" in water.analysis
    assert water.analysis_heading == "Our view"


def test_readers_see_the_imported_archive_at_once_through_the_page_cache(client):
    assert "Copper royalties" not in client.get("/en/").content.decode()
    run(LEDGER)
    assert "Copper royalties" in client.get("/en/").content.decode()


def test_the_export_is_read_streaming_in_bounded_memory(tmp_path):
    """Thousands of items: memory follows one item, not the file."""
    import tracemalloc

    from newsroom.importing.wxr import read

    paragraph = "The valley's reservoirs held less water than in any March. " * 60
    export = tmp_path / "large.xml"
    with export.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            "<title>The Cordillera Ledger</title>"
        )
        for number in range(4000):
            out.write(
                f"<item><title>Brief {number}</title><wp:post_id>{number}</wp:post_id>"
                "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
                f"<content:encoded><![CDATA[{paragraph}]]></content:encoded></item>"
            )
        out.write("</channel></rss>")
    size = export.stat().st_size
    assert size > 10_000_000
    tracemalloc.start()
    try:
        items = sum(1 for kind, _value in read(export) if kind == "item")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items == 4000
    assert peak < size / 10


def test_embeds_bare_urls_and_ver_tambien_lines():
    from newsroom.importing.body import convert

    body = convert(
        "Primer párrafo.\n\n"
        "https://video.example/watch/42\n\n"
        "[embed]https://audio.example/clip[/embed]\n\n"
        'VER TAMBIÉN: <a href="https://otro.example/nota/">Otra nota</a>\n\n'
        "<h2>Análisis</h2>\n\nLa lectura."
    )
    assert '<a href="https://video.example/watch/42"' in body.news
    assert '<a href="https://audio.example/clip"' in body.news
    assert "VER TAMBIÉN" not in body.news
    assert [(link.label, link.url, link.after_paragraph) for link in body.see_also] == [
        ("Otra nota", "https://otro.example/nota/", 3)
    ]
    assert body.analysis == "<p>La lectura.</p>"
    assert body.problems == []


def test_the_first_image_of_the_text_is_the_featured_image_without_a_thumbnail(
    tmp_path, media_dir
):
    export = tmp_path / "export.xml"
    export.write_text(
        LEDGER.read_text()
        .replace("missing-pipe.jpg", "reservoir.png")
        .replace("<wp:meta_value><![CDATA[201]]>", "<wp:meta_value><![CDATA[]]>")
    )
    output = run(export, "--media-dir", media_dir)
    water = brief("valparaiso-water-tariffs")
    assert water.featured_image.name.startswith("briefs/reservoir")
    assert (water.image_alt, water.image_caption) == (
        "A rusted pipe",
        "The old pipe near Quillota.",
    )
    assert "missing-pipe" not in output


@pytest.mark.parametrize(
    "link", ["/2024/03/12/año-nuevo/", "/2024/03/12/a%C3%B1o-nuevo/"]
)
def test_an_old_address_with_accents_redirects_however_the_export_spells_it(
    client, tmp_path, link
):
    export = tmp_path / "export.xml"
    export.write_text(
        LEDGER.read_text().replace(
            "https://ledger.example/2024/03/12/valparaiso-water-tariffs/",
            "https://ledger.example" + link,
        )
    )
    run(export)
    response = client.get("/2024/03/12/año-nuevo/")
    assert response.status_code == 301
    assert response["Location"] == "/en/briefs/valparaiso-water-tariffs/"


def test_a_scheduled_briefs_old_address_redirects_once_it_is_public(client, imported):
    from datetime import timedelta

    from django.utils import timezone

    assert client.get("/2099/01/05/lithium-auction/").status_code == 404
    Brief.objects.filter(slug="lithium-auction").update(
        published_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.get("/2099/01/05/lithium-auction/")
    assert response.status_code == 301
    assert response["Location"] == "/en/briefs/lithium-auction/"
    assert client.get("/?p=103")["Location"] == "/en/briefs/lithium-auction/"


def test_editors_find_the_redirects_in_the_admin(admin_client, imported):
    response = admin_client.get("/admin/importing/oldaddress/")
    assert response.status_code == 200
    assert "/2024/03/12/valparaiso-water-tariffs/" in response.content.decode()
    add = "/admin/importing/oldaddress/add/"
    response = admin_client.post(
        add, {"old_path": "/old-about/", "new_path": "https://elsewhere.example/"}
    )
    assert response.status_code == 200
    assert "starting with “/”" in response.content.decode()
    response = admin_client.post(add, {"old_path": "/old-about/", "new_path": "/en/"})
    assert response.status_code == 302
    assert admin_client.get("/old-about/")["Location"] == "/en/"


def test_a_redirect_follows_the_briefs_new_slug(client, imported):
    water = brief("valparaiso-water-tariffs")
    water.slug = "water-tariffs"
    water.save()
    response = client.get("/2024/03/12/valparaiso-water-tariffs/")
    assert response["Location"] == "/en/briefs/water-tariffs/"


def test_images_are_read_only_from_inside_the_media_dir(media_dir):
    from newsroom.importing import media

    (media_dir.parent / "secret.png").write_bytes(
        (media_dir / "2024/03/reservoir.png").read_bytes()
    )
    inside = "https://ledger.example/wp-content/uploads/2024/03/reservoir.png"
    outside = "https://ledger.example/wp-content/uploads/../secret.png"
    assert media.find(media_dir, inside)[0] is not None
    path, reason = media.find(media_dir, outside)
    assert path is None and "missing" in reason
    (media_dir / "notes.png").write_text("not an image")
    path, reason = media.find(media_dir, "/wp-content/uploads/notes.png")
    assert path is None and reason.startswith("image refused")


def test_wxr_1_1_and_a_see_also_line_removed_since_the_first_run(tmp_path):
    run(LEDGER)
    export = tmp_path / "export.xml"
    export.write_text(
        LEDGER.read_text()
        .replace("/export/1.2/", "/export/1.1/")
        .replace("SEE ALSO: <a", "See the story <a")
    )
    output = run(export)
    assert "posts: 0 created, 7 updated" in output
    water = brief("valparaiso-water-tariffs")
    assert not water.see_also.exists()
    assert "See the story" in water.news


# WordPress pages as the site's pages


def test_an_imported_page_is_public_at_its_address_and_its_old_ones(client, imported):
    response = client.get("/en/page/about/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "About the Ledger" in text
    assert "reader-funded newsroom covering the Andes" in text
    for old in ("/about/", "/?page_id=110", "/?p=110"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == "/en/page/about/"
    about = Page.objects.get(slug="about")
    assert OldAddress.objects.get(old_path="/about/").page == about
    assert ImportedPost.objects.get(wordpress_id=110).page == about


def test_a_draft_page_is_not_public_nor_redirected_to(client, imported):
    assert client.get("/es/page/sobre-el-ledger/").status_code == 404
    assert not OldAddress.objects.filter(old_path__contains="sobre-el-ledger").exists()
    assert client.get("/es/sobre-el-ledger/").status_code == 404
    assert client.get("/?page_id=111").status_code == 410


def test_a_page_unpublished_after_the_import_is_not_redirected_to(client, imported):
    about = Page.objects.get(slug="about")
    about.status = Page.Status.DRAFT
    about.save()
    assert client.get("/about/").status_code == 404
    assert client.get("/?page_id=110").status_code == 410
    # And again once an editor publishes it.
    about.status = Page.Status.PUBLISHED
    about.save()
    assert client.get("/?page_id=110")["Location"] == "/en/page/about/"


def test_a_second_run_updates_the_same_page_and_keeps_the_editors_choices(
    client, tmp_path, imported
):
    about = Page.objects.get(slug="about")
    about.in_footer = True
    about.role = Page.Role.ABOUT
    about.save()
    export = tmp_path / "export.xml"
    export.write_text(
        LEDGER.read_text().replace("covering the Andes", "covering the whole Andes")
    )
    output = run(export)
    assert "pages: 0 created, 2 updated" in output
    assert Page.objects.count() == 2
    again = Page.objects.get(pk=about.pk)
    assert "covering the whole Andes" in again.body
    assert (again.in_footer, again.role) == (True, Page.Role.ABOUT)
    assert client.get("/about/")["Location"] == "/en/page/about/"
    assert "covering the whole Andes" in client.get("/en/page/about/").content.decode()


def test_a_private_page_is_a_draft_and_its_slug_is_made_unique(tmp_path):
    Page.objects.create(title="About us", slug="about", body="<p>Ours.</p>")
    export = tmp_path / "export.xml"
    export.write_text(
        LEDGER.read_text().replace(
            "<wp:post_name><![CDATA[about]]></wp:post_name>\n"
            "\t\t<wp:status><![CDATA[publish]]>",
            "<wp:post_name><![CDATA[about]]></wp:post_name>\n"
            "\t\t<wp:status><![CDATA[private]]>",
        )
    )
    output = run(export)
    page = ImportedPost.objects.get(wordpress_id=110).page
    assert (page.slug, page.status) == ("about-2", Page.Status.DRAFT)
    assert "page 110 “About the Ledger”: private" in output


def test_a_page_imported_as_a_brief_before_becomes_a_page(client):
    from tests.factories import make_section

    make_section(slug="corner", name="Corner", is_organization=True)
    run(LEDGER, "--pages-section", "corner")
    output = run(LEDGER)
    assert "page 110 “About the Ledger”: was a brief" in output
    imported = ImportedPost.objects.get(wordpress_id=110)
    assert imported.brief is None
    assert imported.page == Page.objects.get(slug="about")
    assert client.get("/about/")["Location"] == "/en/page/about/"


def test_editors_see_a_pages_old_address_in_the_admin(admin_client, imported):
    about = Page.objects.get(slug="about")
    response = admin_client.get("/admin/importing/oldaddress/")
    assert "About the Ledger" in response.content.decode()
    add = "/admin/importing/oldaddress/add/"
    response = admin_client.post(
        add, {"old_path": "/who-we-are/", "page": about.pk, "new_path": "/en/"}
    )
    assert response.status_code == 200
    assert "Choose one of a brief, a page or a path." in response.content.decode()
    response = admin_client.post(add, {"old_path": "/who-we-are/", "page": about.pk})
    assert response.status_code == 302
    assert admin_client.get("/who-we-are/")["Location"] == "/en/page/about/"
