"""Pictures for the demo briefs, drawn by code: charts, maps and shapes.

Invented for this project, no photographs: each is drawn with Pillow from a
kind and a seed (``demo_data.BRIEF_IMAGES``), so the same bytes come out on
every machine and every run.
"""

import io
import math
import random

from PIL import Image, ImageDraw

SIZE = (1600, 900)
PALETTE = {
    "paper": (246, 242, 234),
    "ink": (34, 36, 40),
    "accent": (163, 35, 31),
    "water": (58, 110, 150),
    "land": (196, 178, 140),
    "green": (92, 128, 84),
    "muted": (150, 146, 138),
}


def draw(kind, seed):
    """The PNG bytes of a ``kind`` picture ("bars", "line", "river", "contours",
    "salt", "banner"), varied by ``seed``."""
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE, PALETTE["paper"])
    canvas = ImageDraw.Draw(image)
    {
        "bars": _bars,
        "line": _line,
        "river": _river,
        "contours": _contours,
        "salt": _salt,
        "banner": _banner,
    }[kind](canvas, rng)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _axes(canvas):
    left, bottom = 140, 780
    canvas.line(
        [(left, 120), (left, bottom), (1500, bottom)], fill=PALETTE["ink"], width=4
    )
    for step in range(1, 5):
        y = bottom - step * 150
        canvas.line([(left, y), (1500, y)], fill=PALETTE["muted"], width=1)
    return left, bottom


def _bars(canvas, rng):
    left, bottom = _axes(canvas)
    count = 10
    height = rng.randint(480, 600)
    for index in range(count):
        height = max(60, height + rng.randint(-110, 40))
        x = left + 40 + index * 132
        colour = PALETTE["accent"] if index == count - 1 else PALETTE["water"]
        canvas.rectangle([x, bottom - height, x + 92, bottom - 2], fill=colour)


def _line(canvas, rng):
    left, bottom = _axes(canvas)
    limit = bottom - 300
    canvas.line([(left, limit), (1500, limit)], fill=PALETTE["accent"], width=5)
    points, value = [], 180
    for index in range(25):
        value = min(620, max(60, value + rng.randint(-40, 70)))
        points.append((left + 20 + index * 55, bottom - value))
    canvas.line(points, fill=PALETTE["ink"], width=7, joint="curve")
    for x, y in points[::4]:
        canvas.ellipse([x - 9, y - 9, x + 9, y + 9], fill=PALETTE["ink"])


def _river(canvas, rng):
    canvas.rectangle([0, 0, *SIZE], fill=PALETTE["green"])
    phase = rng.random() * math.tau
    for width, colour in ((70, PALETTE["land"]), (34, PALETTE["water"])):
        points = [
            (x, 450 + 220 * math.sin(x / 260 + phase) + 60 * math.sin(x / 90))
            for x in range(-20, SIZE[0] + 40, 20)
        ]
        canvas.line(points, fill=colour, width=width, joint="curve")
    for _ in range(14):
        x, y = rng.randint(60, 1540), rng.randint(60, 840)
        canvas.ellipse([x - 10, y - 10, x + 10, y + 10], fill=PALETTE["paper"])


def _contours(canvas, rng):
    centres = [(rng.randint(300, 1300), rng.randint(200, 700)) for _ in range(2)]
    for ring in range(16, 0, -1):
        for cx, cy in centres:
            rx, ry = ring * 52, ring * 34
            shade = 236 - ring * 7
            canvas.ellipse(
                [cx - rx, cy - ry, cx + rx, cy + ry],
                fill=(shade - 30, shade - 10, shade - 40),
                outline=PALETTE["ink"],
                width=2,
            )
    x, y = centres[0]
    canvas.polygon(
        [(x, y - 40), (x - 30, y + 20), (x + 30, y + 20)], fill=PALETTE["accent"]
    )


def _salt(canvas, rng):
    canvas.rectangle([0, 0, *SIZE], fill=PALETTE["land"])
    for _ in range(9):
        cx, cy = rng.randint(100, 1500), rng.randint(100, 800)
        points = [
            (
                cx + math.cos(angle) * rng.randint(80, 200),
                cy + math.sin(angle) * rng.randint(50, 130),
            )
            for angle in [step * math.tau / 9 for step in range(9)]
        ]
        canvas.polygon(points, fill=(238, 240, 236), outline=PALETTE["muted"])
    for _ in range(5):
        x, y = rng.randint(100, 1500), rng.randint(100, 800)
        canvas.rectangle([x, y, x + 60, y + 36], fill=PALETTE["water"])


def _banner(canvas, rng):
    canvas.rectangle([0, 0, *SIZE], fill=PALETTE["ink"])
    for index in range(7):
        y = 220 + index * 70
        points = [
            (x, y + 40 * math.sin(x / 180 + index + rng.random()))
            for x in range(0, SIZE[0] + 20, 20)
        ]
        colour = PALETTE["accent"] if index == 3 else PALETTE["muted"]
        canvas.line(points, fill=colour, width=12, joint="curve")
