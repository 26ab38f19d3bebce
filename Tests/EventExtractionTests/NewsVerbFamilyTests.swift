import ArticleParsing
import Testing

@testable import EventExtraction

/// The thirteenth session's general news verbs, one family per CAMEO category (`verbs.tsv`, "thirteenth
/// session"). Sentences written for these tests, none taken from an article.
struct NewsVerbFamilyTests {
    @Test(arguments: [
        // 01-06: statements, appeals, intent, visits, diplomatic and material cooperation.
        ("Hamas took responsibility for the attack on Monday.", "015"),
        ("The Ukrainian president implored Germany to send tanks on Monday.", "020"),
        ("France pressed for a ceasefire in Gaza on Monday.", "020"),
        ("Lebanon sought international aid on Monday.", "023"),
        ("Venezuela sought talks with Colombia on Monday.", "036"),
        ("China invited the Russian president to a summit on Monday.", "036"),
        ("Blinken huddled with Arab foreign ministers on Monday.", "040"),
        ("The Indian prime minister embarked on a three-day visit to Japan on Monday.", "042"),
        ("The German chancellor made a two-day trip to China on Monday.", "042"),
        ("Egypt's president departed for Riyadh on Monday.", "042"),
        ("Xi greeted the French president in Beijing on Monday.", "043"),
        ("Germany embraced the French proposal on Monday.", "051"),
        ("France threw its weight behind the Egyptian plan on Monday.", "051"),
        ("India and Japan inked a defence pact on Monday.", "057"),
        ("Israel and the UAE clinched a trade deal on Monday.", "057"),
        ("Kenya teamed up with Ethiopia on Monday.", "060"),
        // 08: yielding.
        ("Houthi rebels set two Yemeni journalists free on Monday.", "0841"),
        ("Mali's junta relented on Monday.", "080"),
        ("The United States suspended sanctions on Venezuela on Monday.", "085"),  // not a suspension of ties
        ("The United States waived sanctions on Venezuela on Monday.", "085"),
    ])
    func cooperationAndYielding_areCoded(sentence: String, code: String) {
        #expect(events(sentence, published: "2024-03-14").map(\.code.rawValue).contains(code), "\(sentence)")
    }

    @Test(arguments: [
        // 11-12: disapproval, accusation, rejection, defiance.
        ("China lambasted the United States on Monday.", "111"),
        ("The Iranian foreign minister railed against Israel on Monday.", "111"),
        ("India rounded on Pakistan on Monday.", "111"),
        ("The Chinese foreign ministry tore into Japan on Monday.", "111"),
        ("Germany raised concerns about the Chinese drills on Monday.", "110"),
        ("Turkey voiced objections to Sweden's membership on Monday.", "111"),
        ("Russia alleged that Ukraine shelled the plant on Monday.", "112"),
        ("Iran refuted the allegations on Monday.", "120"),
        ("Israel disputed the figures of Hamas on Monday.", "120"),
        ("The Kremlin shrugged off the sanctions on Monday.", "120"),
        ("Russia flouted the ban on Monday.", "128"),
        // 14: protest.
        ("Thousands of workers picketed the parliament in Nairobi on Monday.", "141"),
        ("Tens of thousands of protesters converged on Nairobi on Monday.", "141"),
        ("Protesters thronged the streets of Tbilisi on Monday.", "141"),
        ("Protesters rallied across Serbia on Monday.", "141"),
        ("Kenyan doctors walked off the job on Monday.", "143"),
        // 15: force posture.
        ("Russia redeployed troops to the border on Monday.", "154"),
        ("Chinese warships patrolled the waters near Taiwan on Monday.", "150"),
        ("Russia flew bombers near Japan on Monday.", "150"),
        ("Chinese jets violated Taiwan's airspace on Monday.", "150"),
        ("France tightened security at the border on Monday.", "153"),
        // 16: reduced relations.
        ("The United States hit Russia with sanctions on Monday.", "163"),  // not a strike
        ("The United States hammered Russia with sanctions on Monday.", "163"),
        ("The European Union tightened sanctions on Iran on Monday.", "163"),
        ("The United States stepped up sanctions on Iran on Monday.", "163"),
        ("The United States added Chinese firms to its entity list on Monday.", "163"),
        ("Israel denied entry to the Irish president on Monday.", "163"),  // not a denial
        ("The United States slashed aid to Egypt on Monday.", "162"),
        ("Mali kicked out the French ambassador on Monday.", "166"),
    ])
    func disapprovalProtestAndPressure_areCoded(sentence: String, code: String) {
        #expect(events(sentence, published: "2024-03-14").map(\.code.rawValue).contains(code), "\(sentence)")
    }

    @Test(arguments: [
        // 17: coercion.
        ("Kenyan police apprehended the opposition leader on Monday.", "173"),
        ("A Kenyan court remanded the opposition leader in custody on Monday.", "173"),
        ("Russia locked up the American journalist on Monday.", "173"),
        ("Iran is holding two French citizens in detention.", "173"),
        ("Thailand outlawed the opposition party on Monday.", "172"),
        ("Russia censored the media on Monday.", "172"),
        ("Hong Kong authorities shut down the newspaper on Monday.", "172"),
        ("Security forces clamped down on protesters in Tehran on Monday.", "175"),
        ("Iranian forces quelled the protests on Monday.", "175"),
        ("Police broke up the protest in Minsk on Monday.", "175"),
        ("Houthi fighters commandeered a ship in the Red Sea on Monday.", "171"),
        ("Israeli forces intercepted the flotilla on Monday.", "171"),
        // 18: assault.
        ("Three Nigerian villagers were slain by Boko Haram fighters on Monday.", "1823"),
        ("Sudanese soldiers raped women in Darfur on Monday.", "1821"),
        ("A bomber blew himself up at the checkpoint in Kabul on Monday.", "183"),
        ("Militants planted a bomb near the police station in Quetta on Monday.", "183"),
        ("Hamas held the soldiers hostage on Monday.", "181"),
        // 19: fighting, refined by a weapon nearby.
        ("Russia unleashed a barrage of missiles on Kyiv on Monday.", "195"),
        ("Ukrainian forces mounted a counteroffensive in the south on Monday.", "190"),
        ("Taliban militants staged an attack on a Pakistani army base on Monday.", "190"),
        ("Russia waged war on Ukraine on Monday.", "190"),
        ("Russia intensified attacks on Kharkiv on Monday.", "190"),
        ("Russia stepped up attacks on Kharkiv on Monday.", "190"),
        ("Ukrainian forces counterattacked near Bakhmut on Monday.", "190"),
        ("Ukrainian forces repulsed the Russian assault on Monday.", "190"),
        ("Ukrainian troops beat back a Russian assault on Monday.", "190"),
        ("Hezbollah lobbed rockets at Israel on Monday.", "194"),
        ("Russia pummeled Kharkiv on Monday.", "190"),
        ("Russia hammered Ukrainian cities with missiles on Monday.", "195"),
        ("Israeli jets strafed the convoy on Monday.", "195"),
        ("Ukrainian troops breached Russian defences on Monday.", "190"),
        ("Ukrainian forces pushed back Russian troops on Monday.", "190"),
        ("Russian forces fired a salvo of missiles at Odesa on Monday.", "195"),
        // 20: mass violence.
        ("Soldiers slaughtered dozens of villagers in Darfur on Monday.", "202"),
    ])
    func coercionAndForce_areCoded(sentence: String, code: String) {
        #expect(events(sentence, published: "2024-03-14").map(\.code.rawValue).contains(code), "\(sentence)")
    }

    /// Verbs with a common sense that is no event are written with the objects of their event sense.
    @Test(arguments: [
        "The Turkish central bank suppressed inflation on Monday.",
        "The Philippine president waged a campaign against drugs on Monday.",
        "Germany clinched the World Cup title on Monday.",
        "The Indian team clinched victory against Pakistan on Monday.",
        "Oil prices rallied near record highs on Monday.",
        "The Irish prime minister greeted the news with relief on Monday.",
        "Kenyan workers crossed the picket line on Monday.",
        "Kenyan police held the suspect for questioning on Monday.",
        "The report raised concerns about inflation in Germany on Monday.",
    ])
    func otherSenses_ofTheNewVerbs_areNoEvent(sentence: String) {
        #expect(events(sentence, published: "2024-03-14").isEmpty, "\(sentence)")
    }

    @Test func theNewVerbs_keepTheirSenseNextToOlderPatterns() {
        // "hammer out" stays an agreement, tear gas stays crowd control, marching troops are no rally.
        let deal = events("Israel and Hamas hammered out a deal on Monday.", published: "2024-03-14")
        #expect(!deal.isEmpty && deal.allSatisfy { $0.code.rawValue == "057" })
        #expect(events("French police fired tear gas into the crowd in Paris on Monday.", published: "2024-03-14")
            .map(\.code.rawValue) == ["175"])
        #expect(events("Russian troops marched across the border on Monday.", published: "2024-03-14")
            .allSatisfy { $0.code.rootCode != "14" })
    }
}
