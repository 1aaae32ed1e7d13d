/**
 * Dutch catalogue: the source of truth for message keys. Every other catalogue must have exactly
 * these keys (enforced by the `Catalogue` type in en.ts and by test/web/i18n.test.ts).
 *
 * Conventions: `{name}` is a placeholder; a key pair ending in `.one` / `.other` is a plural
 * (see `translatePlural`). Citizen texts are written at language level B1: short sentences,
 * everyday words, "u" as the form of address.
 */
export const nl = {
  // Shared
  'app.name': 'Waakzaam',
  'lang.label': 'Taal',
  'lang.nl': 'NL',
  'lang.en': 'EN',
  'lang.nl.title': 'Nederlands',
  'lang.en.title': 'English',
  'skip.toMain': 'Naar de inhoud',
  'common.loading': 'Laden…',
  'common.retry': 'Opnieuw proberen',
  'common.opensInNewTab': '(opent in een nieuw tabblad)',
  'error.network': 'Geen verbinding met de server. Controleer uw netwerk en probeer het opnieuw.',
  'error.unexpected': 'Er ging iets mis (status {status}). Probeer het later opnieuw.',
  'error.forbidden': 'U heeft geen toegang tot dit onderdeel.',
  'time.justNow': 'zojuist',

  // Dashboard: sign-in
  'login.title': 'Inloggen bij Waakzaam',
  'login.intro': 'Voor medewerkers van aangesloten organisaties.',
  'login.email': 'E-mailadres',
  'login.password': 'Wachtwoord',
  'login.submit': 'Inloggen',
  'login.submitting': 'Bezig met inloggen…',
  'login.failed': 'Inloggen is niet gelukt. Controleer uw e-mailadres en wachtwoord.',
  'login.tooMany': 'Te veel pogingen. Wacht even en probeer het daarna opnieuw.',
  'login.tooManyRetry': 'Te veel pogingen. Probeer het over {seconds} seconden opnieuw.',
  'login.sessionExpired': 'Uw sessie is verlopen. Log opnieuw in.',
  'login.loggedOut': 'U bent uitgelogd.',
  'login.checking': 'Sessie controleren…',

  // Dashboard: shell
  'shell.signedInAs': 'Ingelogd als {name}',
  'shell.organisation': 'Organisatie',
  'shell.logout': 'Uitloggen',
  'shell.nav': 'Modi',
  'shell.notFound.title': 'Pagina niet gevonden',
  'shell.notFound.body': 'Deze pagina bestaat niet.',
  'shell.notFound.back': 'Naar Kijken',
  'shell.pageTitle': '{page} — Waakzaam',

  // Dashboard: modes
  'mode.watch.label': 'Kijken',
  'mode.send.label': 'Zenden',
  'mode.ask.label': 'Vragen',
  'mode.respond.label': 'Inzet',
  'mode.interact.label': 'Interactie',
  'mode.evaluate.label': 'Evaluatie',
  'mode.notYet.badge': 'Nog niet beschikbaar',
  'mode.notYet.body':
    'Deze modus zit nog niet in deze versie van Waakzaam. Hieronder staat wat hij gaat doen. Er worden hier geen voorbeeldgegevens getoond.',
  'mode.notYet.plannedHeading': 'Wat deze modus gaat doen',
  'mode.send.lead': 'Bewoners informeren, zonder dat een reactie nodig is.',
  'mode.send.point1':
    'Een bericht één keer schrijven en publiceren op veel kanalen: Mastodon, Bluesky, een CAP-feed, RSS/Atom, webpush, e-mail, sms en webhooks.',
  'mode.send.point2':
    'Richten op gebied en onderwerp: alleen bewoners die zich voor dat gebied en onderwerp hebben aangemeld, krijgen het bericht.',
  'mode.send.point3':
    'Vier-ogenprincipe voor publieke waarschuwingen: een coördinator keurt goed. Inplannen, bijwerken en intrekken zoals CAP Alert/Update/Cancel.',
  'mode.send.point4': 'Per kanaal en per ontvanger zien wat is afgeleverd, met herhaalpogingen zonder dubbele berichten.',
  'mode.ask.lead': 'Gerichte oproepen aan bewoners, en tips en foto’s terug.',
  'mode.ask.point1':
    'Oproepen in de trant van Burgernet en Amber Alert: beschrijving, foto’s, gebied, looptijd en hoe bewoners kunnen reageren.',
  'mode.ask.point2':
    'Tips en foto’s ontvangen, ook anoniem; bijna gelijke foto’s gegroepeerd; originelen bewaard met een SHA-256 voor de bewijsketen.',
  'mode.ask.point3': 'Triage op prioriteit en koppeling aan een oproep of incident.',
  'mode.ask.point4': 'Een afsluitend bericht met de uitkomst aan iedereen die de oproep kreeg, en cijfers per oproep.',
  'mode.respond.lead': 'Burgerhulpverleners alarmeren bij een reanimatie, in de trant van AED-Alert en HartslagNu.',
  'mode.respond.point1': 'Registers van vrijwilligers (kwalificatie, beschikbaarheid) en AED’s (locatie, toegang, status).',
  'mode.respond.point2':
    'De meldkamer start een alarmering met coördinaten of postcode en huisnummer; vrijwilligers binnen 1000 meter gaan direct naar het slachtoffer of halen eerst een AED.',
  'mode.respond.point3': 'Een live overzicht van accepteren, weigeren en aankomst, met hernieuwde alarmering als te weinig mensen reageren.',
  'mode.respond.point4': 'Alles wordt getimed voor de evaluatie: tijd tot eerste aankomst en AED ter plaatse.',
  'mode.interact.lead': 'Tweegesprekken met bewoners, bij de juiste mensen.',
  'mode.interact.point1':
    'Eén inbox voor berichten van bewoners via alle kanalen: sociale media, webformulier, e-mail, reacties op oproepen en Open311-meldingen.',
  'mode.interact.point2':
    'Doorzetten naar het juiste team, toewijzen, interne notities en standaardantwoorden; het antwoord gaat terug via het kanaal van de vraag.',
  'mode.interact.point3': 'Servicenormen per categorie met escalatie, en inzicht in wat buiten kantoortijd binnenkomt.',
  'mode.interact.point4': 'Verificatieverzoeken aan bijvoorbeeld de wijkagent, met het antwoord terug bij de melding.',
  'mode.evaluate.lead': 'Meten wat de inzet van sociale media en bewoners oplevert.',
  'mode.evaluate.point1':
    'Cijfers per doel uit de eigen gegevens: bereik, tips per oproep, reactietijden, aanrijtijden en de tijd van gerucht tot correctie.',
  'mode.evaluate.point2': 'Het volwassenheidsmodel: een zelfevaluatie per doel, bijgehouden in de tijd.',
  'mode.evaluate.point3': 'Advies over welke instrumenten bij een doel passen.',
  'mode.evaluate.point4': 'Rapportages als HTML en PDF, en exports als CSV.',

  // Dashboard: watch
  'watch.title': 'Kijken',
  'watch.lead': 'Openbare berichten, live binnenkomend.',
  'watch.feedLabel': 'Berichtenstroom',
  'watch.controls': 'Bediening van de stroom',
  'watch.connection.label': 'Verbinding',
  'watch.connection.connecting': 'Verbinden…',
  'watch.connection.live': 'Live',
  'watch.connection.reconnecting': 'Verbroken — opnieuw verbinden (poging {attempt})',
  'watch.connection.reconnectNow': 'Nu opnieuw verbinden',
  'watch.connection.stopped': 'Niet verbonden',
  'watch.stats.received': 'Ontvangen door de server',
  'watch.stats.rate': 'Berichten per minuut',
  'watch.stats.unknown': '–',
  'watch.sparkline.label': 'Berichten per minuut in de laatste {minutes} minuten; nu {current}, hoogste {max}.',
  'watch.sparkline.caption': 'Per minuut, laatste {minutes} min.',
  'watch.pause': 'Pauzeren',
  'watch.resume': 'Hervatten',
  'watch.paused': 'Gepauzeerd: nieuwe berichten worden bewaard.',
  'watch.showNew.one': 'Toon 1 nieuw bericht',
  'watch.showNew.other': 'Toon {count} nieuwe berichten',
  'watch.announce.one': '1 nieuw bericht',
  'watch.announce.other': '{count} nieuwe berichten',
  'watch.filter.heading': 'Filteren',
  'watch.filter.text': 'Zoeken in berichten',
  'watch.filter.textHint': 'Tekst, hashtag, plaats of pseudoniem',
  'watch.filter.source': 'Bron',
  'watch.filter.allSources': 'Alle bronnen',
  'watch.filter.clear': 'Filters wissen',
  'watch.filter.showing': '{shown} van {total} berichten zichtbaar',
  'watch.loadMore': 'Oudere berichten laden',
  'watch.loadingMore': 'Oudere berichten laden…',
  'watch.end': 'Geen oudere berichten.',
  'watch.capped': 'De lijst toont de nieuwste {max} berichten. Oudere berichten zijn uit de lijst gehaald om het scherm snel te houden.',
  'watch.empty': 'Nog geen berichten. Nieuwe berichten verschijnen hier zodra ze binnenkomen.',
  'watch.emptyFiltered': 'Geen berichten die bij dit filter passen.',
  'watch.loadError': 'De berichten konden niet worden geladen.',
  'watch.loading': 'Berichten laden…',

  // Dashboard: post card
  'post.pseudonym': 'pseudoniem',
  'post.pseudonymTitle': 'Gepseudonimiseerde auteur ({full}). De echte accountnaam wordt niet getoond.',
  'post.languageUnknown': 'taal onbekend',
  'post.openOriginal': 'Origineel',
  'post.openOriginalLabel': 'Origineel bericht op {source} {newTab}',
  'post.placeExact': 'exacte locatie',
  'post.placeApprox': 'plaats uit de tekst',
  'post.coordinates': '{lat}, {lon}',
  'post.reply': 'Antwoord',
  'post.repost': 'Doorgedeeld',
  'post.quote': 'Citaat',
  'post.media.one': '1 bijlage',
  'post.media.other': '{count} bijlagen',
  'post.mediaItem': 'Bijlage {index} ({type})',
  'post.filterHashtag': 'Filter op {tag}',
  'post.hashtags': 'Hashtags',
  'post.received': 'ontvangen {time}',

  // Sources: proper names stay as they are; generic ones are translated.
  'source.mastodon': 'Mastodon',
  'source.bluesky': 'Bluesky',
  'source.rss': 'RSS',
  'source.webhook': 'Webhook',
  'source.replay': 'Herhaling',
  'source.p2000': 'P2000',
  'source.cap': 'CAP',
  'source.citizen': 'Melding bewoner',

  // Citizen app
  'citizen.title': 'Waakzaam — voor bewoners',
  'citizen.home.title': 'Samen zorgen voor een veilige buurt',
  'citizen.home.lead':
    'Met Waakzaam werken bewoners, gemeente, politie en veiligheidsregio samen aan een veilige omgeving. Op deze website kunt u straks berichten krijgen over uw buurt en helpen als dat nodig is.',
  'citizen.home.development':
    'Deze website is nog in ontwikkeling. De onderdelen hieronder komen binnenkort. U kunt ze nu nog niet gebruiken.',
  'citizen.emergency.title': 'Spoed? Bel 112.',
  'citizen.emergency.body':
    'Is er gevaar, brand of een ongeluk? Bel dan altijd 112. Geen spoed, maar wel politie nodig? Bel 0900-8844. Deze website is niet voor spoed.',
  'citizen.home.soonHeading': 'Wat kunt u straks doen?',
  'citizen.soon': 'Binnenkort',
  'citizen.feature.alerts.title': 'Berichten over uw buurt',
  'citizen.feature.alerts.body':
    'U kiest een gebied, bijvoorbeeld uw straat of wijk. Gebeurt daar iets? Dan krijgt u een bericht. Bijvoorbeeld bij brand, een stroomstoring of een afgesloten weg. U kiest zelf hoe: met een melding op uw telefoon of per e-mail. Afmelden kan altijd in één stap.',
  'citizen.feature.appeals.title': 'Helpen bij een oproep',
  'citizen.feature.appeals.body':
    'Soms vraagt de politie of de gemeente om hulp. Bijvoorbeeld als een kind vermist is, of na een overval. U kunt dan een tip of een foto sturen. Dat mag ook anoniem. Dan bewaren wij geen gegevens over u of uw apparaat.',
  'citizen.feature.questions.title': 'Een vraag stellen aan de gemeente',
  'citizen.feature.questions.body':
    'Heeft u een vraag? Of wilt u iets melden op straat, zoals overlast of een kapotte lantaarnpaal? Dan kunt u dat hier doen. De juiste afdeling geeft antwoord.',
  'citizen.home.privacyHeading': 'Uw privacy',
  'citizen.home.privacyBody': 'Wij vragen niet meer gegevens dan nodig. En wij volgen u niet.',
  'citizen.home.privacyLink': 'Lees de privacyverklaring',
  'citizen.footer.label': 'Over deze website',
  'citizen.footer.privacy': 'Privacyverklaring',
  'citizen.footer.home': 'Startpagina',
  'citizen.footer.software': 'Waakzaam is open-sourcesoftware (licentie EUPL-1.2).',
  'citizen.privacy.title': 'Privacyverklaring',
  'citizen.privacy.intro':
    'Deze website hoort bij Waakzaam. Dat is software die organisaties voor veiligheid gebruiken, zoals de politie, gemeenten en veiligheidsregio’s. De organisatie die deze website aanbiedt, is verantwoordelijk voor uw gegevens.',
  'citizen.privacy.placeholder':
    'Let op: de organisatie die Waakzaam gebruikt, vult deze verklaring nog aan met haar naam en contactgegevens.',
  'citizen.privacy.notHeading': 'Wat wij niet doen',
  'citizen.privacy.not1': 'Wij volgen u niet. Er zijn geen advertenties en geen trackers.',
  'citizen.privacy.not2': 'Wij gebruiken geen analysediensten van andere bedrijven.',
  'citizen.privacy.not3': 'Deze website laadt niets van andere websites. Ook geen lettertypen.',
  'citizen.privacy.not4': 'Wij verkopen geen gegevens.',
  'citizen.privacy.deviceHeading': 'Wat er op uw apparaat staat',
  'citizen.privacy.deviceBody':
    'Wij bewaren alleen uw taalkeuze (Nederlands of Engels) in de opslag van uw browser. Zo hoeft u die niet steeds opnieuw te kiezen. U kunt die opslag altijd wissen.',
  'citizen.privacy.socialHeading': 'Berichten op sociale media',
  'citizen.privacy.socialBody':
    'Waakzaam leest openbare berichten op sociale media. Zo kan de organisatie gevaar op tijd zien. De naam van de schrijver slaan wij niet zomaar op: wij maken er een code van. Dat heet een pseudoniem. Alleen medewerkers die het echt nodig hebben, kunnen de echte naam zien. Elke keer dat dat gebeurt, leggen wij vast wie het deed en waarom. Na een vaste termijn verwijderen wij de berichten automatisch.',
  'citizen.privacy.tipsHeading': 'Tips en vragen',
  'citizen.privacy.tipsBody':
    'Stuurt u straks een tip? Dat mag anoniem. Dan bewaren wij geen IP-adres en geen gegevens over uw apparaat. Stelt u een vraag? Dan gebruiken wij uw gegevens alleen om u antwoord te geven.',
  'citizen.privacy.rightsHeading': 'Uw rechten',
  'citizen.privacy.rightsBody':
    'U mag vragen welke gegevens wij over u hebben. U mag ook vragen om die te verbeteren of te verwijderen. Neem daarvoor contact op met de organisatie die deze website aanbiedt. Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
  'citizen.notFound.title': 'Pagina niet gevonden',
  'citizen.notFound.body': 'Deze pagina bestaat niet. Misschien is het adres niet goed.',
  'citizen.notFound.home': 'Naar de startpagina',
} as const satisfies Record<string, string>;
