import Testing
import TestSupport
@testable import Geometry

@Suite struct STRTreeTests {
    static func randomBox(_ rng: inout SplitMix64, span: Double, maxSide: Double) -> BoundingBox {
        let x = Double.random(in: 0...span, using: &rng), y = Double.random(in: 0...span, using: &rng)
        return BoundingBox(minX: x, minY: y, maxX: x + Double.random(in: 0...maxSide, using: &rng),
                           maxY: y + Double.random(in: 0...maxSide, using: &rng))
    }

    @Test func queryMatchesBruteForce() throws {
        var rng = SplitMix64(seed: 42)
        let boxes = (0..<2000).map { _ in Self.randomBox(&rng, span: 100, maxSide: 5) }
        let tree = try STRTree(engine: GeometryEngine(), boxes: boxes)
        var hits = 0
        for _ in 0..<300 {
            let q = Self.randomBox(&rng, span: 100, maxSide: 10)
            let expected = boxes.indices.filter { boxes[$0].intersects(q) }
            #expect(tree.query(q) == expected)
            hits += expected.count
        }
        #expect(hits > 0)
    }

    @Test func touchingAndDegenerateBoxes() throws {
        let boxes = [BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1), BoundingBox(minX: 2, minY: 2, maxX: 2, maxY: 2),
                     BoundingBox(minX: 1, minY: 0, maxX: 3, maxY: 0)]
        let tree = try STRTree(engine: GeometryEngine(), boxes: boxes, nodeCapacity: 2)
        #expect(tree.query(BoundingBox(minX: 1, minY: 1, maxX: 2, maxY: 2)) == [0, 1])
        #expect(tree.query(BoundingBox(minX: 2, minY: 0, maxX: 2, maxY: 0)) == [2])
        #expect(tree.query(BoundingBox(minX: 5, minY: 5, maxX: 6, maxY: 6)) == [])
    }

    @Test func emptyTree() throws {
        let tree = try STRTree(engine: GeometryEngine(), boxes: [])
        #expect(tree.query(BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)) == [])
    }
}
