import type { Answer, EventScript, Phase } from './script.ts';

/**
 * Citizens asking the municipality, the organiser and NS things through the evening. Some
 * questions matter for safety (a lost wallet is a call for help, road closures are traffic,
 * noise at night is public order); many do not (tokens, toilets, the line-up). Webcare answers
 * a share of them, which is the official report for this storyline entry.
 */
const gemeente = (bank: Answer['bank'], rate = 0.45): Answer => ({ account: 'gemeente', rate, from: '18:00', bank });
const organiser = (bank: Answer['bank'], rate = 0.4): Answer => ({ account: 'zomerfeest', rate, from: '18:00', bank });

const ask = (phase: Omit<Phase, 'shape' | 'mood' | 'place' | 'repost' | 'reply'> & Partial<Phase>): Phase => ({
  shape: 'flat', mood: 'neutral', place: 'vredenburg', repost: 0.03, reply: 0.05, ...phase,
});

export const CITIZEN_QUESTIONS: EventScript = {
  id: 'citizen-questions',
  title: { nl: 'Vragen van burgers aan gemeente, organisatie en NS', en: 'Citizen questions to the municipality, organiser and NS' },
  category: 'call_for_help',
  start: '16:30',
  end: '01:30',
  place: 'vredenburg',
  description:
    'Throughout the evening people @-mention the municipality, the organiser and NS: road closures and parking, the last train and night buses, lost wallets and phones, where first aid is, noise late at night, and plenty that is not about safety (tokens, toilets, line-up). Webcare answers part of them from 18:00, when the team comes on duty.',
  volume: 110,
  phases: [
    ask({
      from: '16:30', to: '18:00', weight: 0.06, min: 3, priority: null, category: null, relevant: false, en: 0.1,
      bank: {
        nl: [
          '{@zomerfeest} hoe laat gaan [de poorten|de podia] open [vandaag|vanmiddag]?',
          '{@zomerfeest} is er een [garderobe|kluisje] [bij het vredenburg|ergens]?',
          '{@gemeente} [vanaf hoe laat|wanneer] is de binnenstad [dicht voor auto’s|afgesloten] vandaag?',
          '{@zomerfeest} [is het|blijft het] gratis of moet je [een kaartje|muntjes] hebben?',
        ],
        en: ['{@zomerfeest} what time does the festival open today?'],
      },
      answer: organiser({
        nl: ['Hoi! Sorry voor het late antwoord. Alles is vanaf 17:00 open en de toegang is gratis. Drankjes betaal je met de pinpas. Veel plezier!'],
        en: ['Hi! Sorry for the late reply: everything opens at 17:00 and entry is free. Enjoy!'],
      }, 0.35),
    }),
    ask({
      from: '16:30', to: '00:30', weight: 0.18, min: 4, priority: 'low', category: 'traffic_transport', en: 0.12,
      bank: {
        nl: [
          '{@gemeente} tot hoe laat is [de catharijnesingel|de lange viestraat|het vredenburg] afgesloten voor verkeer?',
          '{@gemeente} kan ik met de auto nog bij de parkeergarage [hoog catharijne|vredenburg|springweg]?',
          '{@gemeente} waar vertrekken de bussen [naar de uithof|naar nieuwegein|naar overvecht] vanavond? [halte vredenburg is dicht|ik zie nergens iets]',
          '{@gemeente} mag ik [met de fiets|op de fiets] door de binnenstad of is alles [dicht|afgesloten]?',
        ],
        en: ['{@gemeente} is the city centre closed for cars tonight? trying to reach my hotel'],
      },
      answer: gemeente({
        nl: [
          'Hoi! De Catharijnesingel en het Vredenburg zijn tot 02:00 afgesloten voor verkeer. Omleidingen staan aangegeven. Fijne avond! ^MK',
          'Hallo, de bussen vertrekken vanavond vanaf de halte Jaarbeursplein/Croeselaan. Kijk voor je rit in de reisplanner. ^SV',
          'Hoi, de parkeergarage Hoog Catharijne is open, maar bereikbaar via de Westzijde. Houd rekening met drukte rond 23:30. ^MK',
        ],
        en: ['Hi! The centre is closed to cars until 02:00; your hotel can be reached via the Westzijde. Have a nice evening! ^MK'],
      }),
    }),
    ask({
      from: '17:00', to: '00:30', weight: 0.1, min: 1, priority: 'low', category: 'traffic_transport', en: 0.25, place: 'centraal',
      bank: {
        nl: [
          '{@ns} rijdt er na het vuurwerk nog een trein naar [zwolle|gouda|woerden|hilversum|den bosch|amersfoort]?',
          '{@ns} hoe laat gaat de laatste [sprinter|intercity] naar [amsterdam|arnhem|rotterdam] vanavond?',
          '{@ns} rijden er [extra treinen|nachttreinen] na het zomerfeest?',
        ],
        en: ['{@ns} is there still a train to Amsterdam after the fireworks?', '{@ns} what time is the last train to Rotterdam tonight?'],
      },
      answer: {
        account: 'ns',
        rate: 0.4,
        from: '18:00',
        bank: {
          nl: ['Hoi! Vanavond rijden er tot 02:00 extra treinen vanaf Utrecht Centraal. Check de reisplanner voor de actuele vertrektijden. ^RV', 'Hallo, de nachttrein naar Amsterdam en Rotterdam rijdt gewoon. Houd rekening met drukte na het vuurwerk. ^JB'],
          en: ['Hi! Extra trains run from Utrecht Centraal until 02:00 tonight; check the journey planner for times. ^RV'],
        },
      },
    }),
    ask({
      from: '17:30', to: '01:20', weight: 0.25, min: 2, priority: 'low', category: 'call_for_help', en: 0.12,
      bank: {
        nl: [
          '{@zomerfeest} mijn [portemonnee|telefoon|jas|sleutelbos|bankpas] kwijt bij {fest}, [is er een gevonden voorwerpen|waar kan ik heen]?',
          '{@gemeente} waar is de [dichtstbijzijnde|] [EHBO-post|AED] bij {fest}?',
          '{@zomerfeest} mijn vriendin [voelt zich niet lekker|is onwel geworden] bij {stage}, waar is de ehbo?',
          '{@zomerfeest} [heeft iemand|is er] een [rolstoel|invalidenscooter] gevonden? [mijn opa|mijn moeder] kan [niet meer terug|er niet bij]',
          '{@gemeente} [ik ben|we zijn] [mijn dochter|mn zoon van 15] kwijtgeraakt [in de drukte|na het vuurwerk], telefoon leeg. wat moet ik doen?',
        ],
        en: ['{@zomerfeest} lost my wallet near {fest_en}, is there a lost and found?', '{@zomerfeest} where is the first aid post? my friend is not feeling well'],
      },
      answer: organiser({
        nl: [
          'Hoi! Gevonden voorwerpen worden verzameld bij de infostand op het Vredenburg. Na vanavond kun je bellen met 14 030. Succes!',
          'Hoi, de EHBO-posten staan op het Vredenburg, de Neude en bij de ingang Jaarbeursplein. Een steward kan je de weg wijzen.',
          'Meld je bij een steward of bij de infostand op het Vredenburg, dan helpen we je verder.',
        ],
        en: ['Hi! Lost property is collected at the info desk on the Vredenburg. First aid posts are at Vredenburg, Neude and the Jaarbeursplein entrance.'],
      }),
    }),
    ask({
      from: '23:30', to: '01:30', weight: 0.12, min: 1, priority: 'low', category: 'public_order', en: 0.05, place: 'wittevrouwen',
      bank: {
        nl: [
          '{@gemeente} tot hoe laat mag die muziek nog? het is [heel|echt] hard in [wittevrouwen|de binnenstad|de lange nieuwstraat], kinderen kunnen niet slapen',
          '{@gemeente} [jongeren|feestgangers] [plassen|zitten] [in mijn portiek|tegen de gevel] aan de [oudegracht|nobelstraat], wie kan ik bellen?',
          '{@gemeente} glasgerinkel en geschreeuw op [de neude|de oudegracht] nu, [handhaving|politie] iets?',
        ],
        en: ['{@gemeente} how long will the music go on? it is really loud in Wittevrouwen'],
      },
      answer: gemeente({
        nl: ['Hoi, de muziek stopt om 01:00; daarna wordt opgeruimd. Overlast kun je melden via 14 030, bij spoed bel je 112. ^SV', 'Vervelend! We geven het door aan de handhavers in de binnenstad. ^MK'],
        en: ['Hi, the music stops at 01:00. You can report nuisance via 14 030. ^SV'],
      }, 0.35),
    }),
    ask({
      from: '16:30', to: '01:00', weight: 0.38, min: 2, priority: null, category: null, relevant: false, en: 0.12,
      bank: {
        nl: [
          '{@zomerfeest} tot hoe laat kun je [muntjes kopen|pinnen bij de bar]?',
          '{@zomerfeest} mag je [eigen eten|een flesje water] meenemen?',
          '{@zomerfeest} hoe laat staat {act} op {stage}?',
          '{@gemeente} waar zijn de [openbare toiletten|watertappunten] in de binnenstad?',
          '{@zomerfeest} komt er [een aftermovie|volgend jaar weer een editie]?',
          '{@zomerfeest} waar kan ik [mijn telefoon opladen|een powerbank huren]?',
        ],
        en: ['{@zomerfeest} what time is {act_en} on?', '{@zomerfeest} can you pay by card at the bars?'],
      },
      answer: organiser({
        nl: ['Hoi! Muntjes kun je tot 00:30 kopen, pinnen kan overal. Fijne avond!', 'Alle tijden staan in de app en op de borden bij de podia. Veel plezier!', 'Water is gratis bij de watertappunten bij de Neude en het Jaarbeursplein 💧'],
        en: ['Hi! You can pay by card everywhere. Times are in the festival app. Enjoy!'],
      }, 0.3),
    }),
  ],
  scripted: [],
};
