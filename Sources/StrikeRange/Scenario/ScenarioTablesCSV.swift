/// `coverage.csv` and `reach.csv`: RFC 4180, a header line, fixed decimals, rows in scenario order.
public enum ScenarioTablesCSV {
    public static func coverage(_ rows: [CoverageRow]) -> String {
        var lines = ["region,region_code,weapon,variant,range_km,measure,total,in_range,percent,status,nearest_km,farthest_km"]
        for r in rows {
            let scale = r.measure == "area" ? 1e6 : 1e3
            lines.append([field(r.regionLabel), field(r.regionCode), field(r.weaponID), r.variant, format(r.rangeMeters / 1000, 3),
                          r.measure == "area" ? "area_km2" : "length_km", format(r.total / scale, 3), format(r.inRange / scale, 3),
                          format(r.percent, 3), r.status, format(r.nearestMeters / 1000, 3), format(r.farthestMeters / 1000, 3)]
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func reach(_ rows: [ReachRow]) -> String {
        var lines = ["target,lat,lon,weapon,variant,range_km,min_range_km,distance_km,margin_km,verdict,nearest_lat,nearest_lon,azimuth_deg"]
        for r in rows {
            lines.append([field(r.targetLabel), format(r.target.latitude, 6), format(r.target.longitude, 6), field(r.weaponID), r.variant,
                          format(r.rangeMeters / 1000, 3), r.minRangeMeters.map { format($0 / 1000, 3) } ?? "",
                          format(r.distanceMeters / 1000, 3), format(r.marginMeters / 1000, 3), r.verdict,
                          format(r.nearestLaunchPoint.latitude, 6), format(r.nearestLaunchPoint.longitude, 6),
                          r.azimuthDegrees.map { format($0, 3) } ?? ""].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes a text field when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
