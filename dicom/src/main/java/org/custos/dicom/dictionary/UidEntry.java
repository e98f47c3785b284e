package org.custos.dicom.dictionary;

import java.util.Objects;

/**
 * One row of the PS3.6 Table A-1 UID registry.
 *
 * <p>{@code name} is the PS3.6 name without the "(Retired)" suffix (retirement is {@code retired});
 * {@code type} is the PS3.6 type as written, e.g. {@code "Transfer Syntax"}, {@code "SOP Class"},
 * {@code "Well-known SOP Instance"}. {@code name} and {@code keyword} are empty for the few retired
 * UIDs that have none. Immutable; no field is null.
 */
public record UidEntry(String uid, String name, String type, String keyword, boolean retired) {

  public UidEntry {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(keyword, "keyword");
    if (uid.isEmpty()) {
      throw new IllegalArgumentException("uid must not be empty");
    }
  }

  /** PS3.6 type of a transfer syntax. */
  public static final String TRANSFER_SYNTAX = "Transfer Syntax";
  /** PS3.6 type of a SOP class. */
  public static final String SOP_CLASS = "SOP Class";

  /** True when {@link #type()} is {@value #TRANSFER_SYNTAX}. */
  public boolean isTransferSyntax() {
    return TRANSFER_SYNTAX.equals(type);
  }
}
