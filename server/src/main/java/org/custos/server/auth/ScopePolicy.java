package org.custos.server.auth;

/**
 * The policy until access control lands: searching and retrieving need {@link Scope#DICOM_READ},
 * storing needs {@link Scope#DICOM_WRITE}; the resource is not considered (every study).
 */
public final class ScopePolicy implements AccessPolicy {
  @Override
  public Decision decide(Principal principal, Action action, Resource resource) {
    Scope needed = switch (action) {
      case SEARCH, RETRIEVE -> Scope.DICOM_READ;
      case STORE -> Scope.DICOM_WRITE;
    };
    return principal.has(needed)
        ? Decision.allow("scope " + needed.label() + " granted")
        : Decision.deny(action.name().toLowerCase(java.util.Locale.ROOT) + " needs the scope " + needed.label());
  }
}
