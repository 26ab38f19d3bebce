import Testing

@testable import TidingsDaemon

struct WireFormatTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"), (1_763_717_412.3456, "2025-11-21T09:30:12.345Z"),
        (951_868_799.999, "2000-02-29T23:59:59.999Z"), (-0.001, "1969-12-31T23:59:59.999Z"),
        (-86_400.0, "1969-12-31T00:00:00.000Z"),
    ])
    func isoTime_givesTheUTCMomentToTheMillisecond(seconds: Double, expected: String) {
        #expect(WireFormat.isoTime(seconds) == expected)
    }
}
