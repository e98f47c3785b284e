package org.custos.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.ledger.json.Json;

/** The findings of one run, in order, and their rendering as text or JSON. Not thread-safe. */
final class Report {
  private final List<Finding> findings = new ArrayList<>();
  private String unreachable;

  void ok(String section, String check, String message) {
    add(section, check, Finding.Status.OK, message, Map.of());
  }

  void fail(String section, String check, String message) {
    add(section, check, Finding.Status.FAILED, message, Map.of());
  }

  void info(String section, String check, String message, Map<String, Object> details) {
    add(section, check, Finding.Status.INFO, message, details);
  }

  void add(String section, String check, Finding.Status status, String message, Map<String, Object> details) {
    findings.add(new Finding(section, check, status, message, details));
  }

  void unreachable(String message) {
    unreachable = message;
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  boolean failed() {
    return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAILED);
  }

  /** 2 when anything failed (that matters more than an unreachable log), 3 when the log could not be asked. */
  int exitCode() {
    if (failed()) {
      return ExitCode.FAILED;
    }
    return unreachable != null ? ExitCode.UNREACHABLE : ExitCode.VERIFIED;
  }

  String result() {
    return switch (exitCode()) {
      case ExitCode.VERIFIED -> "verified";
      case ExitCode.FAILED -> "failed";
      default -> "log unreachable";
    };
  }

  String text() {
    StringBuilder out = new StringBuilder();
    Set<String> sections = new LinkedHashSet<>();
    findings.forEach(f -> sections.add(f.section()));
    for (String section : sections) {
      out.append(section).append('\n');
      for (Finding f : findings) {
        if (f.section().equals(section)) {
          out.append(switch (f.status()) {
            case OK -> "  ok      ";
            case FAILED -> "  FAILED  ";
            case NOT_CHECKED -> "  --      ";
            case INFO -> "          ";
          }).append(f.message()).append('\n');
        }
      }
    }
    if (unreachable != null) {
      out.append("Log\n  UNREACHABLE  ").append(unreachable).append('\n');
    }
    out.append("Result: ").append(result()).append('\n');
    return out.toString();
  }

  String json() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("result", result());
    doc.put("exitCode", (long) exitCode());
    if (unreachable != null) {
      doc.put("unreachable", unreachable);
    }
    List<Object> items = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("section", f.section());
      item.put("check", f.check());
      item.put("status", f.status().name());
      item.put("message", f.message());
      new java.util.TreeMap<>(f.details()).forEach(item::put);
      items.add(item);
    }
    doc.put("findings", items);
    return Json.write(doc, true) + "\n";
  }
}
