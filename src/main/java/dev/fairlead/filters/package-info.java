/** Saved filters: a user's named filters of the lead, task and deal lists, replayed as links on those lists. */
package dev.fairlead.filters;
