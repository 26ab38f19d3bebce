/// Grammatical classes of closed-class words. Grammar, not domain data, so it lives in code.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt64
    static let determiner = WordClass(rawValue: 1 << 0)
    static let preposition = WordClass(rawValue: 1 << 1)
    /// "in", "at", "near": what follows is a place, not an actor.
    static let locative = WordClass(rawValue: 1 << 2)
    static let beForm = WordClass(rawValue: 1 << 3)
    /// Negation and modality: what follows is not an event that happened.
    static let blocker = WordClass(rawValue: 1 << 4)
    /// Starts a new clause: subject and object searches stop here.
    static let barrier = WordClass(rawValue: 1 << 5)
    /// Reporting verbs ("said", "told"): clause barriers that are never events themselves.
    static let speech = WordClass(rawValue: 1 << 6)
    static let pronoun = WordClass(rawValue: 1 << 7)
    /// "that", "which", "who": when right before a verb, the subject is the noun phrase before them.
    static let relative = WordClass(rawValue: 1 << 8)
    /// "thousands", "a number", "some": their "of" does not start a prepositional phrase.
    static let quantifier = WordClass(rawValue: 1 << 9)
    /// Adjectives that may sit inside an actor phrase ("senior", "Shiite", "enraged").
    static let modifier = WordClass(rawValue: 1 << 10)
    static let adverb = WordClass(rawValue: 1 << 11)
    /// "claimed", "alleged", "denied": events reported after them are not asserted.
    static let hedge = WordClass(rawValue: 1 << 12)
    /// "if", "unless": a condition, so the sentence's later events are hypothetical.
    static let conditional = WordClass(rawValue: 1 << 13)
    /// "while", "after", "following": a participle right after them shares the main clause's subject.
    static let subordinator = WordClass(rawValue: 1 << 14)
    /// Capitalized after an acronym's period, these start a new sentence ("… the U.S. The …").
    static let sentenceStarter = WordClass(rawValue: 1 << 15)
    /// The word "to".
    static let to = WordClass(rawValue: 1 << 16)
    /// The word "by".
    static let by = WordClass(rawValue: 1 << 17)
    /// The word "of".
    static let of = WordClass(rawValue: 1 << 18)
    /// The word "and" (or "or").
    static let conjunction = WordClass(rawValue: 1 << 19)
    /// "has", "have", "had": auxiliaries that may stand between subject and verb.
    static let auxiliary = WordClass(rawValue: 1 << 20)
    /// Capitalized but never part of a person's name ("The", "On").
    static let function = WordClass(rawValue: 1 << 21)
    /// Words of relative date expressions ("today", "last", "late").
    static let dateWord = WordClass(rawValue: 1 << 22)
    /// Irregular past participles ("shot", "struck"); regular ones end in "ed".
    static let participle = WordClass(rawValue: 1 << 23)
    /// Negation proper: blocks even patterns that allow modals.
    static let negation = WordClass(rawValue: 1 << 24)
    /// Nouns that name a forceful act ("the attack", "the strikes"): condemning one targets whoever did it.
    static let actNoun = WordClass(rawValue: 1 << 25)
    /// The word "at": a place ("in talks at the UN"), but after a weapon fired or launched, its aim.
    static let at = WordClass(rawValue: 1 << 26)
    /// Measures, not actors ("the measure targeted Chinese apps", "sanctions targeting banks"): as the subject of
    /// a violent verb, they make it figurative.
    static let policyNoun = WordClass(rawValue: 1 << 27)
    /// "country", "nation": after "the" or "his", a reference to a country named before.
    static let countryNoun = WordClass(rawValue: 1 << 28)
    /// "the", "his", "its": what makes "the country" and "his country" references rather than "a country".
    static let definite = WordClass(rawValue: 1 << 29)
    /// "two", "both", "each" before a ``pairNoun``: "the two leaders", "both sides", "each side" stand for a pair
    /// named before.
    static let pairNumber = WordClass(rawValue: 1 << 30)
    static let pairNoun = WordClass(rawValue: 1 << 31)
    /// An act already taken or under way: the infinitive after it happened ("India's decision to ban", "parliament
    /// voted to suspend", "troops began to withdraw"), unlike "plan to".
    static let decisionNoun = WordClass(rawValue: 1 << 32)
    /// "by phone", "by road": after "by", a means, not the agent of a passive.
    static let means = WordClass(rawValue: 1 << 33)
    /// "proposal", "remarks": what someone said or offered, so that rejecting "a proposal by X" rejects X.
    static let utteranceNoun = WordClass(rawValue: 1 << 34)
    /// "including", "excluding": after a comma, they open a phrase that lists part of the noun before it.
    static let inclusion = WordClass(rawValue: 1 << 35)

    static let table: [(WordClass, String)] = [
        (.determiner, "the a an this these those its his her their our my your some any several many another each"),
        (.preposition,
         "of in at on to for from with by about against into onto over under near inside outside within across "
            + "through throughout toward towards during among between around along via upon without despite "
            + "beyond behind amid"),
        (.locative, "in at near inside outside within across throughout around into onto"),
        (.beForm, "is are was were be been being am"),
        (.blocker,
         "not never no nor neither would could might may should will shall can cannot must won't wouldn't "
            + "couldn't didn't don't doesn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't "
            + "can't mustn't we'll they'll he'll she'll it'll i'll you'll we'd they'd he'd she'd"),
        (.barrier,
         "while after before when because following although though whereas where which who whom that but "
            + "amid until unless if whether since and/or"),
        (.speech,
         "said says say saying told tells added adds stated claimed claims insisted insists reported noted "
            + "wrote writes tweeted according believes believe believed explained argued maintained"),
        (.pronoun, "he she they it we i him them"),
        (.relative, "that which who"),
        (.quantifier,
         "thousands hundreds dozens scores tens number numbers group groups crowd crowds some many most members "
            + "member parts part handful all one several two three four five six seven eight nine ten few "
            + "contingent team unit units"),
        (.modifier,
         "senior top former current acting interim chief deputy shiite shia sunni enraged angry armed "
            + "hardline local elite special allied rival other additional fresh more extra new suspected "
            + "alleged unidentified unknown masked thousand dozen hundred "
            // Parts of a place ("in central Khartoum", "in northern Syria"): the preposition still covers it.
            + "central northern southern eastern western northeastern northwestern southeastern southwestern "
            // Communities inside a country's phrase ("Iraqi Kurdish officials", "Syrian Druze leaders").
            + "kurdish druze alawite yazidi tigrayan amhara oromo pashtun baloch baluch uighur uyghur tamil hutu tutsi "
            + "christian muslim jewish buddhist hindu catholic orthodox coptic ethnic tribal"),
        (.adverb,
         "then also later again already still now just further reportedly strongly fully partly allegedly "
            + "jointly repeatedly reportedly finally previously recently subsequently"),
        (.hedge,
         "claimed claim claims claiming alleged allege alleges alleging denied deny denies denying accused "
            + "accuse accuses accusing suspected rumored rumoured"),
        (.conditional, "if unless whether"),
        (.subordinator, "while after before when following since amid"),
        (.sentenceStarter,
         "the a an he she it they we i this that these those but and in on at however meanwhile its his "
            + "their there after before when while as if what who why how our earlier later"),
        (.to, "to"),
        (.by, "by"),
        (.at, "at"),
        (.of, "of"),
        (.conjunction, "and or"),
        (.auxiliary, "has have had having"),
        (.participle,
         "shot hit struck held beaten seen taken thrown caught sent fought met spoken told given made done "
            + "brought built hurt put set cut led killed slain stabbed shelled bombed broken begun "
            // Irregular simple pasts ("Ukraine broke off relations"), which are no nouns after a country either.
            + "broke froze frozen unfroze unfrozen withdrew withdrawn took gave threw sought swore sworn overthrew "
            + "overthrown retook retaken spoke fled flew won stole stolen blew blown beat bit drove rode tore shook"),
        (.negation,
         "not never no nor neither cannot won't wouldn't couldn't didn't don't doesn't isn't aren't wasn't "
            + "weren't hasn't haven't hadn't shouldn't can't mustn't"),
        (.actNoun,
         "attack attacks strike strikes airstrike airstrikes raid raids bombing bombings killing killings assault "
            + "invasion shelling launch launches coup takeover seizure arrest arrests detention incursion offensive"),
        (.countryNoun, "country nation kingdom emirate"),
        (.pairNumber, "two both each"),
        (.pairNoun,
         "leaders sides side countries nations governments presidents neighbours neighbors rivals allies ministers men"),
        (.decisionNoun, "decision move order decided voted moved began begun started continued continues"),
        (.means, "phone telephone video videolink videoconference letter email road air sea land rail car boat"),
        (.definite, "the his her its their"),
        (.inclusion, "including excluding notably especially"),
        (.utteranceNoun,
         "proposal proposals offer offers request requests demand demands plan plans call calls appeal invitation "
            + "suggestion accusation accusations claim claims remarks comments statement statements decision move "
            + "bid ultimatum threat threats"),
        (.policyNoun,
         "measure measures sanction sanctions ban bans policy policies decision decisions law laws rule rules "
            + "order orders regulation regulations tariff tariffs restriction restrictions curbs"),
        (.dateWord,
         "today tonight yesterday tomorrow earlier later this last past early late mid next month week year night "
            + "morning evening afternoon ago day days weeks hours weekend previous same overnight"),
        (.function,
         "the a an on in at of to for from with by and or but this that these those he she it they we i "
            + "his her its their our as after before when while if said says"),
    ]

    /// Words whose trailing period is part of them.
    static let abbreviations =
        "mr mrs ms dr gen lt col maj capt sgt cpl adm sen rep gov pres prof st jr sr messrs rev hon gen brig "
        + "jan feb apr jun jul aug sep sept oct nov dec vs inc corp ltd dept mt ft approx est"
}
