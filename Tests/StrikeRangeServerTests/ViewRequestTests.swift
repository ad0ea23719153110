import Foundation
import Testing
import StrikeRange
@testable import StrikeRangeServer

/// The request reader (issue 13): strict types and members, no file paths, field-named errors.
struct ViewRequestTests {
    let options = ServerOptions()

    func read(_ json: String, required: [String] = ["launch", "weapons"]) throws(APIError) -> ViewRequest {
        try ViewRequest(body: Data(json.utf8), options: options, required: required)
    }

    func field(_ json: String, required: [String] = ["launch", "weapons"]) -> String? {
        do { _ = try read(json, required: required); return nil } catch { return error.field }
    }

    @Test func readsEveryMember() throws {
        let view = try read("""
            {"title": "t", "launch": ["region:UA-59", {"geojson": {"type": "Point", "coordinates": [30, 50]}, "name": "p"}],
             "exclude": ["50,30"], "standoff": "20km", "standoff_from": ["border:UA-RU"], "make_valid": true,
             "weapons": ["atacms", {"id": "gmlrs", "spread": false}, {"name": "h", "range": "150km", "min_range": "10km", "source": "s"}],
             "spread": true, "regions": ["RU-BRY"], "targets": ["Depot=50.1,36.2"], "tolerance": "5m", "placement": "outer", "reverse": true}
            """)
        #expect(view.launch.count == 2 && view.weapons.count == 3 && view.makeValid && view.spread && view.reverse)
        #expect(view.weapons[2] == .custom(name: "h", range: "150km", minRange: "10km", source: "s"))
        guard case .geojson(_, let name) = view.launch[1] else { Issue.record("inline entry"); return }
        #expect(name == "p")
    }

    @Test func namesTheFieldOfEachMistake() {
        #expect(field("{\"launch\": \"UA\", \"weapons\": [\"atacms\"]}") == "launch")
        #expect(field("{\"launch\": [\"UA\"], \"weapons\": [5]}") == "weapons[0]")
        #expect(field("{\"launch\": [\"UA\"], \"weapons\": [\"atacms\"], \"standoff\": 20}") == "standoff")
        #expect(field("{\"launch\": [\"UA\"], \"weapons\": [\"atacms\"], \"lanch\": 1}") == "lanch")
        #expect(field("{\"weapons\": [\"atacms\"]}") == "launch")
        #expect(field("{\"launch\": [\"UA\"], \"weapons\": [{\"name\": \"x\"}]}") == "weapons[0].range")
        #expect(field("{\"launch\": [\"UA\"], \"weapons\": [\"atacms\"]}", required: ["launch", "weapons", "targets"]) == "targets")
        #expect(field("{\"launch\": [NaN], \"weapons\": [\"atacms\"]}") == "")
        #expect(field("[1]") == "")
        #expect(field("{\"launch\": [\"95,30\"], \"weapons\": [\"atacms\"]}") == "launch[0]")
    }

    @Test func refusesFilePaths() {
        for path in ["/etc/passwd", "file:a.geojson", "../x.geojson", "a.json", "~/x.geojson", "-"] {
            #expect(field("{\"launch\": [\(String(reflecting: path))], \"weapons\": [\"atacms\"]}") == "launch[0]", "\(path)")
        }
        #expect(field("{\"launch\": [\"UA\"], \"weapons\": [\"atacms\"], \"targets\": [\"x=/etc/passwd\"]}") == "targets[0]")
    }

    @Test func capsInlinePositionsAndListLengths() {
        var small = options
        small.maxPositions = 3
        let json = "{\"launch\": [{\"geojson\": {\"type\": \"LineString\", \"coordinates\": [[0,0],[1,1],[2,2],[3,3]]}}], \"weapons\": [\"gmlrs\"]}"
        #expect(throws: APIError.self) { try ViewRequest(body: Data(json.utf8), options: small, required: []) }
        let many = "[" + Array(repeating: "\"UA\"", count: 201).joined(separator: ",") + "]"
        #expect(field("{\"launch\": \(many), \"weapons\": [\"atacms\"]}") == "launch")
    }
}

/// The scenario text is what the server reads its views through: it must decode to the same view.
struct ScenarioTextTests {
    @Test func roundTripsThroughTheScenarioDecoder() throws {
        let view = try ViewRequest(body: Data("""
            {"title": "a \\"quoted\\" title: with colon\\n", "launch": ["region:UA-59", "place:Kursk, RU"], "standoff": "20km",
             "standoff_from": ["border:UA-RU"], "weapons": [{"id": "atacms", "spread": true}, {"name": "h: #1", "range": "150km"}],
             "regions": ["RU-BRY"], "targets": ["Depot=50.1,36.2"], "tolerance": "5m", "placement": "inner"}
            """.utf8), options: ServerOptions(), required: [])
        let scenario = try ScenarioDecoder.decode(ScenarioText.yaml(view, header: true), file: "t")
        #expect(scenario.title == "a \"quoted\" title: with colon\n")
        #expect(scenario.launch.map(\.value) == ["region:UA-59", "place:Kursk, RU"])
        #expect(scenario.standoffMeters == 20_000 && scenario.standoffFrom.map(\.value) == ["border:UA-RU"])
        #expect(scenario.regions.map(\.value) == ["RU-BRY"] && scenario.targets.map(\.value) == ["Depot=50.1,36.2"])
        #expect(scenario.toleranceMeters == 5 && scenario.placement == .inner && scenario.weapons.count == 2)
        guard case let .explicit(name, range, _, _) = scenario.weapons[1] else { Issue.record("explicit weapon"); return }
        #expect(name.value == "h: #1" && range == 150_000)
    }

    @Test func controlCharactersStayText() throws {
        let view = try ViewRequest(body: Data("{\"title\": \"a\\u0085b\\u007fc\\u0001\", \"launch\": [\"UA\"], \"weapons\": [\"atacms\"]}".utf8),
                                   options: ServerOptions(), required: [])
        #expect(try ScenarioDecoder.decode(ScenarioText.yaml(view), file: "t").title == "a\u{85}b\u{7f}c\u{01}")
    }
}

/// The cap on heavy jobs: counted, not timed.
struct JobLimiterTests {
    @Test func neverRunsMoreThanTheCap() async throws {
        let limiter = JobLimiter(maxConcurrent: 2, maxQueued: 100)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<12 {
                group.addTask { try await limiter.run(timeLimitSeconds: 60) { usleep(20_000); return i } }
            }
            var sum = 0
            for try await value in group { sum += value }
            #expect(sum == 66)
        }
        #expect(await limiter.started == 12)
        #expect(await limiter.peakRunning == 2)
    }

    @Test func refusesBeyondTheQueueAndAfterTheTimeLimit() async throws {
        let limiter = JobLimiter(maxConcurrent: 1, maxQueued: 0)
        let gate = DispatchSemaphore(value: 0)
        let first = Task { try await limiter.run(timeLimitSeconds: 0.05) { gate.wait(); return 1 } }
        await #expect(throws: APIError.self) { _ = try await first.value }   // past its time limit: 503
        await #expect(throws: APIError.self) {                               // its slot is still taken: busy
            _ = try await limiter.run(timeLimitSeconds: 60) { 2 }
        }
        gate.signal()
        var answered = false
        for _ in 0..<200 where !answered {
            if (try? await limiter.run(timeLimitSeconds: 60, { 3 })) == 3 { answered = true } else { try await Task.sleep(nanoseconds: 10_000_000) }
        }
        #expect(answered)
    }
}

/// A client's text never becomes scenario structure (regression: a name with a CR would have started a YAML line).
struct ScenarioTextInjectionTests {
    @Test func namesOfInlineAreasStayInTheirComment() throws {
        for separator in ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\r\n"] {
            let name = "x\(separator)exclude: [\"/etc/passwd\"]"
            let body = try JSONSerialization.data(withJSONObject: [
                "launch": [["geojson": ["type": "Point", "coordinates": [30, 50]], "name": name]], "weapons": ["gmlrs"]])
            let view = try ViewRequest(body: body, options: ServerOptions(), required: [])
            let scenario = try ScenarioDecoder.decode(ScenarioText.yaml(view, header: true), file: "t")
            #expect(scenario.exclude.isEmpty, "separator \(Array(separator.unicodeScalars))")
            #expect(scenario.launch.map(\.value) == ["file:launch-1.geojson"])
        }
    }
}

/// Identical computations at once run one at a time (the later ones then find the cache filled).
struct InFlightKeysTests {
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var inside = 0, peak = 0, calls = 0
        func enter() { lock.lock(); inside += 1; calls += 1; peak = max(peak, inside); lock.unlock() }
        func leave() { lock.lock(); inside -= 1; lock.unlock() }
    }

    @Test func sameKeyNeverOverlapsOtherKeysDo() async {
        let keys = InFlightKeys()
        let same = Counter(), other = Counter()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                        DispatchQueue.global().async {
                            let counter = i % 2 == 0 ? same : other
                            keys.exclusive(i % 2 == 0 ? "a" : "b\(i)") { counter.enter(); usleep(20_000); counter.leave() }
                            done.resume()
                        }
                    }
                }
            }
        }
        #expect(same.calls == 4 && same.peak == 1)
        #expect(other.calls == 4)
    }
}
