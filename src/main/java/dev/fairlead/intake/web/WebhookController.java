package dev.fairlead.intake.web;

import dev.fairlead.intake.WebhookIntake;
import dev.fairlead.intake.WebhookRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Lead intake")
class WebhookController {

    private final WebhookIntake webhooks;

    WebhookController(WebhookIntake webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(path = "/api/intake/webhook/{source}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "receiveWebhookLead", summary = "A lead from a web form or ad platform, signed with the source's secret (no session or token)",
            description = "Headers: X-Fairlead-Timestamp = Unix seconds; X-Fairlead-Signature = sha256=hex(HMAC-SHA256(secret, "
                    + "timestamp + '.' + body)). 401 when the source is unknown, the signature wrong or the timestamp more "
                    + "than five minutes off. A replayed delivery returns the first response and creates nothing.")
    ResponseEntity<String> receive(@PathVariable String source,
            @RequestHeader(value = WebhookIntake.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(value = WebhookIntake.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return LeadIntakeApiController.respond(webhooks.receive(source, timestamp, signature, body == null ? new byte[0] : body));
    }

    @ExceptionHandler(WebhookRejected.class)
    ProblemDetail rejected(WebhookRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Signature rejected");
        return problem;
    }
}
