#!/usr/bin/env python3
"""Draws Lindung's icon: a shield (lindung = to shelter, to protect) in the app's green, and
under its white roof line a family of two, an adult and a child, as plain white shapes that
stay readable at 16×16. Writes lindung.png (256×256, the window and the README), lindung.ico
(16–256, the Windows exe and installer) and lindung-48.png (the Linux menu entry).

Run from this folder with Python 3 and Pillow: python3 make-icon.py
"""
from PIL import Image, ImageDraw

S = 1024  # drawn large, then scaled down smoothly
GREEN = (0x0B, 0x6E, 0x4F, 255)  # the app's accent (theme.rs ACCENT_LIGHT)
WHITE = (255, 255, 255, 255)

img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
d = ImageDraw.Draw(img)

# The shield: straight top with rounded corners, sides curving to a point at the bottom.
top, left, right, bottom = 70, 130, S - 130, S - 50
shield = [(left, top + 90), (left + 90, top), (right - 90, top), (right, top + 90)]
# the two curved sides, sampled as a quadratic curve down to the tip
tip = (S // 2, bottom)
def curve(p0, p1, p2, n=40):
    return [
        (
            (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t ** 2 * p2[0],
            (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t ** 2 * p2[1],
        )
        for t in [i / n for i in range(n + 1)]
    ]
shield += curve((right, top + 90), (right, S * 0.72), tip)[1:]
shield += curve(tip, (left, S * 0.72), (left, top + 90))[1:]
d.polygon(shield, fill=GREEN)

# The roof: a white chevron over the family.
d.line([(250, 430), (S // 2, 230), (S - 250, 430)], fill=WHITE, width=70, joint="curve")
# The adult: head and body.
d.ellipse([(360, 430), (480, 550)], fill=WHITE)
d.rounded_rectangle([(335, 570), (505, 800)], radius=70, fill=WHITE)
# The child: smaller, beside.
d.ellipse([(570, 520), (660, 610)], fill=WHITE)
d.rounded_rectangle([(550, 625), (680, 780)], radius=55, fill=WHITE)

big = img.resize((256, 256), Image.LANCZOS)
big.save("lindung.png")
img.resize((48, 48), Image.LANCZOS).save("lindung-48.png")
big.save("lindung.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
