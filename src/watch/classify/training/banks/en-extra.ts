import type { CategoryId } from '#core/taxonomy.ts';

/** More English phrasings per category (headlines, follow-ups, questions). */
export const EN_EXTRA: Record<CategoryId, readonly string[]> = {
  fire: [
    '{house fire|apartment fire} in $city, {residents evacuated|one injured|firefighters still on scene}',
    'what is burning {over there|near the station}? {huge orange glow|thick smoke} {behind the buildings|over the trees}',
    '!c we are {stuck|trapped} on {the balcony|the 3rd floor}, {smoke everywhere|the stairs are on fire}, HELP',
  ],
  violence_weapons: [
    '{man|woman|teenager} {seriously injured|hurt} in {stabbing|shooting|assault} in $city',
    '!m {a guy|some man} {threatening|threatened} {people|the bus driver} with {a knife|a broken bottle}',
    'police {looking for|hunting} {the attacker|two suspects} after the {stabbing|shooting} {last night|on saturday}',
  ],
  robbery_burglary: [
    '!m my {bag|phone|wallet} got {stolen|nicked} {while i was dancing|in the crowd|when i looked away}',
    '{thief|pickpocket} {caught|grabbed} {by bystanders|by security} {at|near} $place_en',
    '!h {two|three} {guys|men} {in balaclavas|with a gun} {ran out of|robbed} {the shop|the bank} {with bags|with cash}',
  ],
  public_order: [
    '!m {bottles|chairs|glasses} {flying|being thrown} {on the terrace|outside the bar} {at|near} $place_en',
    '{angry|rowdy} {crowd|mob} {chanting|shouting} {outside|in front of} {city hall|the police station}, {tense|police watching}',
    '{who|someone} keeps setting off {fireworks|firecrackers} {every night|at 3am} on our street, {so annoying|dogs terrified}',
  ],
  crowd_safety: [
    'so many people {here|at $place_en}, {it\'s not moving at all|you get pushed along}, {scary|not ok}',
    '!h {pram|wheelchair} {stuck|trapped} in the {crowd|crush} {at|near} $place_en, {make room|people keep pushing}',
    '{warning|Warning}: {don\'t come to|avoid} $place_en, {it\'s full|they closed the gates|nobody can get in}',
  ],
  traffic_transport: [
    '{diversion|detour} for {buses|trams} {around|near} $place_en {due to|because of} {an accident|an event}',
    '{no more|last} {buses|trams} {after|at} $time from $place_en, {how do we get home|missed the last one}',
    '{strike|rail strike} {today|tomorrow}: {no trains|hardly any trains} {in|around} $city',
    '{when|what time} do the {night buses|extra trains|shuttles} {run|leave} {tonight|after the show}? $org_transport',
  ],
  medical: [
    '!c CPR {in progress|happening} {at|near} $place_en, {make room|stay back from the medics}',
    '!m {allergic reaction|anaphylaxis} {here|near $place_en}, {swollen face|can\'t breathe well}, {anyone have an EpiPen?|ambulance called}',
    '!m {people|someone|a girl} {fainting|passed out} {from|because of} the heat {at|near} $place_en, {first aid is there|not enough shade}',
    '{hope|really hope} {the man|that guy|the woman} {at|near} $place_en {is going to be ok|will be alright} 🙏',
    '!m {older|elderly} {lady|man} {fell|collapsed} {in the supermarket|at the bus stop}, {head wound|ambulance called}',
  ],
  missing_person: [
    '!h {lost|missing} {kid|child|boy|girl} {near|at} $place_en, {$age years old|about $age}, {blue shirt|red jacket}, {parents are looking|please share}',
    '{help|please help} {find|look for} {my|our} {son|daughter|dad} who {didn\'t come home|wandered off}, {last seen at $place_en|he is confused}',
    '!l {our|my} {son|daughter|grandpa} {has been found|is back}, {thank you everyone|thanks for sharing}',
    '{divers|police divers} {searching|searched} {the canal|the harbour} for a missing {student|tourist|man}',
  ],
  suspicious: [
    '!m {bomb threat|suspicious package}: {station|mall|$place_en} {evacuated|cordoned off}, {EOD on the way|nobody allowed in}',
    '{guy|man} {checking|looking into} {parked cars|windows|bikes} on our street, {suspicious|can someone check}',
    'strange {noises|lights|bangs} {from|at} the {empty building|warehouse} {on our street|near $place_en}, {not normal|is that normal?}',
  ],
  drugs: [
    '!m {a girl|someone} {acting really strange|passed out} after {a pill|GHB|a drink}, {what did she take|medics called}',
    '{they are|people are} {dealing|using} {openly|right there} in {the doorway|the car park|the bushes}, {kids can see it|gross}',
    '{drugs|cocaine} {seized|found} {in|at} {a car|a house|the port} in $city',
  ],
  infrastructure_outage: [
    'everything went {dark|black} {suddenly|all at once}: {power is out|no electricity} {on|at} {the whole street|$place_en}',
    '{lights|power} {went out|died} {at|on} $place_en, {only emergency lights on|pitch dark|everyone using phone torches}',
    '{phone|my phone} {has|shows} {no signal|SOS only} {here|at $place_en}, {you too?|network down}',
    '{boil water|water} {advice|notice} for $city: {boil tap water before drinking|don\'t drink from the tap}',
  ],
  weather: [
    '{hail|hailstones} {the size of|like} {golf balls|marbles} in $city, {windows broken|cars dented}',
    '{clouds|the sky} {look|looks} {nasty|really dark}, {storm|a thunderstorm|a downpour} {coming|on its way}',
    '{sudden|massive} {downpour|cloudburst} {at|over} $place_en, {everyone running for cover|soaked}',
    'it is {storming|thundering} {like crazy|so badly} and {the festival|the concert} {is still going on|hasn\'t stopped}?? {seems dangerous|not smart}',
    '{tunnels|streets} {flooding|under water} in $city, {cars stuck|cyclists can\'t get through}',
  ],
  call_for_help: [
    '{has|Has} anyone found {my|a} {phone|wallet|keys} {at|near} $place_en? {is there a lost and found|$org}',
  ],
  rumour: [
    '{read|saw} {on tiktok|in a whatsapp group|on facebook} that {someone was stabbed|people died|everything is cancelled} {at|near} $place_en, {is that true|source?}',
    '!h {forwarded|copied from a group chat}: \u2018{stabbing|shooting|bomb} {at|near} $place_en, {stay away|don\'t go there}\u2019 {is this true?|anyone?|}',
    '!h {people|everyone here} {saying|says} {someone was stabbed|people got crushed|there was a shooting} {at|near} $place_en',
    '{people say|they say} {it was on purpose|it was sabotage|hackers cut the power}, {anyone know more?|no idea if true}',
    '{city|police}: {posts|rumours} {on social media|going around} about {a shooting|a bomb|deaths} {at|near} $place_en {are not true|are false}',
  ],
};

/** More English posts that are not safety-relevant. */
export const EN_NONE_EXTRA: readonly string[] = [
  'where can we {park|leave} {our bikes|the car} {near|for} $place_en {tonight|during the event}?',
  '{where|Where} are the {toilets|lockers|water points|cloakroom} {at|near} $place_en?',
  'the {queue|line} for the {toilets|bar|tokens} is {endless|ridiculous}{ 🙄|}',
  '{phone|battery} at {5%|3%}, anyone got a {power bank|charger}?',
  'never heard of {this band|that DJ} but {i\'m a fan now|this is great}',
  'so {busy|crowded} {at|in} $place_en {tonight|today} but {great vibes|the atmosphere is amazing}',
  '{we are|we\'re} {at|near} $place_en, {come join|who\'s around}? {from|at} $time {we go in|we\'re there}',
  'it\'s {so hot|boiling} {today|on the train}, {getting ice cream|terrace time}',
  '{police|firefighters} {had a stand|did a demo} at $place_en, {the kids loved it|nice of them}',
  '{binge-watching|watching} a {crime series|true crime podcast|show about paramedics}, {so good|can\'t stop}',
  '{firefighters|emergency services} {exercise|drill} {at|near} $place_en {today|tomorrow}, {don\'t panic|not a real fire}',
  '{which|what} {tram|bus|train} do i take to $place_en? {first time here|new in town}',
  'my train had {5|10} minutes delay {so|and} {grabbed a coffee|missed the start of the movie}',
  '{loved|enjoyed} the {fireworks|show|band} {last night|tonight}, {goosebumps|10/10}',
  'the {market|fair|flea market} at $place_en {was|is} {so cosy|great}, {got stroopwafels|bought a lamp}',
];
