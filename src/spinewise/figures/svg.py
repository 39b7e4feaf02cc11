"""Draw an exercise's start and end positions as one small SVG picture.

Two stick figures side by side on one floor line and one scale, "Start" and "End" written under
them, an arrow between. The output depends only on the poses and the title (no clock, no random
numbers), with numbers rounded to one decimal so that it is byte-identical run to run.
"""

from __future__ import annotations

import hashlib
import math
from xml.sax.saxutils import escape, quoteattr

from spinewise.figures.body import (
    ARM_POINTS,
    HEAD_RADIUS,
    LEG_POINTS,
    SURFACE_DEPTH,
    Point,
    Pose,
    Prop,
    Segments,
    place,
)

__all__ = ["figure_svg"]

#: Pixels per body height in the viewBox.
SCALE_PX = 100.0
_INK = "#1f3a5f"
_FAR = "#8a9bb0"
_PROP = "#c9b38f"
_METAL = "#6b6b6b"
_BAND = "#c0392b"
_AIR = "#4a90c2"
_PANEL_GAP = 0.35
_MARGIN = 0.08
_LABEL_H = 0.2
#: Props drawn over the body (held in the hands or on the shoulders); the rest go behind it.
_HELD_KINDS = frozenset(
    {"plate", "plate_back", "plate_front", "dumbbell", "kettlebell", "medicine_ball", "loop"}
)


def _depth(name: str) -> float:
    return SURFACE_DEPTH[name.removeprefix("near_").removeprefix("far_")]


def _f(v: float) -> str:
    """A number for the SVG: one decimal, no trailing zero, no negative zero."""
    text = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Canvas:
    """Body-height coordinates (y up) to viewBox pixels (y down) for one panel."""

    def __init__(self, x0: float, y_top: float) -> None:
        self.x0, self.y_top = x0, y_top
        self.parts: list[str] = []

    def xy(self, p: Point) -> str:
        return f"{_f((p[0] - self.x0) * SCALE_PX)},{_f((self.y_top - p[1]) * SCALE_PX)}"

    def x(self, v: float) -> str:
        return _f((v - self.x0) * SCALE_PX)

    def y(self, v: float) -> str:
        return _f((self.y_top - v) * SCALE_PX)

    def line(self, a: Point, b: Point, color: str, width: float, extra: str = "") -> None:
        ax, ay = self.xy(a).split(",")
        bx, by = self.xy(b).split(",")
        self.parts.append(
            f'<line x1="{ax}" y1="{ay}" x2="{bx}" y2="{by}" stroke="{color}" '
            f'stroke-width="{_f(width * SCALE_PX)}" stroke-linecap="round"{extra}/>'
        )

    def poly(self, pts: list[Point], color: str, width: float) -> None:
        d = " ".join(self.xy(p) for p in pts)
        self.parts.append(
            f'<polyline points="{d}" fill="none" stroke="{color}" '
            f'stroke-width="{_f(width * SCALE_PX)}" stroke-linecap="round" '
            'stroke-linejoin="round"/>'
        )

    def circle(self, c: Point, r: float, fill: str, stroke: str = "none") -> None:
        cx, cy = self.xy(c).split(",")
        self.parts.append(
            f'<circle cx="{cx}" cy="{cy}" r="{_f(r * SCALE_PX)}" fill="{fill}" stroke="{stroke}"/>'
        )

    def rect(self, x: float, y_low: float, w: float, h: float, fill: str) -> None:
        self.parts.append(
            f'<rect x="{self.x(x)}" y="{self.y(y_low + h)}" width="{_f(w * SCALE_PX)}" '
            f'height="{_f(h * SCALE_PX)}" fill="{fill}" rx="2"/>'
        )


def _unit(a: Point, b: Point) -> Point:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    return (dx / n, dy / n)


def _back(seg: Segments) -> Point:
    """Unit vector out of the back: "up the trunk" turned a quarter to the left."""
    u = _unit(seg.points["hip"], seg.points["shoulder"])
    return (-u[1], u[0])


def _band_end(p: Point, direction_deg: float) -> Point:
    """Where a band or cable from ``p`` is anchored: 0.45 body heights away, never underground."""
    rad = math.radians(direction_deg)
    length = 0.45
    if math.sin(rad) < 0 and p[1] > 0:
        length = min(length, p[1] / -math.sin(rad))
    return (p[0] + length * math.cos(rad), p[1] + length * math.sin(rad))


def _draw_prop(c: _Canvas, prop: Prop, seg: Segments) -> None:
    p = seg.points[prop.at]
    surface = p[1] - _depth(prop.at)
    kind = prop.kind
    if kind in ("box", "bench"):
        width = 0.45 if kind == "bench" else 0.3
        left = p[0] - width / 2
        if prop.direction_deg > 0:  # a longer bench reaching forward from the point
            width, left = prop.direction_deg, p[0] - 0.12
        if surface > 0.02:
            c.rect(left, 0.0, width, surface, _PROP)
    elif kind == "chair":
        if surface > 0.02:
            c.rect(p[0] - 0.2, surface - 0.04, 0.3, 0.04, _PROP)
            c.line((p[0] - 0.18, 0.0), (p[0] - 0.18, surface), _PROP, 0.025)
            c.line((p[0] + 0.08, 0.0), (p[0] + 0.08, surface), _PROP, 0.025)
            c.line((p[0] - 0.19, surface), (p[0] - 0.19, surface + 0.28), _PROP, 0.03)
    elif kind == "ball":
        if surface > 0.06:
            c.circle((p[0], surface / 2), surface / 2, "#f3d9a4", _PROP)
    elif kind == "wall":
        x = p[0] + _depth(prop.at) + 0.01
        c.line((x, 0.0), (x, 1.15), _METAL, 0.02)
    elif kind == "wall_behind":
        x = min(seg.points["hip"][0], seg.points["shoulder"][0]) - 0.065
        c.line((x, 0.0), (x, 1.15), _METAL, 0.02)
    elif kind == "bar":
        c.line((p[0] - 0.2, p[1]), (p[0] + 0.2, p[1]), _METAL, 0.025)
    elif kind == "dowel":
        hip, shoulder = seg.points["hip"], seg.points["shoulder"]
        u = _unit(hip, shoulder)
        back = _back(seg)
        off = 0.065
        a = (hip[0] - u[0] * 0.08 + back[0] * off, hip[1] - u[1] * 0.08 + back[1] * off)
        b = (shoulder[0] + u[0] * 0.2 + back[0] * off, shoulder[1] + u[1] * 0.2 + back[1] * off)
        c.line(a, b, _PROP, 0.018)
    elif kind in ("plate", "plate_back", "plate_front"):
        # a barbell seen end-on; on the upper back or the front of the shoulders it sits off the
        # shoulder joint by about the trunk's half-depth
        off = {"plate": 0.0, "plate_back": 0.075, "plate_front": -0.07}[kind]
        back = _back(seg)
        centre = (p[0] + back[0] * off, p[1] + back[1] * off)
        c.circle(centre, 0.115, "none", _METAL)
        c.parts[-1] = c.parts[-1].replace("/>", ' stroke-width="5"/>')
        c.circle(centre, 0.02, _METAL)
    elif kind == "loop":
        c.circle(p, 0.03, "none", _BAND)
        c.parts[-1] = c.parts[-1].replace("/>", ' stroke-width="2.5"/>')
    elif kind == "incline_bench":
        # a pad along the front of the trunk from the hips up, on a post to the floor
        hip, shoulder = seg.points["hip"], seg.points["shoulder"]
        front = (-_back(seg)[0], -_back(seg)[1])
        off = 0.09
        a = (hip[0] + front[0] * off, hip[1] + front[1] * off)
        b = (shoulder[0] + front[0] * off, shoulder[1] + front[1] * off)
        c.line(a, b, _PROP, 0.05)
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        c.line(mid, (mid[0], 0.0), _PROP, 0.03)
        c.line((mid[0] - 0.12, 0.0), (mid[0] + 0.12, 0.0), _PROP, 0.03)
    elif kind == "dumbbell":
        c.circle(p, 0.045, _METAL)
    elif kind == "kettlebell":
        centre = (p[0], p[1] - 0.075)
        c.line(p, centre, _METAL, 0.015)
        c.circle(centre, 0.05, _METAL)
    elif kind == "medicine_ball":
        c.circle(p, 0.065, "#a0522d")
    elif kind == "band":
        end = _band_end(p, prop.direction_deg)
        c.line(p, end, _BAND, 0.012, ' stroke-dasharray="6 4"')
        c.rect(end[0] - 0.02, end[1] - 0.02, 0.04, 0.04, _BAND)
    elif kind in ("breath", "breath_back"):
        # the belly and ribs widening on a breath in: two short arcs in front of the abdomen
        # (behind the back for "breath_back", as when lying face down)
        hip, shoulder = seg.points["hip"], seg.points["shoulder"]
        u = _unit(hip, shoulder)
        sign = 1.0 if kind == "breath_back" else -1.0
        fx, fy = (sign * v for v in _back(seg))
        belly = (hip[0] + u[0] * 0.12, hip[1] + u[1] * 0.12)
        for d in (0.09, 0.14):
            a = (belly[0] + fx * d - u[0] * 0.05, belly[1] + fy * d - u[1] * 0.05)
            m = (belly[0] + fx * (d + 0.03), belly[1] + fy * (d + 0.03))
            b = (belly[0] + fx * d + u[0] * 0.05, belly[1] + fy * d + u[1] * 0.05)
            c.parts.append(
                f'<path d="M{c.xy(a)} Q{c.xy(m)} {c.xy(b)}" fill="none" stroke="{_AIR}" '
                'stroke-width="2.5" stroke-linecap="round"/>'
            )
    elif kind == "push":
        # a nudge from a partner: an arrow toward the point from the front
        fx, fy = (-v for v in _back(seg))
        tail = (p[0] + fx * 0.28, p[1] + fy * 0.28)
        tip = (p[0] + fx * 0.09, p[1] + fy * 0.09)
        c.line(tail, tip, _BAND, 0.015)
        wing_a = (tip[0] + fx * 0.05 - fy * 0.035, tip[1] + fy * 0.05 + fx * 0.035)
        wing_b = (tip[0] + fx * 0.05 + fy * 0.035, tip[1] + fy * 0.05 - fx * 0.035)
        c.parts.append(
            f'<path d="M{c.xy(wing_a)} L{c.xy(tip)} L{c.xy(wing_b)}" fill="none" '
            f'stroke="{_BAND}" stroke-width="1.5" stroke-linecap="round"/>'
        )
    elif kind == "landmine":
        end = (p[0] + 0.55, 0.0)
        c.line(p, end, _METAL, 0.02)
    elif kind == "slider":
        c.rect(p[0] - 0.05, 0.0, 0.1, 0.012, _METAL)
    else:
        raise ValueError(f"unknown prop kind {kind!r}")


def _draw_body(c: _Canvas, seg: Segments) -> None:
    pt = seg.points
    for side, color, width in ((1, _FAR, 0.038), (0, _INK, 0.045)):
        if side == 0:
            # the trunk (a curve through the spine's bend point) and head between the limbs
            d = f"M{c.xy(pt['hip'])} Q{c.xy(seg.spine_control)} {c.xy(pt['shoulder'])}"
            c.parts.append(
                f'<path d="{d}" fill="none" stroke="{_INK}" '
                f'stroke-width="{_f(0.06 * SCALE_PX)}" stroke-linecap="round"/>'
            )
            neck_dir = _unit(pt["shoulder"], pt["head"])
            neck_end = (
                pt["head"][0] - neck_dir[0] * HEAD_RADIUS,
                pt["head"][1] - neck_dir[1] * HEAD_RADIUS,
            )
            c.line(pt["shoulder"], neck_end, _INK, 0.035)
            c.circle(pt["head"], HEAD_RADIUS, _INK)
        knee, ankle, toe = LEG_POINTS[side]
        elbow, hand = ARM_POINTS[side]
        c.poly([pt["hip"], pt[knee], pt[ankle], pt[toe]], color, width)
        c.poly([pt["shoulder"], pt[elbow], pt[hand]], color, width * 0.85)


def _bounds(seg: Segments, pose: Pose) -> tuple[float, float, float, float]:
    xs = [x for x, _ in seg.points.values()]
    ys = [y for _, y in seg.points.values()]
    min_x, max_x = min(xs) - HEAD_RADIUS, max(xs) + HEAD_RADIUS
    min_y, max_y = min(0.0, *ys), max(ys) + HEAD_RADIUS
    for prop in pose.props:
        p = seg.points[prop.at]
        if prop.kind == "band":
            end = _band_end(p, prop.direction_deg)
            min_x, max_x = min(min_x, end[0] - 0.03), max(max_x, end[0] + 0.03)
            max_y = max(max_y, end[1] + 0.03)
            continue
        reach = {"bench": 0.23, "chair": 0.2, "box": 0.15, "incline_bench": 0.35}
        reach |= {"breath": 0.2, "breath_back": 0.2, "push": 0.3}
        reach |= dict.fromkeys(("plate", "plate_back", "plate_front"), 0.21)
        r = reach.get(prop.kind, 0.08)
        if prop.kind == "landmine":
            max_x = max(max_x, p[0] + 0.6)
        if prop.kind in ("box", "bench") and prop.direction_deg > 0:
            max_x = max(max_x, p[0] + prop.direction_deg)
        if prop.kind == "ball":
            r = max(r, (p[1] - _depth(prop.at)) / 2 + 0.02)
        min_x, max_x = min(min_x, p[0] - r), max(max_x, p[0] + r)
        max_y = max(max_y, p[1] + r)
        if prop.kind in ("wall", "wall_behind"):
            max_y = max(max_y, 1.15)
        if prop.kind == "chair":
            max_y = max(max_y, p[1] + 0.28)
    return min_x, max_x, min_y, max_y


def figure_svg(title: str, start: Pose, end: Pose, *, width_px: int | None = None) -> str:
    """One SVG picture of two positions.

    Parameters
    ----------
    title
        What the picture shows, in people's words (the SVG's ``<title>``).
    start, end
        The two positions.
    width_px
        The ``width`` attribute [px]; ``None`` leaves the picture to fill its container.

    Returns
    -------
    str
        The SVG document (no XML declaration, so that it can also be inlined in HTML).
    """
    placed = [place(start), place(end)]
    boxes = [_bounds(seg, pose) for pose, seg in placed]
    panel_w = max(b[1] - b[0] for b in boxes) + 2 * _MARGIN
    top = max(b[3] for b in boxes) + _MARGIN
    bottom = min(b[2] for b in boxes) - 0.03
    height = top - bottom + _LABEL_H
    total_w = 2 * panel_w + _PANEL_GAP
    ident = "fig-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:10]
    size = f' width="{width_px}"' if width_px is not None else ""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(total_w * SCALE_PX)} '
        f'{_f(height * SCALE_PX)}"{size} role="img" aria-labelledby="{ident}" '
        'class="exercise-figure-drawing">',
        f"<title id={quoteattr(ident)}>{escape(title)}</title>",
    ]
    for i, ((pose, seg), box) in enumerate(zip(placed, boxes, strict=True)):
        left = i * (panel_w + _PANEL_GAP)
        # centre each figure in its panel
        x0 = (box[0] + box[1]) / 2 - panel_w / 2 - left
        c = _Canvas(x0, top)
        c.line((x0 + left + 0.02, 0.0), (x0 + left + panel_w - 0.02, 0.0), "#9e9e9e", 0.015)
        for prop in pose.props:
            if prop.kind not in _HELD_KINDS:
                _draw_prop(c, prop, seg)
        _draw_body(c, seg)
        for prop in pose.props:
            if prop.kind in _HELD_KINDS:
                _draw_prop(c, prop, seg)
        label = "Start" if i == 0 else "End"
        label_y = _f((top - bottom + _LABEL_H * 0.75) * SCALE_PX)
        c.parts.append(
            f'<text x="{_f((left + panel_w / 2) * SCALE_PX)}" y="{label_y}" '
            'text-anchor="middle" font-family="sans-serif" font-size="16" '
            f'fill="{_INK}">{label}</text>'
        )
        out.append(f'<g aria-hidden="true">{"".join(c.parts)}</g>')
    ax = (panel_w + _PANEL_GAP / 2) * SCALE_PX
    ay = (top - bottom) / 2 * SCALE_PX
    out.append(
        f'<path d="M{_f(ax - 12)},{_f(ay)} h22 m-7,-7 l7,7 l-7,7" fill="none" '
        f'stroke="{_FAR}" stroke-width="3" aria-hidden="true"/>'
    )
    out.append("</svg>")
    return "".join(out)
