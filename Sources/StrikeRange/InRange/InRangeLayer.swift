import Foundation

/// A layer of features `inrange` lists: GeoNames places or OurAirports airfields.
public enum InRangeLayer: String, Sendable, Hashable, CaseIterable, Comparable {
    case airfields, places

    /// "airfields", "places", or a comma-separated list of them ("airfields,places"); singular forms,
    /// "airports" and "cities" are accepted as users say them.
    /// - Throws: `StrikeRangeError` naming the value and the choices.
    public static func parseList(_ text: String) throws(StrikeRangeError) -> [InRangeLayer] {
        var out = [InRangeLayer]()
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
            let layer: InRangeLayer
            switch part {
            case "airfields", "airfield", "airports", "airport": layer = .airfields
            case "places", "place", "cities", "city", "towns": layer = .places
            default:
                throw StrikeRangeError("--what '\(part)': unknown layer; use airfields, places or both (airfields,places)")
            }
            if !out.contains(layer) { out.append(layer) }
        }
        if out.isEmpty { throw StrikeRangeError("--what '\(text)': empty; use airfields, places or both (airfields,places)") }
        return out
    }

    public static func < (a: InRangeLayer, b: InRangeLayer) -> Bool { a.rawValue < b.rawValue }
}
