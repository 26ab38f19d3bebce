#!/usr/bin/env python3
"""Builds expected.json from the table below and checks every quote against its article."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
N = None
# (date, root, source, target, key, text)
DATA = {
"01_russia-invades-ukraine.txt": [
 ("2022-02-25","19","RUS","UKR",False,"Russian forces pressed toward Kyiv on Friday"),
 ("2022-02-24","19","RUS","UKR",True,"Russia pounded Ukrainian cities and military sites with missiles and air strikes early on Thursday"),
 ("2022-02-24","01","RUS","UKR",False,"Putin announced what he called a \"special military operation\""),
 ("2022-02-25","02","UKR",N,False,"urging Western leaders to act faster against Moscow"),
 ("2022-02-24","17","UKR","UKR",False,"Zelensky imposed martial law on Thursday"),
 ("2022-02-24","16","UKR","RUS",True,"Ukraine had broken off diplomatic relations with Russia"),
 ("2022-02-24","15","UKR",N,False,"he signed a decree ordering a general mobilisation"),
 ("2022-02-24","19","RUS","UKR",False,"Russian troops captured the defunct Chernobyl nuclear power plant after a fierce battle on Thursday"),
 ("2022-02-24","16","USA","RUS",True,"Joe Biden announced sweeping sanctions on Thursday"),
 ("2022-02-24","11","USA","RUS",False,"\"Putin is the aggressor. Putin chose this war,\" Biden said"),
 ("2022-02-24","16","GBR","RUS",False,"Boris Johnson on Thursday froze the assets of VTB"),
],
"02_hamas-attack-israel.txt": [
 ("2023-10-08","19","ISR","PSE",True,"Israel pounded the Gaza Strip with air strikes on Sunday and fought to drive Hamas gunmen out of towns"),
 ("2023-10-07","19","PSE","ISR",True,"under the cover of a barrage of thousands of rockets fired at Israeli cities"),
 ("2023-10-07","18","PSE","ISR",True,"The gunmen stormed army posts, kibbutzim and an open-air music festival, killing civilians and soldiers"),
 ("2023-10-07","18","PSE","ISR",False,"were abducted and taken into Gaza"),
 ("2023-10-07","19","ISR","PSE",False,"an Israeli strike brought down the 14-storey Palestine Tower"),
 ("2023-10-07","13","ISR","PSE",True,"vowing that the enemy would pay \"an unprecedented price\""),
 ("2023-10-08","19","LBN","ISR",False,"Hezbollah fired rockets and artillery shells at three Israeli positions in the disputed Shebaa Farms area on Sunday"),
 ("2023-10-08","19","ISR","LBN",False,"it responded with artillery fire and struck a Hezbollah post with a drone"),
 ("2023-10-07","04","USA","ISR",False,"Joe Biden spoke with Netanyahu by phone on Saturday"),
 ("2023-10-07","03","USA","ISR",False,"stood ready to offer \"all appropriate means of support\" to Israel"),
 ("2023-10-07","05","IRN","PSE",False,"congratulated the Palestinian fighters on Saturday"),
 ("2023-10-07","02","EGY","ISR",False,"urged Israel and the Palestinians to exercise maximum restraint"),
 ("2023-10-07","02","EGY","PSE",False,"urged Israel and the Palestinians to exercise maximum restraint"),
],
"03_india-pakistan-balakot.txt": [
 ("2019-02-27","19","PAK","IND",True,"Pakistan said it shot down two Indian military jets over the disputed Kashmir region on Wednesday"),
 ("2019-02-27","17","PAK","IND",True,"and captured a pilot"),
 ("2019-02-26","19","IND","PAK",True,"Indian warplanes struck what New Delhi described as a militant training camp inside Pakistan"),
 ("2019-02-27","19","PAK","IND",False,"Pakistani aircraft had targeted military installations on the Indian side of the Line of Control on Wednesday"),
 ("2019-02-27","19","IND","PAK",False,"one Pakistani fighter jet was shot down by the Indian Air Force"),
 ("2019-02-27","11","IND","PAK",False,"India summoned Pakistan's acting high commissioner in New Delhi on Wednesday to protest"),
 ("2019-02-27","03","PAK","IND",False,"offered talks with India"),
 ("2019-02-26","13","PAK","IND",False,"said on Tuesday that his country reserved the right to respond"),
 ("2019-02-26","11","PAK","IND",False,"the National Security Committee accused India of \"uncalled for aggression\""),
 ("2019-02-26","02","USA","IND",False,"late on Tuesday urged India and Pakistan to exercise restraint"),
 ("2019-02-26","02","USA","PAK",False,"late on Tuesday urged India and Pakistan to exercise restraint"),
 ("2019-02-14","18","PAK","IND",False,"a Feb. 14 suicide car bombing in Pulwama"),
],
"04_nagorno-karabakh-clashes.txt": [
 ("2020-09-28","15","AZE",N,True,"Azerbaijan ordered a partial military mobilisation on Monday"),
 ("2020-09-28","19","AZE","ARM",False,"fighting with ethnic Armenian forces over the breakaway region of Nagorno-Karabakh stretched into a second day"),
 ("2020-09-27","19","AZE","ARM",True,"Azerbaijan had launched an air and artillery attack on Nagorno-Karabakh"),
 ("2020-09-27","19","ARM","AZE",True,"Armenian forces had shot down two helicopters and three drones"),
 ("2020-09-27","11","AZE","ARM",False,"Baku blamed Armenia for starting the fighting on Sunday"),
 ("2020-09-27","17","ARM","ARM",False,"Both Armenia and Azerbaijan declared martial law on Sunday"),
 ("2020-09-27","17","AZE","AZE",False,"Both Armenia and Azerbaijan declared martial law on Sunday"),
 ("2020-09-27","15","ARM",N,False,"Nikol Pashinyan also ordered a general mobilisation"),
 ("2020-09-27","11","ARM","AZE",False,"accused Azerbaijan's leadership of declaring war on the Armenian people"),
 ("2020-09-27","03","TUR","AZE",False,"Turkey would stand by its \"Azerbaijani brothers\" with all its means"),
 ("2020-09-27","11","TUR","ARM",False,"called Armenia the biggest threat to peace in the region"),
 ("2020-09-27","02","RUS",N,False,"called on Sunday for an immediate ceasefire"),
 ("2020-09-28","11","ARM","TUR",False,"Armenia accused Turkey of sending fighters from northern Syria"),
],
"05_myanmar-coup.txt": [
 ("2021-02-02","01","MMR",N,False,"Myanmar's army chief defended his seizure of power on Tuesday"),
 ("2021-02-01","17","MMR","MMR",True,"were detained in early-morning raids on Monday"),
 ("2021-02-01","17","MMR","MMR",True,"the army declared a one-year state of emergency"),
 ("2021-02-01","02","MMR","MMR",False,"urged people not to accept the coup"),
 ("2021-02-02","10","MMR","MMR",False,"On Tuesday the party demanded the immediate release of Suu Kyi"),
 ("2021-02-01","13","USA","MMR",True,"Joe Biden threatened on Monday to reimpose sanctions"),
 (N,"10","USA","MMR",False,"Antony Blinken called on the military to release all government officials"),
 ("2021-02-01","11","GBR","MMR",False,"I condemn the coup and unlawful imprisonment of civilians"),
 ("2021-02-01","02","CHN","MMR",False,"hoped all sides would properly handle their differences"),
],
"06_pelosi-taiwan-china-drills.txt": [
 ("2022-08-05","16","CHN","USA",True,"China said on Friday it would impose sanctions on US House of Representatives Speaker Nancy Pelosi"),
 ("2022-08-05","16","CHN","USA",False,"halted dialogue with Washington on climate change and military matters"),
 ("2022-08-05","15","CHN","TWN",False,"dozens of Chinese aircraft and warships operated around the Taiwan Strait on Friday"),
 ("2022-08-04","15","CHN","TWN",True,"began live-fire drills in six zones surrounding Taiwan on Thursday and fired multiple ballistic missiles"),
 ("2022-08-04","11","JPN","CHN",False,"lodged a protest with Beijing on Thursday"),
 ("2022-08-05","04","JPN","USA",False,"met Pelosi for breakfast in Tokyo on Friday"),
 ("2022-08-05","11","JPN","CHN",False,"called the missile launches a grave problem for Japan's national security"),
 ("2022-08-05","10","JPN","CHN",False,"demanded that China immediately halt the exercises"),
 ("2022-08-05","11","USA","CHN",False,"said there was no justification for what he called an extreme and escalatory military response by Beijing"),
 ("2022-08-02","04","USA","TWN",True,"Pelosi landed in Taipei late on Tuesday"),
 ("2022-08-03","04","USA","TWN",False,"On Wednesday she met President Tsai Ing-wen"),
 ("2022-08-02","11","CHN","USA",False,"summoned US Ambassador Nicholas Burns late on Tuesday to lodge a strong protest"),
 ("2022-08-03","16","CHN","TWN",False,"On Wednesday it suspended imports of citrus fruit and some fish from Taiwan"),
 (N,"11","TWN","CHN",False,"the drills amounted to a blockade of its ports and airspace and violated United Nations rules"),
],
"07_iran-attack-on-israel.txt": [
 ("2024-04-13","19","IRN","ISR",True,"Iran launched more than 300 drones and missiles at Israel late on Saturday"),
 ("2024-04-13","19","USA","IRN",False,"US warplanes and destroyers shot down dozens of the drones and missiles"),
 ("2024-04-01","19","ISR","IRN",False,"an April 1 air strike on Iran's consulate in Damascus"),
 ("2024-04-13","11","USA","IRN",True,"Biden condemned the attack \"in the strongest possible terms\" on Saturday night"),
 ("2024-04-13","04","USA","ISR",False,"he had spoken with Israeli Prime Minister Benjamin Netanyahu"),
 ("2024-04-13","13","IRN","ISR",False,"warned that Iran's response would be \"considerably more severe\" if Israel made another mistake"),
 ("2024-04-13","13","IRN","USA",False,"It also warned the United States to stay away from the conflict"),
 ("2024-04-14","13","IRN","ISR",False,"any future Israeli attack on Iranian interests, officials or citizens would be met with retaliation"),
 ("2024-04-14","13","ISR","IRN",True,"Israel would \"exact the price\" from Iran"),
],
"08_us-taliban-doha-agreement.txt": [
 ("2020-03-01","12","AFG","AFG",True,"Ashraf Ghani on Sunday rejected a Taliban demand for the release of thousands of prisoners"),
 ("2020-02-29","05","USA","AFG",True,"signed the deal at a ceremony in the Qatari capital on Saturday"),
 ("2020-02-29","03","USA","AFG",False,"Washington agreed to cut its forces in Afghanistan"),
 ("2020-02-29","02","USA","AFG",False,"Pompeo urged the Taliban to keep their promise to cut ties with al Qaeda"),
 ("2020-02-29","03","AFG","USA",False,"Baradar said the movement was committed to implementing the agreement"),
 ("2020-02-29","04","USA","AFG",False,"Mark Esper met Ghani on Saturday"),
 ("2020-02-29","13","USA","AFG",False,"warned that Washington would not hesitate to nullify the deal"),
 ("2020-02-29","03","USA","AFG",False,"he would personally meet Taliban leaders"),
],
"09_north-korea-missile-over-japan.txt": [
 ("2022-10-04","15","PRK","JPN",True,"North Korea fired a ballistic missile over Japan on Tuesday"),
 (N,"15","PRK",N,False,"North Korea's fifth round of missile launches in 10 days"),
 ("2022-10-04","11","JPN","PRK",True,"Fumio Kishida on Tuesday called the launch \"barbaric\""),
 ("2022-10-04","11","JPN","PRK",False,"Japan had lodged a strong protest with North Korea"),
 (N,"11","USA","PRK",False,"Jake Sullivan strongly condemned what he called Pyongyang's \"dangerous and reckless\" decision"),
 ("2022-10-04","11","KOR","PRK",False,"on Tuesday called the launch a reckless provocation"),
 ("2022-10-04","13","KOR","PRK",False,"vowed a stern response"),
 ("2022-10-04","15","KOR","PRK",False,"South Korean and US fighter jets staged a precision bombing drill"),
 ("2022-10-04","15","USA","PRK",False,"South Korean and US fighter jets staged a precision bombing drill"),
],
"10_sudan-army-rsf-fighting.txt": [
 ("2023-04-16","19","SDN","SDN",True,"Sudan's army and the paramilitary Rapid Support Forces (RSF) fought for a second day on Sunday, with warplanes striking RSF bases"),
 ("2023-04-15","19","SDN","SDN",True,"Clashes broke out on Saturday morning"),
 ("2023-04-15","11","SDN","SDN",False,"Dagalo called Burhan a \"criminal\""),
 ("2023-04-16","12","SDN","SDN",False,"The army said on Sunday there would be no negotiations with the RSF"),
 ("2023-04-15","17","SDN","EGY",False,"RSF fighters on Saturday detained a group of Egyptian soldiers"),
 ("2023-04-15","02","USA","SDN",False,"Antony Blinken urged all sides on Saturday to stop the violence immediately"),
 ("2023-04-15","02","EGY","SDN",False,"Egypt and Saudi Arabia called on Saturday for restraint"),
 ("2023-04-15","02","SAU","SDN",False,"Egypt and Saudi Arabia called on Saturday for restraint"),
],
"11_saudi-coalition-strikes-yemen.txt": [
 ("2015-03-26","19","SAU","YEM",True,"Saudi Arabia and its Arab allies launched air strikes against Houthi rebels in Yemen early on Thursday"),
 ("2015-03-25","01","SAU","YEM",False,"The operation was announced in Washington late on Wednesday by the Saudi ambassador"),
 ("2015-03-25","06","USA","SAU",False,"Obama had authorised logistical and intelligence support for the operation"),
 ("2015-03-26","11","IRN","SAU",True,"Iran condemned the strikes on Thursday"),
 ("2015-03-26","11","YEM","SAU",False,"denounced what he called a criminal aggression against Yemen"),
 ("2015-03-26","13","YEM","SAU",False,"vowed that Yemenis would confront the invaders"),
 ("2015-03-26","05","EGY","SAU",False,"Egypt on Thursday announced political and military support for the campaign"),
 ("2015-03-25","19","YEM","YEM",False,"Houthi fighters seized al-Anad air base"),
 ("2015-03-25","17","YEM","YEM",False,"Mahmoud al-Subaihi was captured by the Houthis on Wednesday"),
 ("2015-03-26","04","YEM","SAU",False,"Hadi arrived in the Saudi capital Riyadh on Thursday"),
],
"12_turkey-downs-russian-jet.txt": [
 ("2015-11-24","19","TUR","RUS",True,"Turkey shot down a Russian warplane near the Syrian border on Tuesday"),
 ("2015-11-24","13","RUS","TUR",True,"Putin warned of \"serious consequences\""),
 ("2015-11-24","11","RUS","TUR",True,"calling the incident a \"stab in the back\" by accomplices of terrorists"),
 ("2015-11-24","13","TUR","RUS",False,"the crew had been warned 10 times in five minutes"),
 ("2015-11-24","18","SYR","RUS",False,"One of the pilots was killed by gunfire from the ground as he parachuted down"),
 ("2015-11-24","19","SYR","RUS",False,"a helicopter sent to search for the crew came under rebel fire"),
 ("2015-11-24","16","RUS","TUR",False,"Lavrov on Tuesday called off a visit to Turkey"),
 ("2015-11-24","16","RUS","TUR",False,"it was severing all military contacts with Turkey"),
 ("2015-11-25","15","RUS",N,False,"Russia would deploy advanced S-400 air defence missiles to its Hmeimim air base"),
 ("2015-11-24","05","USA","TUR",False,"Obama on Tuesday backed Turkey's right to defend its territory and its airspace"),
 (N,"19","RUS","SYR",False,"Russia began air strikes in Syria at the end of September"),
 (N,"11","TUR","RUS",False,"Turkey has repeatedly complained about violations of its airspace by Russian aircraft"),
],
"13_strike-on-iranian-consulate-damascus.txt": [
 ("2024-04-02","13","IRN","ISR",True,"Khamenei vowed on Tuesday that Israel would be punished"),
 ("2024-04-01","19","ISR","IRN",True,"Israeli F-35 warplanes had fired six missiles at the building"),
 ("2024-04-01","13","IRN","ISR",False,"said on Monday that Tehran's response would be \"harsh\""),
 (N,"13","IRN","ISR",False,"the \"cowardly crime\" would not go unanswered"),
 (N,"11","IRN","USA",False,"the United States, as Israel's main backer, \"must be held accountable\""),
 ("2024-04-01","11","SYR","ISR",False,"condemned what he called a heinous terrorist attack"),
 (N,"11","RUS","ISR",False,"Russia's foreign ministry condemned the strike as unacceptable"),
 (N,"13","LBN","ISR",False,"would not pass without punishment and revenge"),
],
"14_venezuela-guaido-maduro.txt": [
 ("2019-01-23","01","VEN",N,True,"Juan Guaidó declared himself interim president on Wednesday"),
 ("2019-01-23","14","VEN","VEN",False,"tens of thousands of supporters who had marched through eastern Caracas to demand an end to Maduro's rule"),
 ("2019-01-23","05","USA","VEN",True,"Trump announced that Washington recognised Guaidó as Venezuela's interim president"),
 ("2019-01-23","13","USA","VEN",False,"\"all options are on the table\""),
 ("2019-01-23","05","CAN","VEN",False,"Canada, Brazil and Colombia followed suit on Wednesday"),
 ("2019-01-23","05","BRA","VEN",False,"Canada, Brazil and Colombia followed suit on Wednesday"),
 ("2019-01-23","05","COL","VEN",False,"Canada, Brazil and Colombia followed suit on Wednesday"),
 ("2019-01-23","16","VEN","USA",True,"prompting President Nicolás Maduro to break off diplomatic relations with Washington"),
 ("2019-01-23","11","VEN","USA",False,"Maduro accused Washington of trying to govern Venezuela from abroad"),
 ("2019-01-23","12","USA","VEN",False,"the United States did not recognise Maduro's authority to break relations"),
 ("2019-01-24","11","VEN","VEN",False,"denounced what he called a coup under way against Maduro"),
 ("2019-01-24","11","RUS","VEN",False,"Guaidó's self-proclamation was an attempt to usurp power"),
 ("2019-01-24","04","TUR","VEN",False,"Erdogan telephoned Maduro on Thursday to express his support"),
 (N,"05","MEX","VEN",False,"Mexico and Bolivia have said they continue to recognise Maduro"),
 (N,"05","BOL","VEN",False,"Mexico and Bolivia have said they continue to recognise Maduro"),
],
"15_baghdadi-killed-in-us-raid.txt": [
 ("2019-10-27","01","USA",N,True,"Trump said on Sunday that Islamic State leader Abu Bakr al-Baghdadi had died"),
 ("2019-10-26","18","USA",N,True,"after being cornered by US troops in Syria's Idlib province late on Saturday"),
 ("2019-10-27","05","USA","RUS",False,"Trump thanked Russia, Turkey, Syria and Iraq"),
 ("2019-10-27","05","USA","TUR",False,"Trump thanked Russia, Turkey, Syria and Iraq"),
 ("2019-10-27","05","USA","SYR",False,"Trump thanked Russia, Turkey, Syria and Iraq"),
 ("2019-10-27","05","USA","IRQ",False,"Trump thanked Russia, Turkey, Syria and Iraq"),
 ("2019-10-27","11","RUS","USA",False,"casting doubt on the US account"),
 (N,"06","TUR","USA",False,"Turkish and US military authorities had exchanged and coordinated information before the raid"),
 (N,"06","SYR","USA",False,"five months of joint intelligence work with the United States"),
 (N,"06","IRQ","USA",False,"its intelligence service had helped to locate Baghdadi"),
 ("2019-10-27","18","USA",N,False,"was killed on Sunday in a separate US operation in northern Syria"),
 ("2019-10-27","11","IRN","USA",False,"dismissed the killing on Sunday"),
],
"16_ethiopia-tigray-offensive.txt": [
 ("2020-11-05","15","ETH","ETH",True,"Ethiopia's army said on Thursday it was sending troops from across the country to the northern Tigray region"),
 ("2020-11-04","19","ETH","ETH",True,"Prime Minister Abiy Ahmed ordered a military offensive against the region's ruling party"),
 ("2020-11-03","19","ETH","ETH",True,"had attacked a base of the army's Northern Command in the regional capital Mekelle late on Tuesday"),
 ("2020-11-04","17","ETH","ETH",False,"declared a six-month state of emergency in Tigray"),
 (N,"11","ETH","ETH",False,"has accused Abiy's government of planning to invade the region"),
 (N,"12","ETH","ETH",False,"The TPLF held a regional election in September in defiance of the federal government"),
 (N,"16","ETH","ETH",False,"Federal lawmakers later voted to cut funding to the region's leadership"),
 (N,"11","ETH","ETH",False,"a move the TPLF called a declaration of war"),
 (N,"02","USA","ETH",False,"Mike Pompeo urged immediate action to restore peace and de-escalate the situation"),
 (N,"19","ETH","ETH",False,"there was heavy fighting near the border with the Amhara region"),
],
}

def main():
    out, errors = [], []
    arts = sorted(os.listdir(os.path.join(HERE, "articles")))
    if arts != sorted(DATA):
        errors.append(f"file set mismatch: {set(arts) ^ set(DATA)}")
    for fn in sorted(DATA):
        txt = open(os.path.join(HERE, "articles", fn), encoding="utf-8").read()
        m = re.match(r"^ date (\d{4}-\d{2}-\d{2}) ", txt)
        if not m:
            errors.append(f"{fn}: bad header"); continue
        evs = []
        for d, root, src, tgt, key, quote in DATA[fn]:
            if quote not in txt:
                errors.append(f"{fn}: quote not found: {quote!r}")
            if d is not None and d > m.group(1):
                errors.append(f"{fn}: event date {d} after publication")
            evs.append({"date": d, "root": root, "source": src, "target": tgt, "key": key, "text": quote})
        if not any(e["key"] for e in evs) or sum(e["key"] for e in evs) > 4:
            errors.append(f"{fn}: key count {sum(e['key'] for e in evs)}")
        out.append({"file": fn, "published": m.group(1), "events": evs})
    if errors:
        print("\n".join(errors)); sys.exit(1)
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    n = sum(len(a["events"]) for a in out); k = sum(e["key"] for a in out for e in a["events"])
    print(f"{len(out)} articles, {n} events, {k} key")

main()
