package org.custos.server.dicomweb;

import java.util.regex.Pattern;

/** UID syntax checks for paths and query values (PS3.5 9.1). */
public final class Uids {
  // PS3.5 9.1 forbids leading zeros in a component, but ingest stores what arrives as long as it
  // is digits and dots (InstanceAttributes), so such an object must stay retrievable.
  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  private Uids() {}

  public static boolean isValid(String uid) {
    return uid != null && uid.length() <= 64 && UID.matcher(uid).matches();
  }

  /** @throws InvalidRequestException naming {@code parameter} when {@code uid} is not a UID */
  public static String require(String uid, String parameter) {
    if (!isValid(uid)) {
      throw new InvalidRequestException(parameter, "not a UID (PS3.5 9.1: digits and dots, at most 64 characters)");
    }
    return uid;
  }
}
