/** Leads and who owns them (F2): the lead record, behaviour events, ownership with rep counters, lead events. */
package dev.fairlead.leads;
