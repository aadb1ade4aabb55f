"""Draw the default site icons into static/icons/ (run once; the files are committed).

The mark is a brief: a headline bar over three lines of text, white on the
site's accent red. The SVG and the PNGs are drawn from the same shapes on a
512-unit square, so they match at every size.

    python scripts/make_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

ACCENT = "#a3231f"
PAPER = "#ffffff"
SIDE = 512
RADIUS = 96
# (x0, y0, x1, y1) on the 512 square: the headline, then the text lines.
BARS = [
    (112, 120, 400, 196),
    (112, 252, 400, 284),
    (112, 324, 400, 356),
    (112, 396, 304, 428),
]
OUT = Path(__file__).resolve().parents[1] / "static" / "icons"


def svg():
    bars = "".join(
        f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="8"/>'
        for x0, y0, x1, y1 in BARS
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIDE} {SIDE}">'
        f'<rect width="{SIDE}" height="{SIDE}" rx="{RADIUS}" fill="{ACCENT}"/>'
        f'<g fill="{PAPER}">{bars}</g></svg>\n'
    )


def png(size, rounded=True):
    """The icon at ``size`` pixels, drawn 4x larger and scaled down (smooth edges).

    Apple's home-screen icon is a full square: iOS rounds its corners itself.
    """
    scale = size * 4 / SIDE
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    draw.rounded_rectangle(
        (0, 0, size * 4 - 1, size * 4 - 1),
        radius=RADIUS * scale if rounded else 0,
        fill=ACCENT,
    )
    for box in BARS:
        draw.rounded_rectangle(
            tuple(value * scale for value in box), radius=8 * scale, fill=PAPER
        )
    image = big.resize((size, size), Image.LANCZOS)
    return image if rounded else image.convert("RGB")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg())
    for size in (32, 192, 512):
        png(size).save(OUT / f"icon-{size}.png", optimize=True)
    png(180, rounded=False).save(OUT / "apple-touch-icon.png", optimize=True)
    png(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
