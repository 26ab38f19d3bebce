/// An act an article reported with both sides named: what a later act named by a noun may refer back to.
struct SidedAct {
    var family: String
    var source: ActorMention
    var target: ActorMention

    init?(_ event: CodedEvent) {
        guard let source = event.source, let target = event.target, source.hasCountry, target.hasCountry else {
            return nil
        }
        self.family = EventSignature.actionFamily(of: event.code)
        self.source = source
        self.target = target
    }
}

extension CodedEvent {
    /// "Israeli jets struck the consulate. … The strike on Monday flattened the building next to the Iranian
    /// embassy": an act named by a noun whose sentence leaves one side unnamed refers back to the latest act of
    /// its family the article reported with the other side, and takes that act's side, so the two are one event.
    mutating func fillSides(from acts: [SidedAct]) {
        let family = EventSignature.actionFamily(of: code)
        if source == nil, let country = target?.country,
            let act = acts.last(where: {
                $0.family == family && $0.target.country == country && $0.source.country != country
            })
        {
            source = act.source
        } else if target == nil, let country = source?.country,
            let act = acts.last(where: {
                $0.family == family && $0.source.country == country && $0.target.country != country
            })
        {
            target = act.target
        }
    }
}
