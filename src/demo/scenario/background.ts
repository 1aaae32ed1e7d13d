import type { Rng } from './random.ts';
import type { Phase, ScriptedPost } from './script.ts';

/**
 * What happens beside the storyline: safety-relevant posts that belong to no event (drugs,
 * nuisance, pickpockets, heat), the P2000 pager traffic of the rest of the region, and the
 * organiser's, artists' and influencers' programme posts that the crowd reposts.
 */
export const BACKGROUND_PHASES: readonly Phase[] = [
  {
    from: '19:30', to: '01:00', weight: 0.25, shape: 'flat', mood: 'neutral', priority: 'low', category: 'drugs', place: 'neude', en: 0.15, reply: 0.05,
    bank: {
      nl: [
        'ze verkopen [pillen|md|snuif] [bij de wc’s|achter het podium] op het jaarbeursplein, [gewoon openlijk|lol]',
        'overal lachgasballonnen op de neude, [terwijl het verboden is|dacht dat dat verboden was]',
        'gast vroeg of ik [wat|pillen|coke] wilde kopen bij de neude, [nee dank je|lol nee]',
        'ruik [overal|echt overal] wiet [bij de silent disco|op het janskerkhof]',
        '[meisje|jongen] [ging onderuit|was helemaal weg] na [een pil|drugs] bij de silent disco, ehbo erbij',
      ],
      en: ['someone offered me pills near the toilets lol', 'so many nitrous balloons around Neude'],
    },
  },
  {
    from: '18:00', to: '01:30', weight: 0.3, shape: 'flat', mood: 'angry', priority: 'low', category: 'public_order', place: 'oudegracht', en: 0.1, reply: 0.05,
    bank: {
      nl: [
        'wildplassers [in de oudegracht|tegen de dom|in de werfkelders], [echt smerig|gadver]',
        'dronken [gasten|groep] [gooit met bier|schreeuwt naar iedereen|valt mensen lastig] op de neude',
        '[glas|kapotte flessen] overal op de [lijnmarkt|neude|mariaplaats], [let op met slippers|au]',
        'gasten [klimmen op|hangen aan] [de hekken|de lantaarnpalen] bij vredenburg, [straks valt er een|security doet niks]',
        'wat een [tokkies|idioten] bij {stage}, [duwen iedereen opzij|zoeken ruzie]',
      ],
      en: ['drunk guys throwing beer at people near Neude', 'broken glass everywhere on the Lijnmarkt'],
    },
  },
  {
    from: '20:00', to: '00:30', weight: 0.13, shape: 'flat', mood: 'angry', priority: 'low', category: 'robbery_burglary', place: 'vredenburg', en: 0.15,
    bank: {
      nl: [
        '[pas op voor|let op voor|opletten voor] zakkenrollers bij {fest}, [mijn telefoon is gejat|portemonnee weg|tas opengesneden]',
        'fiets gejat bij [het vredenburg|de stalling bij cs] terwijl ik [op het feest was|stond te dansen], [top|kut]',
      ],
      en: ['watch out for pickpockets near {fest_en}, my phone got stolen'],
    },
  },
  {
    from: '19:00', to: '23:00', weight: 0.1, shape: 'flat', mood: 'worry', priority: 'low', category: 'suspicious', place: 'hoogCatharijne', en: 0.1,
    bank: {
      nl: [
        'onbeheerde [tas|rugzak] bij de ingang van hoog cat, [al 20 min|niemand erbij], {@politie}',
        'man [loopt|staat] [al uren|de hele tijd] [bij de fietsenstalling te rommelen|fietsen te bekijken] bij het vredenburg',
        'drone boven het vredenburg?? [mag dat zomaar|wie is dat]',
      ],
      en: ['unattended backpack near the Hoog Catharijne entrance, nobody around'],
    },
  },
  {
    from: '17:00', to: '19:15', weight: 0.25, shape: 'flat', mood: 'heat', priority: 'medium', category: 'medical', place: 'neude', en: 0.1,
    bank: {
      nl: [
        '[meisje|iemand|een oudere man] [flauwgevallen|onwel geworden] door de hitte bij {stage}, [ehbo is erbij|ze krijgt water]',
        'drink water mensen, al [2|3] mensen onwel gezien door de hitte',
        'te weinig schaduw op het vredenburg, [mensen gaan onderuit|ehbo heeft het druk]',
      ],
      en: ['a girl fainted from the heat near the stage, first aid is there'],
    },
  },
];

const STREETS = [
  ['Amsterdamsestraatweg', '3551'], ['Kanaalstraat', '3531'], ['Europalaan', '3526'], ['Vleutenseweg', '3532'], ['Marco Pololaan', '3526'],
  ['Weerdsingel', '3513'], ['Croeselaan', '3521'], ['Zonnebaan', '3542'], ['Overvechtsplein', '3563'], ['Biltstraat', '3572'],
  ['Kardinaal de Jongweg', '3584'], ['Waterlinieweg', '3541'], ['Vondellaan', '3521'], ['Oudenoord', '3513'],
] as const;

/** P2000 traffic from elsewhere in the region: real emergencies, but not this festival's. */
export function pagerNoise(rng: Rng, count: number): ScriptedPost[] {
  const out: ScriptedPost[] = [];
  for (let i = 0; i < count; i++) {
    const [street, pc] = rng.pick(STREETS);
    const minutes = rng.int(0, 8 * 60 + 25);
    const at = `${String((17 + Math.floor(minutes / 60)) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
    const unit = rng.int(101, 130);
    const bon = rng.int(60000, 69999);
    const kind = rng.int(0, 6);
    const base = { at } as const;
    if (kind <= 1) out.push({ ...base, account: 'p2000-ambulance', category: 'medical', priority: 'high', text: `A1 AMBU 09-${unit} ${street} ${pc} Utrecht bon ${bon}` });
    else if (kind === 2) out.push({ ...base, account: 'p2000-ambulance', category: 'traffic_transport', priority: 'medium', text: `A2 AMBU 09-${unit} Ongeval wegvervoer ${street} ${pc} Utrecht bon ${bon}` });
    else if (kind === 3) out.push({ ...base, account: 'p2000-ambulance', category: null, relevant: false, priority: null, text: `B1 AMBU 09-${unit} Besteld vervoer ${street} ${pc} Utrecht bon ${bon}` });
    else if (kind === 4) out.push({ ...base, account: 'p2000-brandweer', category: 'fire', priority: 'medium', text: `P 1 BDH-0${rng.int(1, 6)} Brandgerucht binnen ${street} ${pc} Utrecht 0919${rng.int(10, 99)}` });
    else if (kind === 5) out.push({ ...base, account: 'p2000-brandweer', category: 'fire', priority: 'low', text: `P 2 BDH-0${rng.int(1, 6)} Buitenbrand (container) ${street} ${pc} Utrecht 0919${rng.int(10, 99)}` });
    else out.push({ ...base, account: 'p2000-brandweer', category: 'call_for_help', priority: 'low', text: `P 2 BDH-0${rng.int(1, 6)} Dienstverlening (liftopsluiting) ${street} ${pc} Utrecht 0919${rng.int(10, 99)}` });
  }
  return out;
}

/** Scheduled posts that are no incident: welcome, programme, thanks. Influencers' get reposted. */
export const PROGRAMME_POSTS: readonly ScriptedPost[] = [
  { at: '16:55', account: 'zomerfeest', relevant: false, text: 'Welkom op het Utrechts Zomerfeest! Vanaf 17:00 muziek op vier podia rond het Vredenburg, de Neude, het Janskerkhof en het Jaarbeursplein. Om 23:00 vuurwerk boven de Catharijnesingel. #zomerfeest' },
  { at: '17:00', account: 'rtvdomstad', sources: ['rss'], relevant: false, url: 'nieuws/2026/07/04/zomerfeest-begint-binnenstad-loopt-vol', text: 'Zomerfeest begint: binnenstad loopt vol — Tienduizenden bezoekers worden vanavond verwacht bij het Utrechts Zomerfeest. De binnenstad is afgesloten voor autoverkeer.' },
  { at: '17:10', account: 'gemeente', category: 'weather', priority: 'low', text: 'Het Zomerfeest is begonnen! Het wordt vanmiddag 30 graden: drink genoeg water (gratis bij de watertappunten) en zoek de schaduw op. De binnenstad is tot 02:00 afgesloten voor autoverkeer. #zomerfeest' },
  { at: '17:15', account: 'ns', relevant: false, text: 'Vanavond rijden er extra treinen van en naar Utrecht Centraal vanwege het Zomerfeest. Plan je reis terug op tijd via de reisplanner.' },
  { at: '18:00', account: 'uvn', relevant: false, media: 'image', text: 'De 5 leukste plekjes op het Zomerfeest: de kade langs de Singel, de silent disco op het Janskerkhof, de poffertjes op het Jaarbeursplein, de Neude stage en natuurlijk de Domtoren bij zonsondergang ✨ #zomerfeest #utrecht' },
  { at: '18:30', account: 'zomerfeest', relevant: false, text: 'Nu op het Neude-podium: Kaatje Klein! 🎶 #zomerfeest' },
  { at: '20:10', account: 'lotte', relevant: false, media: 'image', text: 'Outfit check bij de Dom ✨ wie ziet me vanavond? #zomerfeest' },
  { at: '20:30', account: 'kaatje', relevant: false, text: 'Dank jullie wel Neude!! Wat een publiek, zelfs na die bui 💛 #zomerfeest' },
  { at: '21:00', account: 'emma', relevant: false, lang: 'en', media: 'image', text: 'My first Dutch city festival and I am in love with Utrecht already 🇳🇱✨ canals, music, bitterballen #zomerfeest' },
  { at: '21:25', account: 'djnova', relevant: false, text: 'Om 22:00 sta ik op de mainstage op het Vredenburg. Tot zo Utrecht!! 🔥 #zomerfeest' },
  { at: '22:20', account: 'singelband', relevant: false, media: 'video', text: 'Wat een avond op het Janskerkhof! Bedankt iedereen die kwam dansen 🎺 #zomerfeest' },
  { at: '00:30', account: 'djnova', relevant: false, media: 'video', text: 'Utrecht jullie waren GEWELDIG. Zelfs zonder stroom 😂🔥 tot volgend jaar #zomerfeest' },
  { at: '00:45', account: 'emma', relevant: false, lang: 'en', text: 'Fireworks, a blackout, a rumour storm and then dancing again. What a night, Utrecht 😅 #zomerfeest' },
  { at: '01:25', account: 'zomerfeest', relevant: false, text: 'Dat was het Zomerfeest 2026! Dank jullie wel en kom veilig thuis. Tot volgend jaar 💛 #zomerfeest' },
];
