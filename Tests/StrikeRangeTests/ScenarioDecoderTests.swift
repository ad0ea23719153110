import Testing
@testable import StrikeRange

/// Strict decoding: every bad scenario named in issue #6 fails with the file, line and field.
struct ScenarioDecoderTests {
    static let good = """
        title: test
        launch: [region:UA-59]
        standoff: 20km
        standoff_from: [border:UA-RU]
        weapons:
          - id: atacms
            spread: true
          - name: custom
            range: 150km
            min_range: 10km
        regions: [RU-BRY]
        targets: ["place:Kursk, RU"]
        """

    func error(_ text: String) -> ScenarioError? {
        do { _ = try ScenarioDecoder.decode(text, file: "s.yaml"); return nil } catch { return error }
    }

    @Test func decodesTheDocumentedFields() throws {
        let s = try ScenarioDecoder.decode(Self.good, file: "s.yaml")
        #expect(s.launch.map(\.value) == ["region:UA-59"])
        #expect(s.standoffMeters == 20_000)
        #expect(s.weapons.count == 2)
        #expect(s.toleranceMeters == 10)
        #expect(s.outputs == Set(ScenarioOutput.allCases))
        guard case let .explicit(name, range, minimum, _) = s.weapons[1] else { Issue.record("second weapon should be explicit"); return }
        #expect(name.value == "custom" && range == 150_000 && minimum == 10_000)
        #expect(name.mark.line == 8)
    }

    @Test func acceptsJSON() throws {
        let s = try ScenarioDecoder.decode(#"{"launch": ["UA"], "weapons": ["gmlrs"], "tolerance": "5m"}"#, file: "s.json")
        #expect(s.toleranceMeters == 5)
    }

    @Test func unknownKeySuggestsTheClosestValidKey() throws {
        let e = try #require(error(Self.good.replacingOccurrences(of: "standoff_from:", with: "standof_from:")))
        #expect(e.line == 4 && e.field == "standof_from")
        #expect(e.description.contains("did you mean 'standoff_from'"))
        #expect(e.description.hasPrefix("s.yaml:4:1:"))
    }

    @Test func unknownKeyInsideAWeapon() throws {
        let e = try #require(error(Self.good.replacingOccurrences(of: "    spread: true", with: "    sprad: true")))
        #expect(e.line == 7 && e.field == "weapons[0].sprad")
        #expect(e.description.contains("did you mean 'spread'"))
    }

    @Test func missingRequiredField() throws {
        let e = try #require(error("launch: [UA]\n"))
        #expect(e.field == "weapons")
        #expect(e.message.contains("required field is missing"))
        #expect(e.line == 1)
        let explicit = try #require(error("launch: [UA]\nweapons:\n  - name: x\n"))
        #expect(explicit.field == "weapons[0].range" && explicit.line == 3)
    }

    @Test func wrongType() throws {
        let e = try #require(error(Self.good.replacingOccurrences(of: "standoff: 20km", with: "standoff: [20km]")))
        #expect(e.line == 3 && e.field == "standoff")
        #expect(e.message.contains("expected text, found a list"))
        let b = try #require(error(Self.good.replacingOccurrences(of: "spread: true", with: "spread: maybe")))
        #expect(b.field == "weapons[0].spread" && b.line == 7)
        let d = try #require(error(Self.good.replacingOccurrences(of: "20km", with: "20")))
        #expect(d.field == "standoff" && d.message.contains("unit"))
    }

    @Test func yamlSyntaxErrorHasALine() throws {
        let e = try #require(error("launch: [UA\nweapons: [atacms]\n"))
        #expect(e.line != nil)
        #expect(e.message.contains("YAML syntax"))
    }

    /// Every problem of the form is found in one pass, in file order, and the fields that are fine are kept
    /// for the resolver (issue 10: two small scenarios took eleven failed runs).
    @Test func everyProblemOfTheFormAtOnce() throws {
        let text = """
            launch: [region:UA-59]
            standof: 20km
            weapons:
              - name: zero
                range: 0km
              - atacms
              - name: wide
                range: 100km
                min_range: 200km
            placement: middle
            tolerance: 5 parsecs
            """
        let e = try #require(error(text))
        #expect(([e] + e.more).map(\.field) == ["standof", "weapons[0].range", "weapons[2].min_range", "placement", "tolerance"])
        #expect(e.description.hasSuffix("5 problems in s.yaml"))
        let (scenario, problems) = try ScenarioDecoder.decodeCollecting(text, file: "s.yaml")
        #expect(problems.count == 5)
        #expect(scenario.launch.map(\.value) == ["region:UA-59"])
        #expect(scenario.weapons.count == 1, "only the good weapon is kept")
    }
}
