/// `coverage.csv` and `reach.csv`: the same columns as `coverage --format csv` and `reach --format csv`
/// (`CoverageColumns`, `ReachColumns`), rows in scenario order.
public enum ScenarioTablesCSV {
    public static func coverage(_ rows: [RegionCoverage]) -> String {
        let lines = [CSVText.line(CoverageColumns.names)] + rows.map { CSVText.line(CoverageColumns.cells($0).map(\.csvText)) }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func reach(_ rows: [ReachRow]) -> String {
        var lines = [CSVText.line(ReachColumns.leading + ReachColumns.trailing)]
        for r in rows {
            lines.append(CSVText.line(ReachColumns.leadingValues(name: r.targetLabel, point: r.target)
                + ReachColumns.trailingValues(weapon: r.weaponID, variant: r.variant.rawValue, rangeMeters: r.rangeMeters,
                                              minRangeMeters: r.minRangeMeters, distanceMeters: r.distanceMeters,
                                              marginMeters: r.marginMeters, verdict: r.verdict.rawValue,
                                              nearestLaunchPoint: r.nearestLaunchPoint, azimuthDegrees: r.azimuthDegrees)))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
