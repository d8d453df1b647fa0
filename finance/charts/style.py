"""Sizes and colours of a chart, passed per call (never through matplotlib's global rcParams)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartStyle:
    # 600 x 400 px: a chat shows it about 360 px wide, where 12 pt at 100 dpi is still ~10 px tall.
    width_in: float = 6.0
    height_in: float = 4.0
    dpi: int = 100
    font_family: str = "DejaVu Sans"
    title_size: float = 14.0
    text_size: float = 12.0  # ticks, legend, value labels
    note_size: float = 11.0  # "Today", "Limit", the weekly note
    ink: str = "#212529"
    muted: str = "#6C757D"
    grid: str = "#E3E6E8"
    background: str = "#FFFFFF"
    money_in: str = "#2E7D32"
    money_out: str = "#C62828"
    balance: str = "#1F3A93"
    bar: str = "#1F6FB2"
    other: str = "#9AA0A6"
    track: str = "#E3E6E8"
    band: str = "#CFDDF3"
    good: str = "#2E7D32"
    warn: str = "#F08C00"
    bad: str = "#C62828"
    # Palette size of the PNG; a flat chart needs few colours, and a palette PNG is a third of the
    # size of a full-colour one. 0 keeps full colour.
    png_colours: int = 64

    @property
    def width_px(self) -> int:
        return int(self.width_in * self.dpi)  # as matplotlib sizes the canvas

    @property
    def height_px(self) -> int:
        return int(self.height_in * self.dpi)

    def px(self, points: float) -> float:
        """Points (font sizes, offsets) to pixels at this style's resolution."""
        return points * self.dpi / 72
