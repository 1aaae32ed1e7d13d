import { PLACES, type PlaceKey } from './places.ts';

/**
 * Values for the `{slot}` placeholders in phrase templates. Acts, stalls and friends are made up;
 * places are real Utrecht places in the spellings people use.
 */
const placeVariants = (...keys: PlaceKey[]): string[] => keys.flatMap((k) => PLACES[k].variants);

export const SLOTS: Readonly<Record<string, readonly string[]>> = {
  act: ['DJ Nova', 'Kaatje Klein', 'de Singelband', 'Mo & de Mannen', 'Lotte Lune', 'Brassband Dom Tromp', 'Yara B', 'MC Kanaal', 'Fenna Vos', 'The Oudegracht Ramblers', 'Jazzcollectief 030', 'Los Gatos Rojos'],
  act_en: ['DJ Nova', 'Kaatje Klein', 'the brass band', 'Yara B', 'MC Kanaal', 'that jazz collective', 'The Oudegracht Ramblers'],
  stage: ['het vredenburgpodium', 'de neude stage', 'het podium op de neude', 'het jaarbeurspodium', 'de silent disco op het janskerkhof', 'het grote podium', 'de mainstage'],
  stage_en: ['the main stage', 'the Neude stage', 'the silent disco', 'the stage at Vredenburg', 'the Jaarbeursplein stage'],
  fest: placeVariants('vredenburg', 'neude', 'catharijnesingel', 'jaarbeursplein', 'janskerkhof', 'domplein', 'oudegracht', 'mariaplaats'),
  fest_en: ['Vredenburg', 'Neude', 'the canal', 'Jaarbeursplein', 'the Dom tower', 'the Oudegracht'],
  home: placeVariants('lombok', 'wittevrouwen', 'overvecht', 'kanaleneiland', 'leidscheRijn', 'zuilen', 'tuinwijk'),
  food: ['friet', 'een kapsalon', 'kibbeling', 'poffertjes', 'een broodje shoarma', 'loempia', 'churros', 'een frikandel speciaal', 'bitterballen', 'een broodje kroket', 'een vegan burger', 'nasi', 'een ijsje', 'een pita falafel', 'oliebollen (in juli??)', 'een bakje bami', 'pizza', 'dumplings', 'een kroket'],
  food_en: ['fries', 'bitterballen', 'poffertjes', 'a falafel wrap', 'churros', 'a kapsalon', 'stroopwafels', 'dumplings', 'pizza'],
  stall: ['de friettent', 'de pizzawagen', 'de poffertjeskraam', 'de kibbelingkraam', 'de burgerbus', 'de loempiakraam', 'de churroskraam', 'het frietkot'],
  drink: ['biertje', 'speciaalbiertje', 'wijntje', 'colaatje', 'flesje water', 'radler', 'mojito', 'tonic'],
  price: ['€6,50', '7 euro', '€7,50', '8 euro', '6 euro', '€8,50', '3,50'],
  friend: ['sanne', 'daan', 'fleur', 'mo', 'noor', 'yas', 'emma', 'bram', 'lot', 'fatima', 'jesse', 'iris', 'thijs', 'mila', 'nina', 'luuk', 'romy', 'kim', 'tess'],
  friends: ['de meiden', 'de jongens', 'mn vrienden', 'de squad', 'mn zusje', 'mn collega’s', 'de buren', 'mn ouders', 'de hele klas', 'mn huisgenoten'],
  friends_en: ['my friends', 'my flatmates', 'the girls', 'the boys', 'my colleagues', 'my sister'],
  mins: ['5 min', '10 min', '15 min', 'een kwartier', '20 min', 'half uur', '3 kwartier'],
  mins_en: ['10 minutes', '15 min', '20 minutes', 'half an hour', '45 min'],
  n: ['2', '3', '4', '5', '6', '10'],
  wow: ['echt nie normaal', 'kapot mooi', 'ziek', 'next level', 'te gek', 'geweldig', 'genieten', 'vet', 'mega', 'insane', 'sfeervol', 'heerlijk'],
  wow_en: ['amazing', 'insane', 'so good', 'incredible', 'unreal', 'absolutely stunning', 'such a vibe', 'lovely'],
  busy: ['kapot druk', 'bomvol', 'echt druk', 'stampvol', 'mega druk', 'propvol', 'best druk'],
  busy_en: ['packed', 'so crowded', 'rammed', 'really busy', 'crazy busy'],
  vibe: ['sfeer is top', 'wat een sfeer', 'vibes zijn goed', 'gezellig hier', 'iedereen is zo vrolijk', 'heerlijke avond'],
  vibe_en: ['the vibes are immaculate', 'the vibe is amazing', 'such a good atmosphere', 'everyone is so friendly', 'great night'],
  tag_fest: ['#zomerfeest', '#zomerfeest030', '#utrecht', '#030', '#zomerfeest2026'],
};

/** Hashtags people add to festival posts, weighted by repetition. */
export const FESTIVAL_TAGS: readonly string[] = ['#zomerfeest', '#zomerfeest', '#zomerfeest', '#utrecht', '#utrecht', '#030', '#zomerfeest030', '#zomerfeest2026'];
