import type { Catalogue } from './catalogue.ts';

/** English catalogue. Typed as `Catalogue`, so its keys must match the Dutch catalogue exactly. */
export const en: Catalogue = {
  // Shared
  'app.name': 'Waakzaam',
  'lang.label': 'Language',
  'lang.nl': 'NL',
  'lang.en': 'EN',
  'lang.nl.title': 'Nederlands',
  'lang.en.title': 'English',
  'skip.toMain': 'Skip to content',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.opensInNewTab': '(opens in a new tab)',
  'error.network': 'No connection to the server. Check your network and try again.',
  'error.unexpected': 'Something went wrong (status {status}). Please try again later.',
  'error.forbidden': 'You do not have access to this part.',
  'time.justNow': 'just now',

  // Dashboard: sign-in
  'login.title': 'Log in to Waakzaam',
  'login.intro': 'For staff of participating organisations.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.failed': 'Logging in failed. Check your email address and password.',
  'login.tooMany': 'Too many attempts. Wait a moment and then try again.',
  'login.tooManyRetry': 'Too many attempts. Try again in {seconds} seconds.',
  'login.sessionExpired': 'Your session has expired. Please log in again.',
  'login.loggedOut': 'You have been logged out.',
  'login.checking': 'Checking session…',

  // Dashboard: shell
  'shell.signedInAs': 'Signed in as {name}',
  'shell.organisation': 'Organisation',
  'shell.logout': 'Log out',
  'shell.nav': 'Modes',
  'shell.notFound.title': 'Page not found',
  'shell.notFound.body': 'This page does not exist.',
  'shell.notFound.back': 'Go to Watch',
  'shell.pageTitle': '{page} — Waakzaam',

  // Dashboard: modes
  'mode.watch.label': 'Watch',
  'mode.send.label': 'Send',
  'mode.ask.label': 'Ask',
  'mode.respond.label': 'Respond',
  'mode.interact.label': 'Interact',
  'mode.evaluate.label': 'Evaluate',
  'mode.notYet.badge': 'Not yet available',
  'mode.notYet.body':
    'This mode is not yet part of this version of Waakzaam. Below is what it will do. No sample data is shown here.',
  'mode.notYet.plannedHeading': 'What this mode will do',
  'mode.send.lead': 'Inform citizens, without needing a reaction.',
  'mode.send.point1':
    'Write a message once and publish it to many channels: Mastodon, Bluesky, a CAP feed, RSS/Atom, Web Push, email, SMS and webhooks.',
  'mode.send.point2':
    'Target by area and topic: only citizens subscribed to that area and topic receive the message.',
  'mode.send.point3':
    'Four eyes for public alerts: a coordinator approves. Schedule, update and cancel, mirroring CAP Alert/Update/Cancel.',
  'mode.send.point4': 'See per channel and per recipient what was delivered, with retries that never send twice.',
  'mode.ask.lead': 'Targeted appeals to citizens, with tips and photos coming back.',
  'mode.ask.point1':
    'Appeals in the manner of Burgernet and Amber Alert: description, photos, area, duration and how citizens can respond.',
  'mode.ask.point2':
    'Receive tips and photos, anonymously if the sender chooses; near-duplicate photos grouped; originals kept with a SHA-256 for the chain of custody.',
  'mode.ask.point3': 'Triage by priority and linking to an appeal or incident.',
  'mode.ask.point4': 'A closing message with the outcome to everyone who received the appeal, and figures per appeal.',
  'mode.respond.lead': 'Alert volunteer responders to a cardiac arrest, in the manner of AED-Alert and HartslagNu.',
  'mode.respond.point1': 'Registries of volunteers (qualification, availability) and AEDs (location, access, status).',
  'mode.respond.point2':
    'The control room starts a dispatch with coordinates or a postcode and house number; volunteers within 1000 metres go straight to the victim or fetch an AED first.',
  'mode.respond.point3': 'A live board of accept, decline and arrival, with re-dispatch when too few people respond.',
  'mode.respond.point4': 'Everything is timed for the evaluation: time to first arrival and AED on scene.',
  'mode.interact.lead': 'Two-way conversations with citizens, routed to the right people.',
  'mode.interact.point1':
    'One inbox for messages from citizens on every channel: social media, web form, email, replies to appeals and Open311 reports.',
  'mode.interact.point2':
    'Routing to the right team, assignment, internal notes and canned replies; the reply goes back over the channel the question came from.',
  'mode.interact.point3': 'Service levels per category with escalation, and insight into what arrives outside office hours.',
  'mode.interact.point4': 'Verification tasks for, for example, the neighbourhood officer, with the answer returned to the report.',
  'mode.evaluate.lead': 'Measure what working with social media and citizens achieves.',
  'mode.evaluate.point1':
    'Figures per goal from your own data: reach, tips per appeal, response times, responder arrival times and the time from rumour to correction.',
  'mode.evaluate.point2': 'The maturity model: a self-assessment per goal, kept over time.',
  'mode.evaluate.point3': 'Advice on which instruments fit a goal.',
  'mode.evaluate.point4': 'Reports as HTML and PDF, and exports as CSV.',

  // Dashboard: watch
  'watch.title': 'Watch',
  'watch.lead': 'Public posts, arriving live.',
  'watch.feedLabel': 'Post feed',
  'watch.controls': 'Feed controls',
  'watch.connection.label': 'Connection',
  'watch.connection.connecting': 'Connecting…',
  'watch.connection.live': 'Live',
  'watch.connection.reconnecting': 'Disconnected — reconnecting (attempt {attempt})',
  'watch.connection.reconnectNow': 'Reconnect now',
  'watch.connection.stopped': 'Not connected',
  'watch.stats.received': 'Received by the server',
  'watch.stats.rate': 'Posts per minute',
  'watch.stats.unknown': '–',
  'watch.sparkline.label': 'Posts per minute over the last {minutes} minutes; now {current}, highest {max}.',
  'watch.sparkline.caption': 'Per minute, last {minutes} min.',
  'watch.pause': 'Pause',
  'watch.resume': 'Resume',
  'watch.paused': 'Paused: new posts are being kept.',
  'watch.showNew.one': 'Show 1 new post',
  'watch.showNew.other': 'Show {count} new posts',
  'watch.announce.one': '1 new post',
  'watch.announce.other': '{count} new posts',
  'watch.filter.heading': 'Filter',
  'watch.filter.text': 'Search posts',
  'watch.filter.textHint': 'Text, hashtag, place or pseudonym',
  'watch.filter.source': 'Source',
  'watch.filter.allSources': 'All sources',
  'watch.filter.clear': 'Clear filters',
  'watch.filter.showing': '{shown} of {total} posts shown',
  'watch.loadMore': 'Load older posts',
  'watch.loadingMore': 'Loading older posts…',
  'watch.end': 'No older posts.',
  'watch.capped': 'The list shows the newest {max} posts. Older posts have been removed from the list to keep the screen fast.',
  'watch.empty': 'No posts yet. New posts appear here as soon as they arrive.',
  'watch.emptyFiltered': 'No posts match this filter.',
  'watch.loadError': 'The posts could not be loaded.',
  'watch.loading': 'Loading posts…',

  // Dashboard: post card
  'post.pseudonym': 'pseudonym',
  'post.pseudonymTitle': 'Pseudonymised author ({full}). The real account name is not shown.',
  'post.languageUnknown': 'language unknown',
  'post.openOriginal': 'Original',
  'post.openOriginalLabel': 'Original post on {source} {newTab}',
  'post.placeExact': 'exact location',
  'post.placeApprox': 'place from the text',
  'post.coordinates': '{lat}, {lon}',
  'post.reply': 'Reply',
  'post.repost': 'Repost',
  'post.quote': 'Quote',
  'post.media.one': '1 attachment',
  'post.media.other': '{count} attachments',
  'post.mediaItem': 'Attachment {index} ({type})',
  'post.filterHashtag': 'Filter by {tag}',
  'post.hashtags': 'Hashtags',
  'post.received': 'received {time}',

  // Sources
  'source.mastodon': 'Mastodon',
  'source.bluesky': 'Bluesky',
  'source.rss': 'RSS',
  'source.webhook': 'Webhook',
  'source.replay': 'Replay',
  'source.p2000': 'P2000',
  'source.cap': 'CAP',
  'source.citizen': 'Citizen report',

  // Citizen app
  'citizen.title': 'Waakzaam — for residents',
  'citizen.home.title': 'Working together for a safe neighbourhood',
  'citizen.home.lead':
    'With Waakzaam, residents, the municipality, the police and the safety region work together for a safe environment. Soon you can use this website to get messages about your area and to help when needed.',
  'citizen.home.development':
    'This website is still being built. The parts below are coming soon. You cannot use them yet.',
  'citizen.emergency.title': 'Emergency? Call 112.',
  'citizen.emergency.body':
    'Is there danger, a fire or an accident? Always call 112. No emergency, but you need the police? Call 0900-8844. This website is not for emergencies.',
  'citizen.home.soonHeading': 'What will you be able to do?',
  'citizen.soon': 'Coming soon',
  'citizen.feature.alerts.title': 'Messages about your area',
  'citizen.feature.alerts.body':
    'You choose an area, for example your street or neighbourhood. If something happens there, you get a message. For example a fire, a power cut or a closed road. You choose how: a notification on your phone or an email. You can always unsubscribe in one step.',
  'citizen.feature.appeals.title': 'Help with an appeal',
  'citizen.feature.appeals.body':
    'Sometimes the police or the municipality asks for help. For example when a child is missing, or after a robbery. You can then send a tip or a photo. You may do this anonymously. We then keep no data about you or your device.',
  'citizen.feature.questions.title': 'Ask the municipality a question',
  'citizen.feature.questions.body':
    'Do you have a question? Or do you want to report something in the street, such as a nuisance or a broken street light? You can do that here. The right department will answer.',
  'citizen.home.privacyHeading': 'Your privacy',
  'citizen.home.privacyBody': 'We ask for no more data than we need. And we do not track you.',
  'citizen.home.privacyLink': 'Read the privacy statement',
  'citizen.footer.label': 'About this website',
  'citizen.footer.privacy': 'Privacy statement',
  'citizen.footer.home': 'Home page',
  'citizen.footer.software': 'Waakzaam is open-source software (licence EUPL-1.2).',
  'citizen.privacy.title': 'Privacy statement',
  'citizen.privacy.intro':
    'This website is part of Waakzaam. Waakzaam is software used by organisations that work on safety, such as the police, municipalities and safety regions. The organisation that offers this website is responsible for your data.',
  'citizen.privacy.placeholder':
    'Please note: the organisation using Waakzaam will add its name and contact details to this statement.',
  'citizen.privacy.notHeading': 'What we do not do',
  'citizen.privacy.not1': 'We do not track you. There are no adverts and no trackers.',
  'citizen.privacy.not2': 'We do not use analytics services of other companies.',
  'citizen.privacy.not3': 'This website loads nothing from other websites. Not even fonts.',
  'citizen.privacy.not4': 'We do not sell data.',
  'citizen.privacy.deviceHeading': 'What is stored on your device',
  'citizen.privacy.deviceBody':
    'We only keep your choice of language (Dutch or English) in your browser’s storage, so you do not have to choose it again each time. You can clear that storage at any time.',
  'citizen.privacy.socialHeading': 'Posts on social media',
  'citizen.privacy.socialBody':
    'Waakzaam reads public posts on social media, so that the organisation can see danger in time. We do not simply store the name of the writer: we turn it into a code, called a pseudonym. Only staff who really need it can see the real name. Each time that happens, we record who did it and why. After a fixed period, we delete the posts automatically.',
  'citizen.privacy.tipsHeading': 'Tips and questions',
  'citizen.privacy.tipsBody':
    'Will you send a tip? You may do so anonymously. We then keep no IP address and no data about your device. Do you ask a question? Then we only use your data to answer you.',
  'citizen.privacy.rightsHeading': 'Your rights',
  'citizen.privacy.rightsBody':
    'You may ask which data we hold about you. You may also ask us to correct or delete it. Contact the organisation that offers this website to do so. Do you disagree with how we handle your data? Then you can file a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
  'citizen.notFound.title': 'Page not found',
  'citizen.notFound.body': 'This page does not exist. Perhaps the address is not right.',
  'citizen.notFound.home': 'Go to the home page',
};
