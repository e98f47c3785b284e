package org.custos.archive.ingest;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The normalised words of a person name (PS3.5 6.2 PN: components split on '^', groups on '='),
 * each blind-indexed so that "find DOE" matches "DOE^JOHN" without the index holding names. The
 * whole normalised name is a token too, for exact matches.
 */
public final class NameTokens {
  private NameTokens() {}

  public static Set<String> of(String name) {
    String normalised = PatientIdentity.normaliseName(name);
    Set<String> tokens = new LinkedHashSet<>();
    if (normalised.isEmpty()) {
      return tokens;
    }
    tokens.add("=" + normalised);
    for (String word : normalised.split(" ")) {
      if (!word.isEmpty()) {
        tokens.add(word);
      }
    }
    return tokens;
  }
}
