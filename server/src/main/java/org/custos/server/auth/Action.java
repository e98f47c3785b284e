package org.custos.server.auth;

/** What a request does, as the access policy sees it. */
public enum Action {
  /** QIDO-RS: find studies, series, instances. */
  SEARCH,
  /** WADO-RS and WADO-URI: instances, metadata, frames, rendered images. */
  RETRIEVE,
  /** STOW-RS: store instances. */
  STORE
}
