/**
 * The demo's volunteer responders and AEDs around the Neude in Utrecht, where the festival
 * scenario's cardiac arrest happens (src/demo/scenario/story-street.ts, 22:41 local time).
 *
 * ALL OF THIS IS SYNTHETIC. The people do not exist: names are a common Dutch or English first
 * name with one initial, made up for the demo. The AEDs, their names, cabinet codes, owners and
 * expiry dates are invented; they do not describe real devices, and no real cabinet code is here.
 * The positions are real streets and squares of Utrecht's city centre (on the street, not in the
 * canals), chosen by hand so that the distances to the Neude are plausible: a few volunteers
 * within 200 m, most within 1 km, two just outside the 1 km limit (they must never be alerted).
 */

export interface DemoVolunteer {
  ref: string;
  name: string;
  language: 'nl' | 'en';
  /** Days from the day of seeding to the last valid day of the qualification; one has lapsed (it must never be alerted), one lapses soon. */
  qualifiedDays: number;
  /** Where the volunteer is registered (home or work); the simulation walks from here. */
  lat: number;
  lon: number;
  street: string;
  /** Not simulated: the person giving the demo plays this volunteer in the responder app (the demo prints the link). */
  human?: boolean;
}

export interface DemoAed {
  ref: string;
  name: string;
  location: string;
  lat: number;
  lon: number;
  cabinetCode: string | null;
  accessNotes: string | null;
  /** Days from the day of seeding to the pads' expiry; one has expired, one expires soon. */
  padsDays: number;
  active: boolean;
}

/** The victim: in front of the Neude stage (the scenario's Neude point). */
export const DEMO_VICTIM = { lat: 52.0931, lon: 5.1196 } as const;

/** How the control room dispatches: by postcode and house number (see data/postcodes/demo-festival.csv). */
export const DEMO_ADDRESS = { postcode: '3512AE', houseNumber: '11', description: 'Neude, voor het podium van het Zomerfeest (Neude 11, Utrecht)' } as const;

export const DEMO_VOLUNTEERS: readonly DemoVolunteer[] = [
  { ref: 'demo-v00', name: 'U (demo-hulpverlener)', language: 'nl', qualifiedDays: 700, lat: 52.0937, lon: 5.1189, street: 'Neude, noordzijde (bedient u zelf in de app)', human: true },
  { ref: 'demo-v01', name: 'Sanne V.', language: 'nl', qualifiedDays: 376, lat: 52.09352, lon: 5.11842, street: 'Potterstraat' },
  { ref: 'demo-v02', name: 'Ahmed B.', language: 'nl', qualifiedDays: 387, lat: 52.09365, lon: 5.12115, street: 'Lange Jansstraat' },
  { ref: 'demo-v03', name: 'Marieke D.', language: 'nl', qualifiedDays: 40, lat: 52.0921, lon: 5.1186, street: 'Lijnmarkt' },
  { ref: 'demo-v04', name: 'Tom H.', language: 'en', qualifiedDays: 409, lat: 52.0935, lon: 5.1227, street: 'Janskerkhof' },
  { ref: 'demo-v05', name: 'Fatima E.', language: 'nl', qualifiedDays: 420, lat: 52.09497, lon: 5.12062, street: 'Voorstraat' },
  { ref: 'demo-v06', name: 'Jeroen K.', language: 'nl', qualifiedDays: 431, lat: 52.0934, lon: 5.1170, street: 'Lange Viestraat' },
  { ref: 'demo-v07', name: 'Lotte S.', language: 'nl', qualifiedDays: 442, lat: 52.0927, lon: 5.1158, street: 'Vredenburg' },
  { ref: 'demo-v08', name: 'Daan M.', language: 'nl', qualifiedDays: 453, lat: 52.0907, lon: 5.1214, street: 'Domplein' },
  { ref: 'demo-v09', name: 'Priya R.', language: 'en', qualifiedDays: 464, lat: 52.0897, lon: 5.1173, street: 'Mariaplaats' },
  { ref: 'demo-v10', name: 'Bas W.', language: 'nl', qualifiedDays: 475, lat: 52.09175, lon: 5.12078, street: 'Oudkerkhof' },
  { ref: 'demo-v11', name: 'Noor A.', language: 'nl', qualifiedDays: 486, lat: 52.09445, lon: 5.12455, street: 'Wittevrouwenstraat' },
  { ref: 'demo-v12', name: 'Kees L.', language: 'nl', qualifiedDays: 497, lat: 52.0912, lon: 5.1121, street: 'Smakkelaarsveld' },
  { ref: 'demo-v13', name: 'Emma T.', language: 'nl', qualifiedDays: 508, lat: 52.0950, lon: 5.1290, street: 'Biltstraat' },
  { ref: 'demo-v14', name: 'Yusuf Ö.', language: 'nl', qualifiedDays: 519, lat: 52.0904, lon: 5.1124, street: 'Hoog Catharijne, Godebaldkwartier' },
  { ref: 'demo-v15', name: 'Iris P.', language: 'nl', qualifiedDays: 530, lat: 52.0894, lon: 5.1101, street: 'Stationsplein' },
  { ref: 'demo-v16', name: 'Ruben G.', language: 'nl', qualifiedDays: 541, lat: 52.0920, lon: 5.1165, street: 'Lange Elisabethstraat' },
  { ref: 'demo-v17', name: 'Hanna J.', language: 'en', qualifiedDays: 552, lat: 52.0925, lon: 5.1262, street: 'Nobelstraat' },
  { ref: 'demo-v18', name: 'Sem de B.', language: 'nl', qualifiedDays: 563, lat: 52.0886, lon: 5.1186, street: 'Springweg' },
  { ref: 'demo-v19', name: 'Julia C.', language: 'nl', qualifiedDays: 574, lat: 52.0973, lon: 5.1232, street: 'Kruisstraat' },
  { ref: 'demo-v20', name: 'Milan F.', language: 'nl', qualifiedDays: 585, lat: 52.0888, lon: 5.1078, street: 'Jaarbeursplein' },
  { ref: 'demo-v21', name: 'Eva N.', language: 'nl', qualifiedDays: -30, lat: 52.0929, lon: 5.1192, street: 'Neude (kwalificatie verlopen)' },
  { ref: 'demo-v22', name: 'Luuk O.', language: 'nl', qualifiedDays: 607, lat: 52.0962, lon: 5.1318, street: 'Wittevrouwen' },
  { ref: 'demo-v23', name: 'Zoë I.', language: 'nl', qualifiedDays: 618, lat: 52.0921, lon: 5.1005, street: 'Lombok, Kanaalstraat' },
  { ref: 'demo-v24', name: 'Olivier Q.', language: 'nl', qualifiedDays: 629, lat: 52.103, lon: 5.125, street: 'Tuinwijk' },
];

export const DEMO_AEDS: readonly DemoAed[] = [
  { ref: 'demo-aed-neude', name: 'AED EHBO-post Zomerfeest Neude', location: 'Neude, EHBO-tent naast het podium', lat: 52.09335, lon: 5.12005, cabinetCode: null, accessNotes: 'Bij de EHBO-vrijwilligers in de witte tent; vraag naar de AED.', padsDays: 600, active: true },
  { ref: 'demo-aed-janskerkhof', name: 'AED Janskerkhof', location: 'Janskerkhof, gevel van het universiteitsgebouw, groene kast', lat: 52.09362, lon: 5.12248, cabinetCode: '2741', accessNotes: 'Groene kast naast de hoofdingang; code intoetsen en hendel omhoog.', padsDays: 420, active: true },
  { ref: 'demo-aed-vredenburg', name: 'AED Vredenburg', location: 'Vredenburg, bij de hoofdingang van het muziekcentrum', lat: 52.0926, lon: 5.1146, cabinetCode: '9052', accessNotes: 'Kast links van de draaideur.', padsDays: 500, active: true },
  { ref: 'demo-aed-domplein', name: 'AED Domplein', location: 'Domplein, bij de ingang van de Domtoren-kassa', lat: 52.0909, lon: 5.1212, cabinetCode: '4418', accessNotes: null, padsDays: 20, active: true },
  { ref: 'demo-aed-mariaplaats', name: 'AED Mariaplaats', location: 'Mariaplaats, gevel van het café', lat: 52.08985, lon: 5.11742, cabinetCode: '6630', accessNotes: null, padsDays: -20, active: true },
  { ref: 'demo-aed-voorstraat', name: 'AED Voorstraat (in onderhoud)', location: 'Voorstraat, bij de sporthal', lat: 52.0949, lon: 5.1219, cabinetCode: '1187', accessNotes: null, padsDays: 300, active: false },
];
