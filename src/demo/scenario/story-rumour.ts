import type { EventScript } from './script.ts';

/**
 * The rumour that spreads in the dark (the paper's own example: a power failure during fireworks
 * and the rumours about it, refuted in time) and the crowding at the exit towards the station.
 */
export const RUMOUR: EventScript = {
  id: 'rumour-stabbing',
  title: { nl: 'Gerucht over steekpartij, sabotage en vertrapte mensen', en: 'Rumour of a stabbing, sabotage and people trampled' },
  category: 'rumour',
  start: '23:12',
  end: '00:30',
  place: 'vredenburg',
  description:
    'Minutes into the blackout, claims spread that the power was cut on purpose, that someone was stabbed in the dark at the Vredenburg and that people were trampled at the exit. An influential local account shares it at 23:19 and it snowballs through reposts and copy-paste variants, some in English. The municipality refutes it at 23:36 (the police follow); the correction is reposted widely and the rumour dies down.',
  volume: 270,
  related: ['power-failure'],
  phases: [
    {
      from: '23:12', to: '23:36', weight: 0.55, min: 6, shape: 'rise', mood: 'shock', priority: 'high', place: 'vredenburg', en: 0.18,
      repost: 0.42, reply: 0.1, quote: 0.07, copy: 0.3,
      tags: ['#zomerfeest', '#utrecht', '#vredenburg', '#stroomstoring'],
      bank: {
        nl: [
          '[mijn neef|een vriend van me|iemand in de groepsapp|mn zus] zegt dat de stroom [expres|met opzet] is uitgezet. [sabotage dus??|wie doet zoiets]',
          '[Ik hoor|Hoor net|Hoorde] dat er iemand [is neergestoken|is gestoken|met een mes is aangevallen] bij het vredenburg [in het donker|tijdens de stroomstoring]?!',
          'mensen [vertrapt|onder de voet gelopen] bij de uitgang [richting cs|smakkelaarsveld], [meerdere gewonden|er zouden doden zijn]?? {emo_shock}',
          '[aanslag|terreur|sabotage]??? [waarom zeggen ze niks|niemand weet wat er aan de hand is] #zomerfeest',
          'niet bevestigd maar [er gaat rond|ze zeggen] dat [de kabels zijn doorgeknipt|iemand de stroom heeft gesaboteerd] bij vredenburg',
          'WhatsApp: ‘[steekpartij|messteken] bij vredenburg, [ga daar niet heen|blijf weg van het plein]’. [klopt dit?|iemand?]',
          '[ze zeggen dat er een|blijkbaar was er een|schijnbaar was er een] [vechtpartij met een mes|steekpartij] toen het licht uitging [bij tivoli|op het vredenburg]',
          'iemand zag [een ambulance|politie] bij het vredenburg, [dus toch een steekpartij?|dan is het dus waar]',
          '[pas op|ga weg bij] het vredenburg, [er is een steekpartij geweest|mensen worden vertrapt] [zeggen ze|hoor ik]',
        ],
        en: [
          'heard someone got stabbed at Vredenburg during the blackout?? is this true',
          'people saying the power cut was sabotage, stay safe everyone',
          'people being trampled at the exit near the station, avoid!!',
          'apparently there was a stabbing at the festival when the lights went out, anyone know more?',
        ],
        mixed: ['steekpartij bij vredenburg?? someone please confirm', 'sabotage zeggen ze, this is insane'],
      },
      quotes: { nl: ['is dit waar??', 'klopt dit?', 'wtf, iemand meer info?', 'dit is [echt|] eng', 'bron??'], en: ['is this true?', 'wtf', 'any source?'] },
      replies: {
        nl: ['bron?', 'klopt niet, ik sta er [naast|vlakbij] en er is niks', 'stop met dit soort dingen [delen|rondsturen]', 'fake news', 'wie zegt dat?', 'echt?? waar precies?', 'mijn vriendin zegt het ook'],
        en: ['source?', 'not true, I am right there', 'stop spreading this'],
      },
    },
    {
      from: '23:36:30', to: '00:30', weight: 0.45, min: 3, shape: 'decay', mood: 'neutral', priority: 'medium', place: 'vredenburg', en: 0.15,
      repost: 0.55, officialPull: 10, reply: 0.1, quote: 0.05, copy: 0.1,
      tags: ['#zomerfeest', '#utrecht', '#fakenieuws'],
      bank: {
        nl: [
          'gemeente zegt dat het niet klopt van die steekpartij, [fake nieuws dus|gewoon een gerucht]',
          'gelukkig, [geen steekpartij|geen sabotage] bij vredenburg, gewoon een stroomstoring. [deel niet zomaar alles|check je bronnen mensen]',
          'politie bevestigt: [er is GEEN steekpartij geweest|geen gewonden door een mes]. dat gerucht ging [echt|] overal rond',
          'zo snel gaat dat dus, [een paar minuten|een kwartier] en de halve stad denkt dat er een aanslag was',
          '[ik had het ook doorgestuurd|heb het ook gedeeld], [sorry|my bad]. blijkt niet te kloppen',
          'nog steeds mensen die zeggen dat het sabotage was, [terwijl de gemeente het al ontkend heeft|lees ff]',
        ],
        en: ['the municipality says there was no stabbing, just a power failure. glad it was a rumour', 'police confirm: no stabbing at Vredenburg, stop sharing that rumour'],
      },
      quotes: { nl: ['zie je wel', 'dus niet waar', 'lees dit voor je iets deelt'], en: ['so it was fake', 'read this before sharing'] },
      replies: { nl: ['gelukkig', 'zei ik toch', 'top dat ze het zo snel melden'], en: ['good to know', 'phew'] },
    },
  ],
  scripted: [
    {
      at: '23:19', account: 'lotte', key: 'rumour-lotte', category: 'rumour', priority: 'high',
      text: 'Horen net dat er iemand is neergestoken bij het Vredenburg?? En dat de stroom expres is uitgezet. Pas op jongens en blijf bij elkaar 🙏 #zomerfeest',
    },
    {
      at: '23:36', account: 'gemeente', key: 'rumour-correction', category: 'rumour', priority: 'high',
      text: 'Er gaan berichten rond over een steekpartij, sabotage en gewonden bij de uitgangen van het Zomerfeest. Die kloppen niet. Er is een stroomstoring in het centrum; de netbeheerder werkt aan herstel. Volg de aanwijzingen van de stewards en deel alleen informatie van officiële kanalen. #zomerfeest',
    },
    {
      at: '23:37', account: 'gemeente', key: 'rumour-correction-en', category: 'rumour', priority: 'high', lang: 'en',
      text: 'Rumours about a stabbing, sabotage or people injured at the festival exits are not true. There is a power failure in the city centre that is being repaired. Please follow the stewards and only share information from official channels. #zomerfeest',
    },
    {
      at: '23:38', account: 'politie', key: 'rumour-police', category: 'rumour', priority: 'high',
      text: 'Er is GEEN steekpartij geweest op het Vredenburg. De stroomstoring heeft een technische oorzaak. Deel geen onbevestigde berichten, dat zorgt voor onrust in een drukke menigte. #zomerfeest',
    },
    { at: '23:38:40', account: 'zomerfeest', repostOf: 'rumour-correction', category: 'rumour', priority: 'high', text: '' },
    {
      at: '23:41', account: 'lotte', quoteOf: 'rumour-correction', sources: ['bluesky'], category: 'rumour', priority: 'medium',
      text: 'Oké dit dus NIET delen wat ik eerder postte, sorry! Gelukkig niks aan de hand behalve de stroom 🙏',
    },
    {
      at: '23:55', account: 'rtvdomstad', sources: ['rss'], category: 'rumour', priority: 'medium', url: 'nieuws/2026/07/04/gemeente-geen-steekpartij-zomerfeest',
      text: 'Gemeente: geen steekpartij op Zomerfeest, berichten zijn onjuist — Tijdens de stroomstoring gingen op sociale media berichten rond over een steekpartij en sabotage. Gemeente en politie spreken dat tegen.',
    },
  ],
};

export const CROWD_EXIT: EventScript = {
  id: 'crowd-exit',
  title: { nl: 'Gedrang bij uitgang Smakkelaarsveld richting Utrecht Centraal', en: 'Crowd crush risk at the Smakkelaarsveld exit towards Utrecht Centraal' },
  category: 'crowd_safety',
  start: '23:21',
  end: '00:10',
  place: 'smakkelaarsveld',
  description:
    'After the fireworks, in the dark, everyone heads for the station through the Smakkelaarsveld exit. Pushing builds from 23:21 and turns dangerous around 23:29 (people falling at the barriers). The organiser closes the exit and redirects to the Neude and Lange Viestraat at 23:34, the police follow, an ambulance is called at 23:37; it eases by midnight.',
  volume: 140,
  phases: [
    {
      from: '23:21', to: '23:28', weight: 0.2, min: 4, shape: 'rise', mood: 'worry', priority: 'medium', place: 'smakkelaarsveld', en: 0.12,
      repost: 0.1, reply: 0.08,
      tags: ['#zomerfeest', '#smakkelaarsveld', '#utrechtcs'],
      bank: {
        nl: [
          '[echt|kapot|heel] druk bij de uitgang [smakkelaarsveld|richting cs|naar het station], [staan stil|schuiven niet op]',
          'iedereen wil tegelijk naar [centraal|het station|cs] na het vuurwerk, [dit is te veel|dit gaat niet goed]',
          'in het donker naar de uitgang [smakkelaarsveld|richting cs], [dit gaat fout|niet chill|echt niet oké]',
          'waarom is er maar [één|1] uitgang open richting het station?? {@zomerfeest}',
        ],
        en: ['so crowded at the exit towards the station, not moving at all', 'everyone trying to get to Centraal at once after the fireworks, not great in the dark'],
      },
    },
    {
      from: '23:28', to: '23:34', weight: 0.3, min: 5, shape: 'rise', mood: 'shock', priority: 'critical', place: 'smakkelaarsveld', en: 0.12,
      repost: 0.2, reply: 0.1, image: 0.05,
      tags: ['#zomerfeest', '#smakkelaarsveld'],
      bank: {
        nl: [
          '[er wordt|mensen worden] [heel hard|keihard|echt gevaarlijk] geduwd bij de uitgang [smakkelaarsveld|naar cs] {emo_shock}',
          '[kan|kon] [nie|niet] meer ademen bij [die hekken|de uitgang smakkelaarsveld], [wollah|echt] eng',
          '[een meisje|iemand|een oudere vrouw] is gevallen bij de [hekken|trap] bij smakkelaarsveld, mensen [duwen door|blijven duwen]',
          '{@politie} {@zomerfeest} doe [iets|wat] aan de uitgang smakkelaarsveld, [mensen worden platgedrukt|dit gaat mis]',
          'kinderen [huilen|in paniek] bij de uitgang richting centraal, [geen steward te zien|niemand regelt iets]',
          'STOP MET DUWEN bij smakkelaarsveld [mensen|jongens], [er liggen mensen op de grond|er is geen plek]',
          'werden [tegen de hekken|tegen een muur] gedrukt bij de uitgang naar cs, [mijn ribben|ik ben mn vriendin kwijt]',
        ],
        en: ['people pushing really hard at the exit to the station, scary, someone fell', 'crowd crush vibes at Smakkelaarsveld, I can barely breathe', 'please stop pushing at the station exit, there are kids here'],
      },
      replies: { nl: ['ga terug als het kan!', 'probeer naar de neude te gaan', 'hier ook, eng', 'blijf staan'], en: ['go back towards Neude if you can'] },
    },
    {
      from: '23:34:30', to: '00:10', weight: 0.5, min: 3, shape: 'decay', mood: 'worry', priority: 'high', place: 'smakkelaarsveld', en: 0.1,
      repost: 0.35, reply: 0.1,
      tags: ['#zomerfeest'],
      bank: {
        nl: [
          'uitgang smakkelaarsveld is dicht, [we worden omgeleid|stewards sturen ons] via de [neude|lange viestraat]',
          '[het gaat|gaat] nu [beter|iets beter|eindelijk beter] bij de uitgang',
          'politie [te paard|met een busje] bij [het smakkelaarsveld|de uitgang], [mensen worden teruggestuurd|ze houden de boel tegen]',
          'ambulance bij smakkelaarsveld, [iemand gewond|iemand onwel] door het [duwen|gedrang]',
          'wachten bij de hekken, [nog {mins}|half uur] voordat we eruit zijn, [maar liever dat|prima]',
          'dat was [echt|] [eng|te gek voor woorden] bij die uitgang. [waarom niet eerder meer uitgangen open|organisatie moet dit beter regelen]',
        ],
        en: ['they closed the exit to Centraal, we are going via Neude now', 'it is getting better at the exit, stewards are directing people'],
      },
    },
  ],
  scripted: [
    {
      at: '23:34', account: 'zomerfeest', key: 'crowd-redirect', category: 'crowd_safety', priority: 'critical',
      text: 'Het is erg druk bij de uitgang Smakkelaarsveld. Deze uitgang is tijdelijk dicht. Gebruik de uitgangen Neude en Lange Viestraat en neem de tijd: de treinen rijden tot laat. EN: Exit Smakkelaarsveld is closed, use Neude or Lange Viestraat. #zomerfeest',
    },
    {
      at: '23:35', account: 'politie', key: 'crowd-police', category: 'crowd_safety', priority: 'critical',
      text: 'Niet duwen bij de uitgang Smakkelaarsveld! Blijf staan waar je staat en volg de aanwijzingen van de stewards en agenten. Er zijn andere uitgangen via Neude en Lange Viestraat.',
    },
    { at: '23:37', account: 'p2000-ambulance', category: 'crowd_safety', priority: 'high', text: 'A1 AMBU 09-115 Letsel Smakkelaarsveld 3511 Utrecht bon 61302' },
    {
      at: '00:05', account: 'vr', category: 'crowd_safety', priority: 'medium',
      text: 'De drukte bij de uitgangen van het Zomerfeest is afgenomen. Bij de uitgang Smakkelaarsveld zijn twee mensen licht gewond geraakt; zij zijn door de ambulance nagekeken. #zomerfeest',
    },
  ],
};
