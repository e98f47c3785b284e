package org.custos.verifier;

import java.util.Map;

/**
 * One line of the report: the section it belongs to, a stable check name for machines, its
 * status and a sentence for people, plus details for the JSON report.
 */
record Finding(String section, String check, Status status, String message, Map<String, Object> details) {
  enum Status {
    /** A check that passed. */
    OK,
    /** A check that failed: the receipt or the log is not what it claims. */
    FAILED,
    /** Something present that was not checked (a cosignature by an unknown key). */
    NOT_CHECKED,
    /** A statement of what the receipt or the log says (images, accesses, changes). */
    INFO
  }

  Finding {
    details = Map.copyOf(details);
  }
}
