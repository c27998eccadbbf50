package dev.fairlead.intake.web;

import dev.fairlead.leads.DuplicatePolicy;
import dev.fairlead.leads.LeadField;
import dev.fairlead.leads.LeadSource;
import java.util.Map;

/** The confirmed column mapping (column index → field), the duplicate rule for this import and the source of rows without one. */
record ImportStart(Map<Integer, LeadField> mapping, DuplicatePolicy duplicates, LeadSource defaultSource) {}
