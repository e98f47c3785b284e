/**
 * Who is calling and what they may do. A bearer credential — a Custos API key or an OAuth2 JWT —
 * becomes a {@link org.custos.server.auth.Principal} ({@link org.custos.server.auth.BearerAuthenticator});
 * every protected request then asks one {@link org.custos.server.auth.AccessPolicy} for a
 * {@link org.custos.server.auth.Decision}. Today the policy only reads scopes ({@link
 * org.custos.server.auth.ScopePolicy}); the access-control issue replaces it (role, care
 * relationship, consent, purpose) without touching the routes.
 *
 * <p>Knows nothing of HTTP status codes (the web layer maps failures). Credentials never reach
 * logs, exception messages or {@code toString()}.
 */
package org.custos.server.auth;
