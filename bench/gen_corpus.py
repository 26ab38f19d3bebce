#!/usr/bin/env python3
"""Writes a deterministic corpus of seed-like news articles for benchmarks.

    bench/gen_corpus.py OUT_DIR COUNT [--seed N]

Each article is 2-4 KB: a ` date YYYY-MM-DD` header, paragraphs of sentences that name actors, actions,
places and dates the way wire copy does, and now and then a quoted post shared with other articles.
Articles are spread over nested folders (100 per folder, two levels). The same arguments always give
the same bytes.
"""
import argparse
import datetime
import os
import random

ACTORS = [
    "US Secretary of State Mike Pompeo", "Iraqi Prime Minister Adil Abdul-Mahdi", "President Donald Trump",
    "Iran's foreign ministry spokesman", "Israeli Prime Minister Benjamin Netanyahu", "Defense Secretary Mark Esper",
    "Russian forces", "Ukrainian President Volodymyr Zelensky", "German Chancellor Olaf Scholz",
    "Iraqi protesters", "the Revolutionary Guards", "Kenyan police", "French President Emmanuel Macron",
    "Chinese officials", "Turkish troops", "Syrian government forces", "Saudi Arabia", "the United Nations",
]
ACTIONS = [
    "met", "spoke with", "criticized", "accused", "threatened", "condemned", "attacked", "called on",
    "rejected the demands of", "praised", "visited", "warned", "deployed troops near", "shelled positions of",
]
PLACES = ["Baghdad", "Kirkuk", "Erbil", "Tehran", "Kyiv", "Kharkiv", "Berlin", "Nairobi", "Damascus", "Gaza",
          "Ankara", "Moscow", "Paris", "Beijing", "Riyadh"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "early Thursday", "late Friday", "on Saturday", "yesterday",
        "earlier today", "late last month", "on Dec. 31", "on 3 January", "on Jan. 8"]
FILLER = [
    "Officials said the situation remained tense.",
    "The statement added that talks would continue in the coming days.",
    "Analysts expect further diplomatic contacts before the end of the week.",
    "According to media reports, several people were injured in the clashes.",
    "The ministry did not immediately respond to a request for comment.",
    "Residents described a heavy security presence in the city centre.",
    "It was not immediately clear how many people had been detained, and the figures could not be verified.",
    "The development comes amid weeks of rising tension across the region and growing calls for talks.",
    "Diplomats in several capitals were following the situation closely, according to people familiar with the matter.",
    "Markets in the region fell sharply in early trading as investors weighed the risk of a wider conflict.",
]
POSTS = [
    ("Secretary Pompeo", "SecPompeo", "Spoke today with Prime Minister {p} about keeping our personnel safe."),
    ("Donald J. Trump", "realDonaldTrump", "They will be held fully responsible. This is not a Warning, it is a Threat about {p}!"),
    ("UN Spokesperson", "UN_Spokesperson", "The Secretary-General calls for restraint in {p}."),
]


def sentence(rng):
    return f"{rng.choice(ACTORS)} {rng.choice(WHEN)} {rng.choice(ACTIONS)} {rng.choice(ACTORS).replace('the ', '')} in {rng.choice(PLACES)}."


def article(rng, index):
    day = datetime.date(2019, 6, 1) + datetime.timedelta(days=rng.randrange(0, 400))
    target = rng.randrange(2048, 4096)
    paragraphs = []
    size = 0
    while size < target:
        # About a third of the sentences report an event, as in the seed articles (13 events in 2.5 KB).
        paragraph = " ".join(sentence(rng) if rng.random() < 0.3 else rng.choice(FILLER)
                             for _ in range(rng.randrange(2, 5)))
        if rng.random() < 0.12:
            # Quoted posts come from a small pool, so the same post appears in several articles.
            author, handle, text = rng.choice(POSTS)
            place = PLACES[index % 5]
            posted = day - datetime.timedelta(days=1)
            paragraph = f"{text.format(p=place)} — {author} (@{handle}) {posted.strftime('%B')} {posted.day}, {posted.year}"
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return f" date {day.isoformat()} " + "\n\n".join(paragraphs) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for index in range(args.count):
        folder = os.path.join(args.out, f"{index // 10000:02d}", f"{index // 100 % 100:02d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"article-{index:06d}.txt"), "w", encoding="utf-8") as handle:
            handle.write(article(rng, index))


if __name__ == "__main__":
    main()
