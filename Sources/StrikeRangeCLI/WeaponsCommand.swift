import ArgumentParser
import Foundation
import StrikeRange

struct WeaponsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weapons",
        abstract: "List and show weapons with their publicly reported ranges and sources.",
        subcommands: [WeaponsListCommand.self, WeaponsShowCommand.self]
    )
}

enum WeaponsListFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }
enum WeaponsShowFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

private func kilometers(_ meters: Double?) -> String {
    guard let meters else { return "" }
    let km = meters / 1000
    return km == km.rounded() ? String(Int(km)) : String(format: "%.1f", km)
}

struct WeaponsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "All weapons in the catalog.")

    @OptionGroup var data: DataOptions
    @Option(help: "Output format: table, csv or json.") var format: WeaponsListFormat = .table

    func run() throws {
        let weapons = try data.catalog().weapons().weapons
        switch format {
        case .table:
            let header = ["id", "name", "min km", "range km", "reported km", "platforms"]
            let rows = weapons.map { w in
                [w.id, w.name, kilometers(w.minRangeMeters), kilometers(w.rangeMeters),
                 "\(kilometers(w.rangeLowMeters))–\(kilometers(w.rangeHighMeters))", w.platforms.joined(separator: ", ")]
            }
            print(LookupTable.render(header: header, rows: rows, rightAligned: [2, 3, 4]))
            print("\nNominal published ranges, not measured performance; `weapons show ID` cites the sources.")
        case .csv:
            let header = ["id", "name", "min_range_m", "range_m", "range_low_m", "range_high_m", "platforms", "aliases"]
            let rows = weapons.map { w in
                [w.id, w.name, w.minRangeMeters.map { String(Int($0)) } ?? "", String(Int(w.rangeMeters)),
                 String(Int(w.rangeLowMeters)), String(Int(w.rangeHighMeters)),
                 w.platforms.joined(separator: "; "), w.aliases.joined(separator: "; ")]
            }
            print(LookupCSV.render(header: header, rows: rows))
        case .json:
            print(try LookupJSON.render(weapons))
        }
    }
}

struct WeaponsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One weapon's ranges, platforms, aliases and sources.",
        discussion: "ID is the id, name or any alias, ignoring case and punctuation (ATACMS, mgm-140, \"Block IA\")."
    )

    @OptionGroup var data: DataOptions
    @Argument(help: "Weapon id, name or alias.") var id: String
    @Option(help: "Output format: table or json.") var format: WeaponsShowFormat = .table

    func run() throws {
        let weapon = try data.catalog().weapons().weapon(matching: id)
        switch format {
        case .json:
            print(try LookupJSON.render(weapon))
        case .table:
            var pairs: [(String, String)] = [("id", weapon.id), ("name", weapon.name)]
            if !weapon.aliases.isEmpty { pairs.append(("aliases", weapon.aliases.joined(separator: ", "))) }
            if !weapon.platforms.isEmpty { pairs.append(("platforms", weapon.platforms.joined(separator: ", "))) }
            if let minimum = weapon.minRangeMeters { pairs.append(("minimum range", "\(kilometers(minimum)) km")) }
            pairs.append(("range (nominal)", "\(kilometers(weapon.rangeMeters)) km"))
            pairs.append(("reported range", "\(kilometers(weapon.rangeLowMeters))–\(kilometers(weapon.rangeHighMeters)) km"))
            if !weapon.unconfirmed.isEmpty { pairs.append(("unconfirmed", weapon.unconfirmed.joined(separator: ", "))) }
            if let note = weapon.note { pairs.append(("note", note)) }
            print(LookupTable.record(pairs))
            print("sources:")
            if weapon.sources.isEmpty { print("  (none recorded)") }
            for source in weapon.sources { print("  - \(source.citation)") }
        }
    }
}
