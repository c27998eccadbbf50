package dev.fairlead.leads.web;

import dev.fairlead.common.SearchTerms;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.web.SearchHit;
import dev.fairlead.common.web.SearchSource;
import dev.fairlead.leads.Customer;
import dev.fairlead.leads.LeadMatch;
import dev.fairlead.leads.LeadSearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

/** Leads and customers in the global search. */
@Configuration(proxyBeanMethods = false)
class LeadSearchSources {

    @Bean
    SearchSource leadSearchSource(LeadSearch search, MessageSource messages) {
        return new SearchSource() {
            @Override
            public String kind() {
                return "leads";
            }

            @Override
            public String labelKey() {
                return "lead.list.title";
            }

            @Override
            public int order() {
                return 10;
            }

            @Override
            public List<SearchHit> search(Viewer viewer, SearchTerms terms, int limit) {
                Locale locale = LocaleContextHolder.getLocale();
                return search.leads(viewer, terms, limit).stream()
                        .map(l -> new SearchHit(l.id(), l.contactName(), detail(l, messages, locale), "/leads/" + l.id()))
                        .toList();
            }

            @Override
            public String listUrl(SearchTerms terms) {
                return "/leads?q=" + URLEncoder.encode(terms.text(), StandardCharsets.UTF_8);
            }
        };
    }

    @Bean
    SearchSource customerSearchSource(LeadSearch search) {
        return new SearchSource() {
            @Override
            public String kind() {
                return "customers";
            }

            @Override
            public String labelKey() {
                return "search.customers";
            }

            @Override
            public int order() {
                return 20;
            }

            @Override
            public List<SearchHit> search(Viewer viewer, SearchTerms terms, int limit) {
                return search.customers(viewer, terms, limit).stream()
                        .map(c -> new SearchHit(c.id(), c.name(), join(c.contactName(), c.ownerName()), "/customers/" + c.id()))
                        .toList();
            }

            /** Customers have no list page of their own: the search page shows them all. */
            @Override
            public String listUrl(SearchTerms terms) {
                return null;
            }
        };
    }

    private static String detail(LeadMatch lead, MessageSource messages, Locale locale) {
        String owner = lead.ownerName() != null ? lead.ownerName()
                : messages.getMessage(lead.pooled() ? "lead.pooled" : "lead.unassigned", null, locale);
        return join(lead.company(), owner, messages.getMessage("leadStatus." + lead.status().name(), null, locale));
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).filter(s -> !s.isBlank()).collect(Collectors.joining(" · "));
    }
}
