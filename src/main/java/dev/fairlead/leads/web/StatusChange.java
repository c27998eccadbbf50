package dev.fairlead.leads.web;

import dev.fairlead.leads.LeadStatus;

/** A person moves a lead to another status; closing it (converted, lost) needs a reason. */
record StatusChange(LeadStatus status, String reason) {}
