package org.custos.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One way Orthanc's and Custos's answers to a {@link QidoQuery} differ. An attribute difference
 * has a {@code tag} and the two elements ({@code MissingNode} where a side has none); a membership
 * difference (a result in one answer only, or more results for one UID in one answer) has an
 * empty {@code tag} and each side's results for the UID as a JSON array.
 */
record QidoDifference(QidoQuery query, String uid, String studyUid, String tag, JsonNode orthanc, JsonNode custos) {
  boolean isMembership() {
    return tag.isEmpty();
  }

  boolean is(String attribute) {
    return tag.equals(attribute);
  }

  /** An attribute only Orthanc returns, or a result only in Orthanc's answer. */
  boolean onlyOrthanc() {
    return isMembership() ? custos.isEmpty() : custos.isMissingNode();
  }

  /** An attribute only Custos returns, or a result only in Custos's answer. */
  boolean onlyCustos() {
    return isMembership() ? orthanc.isEmpty() : orthanc.isMissingNode();
  }

  /** An attribute Custos returns without a value ({@code {"vr":"SH"}}) and Orthanc leaves out. */
  boolean onlyCustosWithoutValue() {
    return onlyCustos() && !custos.has("Value") && !custos.has("BulkDataURI") && !custos.has("InlineBinary");
  }

  /** The first value of {@code attribute} in a membership difference's only result. */
  Optional<String> resultValue(String attribute) {
    JsonNode results = onlyOrthanc() ? orthanc : custos;
    JsonNode value = results.path(0).path(attribute).path("Value").path(0);
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.isObject()
        ? value.path("Alphabetic").asText("") : value.asText());
  }
}
