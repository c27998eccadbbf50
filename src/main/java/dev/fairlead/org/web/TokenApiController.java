package dev.fairlead.org.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.org.ApiToken;
import dev.fairlead.org.ApiTokenService;
import dev.fairlead.org.IssuedToken;
import dev.fairlead.org.TokenCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens", description = "Bearer tokens for integrations (admin only)")
class TokenApiController {

    private final ApiTokenService tokens;

    TokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Operation(operationId = "listTokens")
    @GetMapping
    List<ApiToken> list() {
        return tokens.list(Viewers.require());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "issueToken", summary = "Issue a token; the secret is returned once and never stored",
            description = "Called with HTTP Basic (an admin's login and password) instead of a token or session, it issues "
                    + "a token for that admin: the body is then optional (name, expiresAt). Wrong passwords count as on the "
                    + "login form: the account locks after a few, and a client address with too many gets 429 (docs/api.md).",
            security = {@SecurityRequirement(name = "bearerToken"), @SecurityRequirement(name = "basicPassword")})
    @ApiResponse(responseCode = "429", description = "Too many wrong passwords from this client address; try again after `Retry-After` seconds",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    IssuedToken issue(@RequestBody(required = false) TokenCommand cmd, HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return tokens.issueOwn(Viewers.require(), cmd);
        }
        return tokens.issue(Viewers.require(), cmd == null ? new TokenCommand(null, null, null) : cmd);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token")
    ApiToken revoke(@PathVariable long id) {
        return tokens.revoke(Viewers.require(), id);
    }
}
