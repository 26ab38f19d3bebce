import Testing

@testable import EventExtraction

struct ActorResolutionTests {
    @Test(arguments: [
        ("US Secretary of State Mike Pompeo", "USAGOV", "Mike Pompeo"),
        ("Pompeo", "USAGOV", "Mike Pompeo"),
        ("Secretary Pompeo", "USAGOV", "Mike Pompeo"),
        ("@SecPompeo", "USAGOV", "Mike Pompeo"),
        ("Iraqi Prime Minister Adil Abdul-Mahdi", "IRQGOV", "Adil Abdul-Mahdi"),
        ("Adel Abdel-Mahdi", "IRQGOV", "Adil Abdul-Mahdi"),
        ("Iraqi Prime Minister al-Mahdi", "IRQGOV", "Adil Abdul-Mahdi"),
        ("Al-Mahadi", "IRQGOV", "Adil Abdul-Mahdi"),
        ("Iran's Islamic Revolutionary Guards Corps", "IRNMIL", "Islamic Revolutionary Guard Corps"),
        ("the Revolutionary Guards", "IRNMIL", "Islamic Revolutionary Guard Corps"),
        ("Kata’ib Hezbollah", "IRQREB", "Kata'ib Hezbollah"),
        ("Hezbollah Brigades", "IRQREB", "Kata'ib Hezbollah"),
        // A community's name inside a country's phrase.
        ("Iraqi Kurdish officials", "IRQGOV", "Iraqi government"),
        // A possessive inside an alias matches as in running text.
        ("the People's Liberation Army", "CHNMIL", "People's Liberation Army"),
        ("the People’s Liberation Army", "CHNMIL", "People's Liberation Army"),
        ("President Donald Trump", "USAGOV", "Donald Trump"),
        ("Donald J. Trump", "USAGOV", "Donald Trump"),
        ("@realDonaldTrump", "USAGOV", "Donald Trump"),
        ("Israeli Prime Minister Benjamin Netanyahu", "ISRGOV", "Benjamin Netanyahu"),
        ("Gen. Qasem Soleimani", "IRNMIL", "Qasem Soleimani"),
        ("Khamenei", "IRNGOV", "Ali Khamenei"),
        ("Defense Secretary Mark Esper", "USAGOV", "Mark Esper"),
    ])
    func namedActor_resolvesToCanonicalNameAndCode(phrase: String, code: String, name: String) {
        let actor = sharedExtractor.resolveActor(phrase)
        #expect(actor?.code == code, "\(phrase)")
        #expect(actor?.name == name, "\(phrase)")
    }

    @Test(arguments: [
        ("Iran", "IRN"), ("Tehran", "IRNGOV"), ("the United States", "USA"), ("Washington", "USAGOV"),
        ("Iraq", "IRQ"), ("Iraqi forces", "IRQMIL"), ("Iranian officials", "IRNGOV"), ("US officials", "USAGOV"),
        ("Iraqi protesters", "IRQOPP"), ("U.S. Marines", "USAMIL"), ("the government of Iraq", "IRQGOV"),
        ("Iraqi Shiite militia supporters", "IRQOPP"), ("Russian forces", "RUSMIL"), ("Kenyan police", "KENCOP"),
        ("Ukrainian President Volodymyr Zelensky", "UKRGOV"), ("German Chancellor Olaf Scholz", "DEUGOV"),
        ("Belarusian opposition", "BLROPP"), ("militiamen", "REB"),
        // "Congo" alone is, in the news, the Democratic Republic; the Republic is named in full.
        ("Congo", "COD"), ("the Republic of the Congo", "COG"),
    ])
    func genericActor_composesCountryAndRole(phrase: String, code: String) {
        #expect(sharedExtractor.resolveActor(phrase)?.code == code, "\(phrase)")
    }

    /// "Security Council" names the UN's, and is also a body of any state's government.
    @Test(arguments: [
        ("the Security Council", "IGOUNO"), ("the UN Security Council", "IGOUNO"),
        ("the Security Council of the United Nations", "IGOUNO"), ("Russia's Security Council", "RUSGOV"),
        ("the Russian Security Council", "RUSGOV"), ("the Security Council of Russia", "RUSGOV"),
    ])
    func namedActorThatIsAlsoARole_afterOrBeforeACountry_isThatCountrysRole(phrase: String, code: String) {
        #expect(sharedExtractor.resolveActor(phrase)?.code == code, "\(phrase)")
    }

    @Test func titleFollowedByUnknownName_keepsThePersonsName() {
        let actor = sharedExtractor.resolveActor("Israeli Foreign Minister Israel Katz")
        #expect(actor?.code == "ISRGOV")
        #expect(actor?.name == "Israel Katz")
    }

    @Test func affiliation_addsNoCountry() {
        // "Iran-backed" names the backer: the militia is not Iranian.
        #expect(sharedExtractor.resolveActor("the Iran-backed militia")?.code == "REB")
        #expect(sharedExtractor.resolveActor("pro-Iran fighters")?.country == nil)
    }

    @Test func aTitleOfANamedActor_isThatActors() {
        #expect(sharedExtractor.resolveActor("the leader of Hezbollah")?.code == "LBNREB")
        #expect(sharedExtractor.resolveActor("the leader of the FARC rebels")?.code == "COLREB")
        // A title of a country is still that country's.
        #expect(sharedExtractor.resolveActor("the president of Iran")?.code == "IRNGOV")
    }

    @Test func theKingdom_isTheCountryNamedBefore_theMoroccanKingdomIsMorocco() {
        let cut = events("Saudi Foreign Minister Adel al-Jubeir announced on Sunday that the kingdom was cutting ties with Iran.")
        #expect(cut.first { $0.code == "161" }?.source?.code == "SAU")
        let hostile = events("Algeria said on Tuesday the Moroccan kingdom had attacked its border posts.")
        #expect(!hostile.contains { $0.source?.code == "DZA" && $0.code.rootCode == "18" })
        #expect(hostile.first { $0.code.rootCode == "18" }?.source?.code == "MAR")
    }
}
