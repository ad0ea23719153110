internal import CGEOS

/// GEOS STR-tree over bounding boxes; items are the indices of the boxes given at build time.
/// Holds its engine's context strongly. Not `Sendable` (GEOS builds the tree lazily on the first query).
public final class STRTree {
    let context: GEOSContext
    let tree: OpaquePointer
    /// One GEOS geometry per box (a 2-point line whose envelope is the box), owned here so they outlive the tree.
    let envelopes: [GEOSHandle]

    /// Builds a tree over `boxes` (`GEOSSTRtree_create_r`, `GEOSSTRtree_insert_r`).
    /// - Parameters:
    ///   - boxes: item `i` is `boxes[i]`; each should have min ≤ max on both axes.
    ///   - nodeCapacity: maximum children per node (≥ 2).
    public init(engine: GeometryEngine, boxes: [BoundingBox], nodeCapacity: Int = 10) throws(GeometryError) {
        precondition(nodeCapacity >= 2, "nodeCapacity must be at least 2")
        let context = engine.context
        var envelopes: [GEOSHandle] = []
        envelopes.reserveCapacity(boxes.count)
        for box in boxes { envelopes.append(GEOSHandle(context: context, owning: try context.makeEnvelopeLine(box))) }
        context.messages.clear()
        // GEOSSTRtree_create_r: NULL on exception.
        guard let tree = GEOSSTRtree_create_r(context.handle, nodeCapacity) else {
            throw context.failure("GEOSSTRtree_create_r")
        }
        self.context = context
        self.tree = tree
        self.envelopes = envelopes
        for (i, e) in envelopes.enumerated() {
            // The item is index + 1 as a pointer bit pattern (never NULL); GEOS stores it, never dereferences it.
            GEOSSTRtree_insert_r(context.handle, tree, e.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
        // GEOSSTRtree_insert_r returns nothing: a failure shows only as a captured message (deinit still frees the tree).
        if context.messages.lastError != nil { throw context.failure("GEOSSTRtree_insert_r") }
    }

    deinit {
        // Before `envelopes` are released.
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// Indices of the boxes that intersect the closed box `box` (touching counts), ascending.
    public func query(_ box: BoundingBox) -> [Int] {
        let query: OpaquePointer
        do {
            query = try context.makeEnvelopeLine(box)
        } catch {
            // Only a 2-point line is made here: failing means GEOS could not allocate it.
            fatalError("STRTree.query: \(error.message)")
        }
        defer { GEOSGeom_destroy_r(context.handle, query) }
        var found: [Int] = []
        withUnsafeMutablePointer(to: &found) { out in
            // GEOSSTRtree_query_r returns nothing; the callback gets each hit's item and our `out` pointer.
            GEOSSTRtree_query_r(context.handle, tree, query, { item, userdata in
                userdata!.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
            }, out)
        }
        found.sort()
        return found
    }
}
