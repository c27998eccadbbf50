package dev.fairlead.routing.domain;

import java.util.List;
import java.util.Set;

/** The areas a rep covers: six-digit province and city codes and postal-code prefixes. None at all = everywhere. */
public record Territories(Set<String> provinces, Set<String> cities, List<String> postalPrefixes) {

    public static final Territories EVERYWHERE = new Territories(Set.of(), Set.of(), List.of());

    public Territories {
        provinces = Set.copyOf(provinces);
        cities = Set.copyOf(cities);
        postalPrefixes = List.copyOf(postalPrefixes);
    }

    public boolean unlimited() {
        return provinces.isEmpty() && cities.isEmpty() && postalPrefixes.isEmpty();
    }

    public boolean covers(LeadFacts lead) {
        if (unlimited()) {
            return true;
        }
        if (lead.cityCode() != null && cities.contains(lead.cityCode())) {
            return true;
        }
        if (lead.provinceCode() != null && provinces.contains(lead.provinceCode())) {
            return true;
        }
        if (lead.postalCode() != null) {
            for (String prefix : postalPrefixes) {
                if (lead.postalCode().startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
