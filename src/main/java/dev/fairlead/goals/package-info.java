/** Goals and quotas (F8): SMART goals, decomposition down the org tree and the calendar, suggested quotas, roll-up, pace. */
package dev.fairlead.goals;
