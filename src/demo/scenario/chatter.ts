import type { Bank } from './script.ts';
import type { Mood } from './voices.ts';

/**
 * The 80% of the stream that is not about safety: arriving, heat, music, food, friends, queues,
 * photos, going home. Topics have their hours, so the background itself moves through the
 * evening the way a real timeline does (and burst detection has a realistic baseline).
 */
export interface ChatterTopic {
  id: string;
  from: string;
  to: string;
  weight: number;
  mood: Mood;
  bank: Bank;
  image?: number;
  video?: number;
  /** Posted from home rather than from the festival. */
  remote?: boolean;
}

/** Relative posting rate through the evening (local time), excluding the storyline's own posts. */
export const CHATTER_INTENSITY: readonly (readonly [string, number])[] = [
  ['16:45', 0.2], ['17:00', 0.45], ['18:00', 0.7], ['19:00', 0.85], ['19:40', 0.7], ['20:00', 0.8], ['21:00', 1.0],
  ['22:00', 1.25], ['22:45', 1.45], ['23:00', 1.5], ['23:30', 1.4], ['00:00', 1.05], ['00:30', 0.7], ['01:00', 0.4], ['01:30', 0.15],
];

export const CHATTER_TOPICS: readonly ChatterTopic[] = [
  {
    id: 'arrival', from: '16:45', to: '18:45', weight: 1.2, mood: 'party',
    bank: {
      nl: [
        'onderweg naar het zomerfeest {emo_party}',
        'trein naar utrecht [zit|is] [vol|helemaal vol|propvol] met mensen naar het zomerfeest',
        'eindelijk in utrecht, [waar zijn jullie|waar staan jullie] {friend}?',
        'wie is er [ook|nog meer] op het zomerfeest vanavond?',
        '[net aangekomen|we zijn er|binnen] bij {fest}, {vibe}',
        'fiets [geparkeerd|gestald] in de stalling bij cs, [hoop dat ik m ooit terugvind|gigantisch ding]',
        'met {friends} naar het zomerfeest, [zin in|heb er zin in|let’s go]',
        '[eerste|1e] {drink} [op|binnen], [laat de avond maar beginnen|proost] {emo_party}',
      ],
      en: ['just arrived in Utrecht for the festival!', 'train to Utrecht full of people going to the festival', 'first time at this festival, so excited', 'meeting {friends_en} at {fest_en}, lets go'],
      mixed: ['onderweg naar het zomerfeest, so ready', 'met de squad naar utrecht, festival mode on'],
    },
  },
  {
    id: 'heat', from: '17:00', to: '19:25', weight: 0.8, mood: 'heat',
    bank: {
      nl: [
        '[wat is het|het is] [heet|warm|bloedheet|snikheet] op [het vredenburg|de neude|het plein] {emo_heat}',
        'zonnebrand vergeten, [ben nu al rood|rip mijn nek|au]',
        '[30|31|32] graden en ik sta [vol|gewoon] in de zon bij {stage}',
        'watertappunt bij de neude is [goud waard|een redder|mn beste vriend]',
        'ijsje nodig, NU {emo_heat}',
        'zweten [als een otter|als een gek|kapot] [bij|voor] {stage}',
      ],
      en: ['it is so hot in Utrecht today', 'forgot sunscreen, already red', 'the free water points are a lifesaver'],
    },
  },
  {
    id: 'music', from: '17:00', to: '01:30', weight: 1.6, mood: 'party', video: 0.06, image: 0.04,
    bank: {
      nl: [
        '{act} op {stage} is [echt|] {wow} {emo_party}',
        '[dansen|springen] bij {act}, [mn benen|mn voeten] [zijn op|doen pijn]',
        'wie staat er nu op {stage}?',
        '{act} speelde [dat ene nummer|mn favoriete nummer|een cover van ABBA] {emo_happy}',
        'silent disco op het janskerkhof [is hilarisch|is zo leuk], iedereen zingt vals {emo_laugh}',
        'geluid bij {stage} [is echt slecht|valt steeds weg|is top|kan harder]',
        'nooit van {act} gehoord maar [ik ben fan|dit is {wow}]',
        '{act} [live|] [is|was] [beter dan verwacht|{wow}], [wie gaat er mee naar het volgende optreden|]',
      ],
      en: [
        '{act_en} at {stage_en} is {wow_en}',
        'the silent disco is [hilarious|so much fun], everyone [singing out of tune|dancing to different songs]',
        'who is playing at {stage_en} right now?',
        'never heard of {act_en} but {wow_en}',
        '[dancing|jumping around] to {act_en} with {friends_en}, [my feet hurt|no regrets]',
        'the Dutch really know how to throw a [street party|festival], {vibe_en}',
        'sound at {stage_en} is [terrible|perfect|way too quiet] [tbh|honestly|]',
      ],
      mixed: ['{act} op {stage} is literally {wow}', 'dansen bij {act}, what a vibe'],
    },
  },
  {
    id: 'food', from: '17:30', to: '00:45', weight: 1.1, mood: 'food', image: 0.15,
    bank: {
      nl: [
        '{food} bij {stall} {emo_food}',
        '{price} voor een {drink}?? [wollah|echt nie normaal|zotte prijzen|dat is toch belachelijk]',
        'muntjes [op|alweer op], [weer in de rij|nieuwe halen]',
        'rij bij {stall} is [echt|] [eindeloos|{mins}]',
        'beste {food} [ooit|van het jaar] [bij het jaarbeursplein|op de neude|hier]',
        '[honger|trek] [als een paard|]. iemand tips voor eten [op het zomerfeest|bij {fest}]?',
        'nog een {drink} dan [maar|] {emo_party}',
      ],
      en: ['{food_en} [at the festival|near {fest_en}|by the canal] {emo_food}', '{price} for a beer, [wow Utrecht|not cheap|Amsterdam prices]', 'any food tips [at the festival|near {fest_en}]? starving', 'the queue for [food|{food_en}] is [endless|insane|worth it]', 'tried {food_en} for the first time, [verdict: amazing|not sure about it]'],
    },
  },
  {
    id: 'friends', from: '17:00', to: '01:30', weight: 1.2, mood: 'laugh',
    bank: {
      nl: [
        'waar zijn jullie?? ik sta bij {fest}',
        'kwijt aan {friends} [lol|haha], [geen bereik|telefoon bijna leeg]',
        'met {friends} op het zomerfeest, {vibe}',
        '{friend} waar ben je [nou|]??',
        '[batterij|accu] op [10%|5%|3%], wie heeft een powerbank',
        'verzamelen bij [de dom|de bakkerbrug|het standbeeld op de neude|tivoli] om [9|10|11] uur',
        '{friend} is [al|nu al] [dronken|zat|aan het zingen] {emo_laugh}',
        'net [oude klasgenoten|mn ex|mn baas] tegengekomen [haha|awkward] {emo_laugh}',
      ],
      en: ['lost {friends_en} already lol', 'phone at [5%|3%|8%], anyone got a power bank[ near {fest_en}|]?', 'ran into my flatmates by pure chance, Utrecht is small'],
      mixed: ['met de squad op het zomerfeest, vibes zijn immaculate', 'waar zijn jullie guys, ik sta bij {fest}'],
    },
  },
  {
    id: 'toilets', from: '18:00', to: '01:00', weight: 0.5, mood: 'angry',
    bank: {
      nl: [
        'rij voor de wc is {mins} {emo_angry}',
        'dixi’s zijn [al|nu al] [smerig|vies|onbruikbaar]',
        'vrouwen-wc [rij|] [eindeloos|nie normaal], mannen lopen zo door {emo_angry}',
        '[gratis|schone] wc in hoog cat is [een geheime tip|echt de move|goud waard], [niet verder vertellen|graag gedaan]',
      ],
      en: ['the toilet queue is ridiculous', 'tip: the toilets in Hoog Catharijne are free'],
    },
  },
  {
    id: 'photos', from: '18:00', to: '23:00', weight: 0.7, mood: 'happy', image: 0.6,
    bank: {
      nl: ['selfie met de dom op de achtergrond {emo_happy}', '[zonsondergang|avondlicht|gouden uurtje] boven de oudegracht {emo_happy}', 'foto dump zomerfeest [deel 1|part 2|deel 3]', 'utrecht [is gewoon|blijft] de mooiste stad {emo_happy}', 'kijk die lichtjes op de gracht {emo_happy}'],
      en: ['selfie with the Dom tower [behind us|in the background]', 'sunset over the [canal|Oudegracht], Utrecht is so pretty', 'photo dump from the festival [part 1|part 2|]', 'these canals at night {emo_happy}'],
    },
  },
  {
    id: 'after-shower', from: '20:00', to: '21:00', weight: 0.6, mood: 'laugh',
    bank: {
      nl: ['alles nat maar de sfeer is [nog steeds|] top', 'gelukkig [droog|zonnig] [nu|weer]', 'mn [haar|make-up] is [verpest|weg] door die bui {emo_laugh}', 'die bui was [wel|echt] heftig, [nu gaan we door|door met feesten]'],
      en: ['soaked but still dancing', 'that rain shower was wild, all good now'],
    },
  },
  {
    id: 'remote', from: '17:00', to: '01:30', weight: 0.45, mood: 'sad', remote: true,
    bank: {
      nl: ['jaloers op iedereen op het zomerfeest, ik moet werken {emo_sad}', 'hoor de muziek [tot in|helemaal in] {home}', 'volg het zomerfeest [via de stream|op tv] [vanaf de bank|lol]', 'mijn [tijdlijn|feed] staat vol met het zomerfeest [en ik zit thuis|haha]'],
      en: ['so jealous of everyone at the festival, stuck [at home|at work]', 'can hear the music all the way from {home}', 'my feed is all festival tonight [lol|and I am on the couch]'],
    },
  },
  {
    id: 'home', from: '23:40', to: '01:30', weight: 1.3, mood: 'happy',
    bank: {
      nl: [
        'zo naar huis, [moe maar voldaan|wat een avond]',
        'afterparty [bij|in] [de ekko|tivoli|iemand thuis|de kroeg]? wie gaat er mee',
        '[fietsen|lopen] naar {home}, [voeten dood|benen op]',
        'snackbar [open|vol] na het feest, [kapsalon|friet] {emo_food}',
        'wat een dag. [volgend jaar weer|tot volgend jaar zomerfeest]',
        'thuis. [schoenen uit|bed]. {emo_happy}',
      ],
      en: ['heading [home|back to the hotel], what a night', 'anyone going to an afterparty [near {fest_en}|in Utrecht]?', 'best night in Utrecht [so far|ever]', '[walking|cycling] home along the canals, [so pretty at night|Utrecht you beauty]'],
    },
  },
  {
    id: 'misc', from: '17:00', to: '01:30', weight: 0.8, mood: 'neutral',
    bank: {
      nl: [
        'geen bereik hier [lol|], berichten komen [niet aan|niet door]',
        '[wie heeft er|heeft iemand] een [oplader|powerbank|kabel] [voor een iphone|usb-c|die ik mag lenen]? [ik sta bij {fest}|]',
        '[zoveel|zo veel] mensen [vandaag|hier], {busy}',
        'schoenen [kapot|vies|onder het bier], [boeie|maar het was het waard]',
        '{busy} op {fest} [maar gezellig|]',
        'mn [pet|zonnebril|vest] ergens [laten liggen|verloren] bij {fest}, [boeie|rip]',
      ],
      en: ['no signal here at all[, messages not sending| lol|]', 'so many people today, {busy_en}', 'Utrecht is {busy_en} tonight'],
    },
  },
];

/** Short reactions under chatter. */
export const CHATTER_REPLIES: Bank = {
  nl: ['haha', 'ik ook!!', 'waar sta je?', 'jaloers', 'wacht op me', 'kom naar de neude', '😂😂', 'top!', 'zelfde', 'echt he', 'hahaha ja', 'omg ja', 'bij de dom!', 'sta er ook!', 'gezellig!'],
  en: ['same!', 'haha', 'where are you?', 'so jealous', 'love this', 'omg yes'],
};

export const CHATTER_QUOTES: Bank = {
  nl: ['dit dus', 'zo waar', 'haha precies', 'hier ook', 'iedereen moet dit zien'],
  en: ['this!', 'so true', 'exactly'],
};
