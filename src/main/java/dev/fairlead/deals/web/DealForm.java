package dev.fairlead.deals.web;

import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The deal form as the browser posts it. */
public class DealForm {

    private String name;
    private Long leadId;
    private Long customerId;
    private Long ownerRepId;
    private BigDecimal amount;
    private String currency;
    private String stage;
    private Integer probability;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate expectedClose;
    private Integer version;

    static DealForm of(Deal d) {
        DealForm f = new DealForm();
        f.name = d.name();
        f.leadId = d.leadId();
        f.customerId = d.customerId();
        f.ownerRepId = d.ownerRepId();
        f.amount = d.amount().amount();
        f.currency = d.amount().currency();
        f.stage = d.stage();
        f.probability = d.probability();
        f.expectedClose = d.expectedClose();
        f.version = d.version();
        return f;
    }

    DealCommand command() {
        return new DealCommand(name, leadId, customerId, ownerRepId, amount, currency, stage, probability, expectedClose, version);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getLeadId() { return leadId; }
    public void setLeadId(Long leadId) { this.leadId = leadId; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Long getOwnerRepId() { return ownerRepId; }
    public void setOwnerRepId(Long ownerRepId) { this.ownerRepId = ownerRepId; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public Integer getProbability() { return probability; }
    public void setProbability(Integer probability) { this.probability = probability; }
    public LocalDate getExpectedClose() { return expectedClose; }
    public void setExpectedClose(LocalDate expectedClose) { this.expectedClose = expectedClose; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
