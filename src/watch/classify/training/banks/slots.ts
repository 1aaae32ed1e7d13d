import type { Slots } from '../template.ts';

/*
 * Slot values shared by the phrase banks. Places are real Dutch towns and generic public places;
 * the venues of the demo scenario (src/demo/scenario) are left out on purpose, so that scoring on
 * the scenario stays an out-of-domain test.
 */
export const SLOTS: Slots = {
  city: [
    'Amsterdam', 'Rotterdam', 'Den Haag', 'Eindhoven', 'Groningen', 'Zwolle', 'Tilburg', 'Nijmegen', 'Arnhem', 'Haarlem',
    'Leiden', 'Breda', 'Amersfoort', 'Almere', 'Delft', 'Maastricht', 'Enschede', 'Apeldoorn', 'Dordrecht', 'Den Bosch',
    'Alkmaar', 'Leeuwarden', 'Deventer', 'Hilversum', 'Zaandam', 'Schiedam', 'Venlo', 'Helmond', 'Emmen', 'Utrecht', 'Gouda', 'Hoorn',
  ],
  place: [
    'het station', 'het Centraal Station', 'de markt', 'de Grote Markt', 'het Stationsplein', 'het winkelcentrum', 'het Museumplein',
    'het Malieveld', 'het Vrijthof', 'de Dam', 'het Leidseplein', 'het Rembrandtplein', 'de haven', 'het strand', 'het park',
    'het Vondelpark', 'de Brink', 'de Vismarkt', 'het festivalterrein', 'de kermis', 'het stadion', 'de boulevard', 'de Coolsingel',
    'het Stadhuisplein', 'het busstation', 'de McDonalds', 'de Albert Heijn', 'het Kruidvat', 'de sporthal', 'het zwembad',
    'de ingang bij de hoofdpoort', 'het plein voor het stadhuis', 'de kade', 'het bos', 'de speeltuin', 'het schoolplein',
    'het Hofplein', 'de Beurs', 'de Neckerspoel', 'het Zuidplein', 'de Markthal', 'het Spui',
  ],
  street: [
    'de Kerkstraat', 'de Dorpsstraat', 'de Stationsweg', 'de Hoofdstraat', 'de Molenstraat', 'de Schoolstraat', 'de Julianalaan',
    'de Wilhelminastraat', 'de Beatrixlaan', 'de Nieuwstraat', 'de Marktstraat', 'de Kalverstraat', 'de Breestraat', 'de Hoogstraat',
    'de Parklaan', 'de Emmasingel', 'de Prinsengracht', 'de Witte de Withstraat', 'de Vestdijk', 'de Herestraat', 'de Burgwal',
    'de Zeestraat', 'de Ringdijk', 'de Spoorlaan', 'de Lindenlaan', 'de Eikenlaan', 'de Koningsweg', 'de Vechtstraat',
  ],
  road: ['de A2', 'de A12', 'de A27', 'de A4', 'de A10', 'de A13', 'de A1', 'de A28', 'de N201', 'de ring', 'de rondweg', 'de A15', 'de A16'],
  road_en: ['the A2', 'the A12', 'the A4', 'the A10 ring', 'the A13', 'the ring road', 'the A1', 'the A28'],
  // P2000 pager lines: bare street names, a postcode, an ambulance unit, a ride number, a capcode.
  pager_street: [
    'Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Hoofdstraat', 'Molenstraat', 'Julianalaan', 'Beatrixlaan', 'Nieuwstraat', 'Marktstraat',
    'Parklaan', 'Emmasingel', 'Spoorlaan', 'Lindenlaan', 'Eikenlaan', 'Koningsweg', 'Industrieweg', 'Rijksstraatweg', 'Schoolstraat',
    'Burgemeester Visserlaan', 'Prins Bernhardlaan', 'Van Goghlaan', 'Wilhelminapark', 'Zuiderweg', 'Havenkade', 'Esdoornstraat',
  ],
  pager_pc: ['{1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}{1|2|3|4|5|6|7|8|9}[{AB|CD|GK|HL|KP|TR|XS}]'],
  pager_unit: ['{01|02|05|06|10|13|15|17|20|23|25}-{1|7}{0|1|2|3|4|5}{0|1|2|3|4|5|6|7|8|9}'],
  pager_bon: ['{1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}'],
  pager_capcode: ['{0|1|2}{1|2|5|7}{0|1|2|3}{1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}{0|1|2|3|4|5|6|7|8|9}'],
  time: ['{19|20|21|22|23|00|01|02|03|17|18}:{00|05|10|15|20|25|30|35|40|45|50|55}'],
  n: ['2', '3', '4', '5', '6', '7', '8', '10', '12', '15', '20'],
  many: ['{honderden|tientallen|heel veel|duizenden|een stuk of {50|100|200}} mensen'],
  minutes: ['{5|10|15|20|25|30|40|45}'],
  age: ['{4|5|6|7|8|9|10|11|12|13|14}'],
  line: ['tram {2|3|4|5|7|9|12|17}', 'bus {1|6|10|12|23|41|70}', 'metro {50|51|52|53|54|D|E}', 'lijn {3|8|11|15}', 'de sprinter naar $city', 'de intercity naar $city'],
  line_en: ['tram {2|5|7|12}', 'bus {6|12|41}', 'the metro', 'the sprinter to $city', 'the intercity to $city', 'the train to Schiphol'],
  name: [
    'Sanne', 'Daan', 'Lotte', 'Bram', 'Noor', 'Jesse', 'Fleur', 'Milan', 'Emma', 'Sem', 'Tess', 'Luuk', 'Yara', 'Mohammed', 'Fatima',
    'Amira', 'Youssef', 'Kevin', 'Priya', 'Jan', 'Ilse', 'Ruben', 'Sophie', 'Thijs', 'Mila', 'Ayoub', 'Hanna', 'Stijn', 'Zoë', 'Joep',
  ],
  org: ['@politie', '@brandweer', '@gemeente', '@Gemeente_$city', '@Politie_$city', '@112nieuws', '@Veiligheidsregio'],
  org_transport: ['@NS_online', '@RET', '@GVB_Amsterdam', '@HTM_Reizen', '@Arriva', '@Qbuzz', '@Rijkswaterstaat', '@ANWB'],
  org_energy: ['@Stedin', '@Liander', '@Enexis', '@Vitens', '@Evides'],
  friend: ['mn vriendin', 'mijn broertje', 'mijn zus', 'mijn vriend', 'een vriendin van me', 'mn moeder', 'mijn neefje', 'mijn buurman', 'onze oppas'],
  someone: ['een man', 'een vrouw', 'een jongen', 'een meisje', 'een oudere man', 'een oudere vrouw', 'iemand', 'een jonge gast', 'een fietser', 'een scooterrijder'],
  someone_en: ['a man', 'a woman', 'a guy', 'a girl', 'an old man', 'an older lady', 'someone', 'a cyclist', 'a kid', 'a teenager'],
  place_en: [
    'Central Station', 'the station', 'Dam Square', 'Museumplein', 'the market square', 'the beach', 'the park', 'Vondelpark', 'the harbour',
    'the stadium', 'the festival grounds', 'the main square', 'Leidseplein', 'Rembrandtplein', 'the canal', 'the shopping centre',
    'the city centre', 'the hostel', 'our hotel', 'the boulevard',
  ],
  mate: ['my friend', 'my girlfriend', 'my bf', 'my brother', 'my sister', 'my mate', 'my roommate', 'my colleague', 'my flatmate'],
};
