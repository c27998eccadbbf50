package dev.fairlead.deals.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealPagePanel;
import dev.fairlead.deals.DealService;
import dev.fairlead.deals.DealStage;
import dev.fairlead.leads.CustomerService;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A customer (account) with its deals in the viewer's scope and the panels other modules
 * contribute (follow-ups, tasks). Customers live in the leads module; this page lives here because
 * it lists deals, and the deals module depends on leads (never the reverse).
 */
@Controller
class CustomerPageController {

    private final CustomerService customers;
    private final DealService deals;
    private final MessageSource messages;
    private final List<DealPagePanel> panels;

    CustomerPageController(CustomerService customers, DealService deals, MessageSource messages, List<DealPagePanel> panels) {
        this.customers = customers;
        this.deals = deals;
        this.messages = messages;
        this.panels = panels.stream().filter(p -> p.page() == DealPagePanel.Page.CUSTOMER)
                .sorted(Comparator.comparingInt(DealPagePanel::order)).toList();
    }

    @GetMapping("/customers/{id}")
    String detail(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("customer", customers.get(viewer, id));
        List<Deal> ofCustomer = deals.ofCustomer(viewer, id);
        model.addAttribute("deals", ofCustomer);
        model.addAttribute("stageNames", stageNames(ofCustomer));
        model.addAttribute("panels", panels);
        return "deals/customer";
    }

    /** Stage names of the pipelines the customer's deals are in (each deal's owner team has its own). */
    private Map<String, String> stageNames(List<Deal> ofCustomer) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean chinese = "zh".equals(locale.getLanguage());
        Map<String, String> names = new LinkedHashMap<>();
        ofCustomer.stream().map(Deal::ownerTeamId).distinct()
                .forEach(team -> deals.pipeline(team).stages().forEach(s -> names.putIfAbsent(s.code(), s.name(chinese))));
        names.put(DealStage.WON, messages.getMessage("deal.stage.won", null, locale));
        names.put(DealStage.LOST, messages.getMessage("deal.stage.lost", null, locale));
        return names;
    }
}
