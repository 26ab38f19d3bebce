import ArticleParsing
import Testing

@testable import EventExtraction

struct MergePredicateTests {
    func signature(
        _ code: CAMEOCode, _ source: String?, _ target: String?, _ date: String?,
        _ precision: EventDate.Precision = .day, _ provenance: EventDate.Provenance = .explicit,
        location: String? = nil, country: String? = nil
    ) -> EventSignature {
        EventSignature(
            code: code, sourceCode: source, targetCode: target, location: location, locationCountry: country,
            date: date.map { EventDate(day: day($0), precision: precision, provenance: provenance) })
    }

    @Test func sameAttack_reportedAsRiotAndAssault_merges() {
        let a = signature("145", "IRQOPP", "USAGOV", "2019-12-31", location: "Baghdad", country: "IRQ")
        let b = signature("180", "IRQREB", "USA", "2019-12-31", location: "Iraq", country: "IRQ")
        #expect(isSameEvent(a, b))
        #expect(b.isSameEvent(as: a))
    }

    @Test func differentCountriesOrFamilies_doNotMerge() {
        let call = signature("041", "USAGOV", "IRQGOV", "2020-01-01")
        #expect(!isSameEvent(call, signature("041", "USAGOV", "ISRGOV", "2020-01-01")))
        #expect(!isSameEvent(call, signature("111", "USAGOV", "IRQGOV", "2020-01-01")))
        #expect(!isSameEvent(
            signature("195", "USAMIL", "IRQREB", "2019-12-29"), signature("195", "IRNMIL", "IRQ", "2020-01-08")))
    }

    @Test func dates_toleranceDependsOnPrecision() {
        let strike = signature("195", "IRNMIL", "IRQ", "2020-01-07")
        #expect(isSameEvent(strike, signature("195", "IRNGOV", "IRQ", "2020-01-08")))
        #expect(!isSameEvent(strike, signature("195", "IRNMIL", "IRQ", "2020-01-10")))
        let approximate = signature("195", "USA", "REB", "2019-12-25", .approximate, .relative)
        #expect(isSameEvent(approximate, signature("195", "USAMIL", "IRQREB", "2019-12-29")))
    }

    @Test func unknownSideIsCompatible_butOneActorMustBeShared() {
        #expect(isSameEvent(
            signature("180", nil, "USAGOV", "2019-12-31"), signature("145", "IRQOPP", "USAGOV", "2019-12-31")))
        #expect(!isSameEvent(signature("180", nil, "USAGOV", "2019-12-31"), signature("180", "IRQOPP", nil, "2019-12-31")))
    }

    @Test func locationsInDifferentCountries_doNotMerge() {
        let a = signature("190", "RUSMIL", "UKR", "2022-02-28", location: "Kharkiv", country: "UKR")
        let b = signature("190", "RUSMIL", "UKR", "2022-02-28", location: "Belgorod", country: "RUS")
        #expect(!isSameEvent(a, b))
    }
}
