package org.custos.server.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One QIDO-RS search put to both servers: a name for messages, the path under the DICOMweb root
 * ({@code /studies}, {@code /studies/{s}/series}, ...) and the matching keys.
 */
record QidoQuery(String name, String path, Map<String, String> keys) {
  /**
   * What Custos returns only when asked (docs/dicomweb.md, "Missing from the defaults") and Orthanc
   * returns by default: each Custos search names them in includefield, and the values are then
   * compared like every other attribute.
   */
  static final String STUDY_INCLUDES = "00080201";
  static final String SERIES_INCLUDES = "00080201,00400244,00400245";

  QidoQuery {
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  static QidoQuery of(String name, String path, String... keyValues) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      keys.put(keyValues[i], keyValues[i + 1]);
    }
    return new QidoQuery(name, path, keys);
  }

  /** {@code studies}, {@code series} or {@code instances}. */
  String level() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Whether the path fixes the study ({@code /studies/{s}/...}). */
  boolean scopedToStudy() {
    return path.startsWith("/studies/");
  }

  /** Whether the path fixes the series ({@code /studies/{s}/series/{se}/instances}). */
  boolean scopedToSeries() {
    return path.startsWith("/studies/") && path.contains("/series/");
  }

  /** The tag that identifies a result of this level. */
  String uidTag() {
    return switch (level()) {
      case "studies" -> "0020000D";
      case "series" -> "0020000E";
      case "instances" -> "00080018";
      default -> throw new IllegalStateException("not a QIDO level: " + path);
    };
  }

  Optional<String> key(String keyword) {
    return Optional.ofNullable(keys.get(keyword));
  }

  String orthancUri() {
    return path + query(keys);
  }

  String custosUri() {
    Map<String, String> withIncludes = new LinkedHashMap<>(keys);
    withIncludes.put("includefield", level().equals("studies") ? STUDY_INCLUDES : SERIES_INCLUDES);
    return path + query(withIncludes);
  }

  private static String query(Map<String, String> keys) {
    return keys.isEmpty() ? "" : keys.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "?", ""));
  }

  @Override
  public String toString() {
    return name;
  }
}
