package org.custos.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares Orthanc's and Custos's answers to the same QIDO-RS searches result by result (keyed by
 * the level's UID) and attribute by attribute. RetrieveURLs are compared without each server's
 * own root. Every other difference is either explained by a {@link KnownQidoDifference} (counted)
 * or kept as unexplained, described by corpus file name and showing only values that identify
 * nobody (see {@code shown}). Not thread-safe.
 */
final class QidoComparison {
  private static final String RETRIEVE_URL = "00081190";
  private static final String STUDY_UID = "0020000D";
  private static final Set<String> SHOWN = Set.of("00080005", "00080016", "00080018", "00080056", "00080060",
      "00080061", "00081190", "0020000D", "0020000E", "00200011", "00200013", "00201206", "00201208", "00201209",
      "00280008", "00280010", "00280011", "00280100");

  private final CorpusFacts facts;
  private final Map<KnownQidoDifference, Integer> explained = new EnumMap<>(KnownQidoDifference.class);
  private final List<String> unexplained = new ArrayList<>();
  private int results;
  private int equalAttributes;

  QidoComparison(CorpusFacts facts) {
    this.facts = facts;
  }

  void compare(QidoQuery query, JsonNode orthanc, String orthancRoot, JsonNode custos, String custosRoot) {
    Map<String, List<ObjectNode>> fromOrthanc = byUid(query, orthanc, orthancRoot);
    Map<String, List<ObjectNode>> fromCustos = byUid(query, custos, custosRoot);
    TreeSet<String> uids = new TreeSet<>(fromOrthanc.keySet());
    uids.addAll(fromCustos.keySet());
    for (String uid : uids) {
      List<ObjectNode> o = fromOrthanc.getOrDefault(uid, List.of());
      List<ObjectNode> c = fromCustos.getOrDefault(uid, List.of());
      String study = studyUid(query, o.isEmpty() ? c.get(0) : o.get(0));
      if (o.size() != c.size()) {
        classify(new QidoDifference(query, uid, study, "", array(o), array(c)));
      }
      if (c.size() > 1) {
        unexplained.add(query + ": " + facts.label(uid) + ": Custos answered " + c.size() + " results for one UID");
      }
      if (!o.isEmpty() && !c.isEmpty()) {
        results++;
        for (ObjectNode one : o) {
          compareAttributes(query, uid, study, one, c.get(0));
        }
      }
    }
  }

  private void compareAttributes(QidoQuery query, String uid, String study, ObjectNode orthanc, ObjectNode custos) {
    TreeSet<String> tags = new TreeSet<>();
    orthanc.fieldNames().forEachRemaining(tags::add);
    custos.fieldNames().forEachRemaining(tags::add);
    for (String tag : tags) {
      JsonNode o = orthanc.path(tag);
      JsonNode c = custos.path(tag);
      if (o.equals(c)) {
        equalAttributes++;
      } else {
        classify(new QidoDifference(query, uid, study, tag, o, c));
      }
    }
  }

  private void classify(QidoDifference difference) {
    for (KnownQidoDifference known : KnownQidoDifference.values()) {
      if (known.explains(difference, facts)) {
        explained.merge(known, 1, Integer::sum);
        return;
      }
    }
    unexplained.add(describe(difference));
  }

  private String describe(QidoDifference d) {
    String where = d.query() + " " + d.query().keys() + ": " + facts.label(d.uid());
    if (d.isMembership()) {
      return where + ": " + d.orthanc().size() + " result(s) from Orthanc, " + d.custos().size() + " from Custos";
    }
    return where + ": (" + d.tag().substring(0, 4) + "," + d.tag().substring(4) + ") Orthanc " + shown(d.tag(),
        d.orthanc()) + ", Custos " + shown(d.tag(), d.custos());
  }

  /**
   * The element when its value cannot identify anyone (UIDs, codes, counts, URLs, pixel
   * description); otherwise its VR and the length of its value only.
   */
  private static String shown(String tag, JsonNode element) {
    if (element.isMissingNode()) {
      return "absent";
    }
    if (element.has("Value") && !SHOWN.contains(tag)) {
      return "{vr " + element.path("vr").asText() + ", " + element.path("Value").toString().length()
          + " characters of value withheld}";
    }
    String text = element.toString();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  private static Map<String, List<ObjectNode>> byUid(QidoQuery query, JsonNode answer, String root) {
    Map<String, List<ObjectNode>> results = new LinkedHashMap<>();
    for (JsonNode result : answer) {
      ObjectNode copy = result.deepCopy();
      JsonNode url = copy.path(RETRIEVE_URL).path("Value").path(0);
      if (url.isTextual() && url.asText().startsWith(root)) {
        ((ArrayNode) copy.path(RETRIEVE_URL).path("Value")).set(0, url.asText().substring(root.length()));
      }
      String uid = copy.path(query.uidTag()).path("Value").path(0).asText("");
      results.computeIfAbsent(uid, u -> new ArrayList<>()).add(copy);
    }
    return results;
  }

  private static String studyUid(QidoQuery query, ObjectNode result) {
    String study = result.path(STUDY_UID).path("Value").path(0).asText("");
    if (study.isEmpty() && query.scopedToStudy()) {
      study = query.path().split("/")[2];
    }
    return study;
  }

  private static JsonNode array(List<ObjectNode> results) {
    ArrayNode array = Http.JSON.createArrayNode();
    results.forEach(array::add);
    return array;
  }

  Map<KnownQidoDifference, Integer> explained() {
    return Map.copyOf(explained);
  }

  List<String> unexplained() {
    return List.copyOf(unexplained);
  }

  /** Counts only: how many results and attributes were equal, and how often each known difference was seen. */
  String summary() {
    StringBuilder text = new StringBuilder("QIDO comparison with Orthanc: " + results + " results in both answers, "
        + equalAttributes + " attributes equal");
    explained.forEach((known, count) -> text.append("\n  ").append(known.name()).append(": ").append(count));
    text.append("\n  unexplained: ").append(unexplained.size());
    return text.toString();
  }
}
