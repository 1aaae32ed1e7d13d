import type { CategoryId } from '#core/taxonomy.ts';

/**
 * Keywords per category, Dutch and English, matched against token norms: a plain entry matches
 * any word that starts with it ("brand" → brandweer, brandende), `-x` any word that ends with it
 * (Dutch compound heads: "-brand" → woningbrand), `x=` only the word itself, and `!x` keeps the
 * category's other entries off any word that starts with x (false friends: "zonnebrand" is
 * sunscreen, "brandstof" fuel, "brand new" not a fire). Used two ways: as
 * the keyword-lexicon baseline (bench/classify.ts) and as one feature per category in the model
 * ("lexicon:fire"), whose weight is learned from every keyword at once and so carries over to
 * keywords the training corpus never used. Written from domain knowledge, not from the corpus.
 */
export const LEXICON: Record<CategoryId, string> = {
  fire: `!zonnebrand !brandnieuw !brandstof !brandschoon !brandmerk !branding !brandkast brand -brand fik= fikkie vlam -vlammen rookwolk rookontwikkeling rookpluim rookmelder -rook vuurzee vuurgloed blus
    smeul lichterlaaie uitslaand brandweer -brandweer -blusser fire= fires= firefight fireman firemen smoke flame blaze arson
    extinguish burning burnt`,
  violence_weapons: `steekpartij steekwond steekincident messteek -gestoken neergestoken doodgestoken mes= messen= schietpartij
    schietincident schoten= -geschoten vuurwapen pistool wapen kapmes machete bijl= knuppel honkbalknuppel mishandel -geslagen
    explosie explosief ontplof aanslag terror geweld= geweldpleg gewelddadig geweldsincident -bedreigd bedreig boksbeugel gewapend stab shooting shooter gunshot gun=
    guns= gunman knife knives weapon armed assault attack beaten explosion explod`,
  robbery_burglary: `overval beroofd beroving straatroof inbraak inbreker ingebroken -inbraak gestolen gejat gepikt stelen steelt
    diefstal dief= dieven zakkenroll plofkraak buit= babbeltruc heling weggegrist robbed robbery robber mugged mugging burglar
    burgl stolen steal stole theft thief thieves pickpocket snatch`,
  public_order: `overlast -overlast vechtpartij knokpartij rellen relschop ongeregeld vandal vernield vernieling wildplass
    dronken lawaai herrie scheld agressie agressief opstootje hooligan me= ruzie baldadig hangjongere knalvuurwerk cobra
    bekogel fight brawl riot vandal drunk noise harass rowdy hooligan disorder`,
  crowd_safety: `drukte gedrang dringen duwen duwt geduwd -gedrukt platgedrukt menigte mensenmassa overvol propvol stampvol
    vertrapt verdrukking paniek uitgang nooduitgang klem= dranghek doorstroom crowd crush overcrowd packed trampl stampede
    pushing pushed exit surge`,
  traffic_transport: `trein -trein tram metro bus= bussen -bus ns= perron spoor sprinter intercity vertraging file= files=
    ongeluk ongeval aanrijding aangereden -botsing afgesloten omleiding wegafsluiting verkeer snelweg kruispunt stoplicht
    verkeerslicht spookrijder ov= pendelbus nachtbus nachttrein taxi train tram delay cancel traffic accident crash collision
    highway junction diversion detour platform`,
  medical: `ambulance ambu= reanim aed= ehbo onwel flauw bewusteloos hartaanval hartstilstand hartmassage epilep bloedt bloeden bloeding bloedend ademt
    benauwd traumaheli lifeliner ziekenhuis huisarts hoofdwond gewond zwaargewond uitgedroogd cpr paramedic medic collapsed
    unconscious faint bleeding injur hospital seizure breathing overdose unresponsive`,
  missing_person: `vermist vermiss kwijt= zoekactie zoektocht weggelopen spoorloos amber= amberalert verdwenen verdwaald
    missing lost= disappeared amber runaway wandered`,
  suspicious: `verdacht onbeheerd achtergelaten pakket bommelding eod= loer gluur pluis= suspicious unattended abandoned package
    lurking creepy drone`,
  drugs: `drugs drug= dealer dealen dealt coke= cocaine pillen pil= xtc mdma md= ghb lachgas hennep wiet kwekerij drugslab
    drugsafval naald spuit junk coffeeshop drug dealing ecstasy ketamine nitrous cannabis weed= needle syringe`,
  infrastructure_outage: `stroom -storing storing uitval -uitval blackout black-out elektriciteit netbeheerder gaslek
    waterleiding bereik= netwerk 4g= 5g= kpn vodafone odido pinstoring noodaggregaat aggregaat liander stedin enexis
    noodverlichting outage power= electricity signal internet`,
  weather: `onweer storm bliksem donder hagel bui= buien buienradar stortbui regenbui windstoot windstoten wind= hoosbui noodweer wateroverlast overstroming
    ondergelopen hitte hittegolf hitteplan tropisch codeoranje coderood knmi gladheid ijzel sneeuw mist= windhoos tornado
    zonnesteek zandzakken dijk= thunder lightning hail gust flood heatwave heat= icy snow fog downpour`,
  call_for_help: `help hulp helpen hulpvraag melden melding vast= opgesloten bereikbaar help stuck assistance`,
  rumour: `gerucht klopt schijnbaar blijkbaar schijnt zou= zouden verluidt nepnieuws fake hoax onzin doorsturen doorgestuurd
    factcheck onjuist ontkent bron= fabel groepsapp kettingbericht rumour rumor hoax apparently supposedly allegedly unconfirmed
    debunk confirm saying forwarded`,
};
