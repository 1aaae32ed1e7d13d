import type { Bank } from './bank.ts';

/*
 * English festival and chat slang that reads like a hazard to a word model: a set that is "fire
 * 🔥", "I'm dead 😂", a band that "killed it", a drop that was "the bomb", "shots" at the bar, a
 * crowd that "went wild", a video "shot" at the stage (EN_CAMERA). None of it is about safety.
 * Appended after the Dutch false friends so that every earlier post stays as it was.
 */
export const EN_FALSE_FRIENDS: Bank[] = [
  {
    label: 'none',
    language: 'en',
    priority: null,
    count: 36,
    emoji: ['🔥', '😂', '💀', '🙌', '🎶', '🍻'],
    hashtags: ['#festival', '#nowplaying', '#weekend'],
    templates: [
      '{this set|this track|that drop|the new single} is {fire|straight fire|pure fire} 🔥🔥',
      "{I'm dead|im dead|dead} 😂 {that was hilarious|my mate fell asleep standing up|look at his dance moves}",
      '{the headliner|the band|that DJ|she} {absolutely killed it|killed it|murdered that song} {tonight|on the main stage|again}',
      '{that drop|this festival|the food truck} {was the bomb|is the bomb|was bomb}, {no regrets|best day of the summer|go there}',
      '{shots|Shots|tequila shots} at the bar {with the crew|before the last act|at $time}, {cheers|here we go|wish us luck}',
      '{the crowd went wild|crowd went absolutely wild|everyone went wild} {for the encore|when they played the hit|at the drop}, {insane energy|best vibes|what a night}',
      '{my phone|my notifications|our group chat} {blew up|is blowing up|exploded} {after that video|with messages|since the photo}',
      '{sick|insane|mental} {set|show|performance} {tonight|at the main stage|by the headliner}, {no words|goosebumps|10/10}',
    ],
  },
];

/**
 * Shooting with a camera: photos and videos "shot" at the stage (its own bank, appended last so
 * that the banks before it stay as they were).
 */
export const EN_CAMERA: Bank[] = [
  {
    label: 'none',
    language: 'en',
    priority: null,
    count: 16,
    emoji: ['📸', '🎥', '✨'],
    hashtags: ['#festival', '#photography'],
    templates: [
      "{we're|we are|they're} shooting {a music video|an aftermovie|some content} {near the stage|at $place|by the fountain}",
      '{photo shoot|Photo shoot|Quick photo shoot} {at the fountain|by the main stage|at $place}, {looking good|golden hour|so much fun}',
      '{shot|Shot|got} {some great|a few|loads of} {photos|pics|shots} {of the headliner|from the front row|at sunset} 📸',
      "{the photographer|our photographer|my friend} {shot|is shooting} the whole {set|show|evening}, {can't wait to see them|pics soon|legend}",
    ],
  },
];
