"""Figure setup shared by every chart: a phone-sized Agg figure, the title and legend header, one
axes placed in pixels, axis labels and gridlines, the "no entries" chart, and the PNG export.

Speed shapes this module: a chart has a 60 ms budget on a small server. matplotlib draws the
shapes (bars as collections, lines, bands) on one axes with its tick machinery off, because every
tick is five artists; all text is queued and drawn afterwards with Pillow onto the rendered image,
at about a tenth of matplotlib's cost per string. Layout is computed in pixels from measured text
instead of tight_layout, which draws the figure twice.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Transform
from PIL import Image, ImageDraw, ImageFont

from finance.charts.fonts import pil_font
from finance.charts.labels import ChartLabels
from finance.charts.style import ChartStyle
from finance.charts.text import ELLIPSIS, clean, short_money

PAD = 10.0  # px around the plot and between header rows
GAP = 6.0  # px between a label and what it labels

Key = Literal["box", "line", "dashed", "dot"]
HAlign = Literal["left", "center", "right"]
VAlign = Literal["top", "center", "bottom"]
# Pillow anchors on the font's ascender/descender, so labels of any letters line up.
_H = {"left": "l", "center": "m", "right": "r"}
_V = {"top": "a", "center": "m", "bottom": "d"}
_SHARE = {"left": 0.0, "center": 0.5, "right": 1.0}


@dataclass(frozen=True)
class _Text:
    text: str
    x: float
    y: float
    transform: Transform | None  # None: pixels from the image's top left
    size: float
    bold: bool
    colour: str
    ha: HAlign
    va: VAlign
    dx: float  # px, right
    dy: float  # px, down


@dataclass
class Drawing:
    """A chart being drawn: its figure, pixel layout, and the text to put on top."""

    figure: Figure
    canvas: FigureCanvasAgg
    style: ChartStyle
    width: int  # px
    height: int  # px
    top: float = 0.0  # px taken by the header so far
    plot_width: float = 0.0  # px, once the axes is placed
    plot_height: float = 0.0
    texts: list[_Text] = field(default_factory=list)

    def font(self, size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        return pil_font(self.style.font_family, self.style.px(size), bold)

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        return float(self.font(size, bold).getlength(text))

    def widest(self, texts: Sequence[str], size: float) -> float:
        return max((self.text_width(text, size) for text in texts), default=0.0)

    def line_height(self, size: float) -> float:
        return self.style.px(size) * 1.25

    def fit(self, text: str, size: float, max_px: float, bold: bool = False) -> str:
        """`text`, cut with an ellipsis until it is at most `max_px` wide."""
        width = self.text_width(text, size, bold)
        if width <= max_px:
            return text
        keep = min(int(len(text) * max_px / width) + 2, len(text))  # a proportional start, then step back
        while keep > 0 and self.text_width(text[:keep].rstrip() + ELLIPSIS, size, bold) > max_px:
            keep -= 1
        return text[:keep].rstrip() + ELLIPSIS

    def fx(self, px: float) -> float:
        """Pixels from the left as a figure fraction."""
        return px / self.width

    def fy(self, px_from_top: float) -> float:
        """Pixels from the top as a figure fraction."""
        return 1 - px_from_top / self.height

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        transform: Transform | None = None,
        size: float | None = None,
        bold: bool = False,
        colour: str | None = None,
        ha: HAlign = "left",
        va: VAlign = "center",
        dx: float = 0.0,
        dy: float = 0.0,
    ) -> None:
        """Queue one line of text at (x, y): pixels from the top left, or coordinates of `transform`
        (e.g. an axes' data), resolved after the figure is drawn."""
        if text:
            size = size or self.style.text_size
            self.texts.append(_Text(text, x, y, transform, size, bold, colour or self.style.ink, ha, va, dx, dy))


def new_chart(style: ChartStyle) -> Drawing:
    figure = Figure(figsize=(style.width_in, style.height_in), dpi=style.dpi, facecolor=style.background)
    canvas = FigureCanvasAgg(figure)
    width, height = canvas.get_width_height()
    return Drawing(figure, canvas, style, width, height)


def add_title(chart: Drawing, title: str, max_lines: int = 2) -> None:
    """The caller's title, wrapped by measured width onto at most two lines."""
    style = chart.style
    text = clean(title, style.font_family)
    room = chart.width - 2 * PAD
    lines: list[str] = []
    for word in text.split(" "):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and (len(lines) == max_lines or chart.text_width(candidate, style.title_size, True) <= room):
            lines[-1] = candidate  # on the last line the overflow is cut below
        else:
            lines.append(word)
    y = PAD * 0.8
    for line in lines:
        fitted = chart.fit(line, style.title_size, room, bold=True)
        chart.text(chart.width / 2, y, fitted, size=style.title_size, bold=True, ha="center", va="top")
        y += chart.line_height(style.title_size)
    chart.top = y + 2


def add_note(chart: Drawing, note: str) -> None:
    """A muted line under the title (e.g. "Totals per week")."""
    style = chart.style
    text = chart.fit(clean(note, style.font_family), style.note_size, chart.width - 2 * PAD)
    chart.text(chart.width / 2, chart.top, text, size=style.note_size, colour=style.muted, ha="center", va="top")
    chart.top += chart.line_height(style.note_size)


def add_legend(chart: Drawing, entries: Sequence[tuple[Key, str, str]]) -> None:
    """One centred row of (key, colour, label) entries under the title."""
    style = chart.style
    size = style.text_size
    key_px, key_gap, entry_gap = style.px(size) * 1.1, 5.0, style.px(size) * 1.2
    texts = [clean(label, style.font_family) for _, _, label in entries]
    # Share the row's room out: short labels keep their width, long ones split what is left.
    room = chart.width - 2 * PAD - len(entries) * (key_px + key_gap) - (len(entries) - 1) * entry_gap
    allowed: dict[int, float] = {}
    for n, i in enumerate(sorted(range(len(texts)), key=lambda i: chart.text_width(texts[i], size))):
        allowed[i] = room / (len(texts) - n)
        room -= min(chart.text_width(texts[i], size), allowed[i])
    texts = [chart.fit(text, size, allowed[i]) for i, text in enumerate(texts)]
    widths = [chart.text_width(text, size) for text in texts]
    total = sum(widths) + len(entries) * (key_px + key_gap) + (len(entries) - 1) * entry_gap
    x = (chart.width - total) / 2
    middle = chart.top + chart.line_height(size) / 2
    y = chart.fy(middle)
    for (key, colour, _), text, width in zip(entries, texts, widths, strict=True):
        if key == "box":
            half = style.px(size) * 0.4
            chart.figure.add_artist(
                Rectangle(
                    (chart.fx(x), chart.fy(middle + half)),
                    key_px / chart.width,
                    2 * half / chart.height,
                    transform=chart.figure.transFigure,
                    facecolor=colour,
                    edgecolor="none",
                    antialiased=False,
                )
            )
        else:
            chart.figure.add_artist(
                Line2D(
                    [chart.fx(x), chart.fx(x + key_px / 2), chart.fx(x + key_px)],
                    [y, y, y],
                    transform=chart.figure.transFigure,
                    color=colour,
                    linewidth=2.5,
                    linestyle=(0, (3, 1.5)) if key == "dashed" else "-",
                    marker="o" if key == "dot" else None,
                    markevery=[1] if key == "dot" else None,
                    markersize=6,
                    dash_capstyle="butt",
                    solid_capstyle="butt",
                )
            )
        chart.text(x + key_px + key_gap, middle, text, size=size)
        x += key_px + key_gap + width + entry_gap
    chart.top += chart.line_height(size) + 2


def add_axes(chart: Drawing, *, left: float, right: float, bottom: float, top_gap: float = PAD) -> Axes:
    """The plot area inside the given pixel margins, below the header, with no axis machinery."""
    top = chart.top + top_gap
    chart.plot_width = chart.width - left - right
    chart.plot_height = chart.height - top - bottom
    rect = (chart.fx(left), bottom / chart.height, chart.plot_width / chart.width, chart.plot_height / chart.height)
    ax = chart.figure.add_axes(rect)
    ax.set_axis_off()  # ticks would cost more than the rest of the chart; labels are drawn as text
    return ax


def money_ticks(low: float, high: float, max_ticks: int = 5) -> list[float]:
    """Round money steps (1, 2, 5 x 10^n) inside low..high: at least three where the steps allow."""
    ticks: list[float] = []
    for bins in range(max_ticks - 1, max_ticks + 3):  # a coarse step can leave one tick inside
        locator = MaxNLocator(nbins=bins, steps=[1, 2, 5, 10], integer=True)
        ticks = [float(tick) for tick in locator.tick_values(low, high) if low <= tick <= high]
        if len(ticks) >= 3:
            break
    return ticks


def money_texts(chart: Drawing, ticks: Sequence[float], labels: ChartLabels) -> list[str]:
    return [clean(short_money(tick, labels), chart.style.font_family) for tick in ticks]


def padded(
    low: float, high: float, *, zero: bool = True, pad: float = 0.08, min_span: float = 1000.0
) -> tuple[float, float]:
    """Limits around low..high with some air; with `zero`, 0 is always inside (bars start there)."""
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    if high - low < min_span:  # a flat or empty series still gets a readable scale
        if zero and low == 0:
            high = min_span
        elif zero and high == 0:
            low = -min_span
        else:
            middle = (low + high) / 2
            low, high = middle - min_span / 2, middle + min_span / 2
    span = high - low
    # Bars rest on a zero limit; air only on the sides that have values.
    return (low if zero and low == 0 else low - span * pad, high if zero and high == 0 else high + span * pad)


def y_labels(
    chart: Drawing,
    ax: Axes,
    ticks: Sequence[float],
    texts: Sequence[str],
    *,
    side: Literal["left", "right"] = "left",
    colour: str | None = None,
) -> None:
    """Labels beside the plot at data heights `ticks`."""
    x, ha, dx = (0.0, "right", -GAP) if side == "left" else (1.0, "left", GAP)
    for tick, text in zip(ticks, texts, strict=True):
        chart.text(x, tick, text, transform=ax.get_yaxis_transform(), ha=ha, dx=dx, colour=colour)  # type: ignore[arg-type]


def x_labels(chart: Drawing, ax: Axes, positions: Sequence[float], texts: Sequence[str]) -> None:
    """Labels under the plot at data positions."""
    for position, text in zip(positions, texts, strict=True):
        chart.text(position, 0.0, text, transform=ax.get_xaxis_transform(), ha="center", va="top", dy=GAP)


def hgrid(chart: Drawing, ax: Axes, ticks: Sequence[float]) -> None:
    """Light gridlines across the plot at money ticks (zero gets the darker baseline instead)."""
    others = [tick for tick in ticks if tick != 0]
    if others:
        ax.hlines(others, 0, 1, transform=ax.get_yaxis_transform(), colors=chart.style.grid, linewidth=1, zorder=0.5)


def baseline(chart: Drawing, ax: Axes, vertical: bool = False) -> None:
    if vertical:
        ax.axvline(0, color=chart.style.muted, linewidth=1, zorder=2.5)
    else:
        ax.axhline(0, color=chart.style.muted, linewidth=1, zorder=2.5)


def no_data_png(title: str, labels: ChartLabels, style: ChartStyle) -> bytes:
    """An empty period still answers with a chart: the title and the "no entries" note."""
    chart = new_chart(style)
    add_title(chart, title)
    note = chart.fit(clean(labels.no_data, style.font_family), style.text_size, chart.width - 2 * PAD)
    middle = chart.top + (chart.height - chart.top) / 2
    chart.text(chart.width / 2, middle, note, colour=style.muted, ha="center")
    return to_png(chart)


def _draw_texts(chart: Drawing, image: Image.Image) -> None:
    draw = ImageDraw.Draw(image)
    for item in chart.texts:
        x, y = item.x, item.y
        if item.transform is not None:
            x, y = (float(v) for v in item.transform.transform((x, y)))
            y = chart.height - y  # display coordinates count from the bottom
        x, y = x + item.dx, y + item.dy
        font = chart.font(item.size, item.bold)
        width = font.getlength(item.text)
        left = x - width * _SHARE[item.ha]
        # Never off the image: an end label is nudged in rather than cut.
        x += max(2 - left, 0.0) + min(chart.width - 2 - (left + width), 0.0)
        draw.text((x, y), item.text, fill=item.colour, font=font, anchor=_H[item.ha] + _V[item.va])


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _snap_palette(image: Image.Image, style: ChartStyle) -> None:
    """Octree buckets shift colours by a step or two (white becomes 254, 254, 254); put the style's
    own colours back exactly, so the background is white and the brand colours are true."""
    palette = image.getpalette() or []
    exact = [_rgb(value) for value in vars(style).values() if isinstance(value, str) and value.startswith("#")]
    for i in range(0, len(palette) - 2, 3):
        entry = palette[i : i + 3]
        for target in exact:
            if max(abs(a - b) for a, b in zip(entry, target, strict=True)) <= 4:
                palette[i : i + 3] = target
                break
    image.putpalette(palette)


def to_png(chart: Drawing) -> bytes:
    """Draw the shapes, put the text on, encode palette-quantized: flat colours lose nothing visible."""
    chart.canvas.draw()
    rgba = Image.frombuffer("RGBA", (chart.width, chart.height), chart.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    image = rgba.convert("RGB")
    _draw_texts(chart, image)
    if chart.style.png_colours:
        # Fast octree: a few ms where median cut takes 10-15; no dithering keeps flat areas flat.
        image = image.quantize(
            colors=chart.style.png_colours, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
        _snap_palette(image, chart.style)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)  # level 9 is ~10 ms more for ~1 KB less
    return out.getvalue()
