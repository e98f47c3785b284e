/**
 * The STOW-RS harness (bench/stow.sh): the packaged server on a fresh instance, fed over HTTPS by
 * java.net.http clients with instances relabelled from one corpus file. The server process, the
 * clients and the relabelling are shared with the Orthanc comparison (packages dicomweb, corpus).
 */
package org.custos.bench.stow;
