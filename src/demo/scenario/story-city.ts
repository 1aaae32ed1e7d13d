import type { EventScript } from './script.ts';

/** The thunder shower, the food-truck fire, the train disruption and the late fight. */
export const WEATHER: EventScript = {
  id: 'thunder-shower',
  title: { nl: 'Onweersbui met windstoten', en: 'Thunder shower with strong gusts' },
  category: 'weather',
  start: '19:32',
  end: '19:58',
  place: 'vredenburg',
  description:
    'A short, heavy thunder shower with strong gusts after a hot afternoon. Visitors see it coming on the rain radar; the organiser pauses all stages at 19:38; a food-stall tent and a crowd barrier blow over; the programme resumes at 20:15.',
  volume: 65,
  phases: [
    {
      from: '19:18', to: '19:38', weight: 0.35, min: 5, shape: 'rise', mood: 'rain', priority: 'low', place: 'vredenburg', en: 0.1,
      repost: 0.05, reply: 0.1, image: 0.1,
      tags: ['#onweer', '#zomerfeest', '#utrecht'],
      bank: {
        nl: [
          '[oei|oeh|jeetje] wat een donkere wolken boven {fest} [opeens|ineens] {emo_worry}',
          'buienradar ziet er [niet goed|echt slecht|nie goed] uit [voor de komende 20 min|zo meteen|straks], [gaan we nat worden|paraplu mee]',
          '[eerste|dikke] druppels op {fest}[, iedereen rent naar de tenten| haha|]',
          'het [onweert|rommelt] [al|echt] in de verte, [zitten|staan] [nog steeds|gewoon] bij {stage}',
          'windstoten [hier|bij het podium] [zijn echt heftig|nie normaal], [parasols|tentjes|vlaggen] waaien [bijna|] weg',
          '[wtf|bro] het [giet|plenst|regent pijpenstelen] [opeens|ineens] {emo_rain}',
          'kan iemand zeggen of het programma doorgaat met dat onweer? {@zomerfeest}',
          'hagel?? in juli?? {emo_shock}',
        ],
        en: ['sudden downpour at the festival, everyone running for cover', 'thunder right above the Dom tower, is it safe to stay outside?', 'those clouds look nasty, storm coming'],
      },
      replies: { nl: ['hier ook!', 'buienradar zegt 20 min', 'onder de luifel bij tivoli is plek'], en: ['same here'] },
    },
    {
      from: '19:38:30', to: '20:00', weight: 0.4, min: 3, shape: 'decay', mood: 'rain', priority: 'medium', place: 'vredenburg', en: 0.1,
      repost: 0.2, reply: 0.08, image: 0.15, video: 0.05,
      tags: ['#onweer', '#zomerfeest'],
      bank: {
        nl: [
          '[staan|schuilen] met [honderd|de halve stad|zn allen] onder [de luifel van tivoli|de overkapping bij hoog cat|een partytent], [kletsnat|doorweekt]',
          'hek bij {stage} omgewaaid?! [gelukkig niemand geraakt|hoop dat iedereen ok is]',
          'tent van een foodtruck [klapte|vloog] [gewoon|] om door de wind [bij het jaarbeursplein|op de neude]',
          'podium [ligt stil|is stilgelegd] vanwege onweer, [terecht|slim|jammer maar ok]',
          'bliksem [vlak boven|boven] de dom, [ik schrok me kapot|wollah|wat een klap]',
          'straat [staat blank|loopt onder] bij [de lijnmarkt|de oudegracht|het vredenburg]',
          'iemand [is uitgegleden|viel] op de natte [trappen|kinderkopjes] bij {fest}, ehbo is er al',
        ],
        en: ['a tent just blew over near Neude, scary gusts', 'sheltering in Hoog Catharijne with half the festival, soaked'],
      },
    },
    {
      from: '20:00', to: '20:35', weight: 0.25, min: 1, shape: 'decay', mood: 'happy', priority: 'low', place: 'vredenburg', en: 0.1,
      repost: 0.15, reply: 0.05,
      bank: {
        nl: ['zon is er weer {emo_happy} [door met het feest|droogt wel]', 'alles [nog] nat maar [we gaan door|sfeer blijft goed]', 'programma gaat weer verder zegt de organisatie', '[schoenen|sokken] [zeiknat|doorweekt] [maar|] boeie'],
        en: ['sun is back! festival continues', 'soaked but still having fun'],
      },
    },
  ],
  scripted: [
    {
      at: '19:38', account: 'zomerfeest', key: 'weather-pause', category: 'weather', priority: 'medium',
      text: 'Vanwege onweer en harde windstoten leggen we het programma op alle podia tijdelijk stil. Zoek beschutting in de gebouwen rond het Vredenburg en in Hoog Catharijne. We houden je op de hoogte. #zomerfeest',
    },
    {
      at: '19:41', account: 'vr', category: 'weather', priority: 'medium',
      text: 'Let op: code geel voor onweer en windstoten in de provincie Utrecht tot 20:30. Bezoekers van het Zomerfeest: volg de aanwijzingen van de organisatie op.',
    },
    { at: '20:02', account: 'zomerfeest', category: 'weather', priority: 'low', text: 'Het onweer is voorbij. Het programma gaat om 20:15 weer verder. Pas op voor gladde plekken! #zomerfeest' },
    {
      at: '19:52', account: 'rtvdomstad', sources: ['rss'], category: 'weather', priority: 'low', url: 'nieuws/2026/07/04/onweer-legt-zomerfeest-stil',
      text: 'Onweer legt Zomerfeest kort stil — Een flinke onweersbui met windstoten heeft het programma van het Zomerfeest in de Utrechtse binnenstad tijdelijk stilgelegd.',
    },
  ],
};

export const FOODTRUCK_FIRE: EventScript = {
  id: 'foodtruck-fire',
  title: { nl: 'Brand in foodtruck op het Jaarbeursplein', en: 'Fire in a food truck at Jaarbeursplein' },
  category: 'fire',
  start: '20:48',
  end: '21:10',
  place: 'jaarbeursplein',
  description: 'A deep fryer catches fire in a food truck on the Jaarbeursplein; black smoke, visitors step back; staff use an extinguisher and the fire brigade (P2000 at 20:52) finishes the job. Nobody is hurt.',
  volume: 35,
  phases: [
    {
      from: '20:48:20', to: '20:52', weight: 0.4, min: 4, shape: 'rise', mood: 'shock', priority: 'high', place: 'jaarbeursplein', en: 0.1,
      repost: 0.1, reply: 0.1, image: 0.2,
      tags: ['#brand', '#jaarbeursplein'],
      bank: {
        nl: [
          'rook bij de foodtrucks op het jaarbeursplein?? {emo_worry}',
          '[vlammen|steekvlam] bij {stall} op het jaarbeursplein, [mensen rennen weg|iedereen stapt achteruit]',
          'iets in de fik bij het jaarbeursplein, [zwarte rook|dikke zwarte rook]',
          'die frituurpan van {stall} [vloog echt in brand|staat in de fik] wtf',
        ],
        en: ['fire at one of the food trucks on Jaarbeursplein, lots of black smoke'],
      },
    },
    {
      from: '20:52:30', to: '21:15', weight: 0.6, min: 1, shape: 'decay', mood: 'neutral', priority: 'medium', place: 'jaarbeursplein', en: 0.1,
      repost: 0.2, reply: 0.1, image: 0.15,
      bank: {
        nl: [
          'brandweer is er bij het jaarbeursplein',
          'brand bij [de foodtruck|die friettent] is uit, [niemand gewond zeggen ze|gelukkig niemand gewond]',
          'jaarbeursplein [deels afgezet|stukje afgezet] door de brandweer, [stinkt nog|rook is weg]',
          'medewerker [had m al bijna uit|stond er meteen met een blusser], [knap|snel gehandeld]',
        ],
        en: ['fire brigade arrived at Jaarbeursplein, looks under control'],
      },
    },
  ],
  scripted: [
    { at: '20:52', account: 'p2000-brandweer', category: 'fire', priority: 'high', text: 'P 1 BDH-01 Buitenbrand (foodtruck) Jaarbeursplein 3521 Utrecht 091931 091932' },
    {
      at: '21:06', account: 'zomerfeest', category: 'fire', priority: 'low',
      text: 'Bij een foodtruck op het Jaarbeursplein was een kleine brand. Die is geblust, er zijn geen gewonden. De rest van het plein is gewoon open. #zomerfeest',
    },
  ],
};

export const TRAIN_DISRUPTION: EventScript = {
  id: 'train-disruption',
  title: { nl: 'Minder treinen en overvolle perrons na het vuurwerk', en: 'Fewer trains and overcrowded platforms after the fireworks' },
  category: 'traffic_transport',
  start: '23:40',
  end: '01:20',
  place: 'centraal',
  description: 'A signal failure between Utrecht Centraal and Amersfoort meets the crowd leaving the festival: platforms overflow, trains are cancelled, buses are full. NS reports it at 23:55 and it is solved at 00:40.',
  volume: 100,
  phases: [
    {
      from: '23:40', to: '23:55', weight: 0.3, min: 5, shape: 'rise', mood: 'angry', priority: 'medium', place: 'centraal', en: 0.15,
      repost: 0.1, reply: 0.12,
      tags: ['#ns', '#utrechtcs', '#storing'],
      bank: {
        nl: [
          '[perrons|perron 5|perron 7] [vol|stampvol|overvol] op utrecht cs, [niks rijdt|geen trein te zien]',
          'trein naar [amersfoort|zwolle|apeldoorn] [rijdt niet|vervalt]?? {@ns}',
          '[storing|seinstoring] op utrecht centraal?? borden zeggen [niks|alleen ‘vertraagd’]',
          '[heel cs|de hal van cs] staat [stil|vol], [ov-poortjes dicht|niemand kan erdoor]',
          '{@ns} [waarom rijden er|hoe kan het dat er] [juist vanavond|na zo’n groot evenement] [zo weinig|geen] treinen [rijden|]?',
        ],
        en: ['stuck at Utrecht Centraal, trains to Amersfoort cancelled, any info?', 'platforms at Utrecht Centraal completely packed, nothing moving'],
      },
      replies: { nl: ['seinstoring zeggen ze', 'hier ook al {mins} wachten', 'neem de bus'], en: ['signal failure apparently'] },
    },
    {
      from: '23:55:30', to: '01:20', weight: 0.7, min: 3, shape: 'decay', mood: 'angry', priority: 'low', place: 'centraal', en: 0.15,
      repost: 0.25, reply: 0.12,
      tags: ['#ns', '#utrechtcs'],
      bank: {
        nl: [
          '{@ns} wanneer rijdt de [laatste|volgende] trein naar [amersfoort|zwolle|den bosch|gouda|hilversum]?',
          'bussen [vol|overvol] bij [de jaarbeurszijde|het stationsplein], [we lopen wel|taxi is 60 euro]',
          'eindelijk in de trein, [staand|als haringen in een ton|op de trap]',
          '[nachttrein|de nachttrein naar amsterdam] [rijdt wel|rijdt nog], [gelukkig|pfff]',
          '{mins} op het perron gestaan, [top avond maar dit|ns doet het weer], {emo_angry}',
          'treinen naar amersfoort rijden weer [zegt de app|eindelijk]',
        ],
        en: ['how do I get to Amsterdam tonight? trains cancelled', 'finally on a train after an hour at Utrecht Centraal'],
      },
      replies: { nl: ['check de ns app', 'rijdt om 00:48 volgens mij', 'bus 77 rijdt wel'], en: ['night train still runs I think'] },
    },
  ],
  scripted: [
    {
      at: '23:55', account: 'ns', key: 'ns-disruption', category: 'traffic_transport', priority: 'medium',
      text: 'Tussen Utrecht Centraal en Amersfoort rijden minder treinen door een seinstoring. Reis je na het Zomerfeest? Houd rekening met extra reistijd en volg de aanwijzingen op het station. Extra sprinters naar Amsterdam en ’s-Hertogenbosch rijden wel.',
    },
    { at: '00:40', account: 'ns', category: 'traffic_transport', priority: 'low', text: 'De seinstoring tussen Utrecht Centraal en Amersfoort is opgelost. De treinen rijden weer volgens de dienstregeling.' },
    {
      at: '01:00', account: 'stadsblad', sources: ['rss'], category: 'traffic_transport', priority: 'low', url: 'nieuws/2026/07/05/treinverkeer-utrecht-weer-op-gang',
      text: 'Treinverkeer Utrecht weer op gang na drukke avond — Een seinstoring zorgde na het vuurwerk voor overvolle perrons op Utrecht Centraal.',
    },
  ],
};

export const FIGHT: EventScript = {
  id: 'fight-janskerkhof',
  title: { nl: 'Vechtpartij op het Janskerkhof', en: 'Fight at the Janskerkhof' },
  category: 'public_order',
  start: '00:14',
  end: '00:40',
  place: 'janskerkhof',
  description: 'A drunken fight near the silent disco on the Janskerkhof; bottles are thrown, witnesses see a knife, and one man is left with a head wound. Ambulance alert on P2000 at 00:22; the police arrest two men.',
  volume: 42,
  phases: [
    {
      from: '00:14:20', to: '00:22', weight: 0.45, min: 4, shape: 'rise', mood: 'angry', priority: 'high', place: 'janskerkhof', en: 0.1,
      repost: 0.08, reply: 0.1, video: 0.08,
      tags: ['#janskerkhof', '#utrecht'],
      bank: {
        nl: [
          '[vechtpartij|knokpartij|matpartij] bij [het janskerkhof|de silent disco], [dronken|stomdronken] gasten',
          '[glas|flessen] [vliegen|worden gegooid] bij het janskerkhof, [politie waar ben je|wegwezen hier]',
          '[iemand|een jongen] ligt op de grond na een [klap|vechtpartij] bij het janskerkhof, [bloedt aan zn hoofd|reageert wel]',
          'groep gasten [begint te slaan|gaat los] bij de silent disco, [koptelefoons vliegen rond|iedereen rent weg]',
        ],
        en: ['fight broke out at Janskerkhof, bottles flying', 'a guy got knocked down at the silent disco, bleeding'],
      },
    },
    {
      from: '00:16', to: '00:30', weight: 0.15, min: 2, shape: 'flat', mood: 'shock', priority: 'high', category: 'violence_weapons', place: 'janskerkhof', en: 0.1,
      repost: 0.1,
      bank: {
        nl: [
          '[een van die gasten|iemand] [had|trok] een mes bij de vechtpartij op het janskerkhof, [iedereen rende weg|echt eng]',
          'gast [sloeg|gooide] een [fles|glas] [op|tegen] iemands hoofd bij het janskerkhof, [overal bloed|die jongen lag meteen]',
          '[zag een mes|mes gezien] bij de knokpartij bij de silent disco, [politie is er nu|blijf daar weg]',
        ],
        en: ['one of the guys in the fight at Janskerkhof pulled a knife, everyone ran'],
      },
    },
    {
      from: '00:22:30', to: '00:45', weight: 0.45, min: 1, shape: 'decay', mood: 'neutral', priority: 'medium', place: 'janskerkhof', en: 0.1,
      repost: 0.15, reply: 0.1,
      bank: {
        nl: ['politie heeft [een paar|twee] gasten meegenomen bij het janskerkhof', 'ambulance bij het janskerkhof [voor die jongen|], [hoop dat het meevalt|zag er heftig uit]', 'silent disco [stilgelegd|even gestopt] na die vechtpartij'],
        en: ['police took two guys away at Janskerkhof'],
      },
    },
  ],
  scripted: [
    { at: '00:22', account: 'p2000-ambulance', category: 'public_order', priority: 'high', text: 'A2 AMBU 09-121 Letsel (geweld) Janskerkhof 3512 Utrecht bon 61377' },
    {
      at: '00:35', account: 'politie', category: 'public_order', priority: 'medium',
      text: 'Bij een vechtpartij op het Janskerkhof zijn twee mannen (22 en 24) aangehouden. Eén man is met hoofdletsel naar het ziekenhuis gebracht. Getuigen? Bel 0900-8844.',
    },
  ],
};
