/**
 * Issue 5's comparison with Orthanc (bench/orthanc.sh): Orthanc 1.10 and its DICOMweb plugin as a
 * process on a temporary configuration, the replicated and relabelled corpus both servers are fed,
 * and the STOW-RS, WADO-RS and QIDO-RS measurements that print Custos and Orthanc side by side
 * with their ratio. A harness, not a test; nothing here is used by the product, and the figures
 * go to docs/benchmarks.md by hand.
 */
package org.custos.bench.orthanc;
