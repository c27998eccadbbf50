package dev.fairlead.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Leads as an integrator sends them: realistic Chinese B2B prospects, each with a phone and e-mail no other fixture uses. */
public final class LeadFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(3_000_000);

    private LeadFixtures() {}

    /** A purchasing director at a large Shanghai manufacturer with a 600,000 budget: scores grade A with the default rules. */
    public static Map<String, Object> lead(String contact) {
        int n = SEQUENCE.incrementAndGet();
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("source", "API");
        lead.put("company", "上海云帆科技有限公司 " + n);
        lead.put("contactName", contact);
        lead.put("title", "采购总监");
        lead.put("phone", "139" + String.format("%08d", n));
        lead.put("email", "buyer" + n + "@yunfan.example.cn");
        lead.put("industry", "制造业");
        lead.put("companySize", "LARGE");
        lead.put("provinceCode", "31");
        lead.put("cityCode", "3101");
        lead.put("productInterest", "crm");
        lead.put("budget", 600000);
        return lead;
    }
}
