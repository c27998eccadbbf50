/**
 * Demo working day: pools, routing rules, leads with their scores, owners and explanations,
 * follow-ups, tasks and pool moves, loaded once on a demo database through the public services of
 * the other modules, so a newcomer sees a team at work. Depends on everything; nothing depends on it.
 */
package dev.fairlead.demo;
