package dev.fairlead.deals.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.deals.DealPagePanel;
import dev.fairlead.deals.DealService;
import dev.fairlead.leads.CustomerService;
import java.util.Comparator;
import java.util.List;
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
    private final List<DealPagePanel> panels;

    CustomerPageController(CustomerService customers, DealService deals, List<DealPagePanel> panels) {
        this.customers = customers;
        this.deals = deals;
        this.panels = panels.stream().filter(p -> p.page() == DealPagePanel.Page.CUSTOMER)
                .sorted(Comparator.comparingInt(DealPagePanel::order)).toList();
    }

    @GetMapping("/customers/{id}")
    String detail(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("customer", customers.get(viewer, id));
        model.addAttribute("deals", deals.ofCustomer(viewer, id));
        model.addAttribute("panels", panels);
        return "deals/customer";
    }
}
