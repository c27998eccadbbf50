package dev.fairlead.intake;

import java.util.List;

/** What became of one spreadsheet row ({@code rowNumber} as the spreadsheet shows it; the header is row 1). */
public record ImportRow(int rowNumber, Outcome outcome, Long leadId, List<String> cells, String reason) {

    public enum Outcome { CREATED, FLAGGED, MERGED, REJECTED }
}
