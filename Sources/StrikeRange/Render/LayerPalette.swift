/// Colours shared by the GeoJSON styling, KML and the map, so one weapon has one colour everywhere.
/// Chosen from ColorBrewer's qualitative sets for contrast with the grey basemap and with each other.
public enum LayerPalette {
    /// One per weapon, in scenario order (repeats after six weapons).
    public static let weapons = ["#d7301f", "#2166ac", "#e08214", "#762a83", "#1a9850", "#8c510a"]
    public static func weapon(_ index: Int) -> String { weapons[index % weapons.count] }
    public static let launchFill = "#fee08b"
    public static let launchStroke = "#8a6d00"
    public static let border = "#111111"
    public static let regionOutline = "#444444"
    public static let targetInRange = "#b2182b"
    public static let targetOutOfRange = "#525252"
    /// `in_range` layer (issue 12): airfields and places within range, as small marks.
    public static let inRangeAirfield = "#08306b"
    public static let inRangePlace = "#3f3f3f"

    /// `#rrggbb` plus an opacity as KML's `aabbggrr`.
    public static func kmlColor(_ hex: String, opacity: Double) -> String {
        let h = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard h.count == 6 else { return "ff000000" }
        let r = h.prefix(2), g = h.dropFirst(2).prefix(2), b = h.dropFirst(4).prefix(2)
        let alpha = String(Int((max(0, min(1, opacity)) * 255).rounded()), radix: 16)
        return (alpha.count == 1 ? "0" + alpha : alpha) + b + g + r
    }
}
