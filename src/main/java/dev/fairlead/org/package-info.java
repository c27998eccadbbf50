/** Organisation (F1): teams in a hierarchy, reps with their routing profile, users, roles, API tokens and data scope. */
package dev.fairlead.org;
