/**
 * The demo scenario (SPEC §11): a synthetic Utrecht festival evening as a recorded stream of
 * posts with ground-truth labels, for the start-up demo, tests and benchmarks.
 */
export { generateScenario, DEFAULT_POSTS, DEFAULT_SEED, MAX_POSTS, MIN_POSTS } from './generate.ts';
export { writeScenario, POSTS_FILE, EVENTS_FILE, type WriteOptions } from './write.ts';
export { postLine, eventsJson } from './serialise.ts';
export type { PostTruth, Scenario, ScenarioEvent, ScenarioMedia, ScenarioOptions, ScenarioPost, ScenarioSource } from './types.ts';
