package dev.fairlead.org;

/** The result of issuing a token: the only time the secret is visible. */
public record IssuedToken(ApiToken token, String secret) {}
