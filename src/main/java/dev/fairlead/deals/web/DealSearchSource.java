package dev.fairlead.deals.web;

import dev.fairlead.common.SearchTerms;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.web.SearchHit;
import dev.fairlead.common.web.SearchSource;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealQuery;
import dev.fairlead.deals.DealService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Deals in the global search: by deal name or the customer's name, as the deal list's text filter. */
@Component
class DealSearchSource implements SearchSource {

    private final DealService deals;
    private final MessageSource messages;

    DealSearchSource(DealService deals, MessageSource messages) {
        this.deals = deals;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return "deals";
    }

    @Override
    public String labelKey() {
        return "deal.list.title";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<SearchHit> search(Viewer viewer, SearchTerms terms, int limit) {
        Locale locale = LocaleContextHolder.getLocale();
        return deals.list(viewer, new DealQuery(null, null, null, null, null, terms.text(), null, 0, limit)).stream()
                .map(d -> new SearchHit(d.id(), d.name(), detail(d, locale), "/deals/" + d.id()))
                .toList();
    }

    @Override
    public String listUrl(SearchTerms terms) {
        return "/deals?q=" + URLEncoder.encode(terms.text(), StandardCharsets.UTF_8);
    }

    private String detail(Deal deal, Locale locale) {
        String closed = deal.won() ? messages.getMessage("deal.stage.won", null, locale)
                : deal.lost() ? messages.getMessage("deal.stage.lost", null, locale) : null;
        return Stream.of(deal.customerName(), deal.ownerName(), closed).filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
    }
}
