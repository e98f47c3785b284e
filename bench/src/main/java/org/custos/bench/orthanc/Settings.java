package org.custos.bench.orthanc;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a run of {@link OrthancBench} measures, from its command line: paths, then sizes.
 *
 * @param instances the replicated corpus for STOW-RS (a quarter per configuration) and WADO-RS
 * @param studies the study count QIDO-RS searches at (the corpus is topped up to it)
 * @param retrievals WADO-RS retrievals per client count and server
 * @param queries QIDO-RS queries per kind and server
 * @param referenceInstances instances per single-template STOW-RS row (issue 5's reference points)
 */
record Settings(Path serverJar, Path corpus, Path work, Path ct512, Path orthanc, Path dicomWebPlugin, int instances,
    int studies, int retrievals, int queries, int referenceInstances) {
  static final String USAGE = "OrthancBench SERVER_JAR CORPUS WORKDIR CT512 ORTHANC DICOMWEB_PLUGIN INSTANCES STUDIES"
      + " RETRIEVALS QUERIES REFERENCE_INSTANCES";

  Settings {
    for (Path p : new Path[] {serverJar, corpus, ct512, orthanc, dicomWebPlugin}) {
      if (!Files.exists(p)) {
        throw new IllegalArgumentException("no such file: " + p);
      }
    }
    if (instances < 40 || studies < instances || retrievals < 1 || queries < 2 || referenceInstances < 10) {
      throw new IllegalArgumentException("need INSTANCES >= 40, STUDIES >= INSTANCES, RETRIEVALS >= 1, QUERIES >= 2,"
          + " REFERENCE_INSTANCES >= 10; got " + instances + " " + studies + " " + retrievals + " " + queries + " "
          + referenceInstances);
    }
  }

  static Settings parse(String[] args) {
    if (args.length != 11) {
      throw new IllegalArgumentException("usage: " + USAGE);
    }
    return new Settings(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]),
        Path.of(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]),
        Integer.parseInt(args[9]), Integer.parseInt(args[10]));
  }
}
