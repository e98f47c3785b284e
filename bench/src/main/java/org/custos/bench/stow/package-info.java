/**
 * The STOW-RS harness (bench/stow.sh): the packaged server on a fresh instance, fed over HTTPS by
 * java.net.http clients with instances relabelled from a corpus file. Orthanc-free; the Orthanc
 * comparison of issue 5 builds on it.
 */
package org.custos.bench.stow;
