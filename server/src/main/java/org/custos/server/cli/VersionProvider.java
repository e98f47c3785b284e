package org.custos.server.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"custos " + version(), "Java " + System.getProperty("java.version")};
  }
}
