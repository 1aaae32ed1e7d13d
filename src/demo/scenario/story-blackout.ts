import type { EventScript } from './script.ts';

/** The fireworks show and the power failure that hits the festival grounds during it. */
export const FIREWORKS: EventScript = {
  id: 'fireworks',
  title: { nl: 'Vuurwerkshow boven de Catharijnesingel', en: 'Fireworks show over the Catharijnesingel' },
  category: null,
  start: '23:00',
  end: '23:20',
  place: 'catharijnesingel',
  description:
    'The planned fireworks show over the Catharijnesingel, the high point of the evening. Mostly enthusiastic chatter and videos (not safety-relevant); a few posts about a rocket that veered towards the crowd, a spark in an eye, and illegal bangers in Lombok and Wittevrouwen.',
  volume: 520,
  phases: [
    {
      from: '22:10', to: '23:00', weight: 0.25, min: 4, shape: 'rise', mood: 'party', priority: null, category: null, place: 'catharijnesingel', en: 0.12,
      repost: 0.08, reply: 0.06, image: 0.1,
      tags: ['#vuurwerk', '#zomerfeest', '#utrecht'],
      bank: {
        nl: [
          'nog [een half uur|20 min|even|een kwartiertje] tot het vuurwerk {emo_party}',
          'plekje gescoord aan de singel voor het vuurwerk, [nu niet meer weg|kom maar op]',
          'waar kun je het vuurwerk het beste zien? [singel of vredenburg|vanaf de brug?]',
          '[zo|straks|bijna] vuurwerk!!! [#vuurwerk|] {emo_fireworks}',
          '[al|nu al] {busy} langs de singel voor het vuurwerk',
          'met {friends} [op de kade|aan het water] wachten op het vuurwerk, {vibe}',
          'vorig jaar was het vuurwerk [echt|] {wow}, benieuwd naar dit jaar',
        ],
        en: ['waiting for the fireworks by the canal with a beer, what a vibe', 'where is the best spot to watch the fireworks? Vredenburg or the canal?', 'fireworks in 20 minutes!! so excited'],
        mixed: ['plekje aan de singel voor de fireworks, best spot ever', 'nog 10 min tot het vuurwerk, hyped af'],
      },
      replies: { nl: ['bij de brug bij vredenburg!', 'singel, echt de beste plek', 'wij staan er ook'], en: ['near the bridge at Vredenburg!'] },
    },
    {
      from: '23:00', to: '23:20', weight: 0.55, min: 4, shape: 'peak', mood: 'fireworks', priority: null, category: null, place: 'catharijnesingel', en: 0.12,
      repost: 0.12, reply: 0.05, image: 0.12, video: 0.18,
      tags: ['#vuurwerk', '#zomerfeest', '#utrecht', '#030'],
      bank: {
        nl: [
          'WAUW het vuurwerk {emo_fireworks}',
          '[dit vuurwerk|deze show|dit] is [echt nie normaal|kapot mooi|ziek|echt {wow}] {emo_fireworks}',
          '[kippenvel|tranen in mn ogen|kippenvel overal] bij [dat vuurwerk op muziek|de show|deze knallers]',
          'vuurwerk boven de singel [met de dom erachter|en tivoli op de achtergrond], utrecht op zn mooist',
          'filmpje van het vuurwerk [vanaf de brug|vanaf de kade|vanaf het vredenburg] {emo_fireworks}',
          '[die gouden|die roze|die grote] [regen|bollen|pijlen] {emo_fireworks} {emo_fireworks}',
          '[ooooh|aaah|woooow] [#vuurwerk|] {emo_fireworks}',
          'iedereen [staat te filmen|met de telefoon omhoog] maar [zo mooi|het is het waard]',
        ],
        en: ['fireworks over the canal in Utrecht, absolutely stunning', 'these fireworks are insane', 'Utrecht really knows how to do fireworks', 'video of the fireworks from the bridge, wow'],
        mixed: ['dit vuurwerk is next level, literally crying', 'vuurwerk boven de singel, best night ever'],
      },
      replies: { nl: ['zo mooi!', 'jaloers!!', 'kippenvel', 'waar sta je?'], en: ['so jealous', 'beautiful!'] },
    },
    {
      from: '23:20', to: '23:50', weight: 0.13, min: 1, shape: 'decay', mood: 'happy', priority: null, category: null, place: 'catharijnesingel', en: 0.12,
      repost: 0.15, reply: 0.05, video: 0.1,
      bank: {
        nl: ['wat een show [was dat|zeg]', '[beste|mooiste] vuurwerk [ooit|in jaren|dat ik ooit zag]', 'filmpje van de finale {emo_fireworks}', 'jammer dat de stroom uitviel maar het vuurwerk was {wow}'],
        en: ['best fireworks I have seen in years', 'that finale though 🎆'],
      },
    },
    {
      from: '23:03', to: '23:40', weight: 0.035, min: 2, shape: 'flat', mood: 'worry', priority: 'medium', category: 'medical', place: 'catharijnesingel', en: 0.1,
      bank: {
        nl: [
          '[een|] vuurpijl [kwam|ging] [laag over|de verkeerde kant op richting] het publiek bij de singel, [iemand geraakt?|was echt eng]',
          '[meisje|iemand|een jongen] naast me [kreeg|had] een vonk in [haar|zn] oog, [ehbo is er|ze wordt geholpen]',
          'stukje vuurwerk op mn arm gekregen bij de singel, [brandplek|au], [ehbo heeft het gekoeld|valt mee]',
        ],
        en: ['a rocket went sideways into the crowd near the canal, someone got hit I think'],
      },
    },
    {
      from: '22:30', to: '00:30', weight: 0.035, min: 2, shape: 'flat', mood: 'angry', priority: 'low', category: 'public_order', place: 'lombok', en: 0.05,
      bank: {
        nl: [
          'idioten steken [zelf|] [knalvuurwerk|cobra’s|nitraten] af in {home}, [mijn hond|de kinderen] [is doodsbang|zijn wakker]',
          'hoor [knallen|illegaal vuurwerk] in {home} terwijl het [verboden|niet toegestaan] is {emo_angry}',
          'jongeren gooien [rotjes|vuurwerk] naar [fietsers|voorbijgangers] in {home}',
        ],
        en: ['people setting off illegal bangers in Lombok, my dog is terrified'],
      },
    },
  ],
  scripted: [
    {
      at: '22:45', account: 'zomerfeest', key: 'fireworks-soon', category: null, relevant: false, priority: null,
      text: 'Om 23:00 begint het vuurwerk boven de Catharijnesingel! Het beste zicht heb je vanaf het Vredenburg en de kades. Blijf achter de hekken. EN: Fireworks at 23:00 over the Catharijnesingel! #zomerfeest #vuurwerk',
    },
  ],
};

export const POWER_FAILURE: EventScript = {
  id: 'power-failure',
  title: { nl: 'Stroomstoring op en rond het Vredenburg', en: 'Power failure around Vredenburg' },
  category: 'infrastructure_outage',
  start: '23:08',
  end: '23:52',
  place: 'vredenburg',
  description:
    'A medium-voltage fault cuts power to the Vredenburg, the Catharijnesingel and part of Hoog Catharijne in the middle of the fireworks: stage, screens, lights and traffic lights go dark. Citizens notice within seconds; the organiser reports it at 23:16, the grid operator at 23:24; power is back at 23:52.',
  volume: 150,
  phases: [
    {
      from: '23:08:15', to: '23:16', weight: 0.32, min: 6, shape: 'rise', mood: 'shock', priority: 'medium', place: 'vredenburg', en: 0.13,
      repost: 0.08, reply: 0.1, quote: 0.03, image: 0.06,
      tags: ['#stroomstoring', '#zomerfeest', '#vredenburg'],
      bank: {
        nl: [
          '[stroom|licht] [is|] [uitgevallen|weg|eruit] [op het vredenburg|bij vredenburg|op het plein] {emo_shock}',
          '[hele|heel] vredenburg [donker|pikkedonker|zwart] [wtf|??|opeens]',
          'muziek [valt|viel] [ineens|opeens] stil [midden in|tijdens] het vuurwerk',
          '[schermen|lampen|het podium|de speakers] [uit|dood] op het vredenburg. stroomstoring?',
          '[ook|] [hoog cat|hoog catharijne] [is donker|heeft geen licht], [roltrappen staan stil|winkels donker]',
          '[zaklampen|telefoonlampjes] aan [iedereen|overal], [geen idee wat er gebeurt|wat is er aan de hand]',
          'stroomstoring [bij|op] het #zomerfeest? [iemand meer info|wat gebeurt er]',
          'stoplichten op de catharijnesingel doen het niet meer, [auto’s|taxi’s] [rijden kris kras|toeteren]',
          'alleen het vuurwerk geeft nog licht [haha|lol], rest van vredenburg is donker',
          '[is het vuurwerk|hoort dit bij de show] of is de stroom [echt|] uitgevallen?',
        ],
        en: ['power just went out at Vredenburg, total darkness', 'blackout in the middle of the fireworks, what is going on?', 'all the lights and the stage went dead at Vredenburg'],
        mixed: ['stroom is uitgevallen bij vredenburg, lights out everywhere', 'blackout op het vredenburg, this is so weird'],
      },
      replies: { nl: ['hier ook!', 'ook bij tivoli', 'hc ook donker', 'ja hele plein'], en: ['same here', 'yes whole square'] },
    },
    {
      from: '23:16:30', to: '23:52', weight: 0.5, min: 4, shape: 'decay', mood: 'worry', priority: 'medium', place: 'vredenburg', en: 0.1,
      repost: 0.3, reply: 0.12, quote: 0.04, image: 0.05,
      tags: ['#stroomstoring', '#zomerfeest'],
      bank: {
        nl: [
          '[nog steeds|nog altijd] geen stroom op het vredenburg [na {mins}|]',
          'organisatie zegt stroomstoring, [blijf rustig|niet duwen|blijf staan waar je bent]',
          'mensen blijven [rustig|kalm] maar het is [wel|best] eng in het donker met zoveel mensen',
          '{@netbeheer} hoe lang gaat de storing [in het centrum|bij vredenburg] nog duren?',
          '[4g|internet|bereik] [doet het bijna niet|is overbelast] door die stroomstoring',
          'noodverlichting in hoog cat [doet het gelukkig|brandt], rest is donker',
          'stroomstoring [centrum|binnenstad] utrecht, [ook thuis|ook in de kantoren] bij de [catharijnesingel|lange viestraat] geen stroom',
          'monteurs [van de netbeheerder|in busjes] bij [het smakkelaarsveld|de singel] aan het werk',
        ],
        en: ['still no power at Vredenburg, stewards say stay calm', 'organisers say it is a power failure, no idea how long'],
      },
      replies: { nl: ['ja nog steeds', 'zegt de organisatie ook', 'hier ook niks'], en: ['still nothing here'] },
    },
    {
      from: '23:52:20', to: '00:20', weight: 0.18, min: 1, shape: 'decay', mood: 'party', priority: 'low', place: 'vredenburg', en: 0.1,
      repost: 0.25, reply: 0.08,
      bank: {
        nl: ['licht is er weer!! {emo_party}', 'stroom terug op het vredenburg, [muziek gaat weer|feest gaat door] {emo_party}', 'eindelijk weer stroom, [applaus op het plein|iedereen juicht]'],
        en: ['power is back at Vredenburg! party on'],
      },
    },
  ],
  scripted: [
    {
      at: '23:16', account: 'zomerfeest', key: 'power-first', category: 'infrastructure_outage', priority: 'high',
      text: 'Er is een stroomstoring op en rond het Vredenburg. Blijf rustig staan waar je bent en volg de aanwijzingen van de stewards. We werken aan een oplossing. EN: Power failure at Vredenburg, please stay calm and follow the stewards. #zomerfeest',
    },
    {
      at: '23:24', account: 'netbeheer', key: 'power-grid', category: 'infrastructure_outage', priority: 'medium',
      text: 'Storing in het middenspanningsnet in Utrecht-centrum (Vredenburg, Catharijnesingel, deel Hoog Catharijne). Circa 1.400 aansluitingen zonder stroom. Monteurs zijn ter plaatse. Verwachte hersteltijd: 00:15.',
    },
    {
      at: '23:35', account: 'rtvdomstad', sources: ['rss'], category: 'infrastructure_outage', priority: 'medium', url: 'nieuws/2026/07/04/stroomstoring-tijdens-vuurwerk-zomerfeest',
      text: 'Stroomstoring tijdens vuurwerk Zomerfeest — Tijdens de vuurwerkshow viel de stroom uit op het Vredenburg en in een deel van Hoog Catharijne. De netbeheerder werkt aan herstel.',
    },
    {
      at: '23:52', account: 'zomerfeest', key: 'power-back', category: 'infrastructure_outage', priority: 'low',
      text: 'De stroom is terug! Het programma op het Vredenburg gaat om 00:05 weer verder. Dank voor jullie geduld. #zomerfeest',
    },
    {
      at: '23:55', account: 'netbeheer', category: 'infrastructure_outage', priority: 'low',
      text: 'Update: de storing in Utrecht-centrum is verholpen. Alle aansluitingen hebben weer stroom. Excuses voor het ongemak.',
    },
  ],
};
