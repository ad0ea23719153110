import Testing
@testable import StrikeRange

@Suite struct CatalogNameKeyTests {
    @Test(arguments: [
        ("Bryanskaya oblast'", "bryanskaya oblast"),
        ("BRYANSKAYA  OBLAST’", "bryanskaya oblast"),
        ("Брянская Область", "брянская область"),
        ("Київ", "киів"),
        ("Chernihivsʼka", "chernihivska"),
        ("Ivano-Frankivs'k", "ivano frankivsk"),
        ("  Zaporizhzhya ", "zaporizhzhya"),
        ("Veszprém", "veszprem"),
        ("Йошкар-Ола", "иошкар ола"),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(NameKey.fold(input) == expected)
    }

    @Test func foldingAgreesWithFoundationOnCyrillic() {
        // The hand-written Cyrillic fast path must match Foundation's case + diacritic folding.
        let sample = "АБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУЎФХЦЧШЩЪЫЬЭЮЯабвгґдеєёжзиіїйклмнопрстуўфхцчшщъыьэюя"
        let foundation = sample.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        #expect(NameKey.fold(sample) == foundation)
    }

    @Test func genericWordsAreStripped() {
        #expect(NameKey.stripped("Bryansk Oblast") == "bryansk")
        #expect(NameKey.stripped("Брянская область") == "брянская")
        #expect(NameKey.stripped("Republic of Crimea") == "crimea")
        #expect(NameKey.stripped("Oblast") == "oblast")   // nothing else left: keep the word
    }

    @Test func skeletonsJoinRussianAndUkrainianForms() {
        func sk(_ text: String) -> String { NameKey.skeleton(ofStripped: NameKey.stripped(text)) }
        #expect(sk("Брянська область") == sk("Брянская область"))
        #expect(sk("Брянська область") == sk("Брянськ"))
        #expect(sk("Bryanskaya oblast'") == sk("Bryansk"))
        #expect(sk("Sumska oblast") != sk("Kurskaya oblast"))
    }

    @Test func compactIgnoresSpacesAndHyphens() {
        #expect(NameKey.compact("MGM-140") == NameKey.compact("mgm 140"))
        #expect(NameKey.compact("Block IA") == "blockia")
    }

    @Test func levenshtein() {
        func d(_ a: String, _ b: String) -> Int { EditDistance.levenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(d("kitten", "sitting") == 3)
        #expect(d("", "abc") == 3)
        #expect(d("bryansk", "bryansk") == 0)
        #expect(EditDistance.suggestions(for: "brjansk", among: [("bryansk", "Bryansk"), ("kursk", "Kursk")]) == ["Bryansk"])
    }
}
