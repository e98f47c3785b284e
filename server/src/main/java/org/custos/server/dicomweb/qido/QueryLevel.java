package org.custos.server.dicomweb.qido;

/** What a QIDO-RS search returns: studies, series or instances (PS3.18 10.6.1). */
public enum QueryLevel {
  STUDY,
  SERIES,
  INSTANCE
}
