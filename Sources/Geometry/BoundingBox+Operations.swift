extension BoundingBox {
    /// The smallest box holding every coordinate (z ignored); nil when there are none.
    public init?<S: Sequence>(coordinates: S) where S.Element == Coordinate {
        var it = coordinates.makeIterator()
        guard let first = it.next() else { return nil }
        var box = BoundingBox(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let c = it.next() { box.extend(x: c.x, y: c.y) }
        self = box
    }

    /// Grows the box to hold (x, y).
    public mutating func extend(x: Double, y: Double) {
        if x < minX { minX = x }
        if x > maxX { maxX = x }
        if y < minY { minY = y }
        if y > maxY { maxY = y }
    }

    /// The smallest box holding both.
    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
                    maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// Whether the closed boxes share a point (touching edges count).
    public func intersects(_ other: BoundingBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// Whether the closed box holds (x, y); boundary counts as inside.
    public func contains(x: Double, y: Double) -> Bool {
        x >= minX && x <= maxX && y >= minY && y <= maxY
    }

    /// Whether the closed box holds `c` (z ignored).
    public func contains(_ c: Coordinate) -> Bool { contains(x: c.x, y: c.y) }

    /// The box as a counter-clockwise polygon.
    public var polygon: Polygon {
        Polygon(exterior: [
            Coordinate(x: minX, y: minY), Coordinate(x: maxX, y: minY), Coordinate(x: maxX, y: maxY),
            Coordinate(x: minX, y: maxY), Coordinate(x: minX, y: minY),
        ])
    }
}
