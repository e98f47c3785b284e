package org.custos.ledger.receipt;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.custos.ledger.json.CanonicalJson;

/**
 * A validated, typed reading of one log entry object (docs/formats/log-entry.md, {@code "v":1}).
 * Construction checks the members of the entry's type exactly — required members present with their
 * types, no others — except for the reserved types, whose extra members are accepted as they come.
 * The view keeps the map it was given; {@link #canonical()} is what the entry hash is computed over.
 * Immutable when the map is (the parser's are).
 */
public final class LogEntryView {
  public static final long FORMAT_VERSION = 1;
  private static final Set<String> COMMON = Set.of("v", "type", "time", "patient", "prev");
  private static final Set<String> ACTIONS = Set.of("RETRIEVE", "METADATA", "RENDER", "SEARCH", "RECEIPT");

  private final Map<?, ?> entry;
  private final EntryType type;
  private final Instant time;
  private final Members members;

  private LogEntryView(Members members) {
    this.members = members;
    this.entry = members.map();
    if (members.integer("v") != FORMAT_VERSION) {
      throw new LogFormatException(members.path("v"), "unsupported entry format version " + members.integer("v"));
    }
    String typeName = members.string("type");
    this.type = EntryType.fromWireName(typeName)
        .orElseThrow(() -> new LogFormatException(members.path("type"), "unknown entry type"));
    this.time = members.time("time");
    validateScope();
    validateMembers();
  }

  /** Reads {@code entry}, naming errors by {@code path} (such as {@code $.entries[3].entry}). */
  public static LogEntryView of(Object entry, String path) {
    return new LogEntryView(Members.of(entry, path));
  }

  public static LogEntryView of(Map<String, Object> entry) {
    return of(entry, "$");
  }

  private void validateScope() {
    if (type.patientScoped()) {
      members.string("patient");
      if (members.has("prev")) {
        members.hex256("prev");
      }
    } else {
      for (String name : new String[] {"patient", "prev"}) {
        if (members.has(name)) {
          throw new LogFormatException(members.path(name), "an archive-wide entry has no " + name);
        }
      }
    }
  }

  private void validateMembers() {
    Set<String> extra = switch (type) {
      case INSTANCE_STORED -> {
        for (String name : new String[] {"study", "series", "sop", "sopClass", "source", "attestation"}) {
          members.string(name);
        }
        positive("version");
        sealsOf(members.object("seals"));
        yield Set.of("study", "series", "sop", "sopClass", "version", "seals", "source", "attestation");
      }
      case INSTANCE_SUPERSEDED -> {
        members.string("sop");
        long version = positive("version");
        if (positive("by") <= version) {
          throw new LogFormatException(members.path("by"), "the superseding version must be newer than " + version);
        }
        yield Set.of("sop", "version", "by");
      }
      case INSTANCE_DELETED -> {
        members.string("sop");
        positive("versions");
        yield Set.of("sop", "versions");
      }
      case PATIENT_SHREDDED -> Set.of();
      case ACCESS -> {
        for (String name : new String[] {"principal", "purpose"}) {
          members.string(name);
        }
        if (members.has("study")) {
          members.string("study"); // absent when the read concerns the whole patient (a receipt)
        }
        if (!ACTIONS.contains(members.string("action"))) {
          throw new LogFormatException(members.path("action"), "expected one of " + ACTIONS);
        }
        yield Set.of("principal", "purpose", "action", "study");
      }
      case KEY_ROTATED -> {
        members.string("from");
        members.string("to");
        yield Set.of("from", "to");
      }
      default -> null; // reserved: shown generically, members as they come
    };
    if (extra != null) {
      Set<String> allowed = new HashSet<>(COMMON);
      allowed.addAll(extra);
      members.only(allowed);
    }
  }

  private long positive(String name) {
    long n = members.integer(name);
    if (n < 1) {
      throw new LogFormatException(members.path(name), "expected an integer >= 1, was " + n);
    }
    return n;
  }

  private static InstanceSeals sealsOf(Members seals) {
    seals.only(Set.of("stored", "pixel", "pixelKind", "identity"));
    InstanceSeals.PixelKind kind;
    try {
      kind = InstanceSeals.PixelKind.valueOf(seals.string("pixelKind"));
    } catch (IllegalArgumentException e) {
      throw new LogFormatException(seals.path("pixelKind"), "expected DECODED, ENCODED or NONE", e);
    }
    byte[] pixel;
    if (kind == InstanceSeals.PixelKind.NONE) {
      if (seals.has("pixel")) {
        throw new LogFormatException(seals.path("pixel"), "an instance without pixel data has no pixel seal");
      }
      pixel = new byte[0];
    } else {
      pixel = seals.hex256("pixel");
    }
    return new InstanceSeals(seals.hex256("stored"), pixel, kind, seals.hex256("identity"));
  }

  /** The entry object as given. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> entry() {
    return (Map<String, Object>) entry;
  }

  /** RFC 8785 canonical JSON of the entry: the bytes that, salted, make its entry hash. */
  public byte[] canonical() {
    return CanonicalJson.encode(entry);
  }

  public EntryType type() {
    return type;
  }

  public Instant time() {
    return time;
  }

  /** The time as written in the entry (RFC 3339 UTC). */
  public String timeText() {
    return members.string("time");
  }

  public Optional<String> patient() {
    return members.optionalString("patient");
  }

  /** The entry hash of the patient's previous entry; empty on the patient's first entry. */
  public Optional<byte[]> prev() {
    return members.has("prev") ? Optional.of(members.hex256("prev")) : Optional.empty();
  }

  /** A string member of the entry (sop, study, principal, …), if present. */
  public Optional<String> string(String name) {
    return members.has(name) && members.value(name) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** An integer member of the entry (version, by, versions), if present. */
  public OptionalLong integer(String name) {
    return members.has(name) && members.value(name) instanceof Long n ? OptionalLong.of(n) : OptionalLong.empty();
  }

  public Optional<String> sop() {
    return string("sop");
  }

  public Optional<String> study() {
    return string("study");
  }

  public OptionalLong version() {
    return integer("version");
  }

  public Optional<InstanceSeals> seals() {
    return type == EntryType.INSTANCE_STORED ? Optional.of(sealsOf(members.object("seals"))) : Optional.empty();
  }

  @Override
  public String toString() {
    return "LogEntryView[" + type.wireName() + " at " + time + "]"; // no UIDs: they may identify a patient
  }
}
