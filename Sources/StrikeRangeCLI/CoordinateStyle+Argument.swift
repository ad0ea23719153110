import ArgumentParser
import StrikeRange

/// `--coords decimal|dms|mgrs` (issue 16).
extension CoordinateStyle: ExpressibleByArgument {}
