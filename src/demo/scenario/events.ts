import type { EventScript } from './script.ts';
import { FIREWORKS, POWER_FAILURE } from './story-blackout.ts';
import { FIGHT, FOODTRUCK_FIRE, TRAIN_DISRUPTION, WEATHER } from './story-city.ts';
import { CITIZEN_QUESTIONS } from './story-questions.ts';
import { CROWD_EXIT, RUMOUR } from './story-rumour.ts';
import { CARDIAC_ARREST, LOST_CHILD, ROBBERY } from './story-street.ts';

/**
 * The storyline of the evening, in the order it is played. An event that quotes another
 * (the rumour quoting blackout posts) comes after it.
 */
export const STORYLINE: readonly EventScript[] = [
  CITIZEN_QUESTIONS,
  WEATHER,
  FOODTRUCK_FIRE,
  ROBBERY,
  LOST_CHILD,
  CARDIAC_ARREST,
  FIREWORKS,
  POWER_FAILURE,
  RUMOUR,
  CROWD_EXIT,
  TRAIN_DISRUPTION,
  FIGHT,
];
