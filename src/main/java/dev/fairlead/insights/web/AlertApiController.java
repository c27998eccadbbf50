package dev.fairlead.insights.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.insights.Alert;
import dev.fairlead.insights.AlertRule;
import dev.fairlead.insights.AlertRuleCommand;
import dev.fairlead.insights.Alerts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/insights")
@Tag(name = "Alerts", description = "Alerts (预警) raised by per-team rules: list, acknowledge, snooze; the rules themselves")
class AlertApiController {

    record SnoozeRequest(Instant until) {}

    private final Alerts alerts;

    AlertApiController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    @Operation(operationId = "listAlerts", summary = "Open alerts of the caller's teams, newest first; history=true adds closed ones")
    List<Alert> list(@RequestParam(required = false) Long teamId, @RequestParam(defaultValue = "false") boolean history) {
        return alerts.list(Viewers.require(), teamId, history);
    }

    @Operation(operationId = "getAlert")
    @GetMapping("/alerts/{id}")
    Alert get(@PathVariable long id) {
        return alerts.get(Viewers.require(), id);
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @Operation(summary = "Marks an open alert seen; it stays open until its condition clears")
    Alert acknowledge(@PathVariable long id) {
        return alerts.acknowledge(Viewers.require(), id);
    }

    @PostMapping("/alerts/{id}/snooze")
    @Operation(summary = "Hides an open alert until a time (at most 30 days ahead); still holding then, it is sent again")
    Alert snooze(@PathVariable long id, @RequestBody SnoozeRequest request) {
        return alerts.snooze(Viewers.require(), id, request == null ? null : request.until());
    }

    @Operation(operationId = "listAlertRules")
    @GetMapping("/alert-rules")
    List<AlertRule> rules(@RequestParam(required = false) Long teamId) {
        return alerts.rules(Viewers.require(), teamId);
    }

    @PostMapping("/alert-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createAlertRule", summary = "Creates an alert rule for a team (and the teams below it)")
    AlertRule create(@RequestBody AlertRuleCommand cmd) {
        return alerts.create(Viewers.require(), cmd);
    }

    @Operation(operationId = "getAlertRule")
    @GetMapping("/alert-rules/{id}")
    AlertRule rule(@PathVariable long id) {
        return alerts.rule(Viewers.require(), id);
    }

    @PutMapping("/alert-rules/{id}")
    @Operation(operationId = "updateAlertRule", summary = "Changes a rule's thresholds, quiet hours or whether it is on (not its team or kind)")
    AlertRule update(@PathVariable long id, @RequestBody AlertRuleCommand cmd) {
        return alerts.update(Viewers.require(), id, cmd);
    }

    @Operation(operationId = "deleteAlertRule")
    @DeleteMapping("/alert-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        alerts.delete(Viewers.require(), id);
    }
}
