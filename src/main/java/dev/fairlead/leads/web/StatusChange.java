package dev.fairlead.leads.web;

import dev.fairlead.leads.LeadStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** A person moves a lead to another status; closing it (converted, lost) needs a reason. */
@Schema(name = "LeadStatusChange")
record StatusChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) LeadStatus status, String reason) {}
