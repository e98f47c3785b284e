package org.custos.server.auth;

/**
 * Decides whether an authenticated caller may do an action on a resource. Every protected route
 * asks exactly once, before it touches the archive. Implementations must be thread-safe and must
 * not throw for a denial (return {@link Decision#deny}).
 */
public interface AccessPolicy {
  Decision decide(Principal principal, Action action, Resource resource);
}
