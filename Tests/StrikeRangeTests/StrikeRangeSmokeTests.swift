import Testing
@testable import StrikeRange
