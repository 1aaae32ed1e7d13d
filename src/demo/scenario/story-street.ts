import type { EventScript } from './script.ts';

/** The robbery on the Oudegracht, the cardiac arrest at the Neude and the lost child. */
export const ROBBERY: EventScript = {
  id: 'robbery-oudegracht',
  title: { nl: 'Overval op telefoonwinkel aan de Oudegracht', en: 'Robbery at a phone shop on the Oudegracht' },
  category: 'robbery_burglary',
  start: '22:04',
  end: '23:45',
  place: 'bakkerbrug',
  description:
    'Two men rob a phone shop on the Oudegracht near the Bakkerbrug and flee on a black scooter towards Wittevrouwen (one in a red jacket, one in a grey hoodie). Witnesses post within a minute; the police ask for witnesses and photos at 22:19 and get photo tips; one suspect is arrested later.',
  volume: 95,
  phases: [
    {
      from: '22:04:40', to: '22:19', weight: 0.3, min: 5, shape: 'decay', mood: 'shock', priority: 'high', place: 'bakkerbrug', en: 0.1,
      repost: 0.1, reply: 0.12, image: 0.08,
      tags: ['#oudegracht', '#overval', '#utrecht'],
      bank: {
        nl: [
          '[net|zojuist|echt net] een overval [gezien|meegemaakt] bij de telefoonwinkel aan de oudegracht {emo_shock}',
          'twee gasten [renden|kwamen rennend] de telefoonwinkel bij de bakkerbrug uit en [sprongen op|scheurden weg op] een [zwarte|donkere] scooter',
          'overval?? [politie met zwaailichten|overal blauw] bij de oudegracht [ter hoogte van de bakkerbrug|bij de lijnmarkt]',
          '[een jongen met een rode jas|een van die gasten had een grijze hoodie] en [een tas vol telefoons|iets in zn hand, mes?]',
          'ze reden [over de lijnmarkt|richting de neude|richting wittevrouwen|via de twijnstraat] [echt hard|zonder licht|tussen de mensen door] op een scooter',
          '[verkoper|medewerker] van de telefoonwinkel aan de oudegracht stond [te trillen|helemaal in shock], [ze hebben hem bedreigd|ze hadden een mes zegt ie]',
          'wat is er gebeurd bij de oudegracht? [overal politie|straat afgezet|lint bij de telefoonwinkel]',
          'winkel aan de oudegracht [beroofd|overvallen] [terwijl het hier vol mensen staat|midden in het feest], [wie doet dat|echt ziek]',
          '[ik stond ernaast|we zaten op het terras ernaast] toen ze die telefoonwinkel [overvielen|leegroofden], [nog steeds trillende handen|schrik me kapot]',
        ],
        en: [
          'just saw a robbery at a phone shop on the Oudegracht, two guys on a [black|dark] scooter',
          'police everywhere on the canal near the Bakkerbrug, anyone know what happened?',
          'two guys ran out of a phone shop and rode off on a scooter [towards the Neude|right through the crowd], one had a red jacket',
        ],
      },
      replies: {
        nl: ['waar precies?', 'bij welke winkel?', 'hoop dat de medewerker ok is', 'richting welke kant reden ze?', 'ja zag het ook, [rode jas|zwarte scooter]', 'bel 112!!'],
        en: ['where exactly?', 'hope the staff are ok', 'saw it too, red jacket'],
      },
    },
    {
      from: '22:19:30', to: '23:30', weight: 0.57, min: 4, shape: 'decay', mood: 'worry', priority: 'medium', place: 'lijnmarkt', en: 0.08,
      repost: 0.35, reply: 0.2, image: 0.3,
      tags: ['#getuigen', '#overval', '#utrecht'],
      bank: {
        nl: [
          '{@politie} ik heb een foto van de scooter [net na de overval|bij de lijnmarkt], [stuur ik via de tiplijn|hier is ie]',
          'hier [een foto|foto] van de 2 jongens op de scooter bij de lijnmarkt, [22:06|vlak na de overval] {@politie}',
          'kenteken begon met [D-|DK-|een F], [meer kon ik niet zien|ging te snel] {@politie}',
          'ik zag ze [wegscheuren|rijden] bij de [twijnstraat|nobelstraat|biltstraat] richting wittevrouwen',
          'DELEN: getuigen gezocht overval oudegracht, [2 gasten|twee verdachten] op zwarte scooter',
          'zwarte scooter zonder kenteken [staat|stond] in [de biltstraat|een portiek in wittevrouwen], zou dat m zijn? {@politie}',
          'mijn ring-camera aan de [lijnmarkt|twijnstraat] heeft ze [gefilmd|opgenomen], [hoe lever ik dat aan|wie moet ik bellen]? {@politie}',
          'politie [zoekt|vraagt om] beelden van de overval aan de oudegracht, [check je foto’s|kijk ff in je camera] als je daar was',
          'rode jas, grijze hoodie, zwarte scooter. [zag ze net nog|volgens mij zag ik ze] bij [de biltstraat|de nobelstraat]',
        ],
        en: [
          'got a photo of the scooter right after the robbery on the Oudegracht, sending it to the police',
          'police asking for footage of the phone shop robbery, check your camera roll if you were near the Bakkerbrug',
        ],
      },
      replies: {
        nl: ['top, stuur naar de politie!', 'goed gedaan', 'ik heb ook een foto, zelfde scooter', 'dat is m idd', 'hopelijk pakken ze ze'],
        en: ['send it to the police!', 'nice one', 'same scooter I saw'],
      },
    },
    {
      from: '23:40:30', to: '00:20', weight: 0.13, min: 1, shape: 'decay', mood: 'happy', priority: 'low', place: 'wittevrouwen', en: 0.05,
      repost: 0.4, reply: 0.1,
      bank: {
        nl: ['[mooi|top], een van de overvallers van de oudegracht is [opgepakt|aangehouden] {emo_happy}', 'dankzij de foto’s [gepakt|aangehouden], delen werkt dus [echt|toch]', 'die overvaller is in wittevrouwen aangehouden las ik'],
        en: ['they arrested one of the robbers from the Oudegracht, nice'],
      },
    },
  ],
  scripted: [
    {
      at: '22:19', account: 'politie', key: 'robbery-call', category: 'robbery_burglary', priority: 'high', media: 'image',
      text: 'Rond 22:05 is een telefoonwinkel aan de Oudegracht (bij de Bakkerbrug) overvallen. Twee verdachten vluchtten op een zwarte scooter richting Wittevrouwen. Eén droeg een rode jas, de ander een grijze hoodie. Zag je iets of heb je foto’s of beelden? Tip ons via 0900-8844 of anoniem via 0800-7000. #getuigen #utrecht',
    },
    {
      at: '22:46', account: 'rtvdomstad', category: 'robbery_burglary', priority: 'medium', sources: ['rss'], url: 'nieuws/2026/07/04/overval-telefoonwinkel-oudegracht',
      text: 'Overval op telefoonwinkel aan de Oudegracht, daders op scooter gevlucht — Tijdens het Zomerfeest is een telefoonwinkel aan de Oudegracht overvallen. De politie zoekt getuigen en beelden.',
    },
    {
      at: '23:40', account: 'politie', key: 'robbery-arrest', category: 'robbery_burglary', priority: 'low',
      text: 'Update overval Oudegracht: dankzij jullie foto’s en tips hebben we in Wittevrouwen een verdachte (19) aangehouden. We zoeken nog naar de tweede verdachte. Bedankt voor het delen! #utrecht',
    },
  ],
};

export const CARDIAC_ARREST: EventScript = {
  id: 'cardiac-arrest',
  title: { nl: 'Reanimatie in het publiek op de Neude', en: 'Cardiac arrest in the crowd at the Neude' },
  category: 'medical',
  start: '22:41',
  end: '23:10',
  place: 'neude',
  description:
    'A man collapses in front of the Neude stage; bystanders start CPR and call for an AED. The P2000 ambulance alert follows at 22:45; the music on that stage stops and the organiser asks people to make room.',
  volume: 80,
  phases: [
    {
      from: '22:41:20', to: '22:45', weight: 0.28, min: 5, shape: 'rise', mood: 'shock', priority: 'critical', place: 'neude', en: 0.12,
      repost: 0.12, reply: 0.1,
      tags: ['#neude', '#aed', '#zomerfeest'],
      bank: {
        nl: [
          '[iemand|een man|een oudere man] is [neergevallen|in elkaar gezakt] [bij|voor] het podium op de neude, [ze zijn aan het reanimeren|mensen reanimeren hem] {emo_pray}',
          'AED!! [is er een AED bij de neude|wie weet waar de AED is|breng een AED naar de neude]?? {@zomerfeest}',
          '[bel 112|heeft iemand 112 gebeld]?? man ligt op de grond bij de neude en reageert niet',
          'reanimatie [gaande|bezig] op de neude, [maak ruimte|ga opzij|ga aan de kant] voor de hulpverleners',
          'muziek [gestopt|ineens stil] op de neude, [iemand onwel|er ligt iemand op de grond|ze roepen om een dokter]',
          'is er een [arts|dokter|verpleegkundige] in de buurt van [de neude stage|het neude podium]?? [iemand reanimeert al|snel]',
          'man [valt|viel] gewoon om naast ons op de neude. [ademt niet|reageert niet]. [jezus|wtf]',
        ],
        en: [
          'someone collapsed near the Neude stage, people doing CPR, is there an AED??',
          'guy down in the crowd at Neude, they are doing CPR, call 112!',
          'music stopped at the Neude stage, someone is being resuscitated',
        ],
      },
      replies: { nl: ['AED hangt bij de ehbo-post!', 'ambulance is onderweg denk ik', 'sterkte', 'er rent iemand met een AED jullie kant op'], en: ['AED is at the first aid tent', 'hope he is ok'] },
    },
    {
      from: '22:45:30', to: '23:10', weight: 0.72, min: 3, shape: 'decay', mood: 'pray', priority: 'critical', place: 'neude', en: 0.1,
      repost: 0.3, reply: 0.15,
      tags: ['#neude', '#zomerfeest', '#reanimatie'],
      bank: {
        nl: [
          'ambulance [is er|komt aan] bij de neude, [mensen maak ruimte|ga aan de kant|niet filmen]',
          'AED is er, [ze hebben een schok gegeven|nog steeds aan het reanimeren|iemand van de ehbo bracht m]',
          'respect voor [die vrouw|de mensen|die jongen] die [meteen|direct] begon met reanimeren op de neude {emo_pray}',
          'hoop [echt|zo] dat het goed komt met die man bij de neude {emo_pray}',
          'podium op de neude ligt stil [ivm|vanwege] een medische noodsituatie',
          'mensen die [staan te filmen|foto’s maken] bij die reanimatie op de neude, [schaam je|doe normaal]',
          'leer allemaal reanimeren jongens, [vanavond zie je weer waarom|het kan iedereen overkomen]',
          'via de app [kwamen er|kwam er] een paar burgerhulpverleners [aanrennen|met een AED] naar de neude, [echt knap|indrukwekkend]',
        ],
        en: [
          'ambulance arrived at Neude, people please make room',
          'massive respect to the people who started CPR at Neude straight away',
          'hope the man at Neude is going to be ok 🙏',
        ],
      },
      replies: { nl: ['🙏', 'sterkte aan de familie', 'idd, niet filmen', 'weet iemand hoe het met hem is?'], en: ['🙏', 'fingers crossed'] },
    },
  ],
  scripted: [
    {
      at: '22:45', account: 'p2000-ambulance', category: 'medical', priority: 'critical',
      text: 'A1 (DIA: ja) AMBU 09-107 Reanimatie Neude 3512AE Utrecht bon 61234',
    },
    {
      at: '22:45:40', account: 'p2000-ambulance', category: 'medical', priority: 'critical',
      text: 'A1 AMBU 09-112 Reanimatie Neude 3512AE Utrecht bon 61234',
    },
    {
      at: '22:52', account: 'zomerfeest', key: 'cardiac-notice', category: 'medical', priority: 'high',
      text: 'Op de Neude wordt een bezoeker medisch geholpen. Het programma op dit podium ligt even stil. Geef de hulpdiensten de ruimte en film niet. Dank aan iedereen die direct hielp. #zomerfeest',
    },
  ],
};

export const LOST_CHILD: EventScript = {
  id: 'lost-child',
  title: { nl: 'Vermist kind op het Jaarbeursplein', en: 'Missing child at Jaarbeursplein' },
  category: 'missing_person',
  start: '22:25',
  end: '22:58',
  place: 'jaarbeursplein',
  description:
    'A six-year-old boy (Sem, blond, blue FC Utrecht shirt) loses his parents near the food trucks on the Jaarbeursplein. His mother and bystanders post and share; the organiser posts a description at 22:38; he is found at 22:58.',
  volume: 65,
  phases: [
    {
      from: '22:26', to: '22:38', weight: 0.35, min: 4, shape: 'rise', mood: 'worry', priority: 'high', place: 'jaarbeursplein', en: 0.08,
      repost: 0.45, reply: 0.08,
      tags: ['#vermist', '#jaarbeursplein', '#zomerfeest'],
      bank: {
        nl: [
          'HELP ik ben mijn zoontje kwijt [bij het jaarbeursplein|bij de foodtrucks op het jaarbeursplein], Sem, 6 jaar, [blauw fc utrecht shirt|blauw shirt] en blond. [PLS DELEN|delen aub] {emo_pray}',
          '[heeft iemand|iemand] een klein jongetje [gezien|zien lopen] [alleen|zonder ouders] bij de [foodtrucks|draaimolen|poffertjeskraam]? blauw shirt, blond',
          'kind kwijt op het jaarbeursplein, moeder is [in paniek|helemaal in paniek], [pls delen|DELEN|rt rt rt]',
          'zoeken [naar|] Sem (6), [kwijtgeraakt|weggelopen] bij [de draaimolen|de poffertjeskraam] op het jaarbeursplein, blauw fc utrecht shirt {emo_pray}',
          'moeder roept [overal|de hele tijd] ‘Sem’ op het jaarbeursplein, [we helpen zoeken|iedereen kijkt mee]',
        ],
        en: ['lost child near Jaarbeursplein, boy 6 years old, blue football shirt, blond, please share', 'a mum is looking for her little boy Sem near the food trucks at Jaarbeursplein, blue shirt'],
      },
      replies: { nl: ['gedeeld!', 'ga naar de ehbo-post, daar brengen ze kinderen heen', 'meld het bij een steward!', 'we kijken mee bij de ingang'], en: ['shared!', 'tell a steward!'] },
    },
    {
      from: '22:38:30', to: '22:58', weight: 0.45, min: 2, shape: 'flat', mood: 'worry', priority: 'high', place: 'jaarbeursplein', en: 0.08,
      repost: 0.6, reply: 0.1,
      bank: {
        nl: ['nog steeds geen Sem? [blauw fc utrecht shirt|6 jaar, blond], jaarbeursplein. [kijk om je heen mensen|delen]', 'organisatie zoekt nu ook mee naar dat jongetje, [meld je bij de ehbo-post|breng hem naar de ehbo] als je hem ziet'],
        en: ['still looking for the little boy at Jaarbeursplein, blue shirt, please keep sharing'],
      },
    },
    {
      from: '22:58:30', to: '23:15', weight: 0.2, min: 1, shape: 'decay', mood: 'happy', priority: 'low', place: 'jaarbeursplein', en: 0.05,
      repost: 0.45, reply: 0.15,
      bank: {
        nl: ['Sem is gevonden!! [dank jullie wel allemaal|bedankt voor het delen] {emo_happy}', 'gelukkig, dat jongetje is terecht {emo_happy}', 'wat een opluchting, Sem is weer bij zn moeder'],
        en: ['the little boy has been found! thanks everyone for sharing'],
      },
    },
  ],
  scripted: [
    {
      at: '22:38', account: 'zomerfeest', key: 'child-missing', category: 'missing_person', priority: 'high',
      text: 'Vermist: Sem, jongen van 6, blond, blauw FC Utrecht-shirt, kwijtgeraakt bij de foodtrucks op het Jaarbeursplein. Zie je hem? Breng hem naar de EHBO-post bij de ingang Jaarbeursplein of spreek een steward aan. #zomerfeest',
    },
    { at: '22:40', account: 'politie', repostOf: 'child-missing', category: 'missing_person', priority: 'high', text: '' },
    {
      at: '22:58', account: 'zomerfeest', key: 'child-found', category: 'missing_person', priority: 'low',
      text: 'Sem is gevonden en is weer bij zijn ouders! Dank jullie wel voor het meekijken en delen 💙 #zomerfeest',
    },
  ],
};
