package dev.fairlead.leads;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The optional fields of a lead by the names clients use, read from a stored {@link Lead} or an
 * incoming {@link LeadCommand}: what a merge fills, what intake may set aside, what review corrects.
 */
final class LeadFields {

    private static final Map<String, Function<Lead, Object>> STORED = new LinkedHashMap<>();
    private static final Map<String, Function<LeadCommand, Object>> INCOMING = new LinkedHashMap<>();

    static {
        field("company", Lead::company, LeadCommand::company);
        field("title", Lead::title, LeadCommand::title);
        field("phone", Lead::phone, LeadCommand::phone);
        field("email", Lead::email, LeadCommand::email);
        field("industry", Lead::industry, LeadCommand::industry);
        field("companySize", Lead::companySize, LeadCommand::companySize);
        field("provinceCode", Lead::provinceCode, LeadCommand::provinceCode);
        field("cityCode", Lead::cityCode, LeadCommand::cityCode);
        field("postalCode", Lead::postalCode, LeadCommand::postalCode);
        field("productInterest", Lead::productInterest, LeadCommand::productInterest);
        field("budget", Lead::budget, LeadCommand::budget);
    }

    /** Every optional field, in form order. */
    static final List<String> NAMES = List.copyOf(STORED.keySet());

    private LeadFields() {}

    private static void field(String name, Function<Lead, Object> stored, Function<LeadCommand, Object> incoming) {
        STORED.put(name, stored);
        INCOMING.put(name, incoming);
    }

    static Object of(Lead lead, String name) {
        return reader(STORED, name).apply(lead);
    }

    static Object of(LeadCommand command, String name) {
        return reader(INCOMING, name).apply(command);
    }

    private static <T> Function<T, Object> reader(Map<String, Function<T, Object>> readers, String name) {
        Function<T, Object> reader = readers.get(name);
        if (reader == null) {
            throw new IllegalArgumentException("not an optional lead field: " + name);
        }
        return reader;
    }
}
