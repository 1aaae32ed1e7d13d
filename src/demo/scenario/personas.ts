import { HOME_PLACES } from './places.ts';
import { WeightedSampler, type Rng } from './random.ts';
import type { Lang, Persona, Register, ScenarioSource } from './types.ts';

/**
 * The authors. Well-known accounts (official channels, local news, artists, influencers) have
 * fixed, clearly fictional handles on reserved `.example` domains, so no real person's account is
 * ever tied to a made-up post; citizens are generated with Zipf-like activity, so a few post a
 * lot and most post once or twice, as on real timelines.
 */
interface KnownAccount {
  key: string;
  name: string;
  register: Register;
  lang: Lang;
  official: boolean;
  influence: number;
  handles: Partial<Record<ScenarioSource, string>>;
}

export const KNOWN_ACCOUNTS: readonly KnownAccount[] = [
  official('gemeente', 'Gemeente Utrecht', 60, { mastodon: '@gemeenteutrecht@social.overheid.example', bluesky: '@gemeente-utrecht.bsky.example' }),
  official('politie', 'Politie Utrecht-Stad', 80, { mastodon: '@politie_utrechtstad@social.overheid.example', bluesky: '@politie-utrecht.bsky.example' }),
  official('vr', 'Veiligheidsregio Utrecht', 30, { mastodon: '@vr_utrecht@social.overheid.example', bluesky: '@vr-utrecht.bsky.example' }),
  official('zomerfeest', 'Utrechts Zomerfeest', 70, { mastodon: '@zomerfeest030@mastodon.example', bluesky: '@zomerfeest030.bsky.example' }),
  official('ns', 'NS Reisinfo', 40, { mastodon: '@nsreisinfo@mastodon.example', bluesky: '@ns-reisinfo.bsky.example' }),
  official('netbeheer', 'Netbeheer Midden storingen', 15, { mastodon: '@netbeheer_midden@mastodon.example', bluesky: '@netbeheer-midden.bsky.example' }),
  official('p2000-ambulance', 'P2000 Ambulance regio Utrecht', 5, { p2000: 'p2000:ambulance-utrecht' }),
  official('p2000-brandweer', 'P2000 Brandweer regio Utrecht', 5, { p2000: 'p2000:brandweer-utrecht' }),
  known('rtvdomstad', 'RTV Domstad', 'news', 45, { mastodon: '@rtvdomstad@mastodon.example', bluesky: '@rtvdomstad.bsky.example', rss: 'rss:rtv-domstad.example' }),
  known('stadsblad', 'Utrechts Stadsblad', 'news', 30, { bluesky: '@stadsblad030.bsky.example', rss: 'rss:stadsblad030.example' }),
  known('jorien', 'Jorien Bakker (verslaggever)', 'journalist', 20, { mastodon: '@jorien_verslaggever@mastodon.example' }),
  known('djnova', 'DJ Nova', 'artist', 100, { bluesky: '@djnova.bsky.example' }),
  known('kaatje', 'Kaatje Klein', 'artist', 50, { mastodon: '@kaatjeklein@mastodon.example' }),
  known('singelband', 'De Singelband', 'artist', 25, { mastodon: '@singelband@toot.example' }),
  known('lotte', 'Lotte 🌷 030', 'influencer', 90, { bluesky: '@utrechtselotte.bsky.example' }),
  known('uvn', 'Utrecht Verveelt Nooit', 'influencer', 70, { bluesky: '@utrechtverveeltnooit.bsky.example', mastodon: '@utrechtverveeltnooit@social.utrecht.example' }),
  { ...known('emma', 'Emma in Utrecht', 'influencer', 40, { bluesky: '@emmainutrecht.bsky.example' }), lang: 'en' },
];

function official(key: string, name: string, influence: number, handles: KnownAccount['handles']): KnownAccount {
  return { key, name, register: 'official', lang: 'nl', official: true, influence, handles };
}

function known(key: string, name: string, register: Register, influence: number, handles: KnownAccount['handles']): KnownAccount {
  return { key, name, register, lang: 'nl', official: false, influence, handles };
}

const DUTCH_FIRST = [
  'Sanne', 'Daan', 'Fleur', 'Mohammed', 'Noor', 'Yassin', 'Emma', 'Bram', 'Lotte', 'Sem', 'Fatima', 'Jesse', 'Iris', 'Thijs',
  'Ayoub', 'Sara', 'Milan', 'Julia', 'Lars', 'Anouk', 'Youssef', 'Femke', 'Ruben', 'Eva', 'Kevin', 'Dewi', 'Bilal', 'Romy',
  'Mats', 'Zoë', 'Luuk', 'Nina', 'Stijn', 'Imane', 'Jelle', 'Lieke', 'Tim', 'Esra', 'Koen', 'Maud', 'Rik', 'Amira', 'Floor',
  'Joep', 'Hanna', 'Gijs', 'Mila', 'Ilse', 'Wouter', 'Marloes', 'Hamza', 'Demi', 'Niels', 'Kim', 'Tess', 'Sven', 'Jasmijn',
  'Mustafa', 'Elif', 'Bas', 'Merel', 'Pieter', 'Ingrid', 'Henk', 'Els', 'Ton', 'Marja', 'Rachid', 'Naima', 'Jeroen', 'Linda',
  'Stefan', 'Yvonne', 'Dirk', 'Annelies', 'Berend', 'Chantal', 'Sjoerd', 'Roos', 'Tygo', 'Saar', 'Finn', 'Liv', 'Senna', 'Noah',
];
const DUTCH_LAST = [
  'devries', 'jansen', 'bakker', 'visser', 'smit', 'meijer', 'deboer', 'mulder', 'degroot', 'bos', 'vos', 'peters', 'hendriks',
  'vandijk', 'elamrani', 'yilmaz', 'bouzid', 'kaya', 'vanleeuwen', 'dekker', 'brouwer', 'vandenberg', 'kok', 'jacobs', 'vermeulen',
  'willems', 'schouten', 'hoekstra', 'postma', 'benali', 'ozturk', 'sahin', 'koster', 'prins', 'huisman', 'vanderveen',
];
const ENGLISH_FIRST = [
  'Tom', 'Olivia', 'James', 'Sofia', 'Lukas', 'Chiara', 'Mateo', 'Aisha', 'Ben', 'Chloe', 'Marco', 'Ana', 'Jack', 'Elena', 'Raj',
  'Mei', 'Oscar', 'Freya', 'Diego', 'Hannah', 'Priya', 'Luca', 'Grace', 'Ethan', 'Ines', 'Kai', 'Zara', 'Felix', 'Maya', 'Sam',
];
const ENGLISH_LAST = ['smith', 'obrien', 'rossi', 'garcia', 'mueller', 'kowalski', 'patel', 'nguyen', 'silva', 'walsh', 'chen', 'novak'];
const SUFFIXES = ['030', 'utr', 'xo', 'nl', '98', '2004', 'x', '07', 'utrecht', 'tje', '99', '1', 'van030', 'z'];
const INSTANCES = ['mastodon.example', 'toot.example', 'social.utrecht.example', 'mstdn.example'];
const NAME_DECORATIONS = ['', '', '', ' 🌻', ' ✨', ' 🚲', ' 🏳️‍🌈', ' 🎧', ' 🌊', ' ⚽'];

interface RegisterVoice {
  share: number;
  typo: number;
  emoji: number;
  hashtag: number;
  lowercase: number;
  slang: number;
}

const REGISTERS: Readonly<Record<'teen' | 'young' | 'adult' | 'senior' | 'expat', RegisterVoice>> = {
  teen: { share: 0.2, typo: 0.05, emoji: 0.7, hashtag: 0.15, lowercase: 0.85, slang: 0.8 },
  young: { share: 0.35, typo: 0.03, emoji: 0.5, hashtag: 0.3, lowercase: 0.5, slang: 0.4 },
  adult: { share: 0.25, typo: 0.02, emoji: 0.25, hashtag: 0.2, lowercase: 0.1, slang: 0.05 },
  senior: { share: 0.07, typo: 0.03, emoji: 0.1, hashtag: 0.05, lowercase: 0.05, slang: 0 },
  expat: { share: 0.13, typo: 0.02, emoji: 0.4, hashtag: 0.3, lowercase: 0.4, slang: 0.3 },
};

/** Everyone who posts in the scenario, and fast ways to pick one. */
export class PersonaPool {
  readonly all: Persona[];
  private readonly byKey = new Map<string, Persona[]>();
  private readonly samplers = new Map<string, WeightedSampler<Persona>>();

  constructor(rng: Rng, citizens: number) {
    this.all = [...knownPersonas(), ...citizenPersonas(rng, citizens)];
    for (const p of this.all) this.byKey.set(p.key, [...(this.byKey.get(p.key) ?? []), p]);
    const posters = this.all.filter((p) => !p.official && p.register !== 'news');
    for (const lang of ['nl', 'en', '*'] as const) {
      for (const source of ['mastodon', 'bluesky', '*'] as const) {
        const members = posters.filter((p) => (lang === '*' || p.lang === lang) && (source === '*' || p.source === source));
        this.samplers.set(`${lang}|${source}`, new WeightedSampler(members, (p) => p.activity));
      }
    }
  }

  /** A citizen (or artist, influencer, journalist) chosen by activity. */
  citizen(rng: Rng, lang: Lang | '*', source: 'mastodon' | 'bluesky' | '*' = '*'): Persona {
    return this.samplers.get(`${lang}|${source}`)!.draw(rng);
  }

  /** The persona of a well-known account on a network, if it is there. */
  account(key: string, source: ScenarioSource): Persona | undefined {
    return this.byKey.get(key)?.find((p) => p.source === source);
  }

  /** Every network a well-known account posts on. */
  accountPersonas(key: string): Persona[] {
    const found = this.byKey.get(key);
    if (!found) throw new RangeError(`unknown account ${key}`);
    return found;
  }
}

function knownPersonas(): Persona[] {
  const out: Persona[] = [];
  for (const account of KNOWN_ACCOUNTS) {
    for (const [source, handle] of Object.entries(account.handles) as [ScenarioSource, string][]) {
      const posting = account.register === 'artist' || account.register === 'influencer' || account.register === 'journalist';
      out.push({
        key: account.key,
        source,
        handle,
        name: account.name,
        register: account.register,
        lang: account.lang,
        official: account.official,
        influence: account.influence,
        // Artists and influencers post about as much as an active citizen; others are scripted.
        activity: posting ? 0.0015 : 0,
        typoRate: posting ? 0.01 : 0,
        emojiRate: posting ? 0.6 : 0,
        hashtagRate: posting ? 0.5 : 0,
        lowercase: account.register === 'influencer' ? 0.3 : 0,
        slang: account.register === 'influencer' ? 0.2 : 0,
        home: 'domplein',
      });
    }
  }
  return out;
}

function citizenPersonas(rng: Rng, count: number): Persona[] {
  const registers = Object.entries(REGISTERS) as [keyof typeof REGISTERS, RegisterVoice][];
  const seen = new Set<string>();
  const out: Persona[] = [];
  for (let i = 0; out.length < count; i++) {
    const [register, voice] = registers[rng.weightedIndex(registers.map(([, v]) => v.share))]!;
    const english = register === 'expat';
    const first = rng.pick(english ? ENGLISH_FIRST : DUTCH_FIRST);
    const last = rng.pick(english ? ENGLISH_LAST : DUTCH_LAST);
    const source: ScenarioSource = rng.chance(0.45) ? 'mastodon' : 'bluesky';
    const user = userName(rng, first, last, source);
    const handle = source === 'mastodon' ? `@${user}@${rng.pick(INSTANCES)}` : `@${user}.bsky.example`;
    if (seen.has(handle)) continue;
    seen.add(handle);
    const vary = (v: number): number => Math.min(1, v * (0.6 + rng.next() * 0.8));
    out.push({
      key: `c${i}`,
      source,
      handle,
      ...(rng.chance(0.75) ? { name: displayName(rng, first, last) } : {}),
      register,
      lang: english ? 'en' : 'nl',
      official: false,
      influence: 1 + Math.floor(rng.exponential(2)),
      activity: 0,
      typoRate: vary(voice.typo),
      emojiRate: vary(voice.emoji),
      hashtagRate: vary(voice.hashtag),
      lowercase: vary(voice.lowercase),
      slang: vary(voice.slang),
      home: rng.pick(HOME_PLACES),
    });
  }
  // Zipf-Mandelbrot activity over a random ranking: the busiest account writes about 1% of the
  // lines, the median account a few, the tail one or two.
  const ranking = out.map((_, i) => ({ i, r: rng.next() })).sort((a, b) => a.r - b.r);
  ranking.forEach(({ i }, rank) => {
    out[i]!.activity = 1 / Math.pow(rank + 40, 1.3);
  });
  return out;
}

function userName(rng: Rng, first: string, last: string, source: ScenarioSource): string {
  const f = first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  const sep = source === 'mastodon' ? '_' : '-';
  switch (rng.int(0, 4)) {
    case 0:
      return `${f}${sep}${rng.pick(SUFFIXES)}`;
    case 1:
      return `${f}${last}`;
    case 2:
      return `${f}${sep}${last.slice(0, 3)}${rng.int(1, 99)}`;
    case 3:
      return `${f[0]}${last}`;
    default:
      return `${f}${rng.int(80, 2009)}`;
  }
}

function displayName(rng: Rng, first: string, last: string): string {
  switch (rng.int(0, 4)) {
    case 0:
      return first.toLowerCase();
    case 1:
      return `${first} ${last[0]!.toUpperCase()}.`;
    default:
      return `${first}${rng.pick(NAME_DECORATIONS)}`;
  }
}
