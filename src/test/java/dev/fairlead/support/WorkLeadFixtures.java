package dev.fairlead.support;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.org.Rep;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leads made the way the application makes them: {@link LeadService#create} then
 * {@link LeadOwnership} (routing is another module). Grade and lock are set in SQL, as scoring
 * and the lead page (other modules) would.
 */
public class WorkLeadFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String[] COMPANIES = {"上海精工机械有限公司", "Hangzhou Bright Textiles Co., Ltd.", "苏州云帆电子科技",
            "Ningbo Harbour Logistics", "南京华宁医疗器械", "Wuxi Green Energy"};
    private static final String[] CONTACTS = {"张伟", "Lucy Wang", "刘洋", "陈静", "Tom Zhao", "杨帆"};

    private final LeadService leads;
    private final LeadOwnership ownership;
    private final JdbcClient jdbc;

    WorkLeadFixtures(LeadService leads, LeadOwnership ownership, JdbcClient jdbc) {
        this.leads = leads;
        this.ownership = ownership;
        this.jdbc = jdbc;
    }

    /**
     * A new lead from a web form in Shanghai. Creating it routes it by whatever rule set is active, and
     * tests share one database: another test's rule set may have given it an owner (and a move) first.
     */
    public Lead lead() {
        int n = SEQUENCE.incrementAndGet();
        return leads.create(new LeadCommand(LeadSource.WEB_FORM, COMPANIES[n % COMPANIES.length] + " #" + n,
                CONTACTS[n % CONTACTS.length], "采购经理", String.format("139%08d", n), "buyer." + n + "@example.cn",
                "manufacturing", CompanySize.MEDIUM, "310000", "310100", null, "crm", new BigDecimal("250000"), List.of()));
    }

    /** A lead owned by the rep (assigned without caps, as a manager would). */
    public Lead ownedBy(Rep rep) {
        Lead lead = lead();
        ownership.assign(lead.id(), rep.id(), "assigned by a manager in the test", false);
        return leads.getForSystem(lead.id());
    }

    /** A lead routing could not place, waiting in the pool ({@code null}: the default pool). */
    public Lead inPool(Long poolId) {
        Lead lead = lead();
        ownership.moveToPool(lead.id(), poolId, "no eligible rep");
        return leads.getForSystem(lead.id());
    }

    public void grade(long leadId, String grade) {
        jdbc.sql("UPDATE lead SET grade = :grade WHERE id = :id").param("grade", grade).param("id", leadId).update();
    }

    public void lock(long leadId) {
        jdbc.sql("UPDATE lead SET locked = true WHERE id = :id").param("id", leadId).update();
    }

    public Lead get(long leadId) {
        return leads.getForSystem(leadId);
    }

    /** The viewer a rep's login would be. */
    public static Viewer repViewer(OrgFixtures.Login login, Rep rep) {
        return new Viewer(login.user().id(), login.username(), Role.REP, rep.teamId(), rep.id());
    }

    /** A rep viewer for a rep without a login of their own (claims need only the rep). */
    public static Viewer repViewer(Rep rep) {
        return new Viewer(-rep.id(), "rep-" + rep.id(), Role.REP, rep.teamId(), rep.id());
    }

    public static Viewer managerViewer(OrgFixtures.Login login) {
        return new Viewer(login.user().id(), login.username(), Role.MANAGER, login.user().teamId(), null);
    }
}
